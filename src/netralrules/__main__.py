import sys

from netralrules.cli import main

sys.exit(main())

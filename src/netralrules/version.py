"""The version of netralrules, in one place: this file.

`pyproject.toml` takes the package's version from `VERSION` below (`dynamic = ["version"]`,
`[tool.hatch.version]`), so a wheel's metadata, `netralrules.__version__`, `netralrules --version`
and the engine version recorded in every decision (`mesin.versi`) all read this one constant. It is
a literal so that importing it costs nothing: reading the installed metadata (`importlib.metadata`)
cost 20-50 ms at every start of the command line. To release a new version, change it here (an
editable install's metadata keeps the old one until `pip install -e .`; tests/test_version.py
compares them).
"""

from __future__ import annotations

VERSION = "0.1.0"

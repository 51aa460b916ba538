"""Write (or, with --check, compare) the files of the VS Code extension that are generated from the
keyword table: the TextMate grammar and the language configuration (netralrules.lsp.textmate).

    python editors/vscode/scripts/generate.py           # after a keyword was added or changed
    python editors/vscode/scripts/generate.py --check   # exit 1 if a committed file is stale
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from netralrules.lsp.textmate import GENERATED, render

EXTENSION = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 if a file differs")
    args = parser.parse_args(argv)
    stale = []
    for name, build in GENERATED.items():
        path = EXTENSION / name
        text = render(build())
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        if args.check:
            stale.append(name)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(EXTENSION)}")
    if stale:
        print(f"stale (run python editors/vscode/scripts/generate.py): {', '.join(stale)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

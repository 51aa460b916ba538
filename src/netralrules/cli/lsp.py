"""The `lsp` command: the language server for editors, over stdin and stdout (docs/editors.md)."""

from __future__ import annotations

import argparse
from typing import TextIO


def add_lsp_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("lsp", help="server bahasa untuk editor (stdio) / language server for editors (stdio)")
    p.add_argument(
        "--stdio", action="store_true", help="lewat stdin/stdout (satu-satunya pilihan) / over stdio (the only transport)"
    )


def run_lsp(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:  # pygls comes with the `lsp` extra; the rest of the command line does not need it
        from netralrules.lsp.server import main
    except ImportError as error:
        err.write(f"error: server bahasa memerlukan `pip install 'netralrules[lsp]'` / the language server needs it ({error})\n")
        return 2
    main()
    return 0

"""The command line: one module per command. Each parses its arguments, calls the facade
(`netralrules.rulebook`) or the authoring functions, renders, and picks the exit code.

Exit codes: 0 clean, 1 problems found (errors; or files to reformat with `fmt --check`),
2 usage errors (bad arguments, paths that do not exist).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TextIO

from netralrules import __version__
from netralrules.cli.audit import add_audit_command, run_audit
from netralrules.cli.check import add_check_command, add_fmt_command, run_check, run_fmt
from netralrules.cli.decisions import add_decisions_command, run_decisions
from netralrules.cli.diff import add_diff_command, run_diff
from netralrules.cli.evaluate import add_evaluate_command, run_evaluate
from netralrules.cli.gaps import add_gaps_command, run_gaps
from netralrules.cli.keys import add_keys_command, run_keys
from netralrules.cli.lsp import add_lsp_command, run_lsp
from netralrules.cli.register import add_register_command, run_register
from netralrules.cli.schema import add_schema_command, run_schema
from netralrules.cli.serve import add_serve_command, run_serve
from netralrules.cli.siap import add_siap_command, run_siap
from netralrules.cli.test import add_test_command, run_test


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="netralrules",
        description="Aturan netralitas ASN sebagai kode / ASN neutrality rules as code.",
    )
    parser.add_argument("--version", action="version", version=f"netralrules {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    add_check_command(sub)
    add_evaluate_command(sub)
    add_schema_command(sub)
    add_test_command(sub)
    add_diff_command(sub)
    add_gaps_command(sub)
    add_audit_command(sub)
    add_fmt_command(sub)
    add_lsp_command(sub)
    add_siap_command(sub)
    # ---- the service (netralrules[service]) ----
    add_serve_command(sub)
    add_keys_command(sub)
    add_decisions_command(sub)
    add_register_command(sub)
    return parser


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    if args.command == "check":
        return run_check(args, out, err)
    if args.command == "evaluate":
        return run_evaluate(args, out, err)
    if args.command == "schema":
        return run_schema(out, decision=args.decision)
    if args.command == "serve":
        return run_serve(args, out, err)
    if args.command == "keys":
        return run_keys(args, out, err)
    if args.command == "decisions":
        return run_decisions(args, out, err)
    if args.command == "register":
        return run_register(args, out, err)
    if args.command == "test":
        return run_test(args, out, err)
    if args.command == "diff":
        return run_diff(args, out, err)
    if args.command == "audit":
        return run_audit(args, out, err)
    if args.command in {"gaps", "celah"}:
        return run_gaps(args, out, err)
    if args.command in {"siap", "ready"}:
        return run_siap(args, out, err)
    if args.command == "lsp":
        return run_lsp(args, out, err)
    return run_fmt(args, out, err)

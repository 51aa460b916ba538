"""The command line: one module per command. Each parses its arguments, calls the facade
(`netralrules.rulebook`) or the authoring functions, renders, and picks the exit code.

Exit codes: 0 clean, 1 problems found (errors; or files to reformat with `fmt --check`),
2 usage errors (bad arguments, paths that do not exist).
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from netralrules import __version__

# Each command: the module of `cli/` that defines it, the functions that add its parser(s), and the
# function that runs it. A command's module (and whatever it needs: the checker, the explanation,
# networkx, the service) is imported only when that command runs, or for the full parser (help,
# a usage error), so `netralrules evaluate` does not pay for `lsp` or `serve`.
_COMMANDS: tuple[tuple[str, tuple[str, ...], str, str], ...] = (
    # (module, command name and aliases, the function adding its parser, the function running it)
    ("check", ("check",), "add_check_command", "run_check"),
    ("evaluate", ("evaluate",), "add_evaluate_command", "run_evaluate"),
    ("schema", ("schema",), "add_schema_command", "run_schema"),
    ("test", ("test",), "add_test_command", "run_test"),
    ("diff", ("diff",), "add_diff_command", "run_diff"),
    ("gaps", ("gaps", "celah"), "add_gaps_command", "run_gaps"),
    ("audit", ("audit",), "add_audit_command", "run_audit"),
    ("check", ("fmt",), "add_fmt_command", "run_fmt"),
    ("lsp", ("lsp",), "add_lsp_command", "run_lsp"),
    ("siap", ("siap", "ready"), "add_siap_command", "run_siap"),
    # ---- the service (netralrules[service]) ----
    ("serve", ("serve",), "add_serve_command", "run_serve"),
    ("keys", ("keys",), "add_keys_command", "run_keys"),
    ("decisions", ("decisions",), "add_decisions_command", "run_decisions"),
    ("register", ("register",), "add_register_command", "run_register"),
)


def _module(name: str) -> Any:
    """A command's module of `cli/`, each named in a plain import (no import by a computed name)."""
    if name == "check":
        from netralrules.cli import check

        return check
    if name == "evaluate":
        from netralrules.cli import evaluate

        return evaluate
    if name == "schema":
        from netralrules.cli import schema

        return schema
    if name == "test":
        from netralrules.cli import test

        return test
    if name == "diff":
        from netralrules.cli import diff

        return diff
    if name == "gaps":
        from netralrules.cli import gaps

        return gaps
    if name == "audit":
        from netralrules.cli import audit

        return audit
    if name == "lsp":
        from netralrules.cli import lsp

        return lsp
    if name == "siap":
        from netralrules.cli import siap

        return siap
    if name == "serve":
        from netralrules.cli import serve

        return serve
    if name == "keys":
        from netralrules.cli import keys

        return keys
    if name == "register":
        from netralrules.cli import register

        return register
    from netralrules.cli import decisions

    return decisions


def _parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser: every command, or only the one named `only`."""
    parser = argparse.ArgumentParser(
        prog="netralrules",
        description="Aturan netralitas ASN sebagai kode / ASN neutrality rules as code.",
    )
    parser.add_argument("--version", action="version", version=f"netralrules {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    for module, names, add, _ in _COMMANDS:
        if only is None or only in names:
            getattr(_module(module), add)(sub)
    return parser


def _command_named(argv: Sequence[str]) -> str | None:
    """The command an argument list names, if its first argument is one (no leading option)."""
    if argv and not argv[0].startswith("-"):
        for _, names, _, _ in _COMMANDS:
            if argv[0] in names:
                return argv[0]
    return None


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    arguments = list(sys.argv[1:] if argv is None else argv)
    command = _command_named(arguments)
    # The cyclic garbage collector is paused for `evaluate` of one incident, a command of bounded
    # work: loading its modules, the rulebook and the incident allocates hundreds of thousands of
    # objects that hold no reference cycles, and each burst of allocations triggered a collection
    # walking all of them (15-20% of the command's time). Reference counting still frees
    # everything; the collector resumes when the command returns. Long runs (`evaluate --batch`,
    # `serve`, `lsp`) keep it.
    enabled = gc.isenabled()
    if command == "evaluate":
        gc.disable()
    try:
        try:
            args = _parser(command).parse_args(arguments)
        except SystemExit as exit_:
            return int(exit_.code or 0)
        if enabled and getattr(args, "batch", None):
            gc.enable()
        return _run(args, out, err)
    finally:
        if enabled:
            gc.enable()


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    for module, names, _, run in _COMMANDS:
        if args.command in names:
            runner = getattr(_module(module), run)
            if args.command == "schema":
                return int(runner(out, decision=args.decision))
            return int(runner(args, out, err))
    raise AssertionError(f"no command {args.command!r}")

"""The command line. Parses arguments, calls the public API, renders, picks the exit code.

Exit codes: 0 clean, 1 problems found (errors; or files to reformat with `fmt --check`),
2 usage errors (bad arguments, paths that do not exist).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from netralrules import __version__
from netralrules.authoring import check_paths, format_paths
from netralrules.cli.diff import add_diff_command, run_diff
from netralrules.cli.evaluate import add_commands, run_evaluate, run_schema, run_test
from netralrules.diagnostics import Text
from netralrules.diagnostics.render import render_all, to_json
from netralrules.resources import default_rulebook_path

_USAGE_CODES = {"E0001", "E0005"}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="netralrules",
        description="Aturan netralitas ASN sebagai kode / ASN neutrality rules as code.",
    )
    parser.add_argument("--version", action="version", version=f"netralrules {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="periksa berkas aturan / check rules files")
    check.add_argument("paths", nargs="*", help="berkas atau folder (bawaan: rulebook bawaan) / files or folders")
    check.add_argument("--lang", choices=("id", "en"), default="id")
    check.add_argument("--format", choices=("text", "json"), default="text", dest="output")

    add_commands(sub)
    add_diff_command(sub)

    fmt = sub.add_parser("fmt", help="rapikan berkas aturan / format rules files")
    fmt.add_argument("paths", nargs="+")
    fmt.add_argument("--check", action="store_true", help="hanya laporkan / only report, do not write")
    fmt.add_argument("--lang", choices=("id", "en"), default="id", help="bahasa kata kunci / keyword language")
    return parser


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    if args.command == "check":
        return _check(args, out, err)
    if args.command == "evaluate":
        return run_evaluate(args, out, err)
    if args.command == "schema":
        return run_schema(out)
    if args.command == "test":
        return run_test(args, out, err)
    if args.command == "diff":
        return run_diff(args, out, err)
    return _fmt(args, out, err)


def _check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    paths = args.paths or [str(default_rulebook_path())]
    report = check_paths(paths)
    if args.output == "json":
        out.write(to_json(report.diagnostics, report.sources, args.lang))
    else:
        (err if report.diagnostics else out).write(render_all(report.diagnostics, report.sources, args.lang))
        if report.ok and report.rulebook is not None:
            rb = report.rulebook
            counts = (len(rb.instruments), len(rb.provisions), len(rb.definitions))
            names = (("instrumen", "instrument"), ("ketentuan", "provision"), ("definisi", "definition"))
            # English plurals take an s; Indonesian nouns do not change.
            parts = [
                Text(f"{n} {word_id}", f"{n} {word_en}{'' if n == 1 else 's'}").get(args.lang)
                for n, (word_id, word_en) in zip(counts, names, strict=True)
            ]
            out.write(", ".join(parts) + f" — {rb.content_hash}\n")
    if any(d.code in _USAGE_CODES for d in report.diagnostics):
        return 2
    return 0 if report.ok else 1


def _fmt(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    results = format_paths(args.paths, args.lang)
    status = 0
    for result in results:
        if result.formatted is None or result.source is None:
            sources = {result.source.path: result.source} if result.source else {}
            err.write(render_all(result.diagnostics, sources, args.lang))
            status = 2 if any(d.code in _USAGE_CODES for d in result.diagnostics) else max(status, 1)
            continue
        if not result.changed:
            continue
        if args.check:
            out.write(f"perlu dirapikan / would reformat: {result.source.path}\n")
            status = max(status, 1)
        else:
            _write_atomic(Path(result.source.path), result.formatted)
            out.write(f"dirapikan / reformatted: {result.source.path}\n")
    return status


def _write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file and rename, so an interrupted run never leaves half a file."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

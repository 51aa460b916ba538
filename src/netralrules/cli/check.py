"""The `check` and `fmt` commands: rules files in, diagnostics or canonical text out. Both work on
folders that do not load as a rulebook (authoring.py)."""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path
from typing import TextIO

from netralrules.authoring import check_paths, format_paths
from netralrules.cli.common import USAGE_CODES
from netralrules.diagnostics import Text
from netralrules.diagnostics.render import render_all, to_json
from netralrules.resources import default_rulebook_path


def add_check_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = sub.add_parser("check", help="periksa berkas aturan / check rules files")
    check.add_argument("paths", nargs="*", help="berkas atau folder (bawaan: rulebook bawaan) / files or folders")
    check.add_argument(
        "--lang", choices=("id", "en"), default="id", help="bahasa pesan (bawaan: id) / language of the messages (default: id)"
    )
    check.add_argument("--format", choices=("text", "json"), default="text", dest="output")
    check.add_argument(
        "--alone",
        action="store_true",
        help="periksa berkas yang disebut saja, tanpa berkas lain di foldernya / check the files named alone, without "
        "the other files of their folder",
    )


def add_fmt_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    fmt = sub.add_parser("fmt", help="rapikan berkas aturan / format rules files")
    fmt.add_argument("paths", nargs="+")
    fmt.add_argument("--check", action="store_true", help="hanya laporkan / only report, do not write")
    fmt.add_argument(
        "--lang",
        choices=("id", "en"),
        default="id",
        help="bahasa kata kunci yang ditulis dan bahasa pesan (bawaan: id) / language of the keywords written, and of the "
        "messages (default: id)",
    )


def run_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    paths = args.paths or [str(default_rulebook_path())]
    # A file is checked with the other files of its folder (its instrument, definitions and the
    # provisions it may set aside live there), as the whole rulebook check sees it.
    report = check_paths(paths, folder=not args.alone)
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
            if rb.gaps:
                parts.append(
                    Text(f"{len(rb.gaps)} celah", f"{len(rb.gaps)} gap{'' if len(rb.gaps) == 1 else 's'}").get(args.lang)
                )
            if rb.procedures:
                n = len(rb.procedures)
                parts.append(Text(f"{n} prosedur", f"{n} procedure{'' if n == 1 else 's'}").get(args.lang))
            out.write(", ".join(parts) + f" — {rb.content_hash}\n")
            if report.folder_files:
                shown = ", ".join(report.folder_files)
                out.write(
                    Text(f"diperiksa bersama foldernya: {shown}", f"checked with its folder: {shown}").get(args.lang) + "\n"
                )
    if any(d.code in USAGE_CODES for d in report.diagnostics):
        return 2
    return 0 if report.ok else 1


def run_fmt(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    results = format_paths(args.paths, args.lang)
    status = 0
    for result in results:
        if result.formatted is None or result.source is None:
            sources = {result.source.path: result.source} if result.source else {}
            err.write(render_all(result.diagnostics, sources, args.lang))
            status = 2 if any(d.code in USAGE_CODES for d in result.diagnostics) else max(status, 1)
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

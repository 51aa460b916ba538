"""`netralrules evaluate --batch IN.jsonl --out OUT.jsonl [--workers N] [--resume]`.

Output goes to `OUT.jsonl.partial`, one complete line per input line, and is renamed to
`OUT.jsonl` only when every line is done: `OUT.jsonl` is never half written. An interrupted run
(Ctrl-C, a kill, a crash) leaves the `.partial` file; `--resume` keeps its complete lines, drops
a torn last line if there is one, and carries on from the next input line.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path
from typing import BinaryIO, TextIO

from netralrules.tools.batch import default_workers, evaluate_lines, read_lines

PROGRESS_EVERY = 0.2  # seconds between redraws of the progress line
FLUSH_EVERY = 256  # output lines between flushes of the .partial file


def add_arguments(ev: argparse.ArgumentParser) -> None:
    ev.add_argument(
        "--batch", metavar="IN.jsonl", help="nilai banyak insiden, satu JSON per baris / many incidents, one JSON per line"
    )
    ev.add_argument("--out", metavar="OUT.jsonl", help="keluaran --batch, satu baris per baris masukan / --batch output")
    ev.add_argument("--workers", type=int, default=None, metavar="N", help="proses paralel (bawaan: semua inti) / processes")
    ev.add_argument("--resume", action="store_true", help="lanjutkan --batch yang terhenti / continue an interrupted --batch")


def run_batch(args: argparse.Namespace, err: TextIO) -> int:
    if not args.out:
        err.write("error: --batch memerlukan --out / --batch needs --out\n")
        return 2
    if args.incident:
        err.write("error: berikan berkas insiden atau --batch, bukan keduanya / give an incident file or --batch, not both\n")
        return 2
    workers = default_workers() if args.workers is None else args.workers
    if workers < 1:
        err.write("error: --workers minimal 1 / --workers must be at least 1\n")
        return 2
    source, target = Path(args.batch), Path(args.out)
    partial = target.with_name(target.name + ".partial")
    try:
        done = _resume_point(partial) if args.resume and partial.exists() else 0
        total = _count_lines(source) if err.isatty() else None
        with source.open("rb") as lines_in, partial.open("r+b" if done else "wb") as sink:
            sink.seek(0, os.SEEK_END)
            return _run(lines_in, sink, args, workers, done, total, err, partial, target)
    except OSError as error:
        err.write(f"error: {error.filename or source}: {error.strerror or error} / cannot read or write\n")
        return 2


def _run(
    lines_in: BinaryIO,
    sink: BinaryIO,
    args: argparse.Namespace,
    workers: int,
    done: int,
    total: int | None,
    err: TextIO,
    partial: Path,
    target: Path,
) -> int:
    progress = _Progress(err, total, done) if total is not None else None
    written, errors = done, 0
    try:
        outputs = evaluate_lines(read_lines(lines_in, skip=done), args.rules, workers=workers, first_line=done + 1)
        for out in outputs:
            sink.write(out.encode("utf-8") + b"\n")
            written += 1
            errors += out.startswith('{"baris":')
            if written % FLUSH_EVERY == 0:
                sink.flush()
            if progress is not None:
                progress.update(written)
    except KeyboardInterrupt:
        sink.flush()
        if progress is not None:
            progress.finish(written)
        err.write(
            f"dihentikan setelah {written} baris; lanjutkan dengan --resume / "
            f"interrupted after {written} lines; continue with --resume ({partial})\n"
        )
        return 130
    sink.flush()
    os.fsync(sink.fileno())
    os.replace(partial, target)
    if progress is not None:
        progress.finish(written)
    if errors:
        err.write(
            f"{written} baris, {errors} tidak sah (lihat `kesalahan` di {target}) / "
            f"{written} lines, {errors} invalid (see `kesalahan` in {target})\n"
        )
        return 1
    return 0


def _resume_point(partial: Path) -> int:
    """How many complete lines a .partial file holds; a torn last line is cut off."""
    complete = 0
    end = 0
    with partial.open("rb") as handle:
        for raw in iter(lambda: handle.readline(), b""):
            if not raw.endswith(b"\n"):
                break
            complete += 1
            end += len(raw)
    with partial.open("r+b") as handle:
        handle.truncate(end)
    return complete


def _count_lines(path: Path) -> int:
    count, last = 0, b"\n"
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            count += block.count(b"\n")
            last = block[-1:]
    return count + (last != b"\n")


class _Progress:
    """One line on a terminal: lines done of all, rate, time left."""

    def __init__(self, err: TextIO, total: int, start: int) -> None:
        self.err, self.total, self.start = err, total, start
        self.began = self.shown = time.monotonic()

    def update(self, done: int, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self.shown < PROGRESS_EVERY:
            return
        self.shown = now
        rate = (done - self.start) / max(now - self.began, 1e-9)
        left = (self.total - done) / rate if rate > 0 else 0.0
        share = done / self.total if self.total else 1.0
        bar = "#" * int(share * 30)
        self.err.write(f"\r[{bar:<30}] {done:,}/{self.total:,} baris  {rate:,.0f}/s  sisa/ETA {_clock(left)} ")
        self.err.flush()

    def finish(self, done: int) -> None:
        self.update(done, force=True)
        self.err.write("\n")


def _clock(seconds: float) -> str:
    s = int(seconds + 0.5)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"

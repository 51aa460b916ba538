"""`netralrules evaluate --batch IN.jsonl --out OUT.jsonl [--workers N] [--resume]`.

Output goes to `OUT.jsonl.partial`, one complete line per input line, and is renamed to
`OUT.jsonl` only when every line is done: `OUT.jsonl` is never half written. An interrupted run
(Ctrl-C, a kill, a crash) leaves the `.partial` file; `--resume` keeps its complete lines, drops
a torn last line if there is one, and carries on from the next input line. The `.partial` file is
bound to its input by `OUT.jsonl.partial.input` (the input's path, size and SHA-256): `--resume`
refuses a `.partial` made from another input, or from this one since changed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import time
from pathlib import Path
from typing import BinaryIO, TextIO

from netralrules.source import printable
from netralrules.tools.batch import default_workers, evaluate_lines, read_lines

PROGRESS_EVERY = 0.2  # seconds between redraws of the progress line
FLUSH_EVERY = 256  # output lines between flushes of the .partial file


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
    binding = partial.with_name(partial.name + ".input")
    if _same_file(source, target) or _same_file(source, partial):
        err.write(printable(f"error: --out {target} akan menimpa masukan / --out would overwrite the input {source}\n"))
        return 2
    try:
        identity = _identity(source, args.outcomes)
        done, errors = 0, 0
        if args.resume and partial.exists():
            if not binding.exists() or json.loads(binding.read_text(encoding="utf-8")) != identity:
                err.write(
                    printable(
                        f"error: {partial} dibuat dari masukan lain atau masukan telah berubah; hapus berkas itu atau "
                        f"jalankan tanpa --resume / {partial} was made from another input, or the input has changed "
                        "since; delete it or run without --resume\n"
                    )
                )
                return 2
            done, errors = _resume_point(partial)
        total = _count_lines(source) if err.isatty() else None
        with source.open("rb") as lines_in:
            if not done:
                binding.write_text(json.dumps(identity, sort_keys=True), encoding="utf-8")
            with partial.open("r+b" if done else "wb") as sink:
                sink.seek(0, os.SEEK_END)
                return _run(lines_in, sink, args, workers, (done, errors), total, err, partial, target)
    except _WriteError as error:
        cause = error.__cause__
        reason = cause.strerror if isinstance(cause, OSError) and cause.strerror else str(cause)
        err.write(printable(f"error: {partial}: {reason} / cannot write the output\n"))
        return 2
    except OSError as error:
        err.write(printable(f"error: {error.filename or source}: {error.strerror or error} / cannot read or write\n"))
        return 2


class _WriteError(Exception):
    """Writing the output failed (a full disk, a quota): the output file is to blame, not the input."""


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def _identity(source: Path, outcomes: str = "compact") -> dict[str, object]:
    """What binds a .partial file to its input: the input's path, size and SHA-256, and the form of
    the records (a resumed run writes records of the same form as the lines already written)."""
    hasher = hashlib.sha256()
    size = 0
    with source.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            hasher.update(block)
            size += len(block)
    return {"path": str(source.resolve()), "size": size, "sha256": hasher.hexdigest(), "outcomes": outcomes}


def _run(
    lines_in: BinaryIO,
    sink: BinaryIO,
    args: argparse.Namespace,
    workers: int,
    start: tuple[int, int],
    total: int | None,
    err: TextIO,
    partial: Path,
    target: Path,
) -> int:
    done, errors = start  # lines already in the .partial file, and how many of them are error records
    progress = _Progress(err, total, done) if total is not None else None
    written = done
    try:
        outputs = evaluate_lines(
            read_lines(lines_in, skip=done),
            args.rules,
            workers=workers,
            first_line=done + 1,
            all_outcomes=args.outcomes == "all",
        )
        for out in outputs:
            _write(sink, out.encode("utf-8") + b"\n", flush=(written + 1) % FLUSH_EVERY == 0)
            written += 1
            errors += out.startswith('{"baris":')
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
    try:
        sink.flush()
        os.fsync(sink.fileno())
    except OSError as error:
        raise _WriteError from error
    os.replace(partial, target)
    partial.with_name(partial.name + ".input").unlink(missing_ok=True)
    if progress is not None:
        progress.finish(written)
    if errors:
        err.write(
            f"{written} baris, {errors} tidak sah (lihat `kesalahan` di {target}) / "
            f"{written} lines, {errors} invalid (see `kesalahan` in {target})\n"
        )
        return 1
    return 0


def _write(sink: BinaryIO, data: bytes, flush: bool) -> None:
    try:
        sink.write(data)
        if flush:
            sink.flush()
    except OSError as error:
        raise _WriteError from error


def _resume_point(partial: Path) -> tuple[int, int]:
    """How many complete lines a .partial file holds, and how many of them are error records (the
    summary of a resumed run counts every line, not only its own); a torn last line is cut off."""
    complete = errors = 0
    end = 0
    with partial.open("rb") as handle:
        for raw in iter(lambda: handle.readline(), b""):
            if not raw.endswith(b"\n"):
                break
            complete += 1
            errors += raw.startswith(b'{"baris":')
            end += len(raw)
    with partial.open("r+b") as handle:
        handle.truncate(end)
    return complete, errors


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

"""Batch evaluation: a stream of JSON lines (one incident each) → a stream of JSON lines (one
decision or one error record each), in the same order. Nothing is lost: input line i gives output
line i, a bad line gives an error record naming it instead of stopping the run.

    for out in evaluate_lines(lines, workers=4):   # lines: bytes, without their newline
        sink.write(out + "\\n")

Work is spread over processes (each loads the rulebook once) in chunks, with a bounded number of
chunks in flight, so memory stays flat however long the input is. No printing here; the CLI
(`netralrules evaluate --batch`) adds files, resuming and the progress bar.
"""

from __future__ import annotations

import collections
import json
import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any

from netralrules.facts.loading import MAX_INCIDENT_BYTES
from netralrules.rulebook import Rulebook, load_rulebook

CHUNK = 64  # lines per task: large enough to pay for the trip to a worker, small enough to stay fair
IN_FLIGHT_PER_WORKER = 2
MAX_LINE_BYTES = MAX_INCIDENT_BYTES  # a line is an incident: the one limit (facts.loading)
TOO_LONG = b"\x00netralrules:line-too-long"  # what a reader passes for a line it did not keep


def error_record(line: int, code: str, id_text: str, en_text: str, problems: Sequence[dict[str, Any]] = ()) -> dict[str, Any]:
    """The output for a line that holds no valid incident."""
    return {"baris": line, "kesalahan": {"kode": code, "pesan": id_text, "message": en_text, "masalah": list(problems)}}


def evaluate_line(raw: bytes, line: int, rulebook: Rulebook, *, explain: bool = False, all_outcomes: bool = False) -> str:
    """One input line → one output line (a decision, or an error record), compact JSON. By default
    the record is compact: the findings, the determination, the assessments and the unresolved
    items, without the outcome of every provision considered (`all_outcomes` keeps those)."""
    from netralrules.facts import IncidentError

    if raw == TOO_LONG:
        limit = MAX_LINE_BYTES // (1024 * 1024)
        record = error_record(line, "E0401", f"baris lebih dari {limit} MiB", f"the line is longer than {limit} MiB")
        return _dumps(record)
    text = raw.decode("utf-8", errors="replace").lstrip("\ufeff").strip()
    if not text or text[0] not in "{[":
        what = ("baris kosong", "empty line") if not text else ("baris ini bukan JSON", "this line is not JSON")
        return _dumps(error_record(line, "E0401", f"teks JSON tidak sah ({what[0]})", f"malformed JSON: {what[1]}"))
    try:
        decision = rulebook.evaluate(raw, explain=explain, source=f"baris {line}")
    except IncidentError as error:
        first = error.problems[0]
        problems = [
            # Within a one-line record only the column says where; `baris` is the input line.
            {"lokasi": p.path, "kode": p.code, "pesan": p.message.id, "message": p.message.en, "kolom": p.column}
            for p in error.problems
        ]
        return _dumps(error_record(line, first.code, first.message.id, first.message.en, problems))
    except Exception as error:  # a fault of the engine, not of the line: recorded, and the run goes on
        name = type(error).__name__
        return _dumps(error_record(line, "E0498", f"kesalahan internal mesin ({name})", f"internal engine error ({name})"))
    return _dumps(decision.to_dict(include_explanation=explain, all_outcomes=all_outcomes))


def _dumps(value: dict[str, Any]) -> str:
    # One line per record; sorted keys keep the output reproducible byte for byte.
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def evaluate_lines(
    lines: Iterable[bytes],
    rules: Sequence[str] | None = None,
    *,
    workers: int = 1,
    first_line: int = 1,
    explain: bool = False,
    chunk: int = CHUNK,
    all_outcomes: bool = False,
) -> Iterator[str]:
    """Evaluate each line (numbered from `first_line`), yielding one output line per input line, in
    order. `rules`: rules files or folders (default: the bundled rulebook)."""
    numbered = enumerate(lines, first_line)
    if workers <= 1:
        rulebook = load_rulebook(rules)
        for number, raw in numbered:
            yield evaluate_line(raw, number, rulebook, explain=explain, all_outcomes=all_outcomes)
        return
    window: collections.deque[Future[list[str]]] = collections.deque()
    initargs = (tuple(rules or ()), explain, os.getpid(), all_outcomes)
    with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=initargs) as pool:
        try:
            while True:
                while len(window) < workers * IN_FLIGHT_PER_WORKER:
                    batch = list(islice(numbered, chunk))
                    if not batch:
                        break
                    window.append(pool.submit(_run_chunk, batch))
                if not window:
                    return
                yield from window.popleft().result()
        finally:
            for pending in window:
                pending.cancel()


_worker: dict[str, Any] = {}  # in each worker process: its rulebook and options, loaded once


def _start_worker(rules: tuple[str, ...], explain: bool, parent: int, all_outcomes: bool = False) -> None:
    # Ctrl-C reaches the whole process group; the parent alone decides what it means (stop, keep
    # what is written), so a worker must not die of it half-way through a chunk.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent)
    _worker["rulebook"] = load_rulebook(list(rules) or None)
    _worker["explain"] = explain
    _worker["all_outcomes"] = all_outcomes


def _die_with_parent(parent: int) -> None:
    """A worker whose parent is killed (SIGKILL: no clean-up runs) ends too, instead of running on
    as an orphan holding its memory: the kernel kills it (Linux `PR_SET_PDEATHSIG`), and elsewhere a
    watch thread sees the parent gone within a second."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="netralrules-parent-watch", daemon=True).start()


def _run_chunk(batch: list[tuple[int, bytes]]) -> list[str]:
    rulebook, explain, every = _worker["rulebook"], _worker["explain"], _worker["all_outcomes"]
    return [evaluate_line(raw, number, rulebook, explain=explain, all_outcomes=every) for number, raw in batch]


def read_lines(stream: Any, skip: int = 0) -> Iterator[bytes]:
    """The lines of a binary stream without their line endings, lazily, after skipping `skip`.
    A final line without a newline is a line; a line longer than MAX_LINE_BYTES is read through
    but passed on as TOO_LONG."""
    number = 0
    while True:
        raw = stream.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):
                raw = stream.readline(1024 * 1024)
            raw = TOO_LONG
        number += 1
        if number <= skip:
            continue
        yield raw if raw == TOO_LONG else raw.rstrip(b"\n").rstrip(b"\r")


def default_workers() -> int:
    """All cores."""
    return os.cpu_count() or 1

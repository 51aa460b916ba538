"""Issue 13, silent loss in batch mode: the input is never overwritten, a `.partial` file resumes
only the input it was made from, the summary counts every line, no worker outlives a killed
parent, a full disk names the output, and one poison line does not stop the run."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from netralrules.cli import batch as cli_batch
from netralrules.cli import main
from netralrules.tools import batch as tools_batch
from netralrules.tools.batch import evaluate_line
from tests.test_batch import incident, write_lines

POISON = '{"id":"x","pemilu":{"tanggal_penetapan":"0001-01-01"},"tindakan":[{"tanggal":"2024-05-01","jenis":"ikut_kampanye"}]}'


def run(*args: str) -> tuple[int, str]:
    err = io.StringIO()
    code = main(["evaluate", *args], stdout=io.StringIO(), stderr=err)
    return code, err.getvalue()


def test_out_equal_to_batch_is_refused_and_the_input_kept(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    write_lines(source, [json.dumps(incident(1))])
    before = source.read_bytes()
    code, err = run("--batch", str(source), "--out", str(source), "--workers", "1")
    assert code == 2 and "overwrite the input" in err
    code, _ = run("--batch", str(source), "--out", str(tmp_path / "." / "in.jsonl"), "--workers", "1")
    assert code == 2
    assert source.read_bytes() == before


def _interrupt_after(lines: int) -> Any:
    """`evaluate_lines` as it behaves when Ctrl-C arrives after `lines` output lines."""
    real = tools_batch.evaluate_lines

    def interrupted(*args: Any, **kwargs: Any) -> Any:
        for count, out in enumerate(real(*args, **kwargs)):
            if count == lines:
                raise KeyboardInterrupt
            yield out

    return interrupted


def test_a_stale_partial_from_another_input_is_not_resumed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second, target = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "out.jsonl"
    write_lines(first, [json.dumps(incident(i)) for i in range(40)])
    write_lines(second, [json.dumps(incident(i)) for i in range(100, 140)])
    real = tools_batch.evaluate_lines
    monkeypatch.setattr(cli_batch, "evaluate_lines", _interrupt_after(10))
    assert run("--batch", str(first), "--out", str(target), "--workers", "1")[0] == 130
    monkeypatch.setattr(cli_batch, "evaluate_lines", real)
    code, err = run("--batch", str(second), "--out", str(target), "--workers", "1", "--resume")
    assert code == 2 and "another input" in err and not target.exists()
    # The input it was made from resumes; the output is what one uninterrupted run gives.
    assert run("--batch", str(first), "--out", str(target), "--workers", "1", "--resume")[0] == 0
    fresh = tmp_path / "fresh.jsonl"
    assert run("--batch", str(first), "--out", str(fresh), "--workers", "1")[0] == 0
    assert target.read_bytes() == fresh.read_bytes()
    assert not (tmp_path / "out.jsonl.partial.input").exists()


def test_the_summary_after_a_resume_counts_bad_lines_of_every_segment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_lines(source, ["not json", "{}", *(json.dumps(incident(i)) for i in range(20))])
    real = tools_batch.evaluate_lines
    monkeypatch.setattr(cli_batch, "evaluate_lines", _interrupt_after(5))
    assert run("--batch", str(source), "--out", str(target), "--workers", "1")[0] == 130
    monkeypatch.setattr(cli_batch, "evaluate_lines", real)
    code, err = run("--batch", str(source), "--out", str(target), "--workers", "1", "--resume")
    assert code == 1 and "22 lines, 2 invalid" in err


def test_a_full_disk_names_the_output_not_the_input(tmp_path: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_lines(source, [json.dumps(incident(i)) for i in range(3)])
    (tmp_path / "out.jsonl.partial").symlink_to("/dev/full")  # every write: ENOSPC
    code, err = run("--batch", str(source), "--out", str(target), "--workers", "1")
    assert code == 2 and "out.jsonl.partial" in err and "in.jsonl" not in err and "No space left" in err


def test_one_poison_line_does_not_stop_the_run(tmp_path: Path) -> None:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_lines(source, [json.dumps(incident(1)), POISON, json.dumps(incident(2))])
    assert run("--batch", str(source), "--out", str(target), "--workers", "1")[0] == 0
    assert [json.loads(line)["insiden"] for line in target.read_text().splitlines()] == ["UJI-0001", "x", "UJI-0002"]


def test_an_engine_fault_on_one_line_becomes_its_error_record() -> None:
    class Broken:
        def evaluate(self, *args: Any, **kwargs: Any) -> Any:
            raise RecursionError("deep")

    record = json.loads(evaluate_line(b'{"id": "x"}', 7, Broken()))  # type: ignore[arg-type]
    assert record["baris"] == 7 and record["kesalahan"]["kode"] == "E0498"


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(x) for x in (task / "children").read_text().split()]
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc")
def test_no_worker_outlives_a_killed_parent(tmp_path: Path) -> None:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_lines(source, [json.dumps(incident(i)) for i in range(4000)])
    command = [sys.executable, "-m", "netralrules", "evaluate", "--batch", str(source), "--out", str(target), "--workers", "2"]
    process = subprocess.Popen(command, stderr=subprocess.DEVNULL, start_new_session=True)
    workers: list[int] = []
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline and len(workers) < 2:
        time.sleep(0.1)
        workers = _children(process.pid)
    assert len(workers) >= 2, "the workers did not start"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    orphans = [w for w in workers if _alive(w)]
    for w in orphans:
        os.kill(w, signal.SIGKILL)
    assert not orphans

"""Batch evaluation (`netralrules evaluate --batch`): one output line per input line, in order,
bad lines recorded where they are, decisions as single evaluations give them, and an interrupted
run that never leaves a half-written output and resumes where it stopped."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from netralrules.cli import batch as cli_batch
from netralrules.cli import main
from netralrules.rulebook import evaluate
from netralrules.tools.batch import evaluate_lines

ELECTION = {
    "jenis": "pilkada_bupati",
    "tanggal_penetapan": "2024-09-22",
    "kampanye_mulai": "2024-09-25",
    "kampanye_selesai": "2024-11-23",
    "tanggal_pemungutan": "2024-11-27",
}


def incident(i: int) -> dict[str, Any]:
    kinds = ["ikut_kampanye", "ajakan", "surat_dukungan_ktp", "unggah_media_sosial", "keputusan_atau_tindakan"]
    return {
        "id": f"UJI-{i:04d}",
        "responden": {"status_kepegawaian": ["PNS", "CPNS", "PPPK"][i % 3]},
        "pemilu": ELECTION,
        "tindakan": [
            {
                "tanggal": f"2024-10-{1 + i % 28:02d}",
                "jenis": kinds[i % 5],
                "atribut_partai": i % 2 == 0,
                "sasaran": "masyarakat" if i % 5 == 1 else None,
                "menguntungkan_atau_merugikan_calon": None if i % 7 == 0 else True,
            }
        ],
    }


def write_lines(path: Path, lines: list[str]) -> None:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def run(*args: str) -> tuple[int, str]:
    err = io.StringIO()
    code = main(["evaluate", *args], stdout=io.StringIO(), stderr=err)
    return code, err.getvalue()


def test_every_line_gives_one_line_in_order_with_bad_lines_recorded_where_they_are(tmp_path: Path) -> None:
    good = [json.dumps(incident(i)) for i in range(150)]
    bad = {
        40: "{tidak json",
        41: "",
        42: "   ",
        90: json.dumps({"id": "X", "tindakan": []}),
        91: "[1, 2]",
        120: json.dumps({**incident(0), "responden": {"status_kepegawaian": "presiden"}}),
    }
    lines = list(good)
    for index in sorted(bad):
        lines.insert(index, bad[index])
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_lines(source, lines)
    code, err = run("--batch", str(source), "--out", str(target), "--workers", "2")
    assert code == 1 and "6 tidak sah" in err
    out = target.read_text(encoding="utf-8").splitlines()
    assert len(out) == len(lines)
    good_lines = iter(good)
    for number, (line_in, line_out) in enumerate(zip(lines, out, strict=True), 1):
        record = json.loads(line_out)
        if number - 1 in bad:
            assert record["baris"] == number
            assert record["kesalahan"]["kode"].startswith("E04")
            assert record["kesalahan"]["pesan"] and record["kesalahan"]["message"]
        else:
            expected = evaluate(json.loads(next(good_lines)), explain=False).to_dict(all_outcomes=False)
            assert line_in and record == expected
    codes = {json.loads(out[i])["kesalahan"]["kode"] for i in bad}
    assert codes >= {"E0401", "E0403", "E0411", "E0407"}
    assert not (tmp_path / "out.jsonl.partial").exists()


def test_records_are_compact_by_default_and_whole_with_outcomes_all(tmp_path: Path) -> None:
    """Issue 14: a batch record holds the findings, the determination, the assessments and the
    unresolved items; `--outcomes all` adds the outcome of every provision considered. Both are
    valid decisions under the published JSON Schema."""
    import jsonschema_rs

    from netralrules.evaluation.procedure import compact_procedure
    from netralrules.tools.records import decision_json_schema

    lines = [json.dumps(incident(i)) for i in range(20)]
    source = tmp_path / "in.jsonl"
    write_lines(source, lines)
    assert run("--batch", str(source), "--out", str(tmp_path / "compact.jsonl"), "--workers", "1")[0] == 0
    assert run("--batch", str(source), "--out", str(tmp_path / "all.jsonl"), "--workers", "2", "--outcomes", "all")[0] == 0
    compact = (tmp_path / "compact.jsonl").read_text(encoding="utf-8").splitlines()
    whole = (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()
    validator = jsonschema_rs.validator_for(decision_json_schema())
    for line, small, big in zip(lines, compact, whole, strict=True):
        full = evaluate(json.loads(line), explain=False).to_dict()
        short, long = json.loads(small), json.loads(big)
        assert long == full and validator.is_valid(short) and validator.is_valid(long)
        assert short["ringkas"] is True and "ringkas" not in long
        assert all("ketentuan_dipertimbangkan" not in act for act in short["tindakan"])
        # The procedure keeps its data without prose and sources; everything else is the whole decision's.
        assert short["prosedur"] == (compact_procedure(full["prosedur"]) if full["prosedur"] else None)
        assert {k: v for k, v in short.items() if k not in ("tindakan", "ringkas", "prosedur")} == {
            k: v for k, v in full.items() if k not in ("tindakan", "prosedur")
        }
        assert [{k: v for k, v in a.items() if k != "ketentuan_dipertimbangkan"} for a in full["tindakan"]] == short["tindakan"]
        assert len(small) * 3 < len(big)


def test_a_resumed_run_keeps_the_form_of_the_records_already_written(tmp_path: Path) -> None:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_lines(source, [json.dumps(incident(i)) for i in range(5)])
    partial = tmp_path / "out.jsonl.partial"
    assert run("--batch", str(source), "--out", str(target), "--workers", "1")[0] == 0
    # A stale partial bound to the compact form: resuming with `--outcomes all` must refuse it.
    partial.write_text(target.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    binding = tmp_path / "out.jsonl.partial.input"
    identity = cli_batch._identity(source, "compact")
    binding.write_text(json.dumps(identity, sort_keys=True), encoding="utf-8")
    code, err = run("--batch", str(source), "--out", str(target), "--resume", "--outcomes", "all")
    assert code == 2, err


def test_workers_do_not_change_the_output(tmp_path: Path) -> None:
    lines = [json.dumps(incident(i)) for i in range(300)]
    one = list(evaluate_lines((line.encode() for line in lines), workers=1))
    two = list(evaluate_lines((line.encode() for line in lines), workers=2, chunk=7))
    assert one == two
    assert [json.loads(o)["insiden"] for o in two] == [f"UJI-{i:04d}" for i in range(300)]


def test_a_last_line_without_newline_and_crlf_lines_count(tmp_path: Path) -> None:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_bytes((json.dumps(incident(1)) + "\r\n" + json.dumps(incident(2))).encode())
    assert run("--batch", str(source), "--out", str(target), "--workers", "1")[0] == 0
    assert [json.loads(line)["insiden"] for line in target.read_text().splitlines()] == ["UJI-0001", "UJI-0002"]


def test_an_interrupted_run_leaves_no_output_and_resumes_to_the_same_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = [json.dumps(incident(i)) for i in range(60)]
    source, target, partial = tmp_path / "in.jsonl", tmp_path / "out.jsonl", tmp_path / "out.jsonl.partial"
    write_lines(source, lines)
    real = evaluate_lines

    def interrupted(*args: Any, **kwargs: Any) -> Iterator[str]:
        for count, out in enumerate(real(*args, **kwargs)):
            if count == 25:
                raise KeyboardInterrupt
            yield out

    monkeypatch.setattr(cli_batch, "evaluate_lines", interrupted)
    code, err = run("--batch", str(source), "--out", str(target), "--workers", "1")
    assert code == 130 and "--resume" in err
    assert not target.exists()
    assert partial.read_bytes().endswith(b"\n") and len(partial.read_text().splitlines()) == 25
    monkeypatch.setattr(cli_batch, "evaluate_lines", real)
    assert run("--batch", str(source), "--out", str(target), "--workers", "1", "--resume")[0] == 0
    fresh = tmp_path / "fresh.jsonl"
    assert run("--batch", str(source), "--out", str(fresh), "--workers", "1")[0] == 0
    assert target.read_bytes() == fresh.read_bytes()
    assert not partial.exists()


def test_resume_drops_a_torn_last_line(tmp_path: Path) -> None:
    lines = [json.dumps(incident(i)) for i in range(10)]
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_lines(source, lines)
    fresh = tmp_path / "fresh.jsonl"
    run("--batch", str(source), "--out", str(fresh), "--workers", "1")
    done = fresh.read_bytes().split(b"\n")
    (tmp_path / "out.jsonl.partial").write_bytes(b"\n".join(done[:4]) + b"\n" + done[4][:30])  # killed mid-write
    (tmp_path / "out.jsonl.partial.input").write_text(json.dumps(cli_batch._identity(source)))  # as the run left it
    assert run("--batch", str(source), "--out", str(target), "--workers", "1", "--resume")[0] == 0
    assert target.read_bytes() == fresh.read_bytes()


def test_a_killed_process_resumes_to_the_same_result(tmp_path: Path) -> None:
    lines = [json.dumps(incident(i)) for i in range(3000)]
    source, target, partial = tmp_path / "in.jsonl", tmp_path / "out.jsonl", tmp_path / "out.jsonl.partial"
    write_lines(source, lines)
    command = [sys.executable, "-m", "netralrules", "evaluate", "--batch", str(source), "--out", str(target), "--workers", "1"]
    process = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline and not (partial.exists() and partial.stat().st_size > 0):
        time.sleep(0.05)
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait()
    if not target.exists():  # killed before the end, as intended
        assert partial.exists()
        assert subprocess.run([*command, "--resume"], stderr=subprocess.DEVNULL).returncode == 0
    fresh = tmp_path / "fresh.jsonl"
    assert run("--batch", str(source), "--out", str(fresh), "--workers", "1")[0] == 0
    assert target.read_bytes() == fresh.read_bytes()


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal(tmp_path: Path) -> None:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_lines(source, [json.dumps(incident(i)) for i in range(5)])
    quiet = run("--batch", str(source), "--out", str(target), "--workers", "1")
    assert quiet == (0, "")
    terminal = _Terminal()
    assert (
        main(["evaluate", "--batch", str(source), "--out", str(target), "--workers", "1"], stdout=io.StringIO(), stderr=terminal)
        == 0
    )
    shown = terminal.getvalue()
    assert "5/5 baris" in shown and "/s" in shown and "ETA" in shown


def test_usage_errors(tmp_path: Path) -> None:
    assert run("--batch", str(tmp_path / "in.jsonl"))[0] == 2
    assert run("--batch", str(tmp_path / "tidak_ada.jsonl"), "--out", str(tmp_path / "o.jsonl"))[0] == 2
    assert run()[0] == 2


def test_ctrl_c_with_workers_stops_cleanly_and_resumes(tmp_path: Path) -> None:
    lines = [json.dumps(incident(i)) for i in range(3000)]
    source, target, partial = tmp_path / "in.jsonl", tmp_path / "out.jsonl", tmp_path / "out.jsonl.partial"
    write_lines(source, lines)
    command = [sys.executable, "-m", "netralrules", "evaluate", "--batch", str(source), "--out", str(target), "--workers", "2"]

    def own_group_with_ctrl_c() -> None:  # as a terminal would start it: Ctrl-C reaches the whole group
        os.setpgrp()
        signal.signal(signal.SIGINT, signal.SIG_DFL)

    process = subprocess.Popen(command, stderr=subprocess.PIPE, preexec_fn=own_group_with_ctrl_c)
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline and not (partial.exists() and partial.stat().st_size > 0):
        time.sleep(0.05)
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=120)
    if not target.exists():  # interrupted before the end, as intended
        assert process.returncode == 130 and b"--resume" in err
        assert partial.read_bytes().endswith(b"\n")  # only complete lines
        assert subprocess.run([*command, "--resume"], stderr=subprocess.DEVNULL).returncode == 0
    fresh = tmp_path / "fresh.jsonl"
    assert run("--batch", str(source), "--out", str(fresh), "--workers", "1")[0] == 0
    assert target.read_bytes() == fresh.read_bytes()

"""`netralrules test`: YAML rule cases, their failures, and coverage thresholds."""

from __future__ import annotations

import io
from pathlib import Path

from netralrules.cli import main

CASE = """
- nama: PNS memakai kaos partai di kampanye
  insiden:
    responden: {status_kepegawaian: PNS}
    pemilu: {tanggal_penetapan: 2024-09-22, kampanye_mulai: 2024-09-25, kampanye_selesai: 2024-11-23}
    tindakan:
      - {tanggal: 2024-10-12, jenis: ikut_kampanye, atribut_partai: true, mengerahkan_pns_lain: false, fasilitas_negara: false}
  harapan:
    berlaku: [pp94.pasal5.n.2]
    dikecualikan: [pp94.pasal5.n.1]
    disiplin: %s
"""


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_bundled_cases_pass_with_full_provision_coverage() -> None:
    code, out, err = run("test", "--min-provision-coverage", "100")
    assert code == 0, out + err
    assert "GAGAL" not in out and "cakupan ketentuan 100%" in out


def test_a_wrong_expectation_fails_and_says_why(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(CASE % "sedang", encoding="utf-8")
    assert run("test", str(tmp_path))[0] == 0
    (tmp_path / "a.yaml").write_text(CASE % "berat", encoding="utf-8")
    code, out, _ = run("test", str(tmp_path))
    assert code == 1 and "GAGAL" in out and "disiplin: diharapkan berat, ternyata sedang" in out
    (tmp_path / "a.yaml").write_text(
        (CASE % "sedang").replace("berlaku: [pp94.pasal5.n.2]", "berlaku: [pp94.pasal5.n.4]"), encoding="utf-8"
    )
    code, out, _ = run("test", str(tmp_path))
    assert code == 1 and "`pp94.pasal5.n.4`: diharapkan berlaku, ternyata tidak_berlaku" in out


def test_bad_case_files_are_failures_not_crashes(tmp_path: Path) -> None:
    (tmp_path / "rusak.yaml").write_text("- nama: [tidak ditutup\n", encoding="utf-8")
    (tmp_path / "bukan_daftar.yaml").write_text("nama: x\n", encoding="utf-8")
    (tmp_path / "insiden_salah.yaml").write_text(
        "- nama: jenis tindakan salah\n  insiden: {tindakan: [{tanggal: 2024-01-01, jenis: menari}]}\n  harapan: {}\n",
        encoding="utf-8",
    )
    (tmp_path / "harapan_salah.yaml").write_text((CASE % "sedang").replace("disiplin:", "disipln:"), encoding="utf-8")
    code, out, _ = run("test", str(tmp_path))
    assert code == 1 and out.count("GAGAL") == 4
    assert "tindakan[0].jenis" in out and "harapan tidak dikenal: disipln" in out


def test_coverage_threshold(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(CASE % "sedang", encoding="utf-8")
    code, _, err = run("test", str(tmp_path), "--min-provision-coverage", "100")
    assert code == 1 and "cakupan ketentuan / provision" in err
    assert run("test", str(tmp_path / "kosong"))[0] == 2

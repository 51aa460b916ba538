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


VILLAGE_HEAD = """
- nama: {name}
  insiden:
    responden: {{status_kepegawaian: kepala_desa}}
    pemilu: {{jenis: pemilu_presiden, tanggal_penetapan: 2023-11-13, kampanye_mulai: 2023-11-28, kampanye_selesai: 2024-02-10}}
    tindakan:
      - {{tanggal: {day}, jenis: keputusan_atau_tindakan, menguntungkan_atau_merugikan_calon: true}}
  harapan:
{expected}
"""
PIDANA_490 = """    berlaku: [uu7.pasal490]
    pidana:
      status: ada
      ketentuan: [uu7.pasal490]
      ancaman: penjara paling_lama 1 tahun dan denda paling_banyak Rp12.000.000
      menurut: UU_7_2017 pasal 490
    etik: tidak_ada
    disiplin: tidak_ada
    pemberhentian: tidak_ada
    administratif: tidak_ada"""


def village_case(tmp_path: Path, day: str, expected: str) -> Path:
    path = tmp_path / "desa.yaml"
    path.write_text(VILLAGE_HEAD.format(name="keputusan kepala desa", day=day, expected=expected), encoding="utf-8")
    return path


def test_every_track_and_the_penalty_with_its_citation_can_be_asserted(tmp_path: Path) -> None:
    code, out, _ = run("test", str(village_case(tmp_path, "2023-11-28", PIDANA_490)))
    assert code == 0 and "LULUS" in out, out
    wrong = (
        PIDANA_490.replace("penjara paling_lama", "kurungan paling_lama")
        .replace("pasal 490", "pasal 494")
        .replace("etik: tidak_ada", "etik: ada")
        .replace("administratif: tidak_ada", "administratif: {status: ada}")
        .replace("ketentuan: [uu7.pasal490]", "ketentuan: [uu7.pasal547]")
    )
    code, out, _ = run("test", str(village_case(tmp_path, "2023-11-28", wrong)))
    assert code == 1
    assert "pidana: ancaman diharapkan `kurungan paling_lama 1 tahun dan denda paling_banyak Rp12.000.000`" in out
    assert "ternyata `penjara paling_lama 1 tahun dan denda paling_banyak Rp12.000.000`" in out
    assert "pidana: menurut diharapkan `UU_7_2017 pasal 494`, ternyata `UU_7_2017 pasal 490`" in out
    assert "etik: diharapkan ada, ternyata tidak_ada" in out
    assert "administratif: diharapkan ada, ternyata tidak_ada" in out
    assert "pidana: diharapkan bersandar pada `uu7.pasal547`, ternyata `uu7.pasal490`" in out
    code, out, _ = run("test", str(village_case(tmp_path, "2023-11-28", "    pidana: mungkin\n    etik: {tingkatan: x}")))
    assert code == 1 and "pidana: tulis salah satu dari ada, tidak_ada, belum_dapat_ditentukan" in out
    assert "etik: kunci tidak dikenal: tingkatan" in out


def test_a_failing_case_says_which_condition_decided_it(tmp_path: Path) -> None:
    # The day before the campaign: `masa_kampanye` is false, with the dates it read.
    code, out, _ = run("test", str(village_case(tmp_path, "2023-11-27", "    berlaku: [uu7.pasal490]")))
    assert code == 1
    assert "`uu7.pasal490`: diharapkan berlaku, ternyata tidak_berlaku" in out
    assert "sebab / because (`uu7.pasal490`): syarat tidak terpenuhi: `masa_kampanye (definisi:" in out
    assert "`tindakan.tanggal = 2023-11-27`" in out
    code, out, _ = run("test", str(village_case(tmp_path, "2023-11-28", "    tidak_berlaku: [uu7.pasal490]")))
    assert code == 1 and "sebab / because (`uu7.pasal490`): semua syarat terpenuhi / every condition held" in out
    # A track expected and not reached: what its nearest provisions lack, as --why-not lists them.
    code, out, _ = run("test", str(village_case(tmp_path, "2023-11-27", "    pidana: ada\n    disiplin: tidak_ada")))
    assert code == 1 and "pidana: diharapkan ada, ternyata tidak_ada" in out
    assert "       - pidana: sebab / because (`uu7." in out and "syarat tidak terpenuhi" in out
    assert "disiplin tingkat" not in out  # no why-not for a track the case wants absent


def test_files_are_covered_for_what_they_target_and_the_gaps_say_what_they_are(tmp_path: Path) -> None:
    # One case that fires Pasal 490: only Pasal 490 is measured, not the ~80 provisions of the rulebook.
    code, out, _ = run("test", str(village_case(tmp_path, "2023-11-28", "    berlaku: [uu7.pasal490]")))
    assert code == 0
    assert "provisions these cases target: 1 dari" in out
    assert "  ✗ uu7.pasal490  — tidak pernah tidak berlaku / never not fired" in out
    assert "pp94.pasal5" not in out and "def:alat_peraga" not in out
    assert "`tindakan.jenis = keputusan_atau_tindakan` — tidak pernah salah / never false" in out
    # A case named in an expectation but never fired is targeted too, and says so.
    code, out, _ = run("test", str(village_case(tmp_path, "2023-11-27", "    tidak_berlaku: [uu7.pasal490]")))
    assert "  ✗ uu7.pasal490  — tidak pernah berlaku / never fired (dilihat / seen: not_fired)" in out
    # The conditions of the definitions the provision uses are measured with it.
    assert "def:masa_kampanye" in out
    # --provision narrows to the ids asked for; an unknown id is a usage error.
    code, out, _ = run("test", "rules/cases/uu7_2017", "--provision", "uu7.pasal490", "--provision", "uu7.pasal280.ayat3.desa")
    assert code == 0 and "provisions asked for: 2" in out and "✓ uu7.pasal490 " in out and "✓ uu7.pasal280.ayat3.desa " in out
    assert " uu7.pasal547 " not in out and " uu7.pasal280.ayat3 " not in out
    assert run("test", str(tmp_path), "--provision", "uu7.pasal999")[0] == 2
    # --whole-rulebook measures everything even with files.
    code, out, _ = run("test", str(tmp_path), "--whole-rulebook")
    assert "these cases target" not in out and "✗ pp94.pasal5.n.2  — tidak pernah berlaku / never fired" in out
    assert "✗ uu7.pasal547" in out


def test_check_reads_a_file_with_its_folder_and_alone_points_to_the_declaration() -> None:
    # Pasal 490 alone in its file: its instrument is in instrumen.nr of the same folder.
    code, out, err = run("check", "rules/uu7_2017/desa.nr")
    assert code == 0, err
    assert "diperiksa bersama foldernya: rules/uu7_2017/instrumen.nr" in out
    code, out, err = run("check", "--alone", "rules/uu7_2017/desa.nr", "--lang", "en")
    assert code == 1 and "error[E0201]" in err
    # The advice never leads to a duplicate declaration (E0202 on the full check).
    assert "declare it with" not in err
    assert "`UU_7_2017` is declared in `rules/uu7_2017/instrumen.nr`; do not declare it again" in err


def test_a_file_outside_any_folder_context_is_checked_as_before(tmp_path: Path) -> None:
    rule = 'ketentuan x.y {\n  rujukan TIDAK_ADA pasal 1\n  teks "x"\n  jika tindakan.fasilitas_negara\n  maka etik\n}\n'
    (tmp_path / "sendiri.nr").write_text(rule, encoding="utf-8")
    code, _, err = run("check", str(tmp_path / "sendiri.nr"))
    assert code == 1 and "deklarasikan dengan `instrumen TIDAK_ADA { … }`" in err


def test_ranked_puts_the_name_sharing_the_most_words_first() -> None:
    from netralrules.diagnostics.suggest import ranked

    facts = ["atribut_partai", "calon_suami_atau_istri", "menguntungkan_atau_merugikan_calon", "jenis", "tanggal"]
    assert ranked("menguntungkan_calon", facts)[0] == "menguntungkan_atau_merugikan_calon"
    assert ranked("menguntungkan_calon", facts, 2) == ["menguntungkan_atau_merugikan_calon", "calon_suami_atau_istri"]

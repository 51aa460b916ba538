"""Never a silent "no violation": an act no provision covers is reported as not assessed, in every
output; a respondent who is not ASN is outside the ASN rules and referred to no ASN supervisor."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import html5lib
import pytest
import yaml

from netralrules import Rulebook, load_rulebook
from netralrules.evaluation.coverage import matrix_stage
from netralrules.explain.render.html import to_html
from netralrules.tools.batch import evaluate_line
from netralrules.tools.casetest import run_cases
from netralrules.tools.diff import diff_rulebooks

D = datetime.date

SMALL = """
instrumen PP_UJI {
  judul "Peraturan uji"
  jenis PP
  nomor 1 tahun 2020
  berlaku sejak 2020-01-01
}

definisi masa_kampanye "masa kampanye" =
  tindakan.tanggal antara pemilu.kampanye_mulai sampai pemilu.kampanye_selesai

ketentuan uji.atribut {
  rujukan PP_UJI pasal 1
  teks "PNS dilarang ikut kampanye dengan atribut partai."
  untuk PNS
  jika tindakan.jenis = ikut_kampanye dan masa_kampanye dan tindakan.atribut_partai
  maka disiplin tingkat sedang menurut PP_UJI pasal 2
}

ketentuan uji.desa {
  rujukan PP_UJI pasal 3
  teks "Kepala desa dilarang menjadi tim kampanye."
  untuk kepala_desa
  jika tindakan.jenis = menjadi_tim_kampanye
  maka disiplin tingkat berat menurut PP_UJI pasal 4
}
"""
# The same rulebook with a provision that covers a "like" on social media.
LIKES = """
ketentuan uji.suka {
  rujukan PP_UJI pasal 5
  teks "PNS dilarang menyukai unggahan calon."
  untuk PNS
  jika tindakan.jenis = suka_media_sosial dan tindakan.sasaran = masyarakat
  maka disiplin tingkat berat menurut PP_UJI pasal 6
}
"""
ELECTION = {
    "jenis": "pilkada_bupati",
    "tanggal_penetapan": "2024-09-22",
    "kampanye_mulai": "2024-09-25",
    "kampanye_selesai": "2024-11-23",
    "tanggal_pemungutan": "2024-11-27",
}


def incident(status: str = "PNS") -> dict[str, Any]:
    return {
        "id": "uji-celah",
        "responden": {"status_kepegawaian": status},
        "pemilu": ELECTION,
        "tindakan": [
            {"tanggal": "2024-10-12", "jenis": "ikut_kampanye", "atribut_partai": True},  # fires
            {"tanggal": "2024-10-13", "jenis": "ikut_kampanye", "atribut_partai": False},  # covered, does not apply
            {"tanggal": "2024-10-14", "jenis": "suka_media_sosial", "sasaran": "masyarakat"},  # no provision covers it
        ],
    }


def _rulebook(folder: Path, *extra: str) -> Rulebook:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "uji.nr").write_text(SMALL + "".join(extra), encoding="utf-8")
    return load_rulebook(folder)


@pytest.fixture
def small(tmp_path: Path) -> Rulebook:
    return _rulebook(tmp_path / "rules")


def test_each_act_is_assessed_or_reported_as_not_assessed(small: Rulebook) -> None:
    decision = small.evaluate(incident(), explain=False)
    assert [a.status for a in decision.assessments] == ["dinilai", "dinilai", "tidak_dinilai"]
    gap = decision.assessments[2]
    assert gap.gaps == () and gap.gap_kind is None  # nothing declares this gap
    assert gap.reason is not None and "suka_media_sosial" in gap.reason.id and "PNS" in gap.reason.en
    data = json.loads(decision.to_json())
    assert data["kelengkapan"] == {"lengkap": False, "tidak_dinilai": [2], "di_luar_asn": []}
    assert [a["penilaian"]["status"] for a in data["tindakan"]] == ["dinilai", "dinilai", "tidak_dinilai"]
    assert data["tindakan"][2]["penilaian"]["alasan_en"].startswith("no provision in the rulebook covers the act")
    assert data["lingkup"] == {"status": "PNS", "asn": True, "ketentuan_yang_mengatur": []}


def test_an_act_covered_by_a_provision_that_did_not_apply_is_no_violation(small: Rulebook) -> None:
    one = incident()
    one["tindakan"] = [one["tindakan"][1]]
    decision = small.evaluate(one)
    assert not decision.not_assessed
    text = small.to_text(one)
    assert "Tidak ada ketentuan yang dilanggar: ketentuan yang mencakup tindakan ini dipertimbangkan" in text
    assert "TIDAK DINILAI" not in text and "belum lengkap" not in text


@pytest.mark.parametrize("lang", ["id", "en"])
def test_text_and_markdown_say_not_assessed_never_no_violation(small: Rulebook, lang: str) -> None:
    gap_only = incident()
    gap_only["tindakan"] = [gap_only["tindakan"][2]]
    for render in (small.to_text, small.to_markdown):
        text = render(gap_only, lang)
        assert ("TIDAK DINILAI" if lang == "id" else "NOT ASSESSED") in text
        assert ("Penilaian belum lengkap: tindakan 1" if lang == "id" else "The assessment is incomplete: act 1") in text
        # Neither the act nor the determination may read as "no violation" / "no sanction".
        assert "Tidak ada ketentuan yang dilanggar" not in text and "No provision was violated" not in text
        assert "Tidak ada sanksi yang dijatuhkan" not in text and "No sanction is imposed" not in text


def test_html_lists_the_acts_not_assessed_and_is_incomplete(small: Rulebook) -> None:
    page = to_html(small.evaluate(incident()), "en")
    html5lib.HTMLParser(strict=True).parse(page)
    assert 'class="verdict incomplete"' in page
    assert '<div class="not-assessed" id="not-assessed">' in page
    assert "Act 3: NOT ASSESSED" in page
    assert '<p class="assessment tidak_dinilai">NOT ASSESSED' in page


def test_batch_lines_carry_the_assessment(small: Rulebook) -> None:
    line = json.loads(evaluate_line(json.dumps(incident()).encode(), 1, small))
    assert line["kelengkapan"]["tidak_dinilai"] == [2]
    assert line["tindakan"][2]["penilaian"]["status"] == "tidak_dinilai"


def test_rule_cases_can_expect_acts_not_assessed(small: Rulebook, tmp_path: Path) -> None:
    cases = [
        {"nama": "benar", "insiden": incident(), "harapan": {"tidak_dinilai": [3], "di_luar_asn": False}},
        {"nama": "ya", "insiden": incident(), "harapan": {"tidak_dinilai": True}},
        {"nama": "salah nomor", "insiden": incident(), "harapan": {"tidak_dinilai": [2]}},
        {"nama": "salah ya/tidak", "insiden": incident(), "harapan": {"tidak_dinilai": False}},
        {"nama": "bentuk salah", "insiden": incident(), "harapan": {"tidak_dinilai": "ya"}},
        {"nama": "celah", "insiden": incident(), "harapan": {"celah": ["tidak.ada"]}},
    ]
    path = tmp_path / "kasus.yaml"
    path.write_text(yaml.safe_dump(cases, allow_unicode=True), encoding="utf-8")
    report = run_cases([path], small, ())
    problems = {r.name: r.problems for r in report.results}
    assert problems["benar"] == () and problems["ya"] == ()
    assert problems["salah nomor"] == ("tidak_dinilai: diharapkan tindakan 2, ternyata 3",)
    assert problems["salah ya/tidak"] == ("tidak_dinilai: diharapkan tidak ada, ternyata 3",)
    assert "tulis `true`, `false` atau daftar nomor tindakan" in problems["bentuk salah"][0]
    assert problems["celah"] == ("celah: diharapkan tidak.ada, ternyata tidak ada",)


def test_diff_shows_a_gap_closed_even_when_no_track_changes(tmp_path: Path) -> None:
    old, new = _rulebook(tmp_path / "old"), _rulebook(tmp_path / "new", LIKES)
    liked = incident()
    liked["tindakan"][2]["sasaran"] = "anggota_keluarga"  # covered by uji.suka, which does not apply: no track changes
    (tmp_path / "cases").mkdir()
    (tmp_path / "cases" / "a.json").write_text(json.dumps(liked), encoding="utf-8")
    result = diff_rulebooks(old, new, tmp_path / "cases")
    (change,) = result.changes
    assert change.tracks == ()
    assert [(a.act, a.old, a.new) for a in change.assessments] == [(2, "tidak_dinilai", "dinilai")]
    assert result.to_dict()["hasil_berubah"][0]["penilaian"] == [{"tindakan": 2, "lama": "tidak_dinilai", "baru": "dinilai"}]


def test_a_respondent_who_is_not_asn_is_outside_the_asn_rules(small: Rulebook) -> None:
    decision = small.evaluate(incident("honorer"))
    assert [a.status for a in decision.assessments] == ["di_luar_asn"] * 3
    assert decision.referral is None
    data = json.loads(decision.to_json(include_explanation=False))
    assert data["pengawasan"] is None
    assert data["lingkup"] == {"status": "honorer", "asn": False, "ketentuan_yang_mengatur": []}
    text = small.to_text(incident("honorer"), "en")
    assert "The respondent's status is honorer, not ASN" in text
    assert "the rulebook holds no provision binding this status" in text
    assert "OUTSIDE THE ASN RULES" in text and "Referral (supervisory body)" not in text


def test_the_scope_names_what_governs_a_village_head(small: Rulebook) -> None:
    head = incident("kepala_desa")
    head["tindakan"].append({"tanggal": "2024-10-15", "jenis": "menjadi_tim_kampanye"})
    decision = small.evaluate(head)
    assert decision.scope is not None and decision.scope.governing == ("uji.desa",)
    assert [a.status for a in decision.assessments] == ["di_luar_asn"] * 3 + ["dinilai"]
    assert "What governs it, per the rulebook: Article 3 of PP UJI." in small.to_text(head, "en")


@pytest.mark.parametrize(
    ("day", "stage"),
    [
        (D(2024, 8, 26), "sebelum_pendaftaran"),
        (D(2024, 8, 27), "bakal_calon"),
        (D(2024, 9, 21), "bakal_calon"),
        (D(2024, 9, 22), "sesudah_penetapan"),
        (D(2024, 9, 25), "masa_kampanye"),
        (D(2024, 11, 23), "masa_kampanye"),
        (D(2024, 11, 24), "masa_tenang"),
        (D(2024, 11, 27), "masa_tenang"),
        (D(2024, 11, 28), "sesudah_pemungutan"),
    ],
)
def test_matrix_stage_boundaries(day: datetime.date, stage: str) -> None:
    election = {k: D.fromisoformat(v) for k, v in ELECTION.items() if k != "jenis"}
    assert matrix_stage(day, {**election, "tanggal_pendaftaran": D(2024, 8, 27)}) == stage


def test_matrix_stage_is_none_when_the_dates_do_not_place_the_act() -> None:
    assert matrix_stage(D(2024, 9, 1), {"tanggal_penetapan": D(2024, 9, 22)}) is None
    assert matrix_stage(D(2024, 9, 1), {}) is None


DECLARED = """
celah uji.suka_belum_diatur {
  jenis tidak_diatur
  jenis_tindakan suka_media_sosial
  untuk PNS, CPNS, PPPK
  berlaku sejak 2024-01-01 sampai 2024-12-31
  alasan "Peraturan uji tidak menyebut tanda suka di media sosial."
}
"""


def test_an_act_in_a_declared_gap_is_not_assessed_with_the_declared_reason(tmp_path: Path) -> None:
    rulebook = _rulebook(tmp_path / "rules", DECLARED)
    decision = rulebook.evaluate(incident())
    gap = decision.assessments[2]
    assert (gap.status, gap.gaps, gap.gap_kind) == ("tidak_dinilai", ("uji.suka_belum_diatur",), "tidak_diatur")
    data = json.loads(decision.to_json(include_explanation=False))
    assert data["tindakan"][2]["penilaian"] == {
        "status": "tidak_dinilai",
        "celah": ["uji.suka_belum_diatur"],
        "jenis_celah": "tidak_diatur",
        "alasan": "Peraturan uji tidak menyebut tanda suka di media sosial.",
        "alasan_en": "Peraturan uji tidak menyebut tanda suka di media sosial.",
    }
    assert data["kelengkapan"]["tidak_dinilai"] == [2]
    for lang, head, kind in (("id", "TIDAK DINILAI", "jenis: tidak diatur"), ("en", "NOT ASSESSED", "kind: not regulated")):
        for text in (rulebook.to_text(incident(), lang), rulebook.to_markdown(incident(), lang)):
            assert head in text and "Peraturan uji tidak menyebut tanda suka di media sosial." in text
            assert "uji.suka_belum_diatur" in text and kind in text
        page = to_html(decision, lang)
        assert '<div class="not-assessed" id="not-assessed">' in page and "uji.suka_belum_diatur" in page
    line = json.loads(evaluate_line(json.dumps(incident()).encode(), 1, rulebook))
    assert line["tindakan"][2]["penilaian"]["celah"] == ["uji.suka_belum_diatur"]
    # Outside the declared dates the same act is an undeclared gap, and still not assessed.
    later = incident()
    later["tindakan"][2]["tanggal"] = "2025-01-02"
    later_gap = rulebook.evaluate(later, explain=False).assessments[2]
    assert (later_gap.status, later_gap.gaps) == ("tidak_dinilai", ())


def test_rule_cases_can_expect_the_declared_gap(tmp_path: Path) -> None:
    rulebook = _rulebook(tmp_path / "rules", DECLARED)
    path = tmp_path / "kasus.yaml"
    case = {"nama": "celah", "insiden": incident(), "harapan": {"tidak_dinilai": [3], "celah": ["uji.suka_belum_diatur"]}}
    path.write_text(yaml.safe_dump([case], allow_unicode=True), encoding="utf-8")
    assert run_cases([path], rulebook, ()).results[0].problems == ()


def test_diff_lists_the_gap_declarations_that_changed(tmp_path: Path) -> None:
    old = _rulebook(tmp_path / "old", DECLARED)
    new = _rulebook(tmp_path / "new", DECLARED.replace("2024-12-31", "2025-06-30").replace("celah uji.", "celah uji.baru_"))
    (tmp_path / "cases").mkdir()
    later = incident()
    later["tindakan"][2]["tanggal"] = "2025-01-02"  # outside the old declaration, inside the new one
    (tmp_path / "cases" / "a.json").write_text(json.dumps(later), encoding="utf-8")
    result = diff_rulebooks(old, new, tmp_path / "cases")
    assert [(g.gap, g.changes) for g in result.gaps] == [
        ("uji.baru_suka_belum_diatur", ("baru",)),
        ("uji.suka_belum_diatur", ("dihapus",)),
    ]
    assert result.to_dict()["celah_berubah"][0] == {"celah": "uji.baru_suka_belum_diatur", "perubahan": ["baru"]}
    # Both versions leave the act not assessed; only the declared reason changes, which is no outcome change.
    assert result.changes == ()
    edited = _rulebook(tmp_path / "edited", DECLARED.replace("tidak_diatur", "diperdebatkan"))
    assert [(g.gap, g.changes) for g in diff_rulebooks(old, edited, tmp_path / "cases").gaps] == [
        ("uji.suka_belum_diatur", ("jenis",))
    ]

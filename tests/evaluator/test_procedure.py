"""The procedure section of a decision (`prosedur`): chosen by the regime and tier of the discipline
track, else the ethics track, else the remedies against a dismissal; null for a respondent who is not
ASN; in the JSON Schema; rendered in the text, Markdown and HTML reports."""

from __future__ import annotations

import copy
import datetime
import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema_rs
import pytest

from netralrules import evaluate, load_rulebook
from netralrules.evaluation.procedure import in_force, team_status
from netralrules.explain import render_markdown, render_text
from netralrules.explain.render.html import to_html
from netralrules.explain.render.procedure import procedure_lines
from netralrules.explain.report import build_report
from netralrules.syntax import ast
from netralrules.tools.records import decision_json_schema

ROOT = Path(__file__).parents[2]
BASE: dict[str, Any] = json.loads((ROOT / "examples" / "pns_kampanye_atribut_partai.json").read_text(encoding="utf-8"))
PILKADA = {"tanggal_penetapan": "2024-09-22", "kampanye_mulai": "2024-09-25", "kampanye_selesai": "2024-11-23"}
D = datetime.date


def incident(status: str, act: dict[str, Any], election: dict[str, Any] | None = None, **respondent: Any) -> dict[str, Any]:
    return {
        "id": "prosedur-uji",
        "responden": {"status_kepegawaian": status, **respondent},
        "pemilu": election if election is not None else PILKADA,
        "tindakan": [act],
    }


CAMPAIGN = {"tanggal": "2024-10-12", "jenis": "ikut_kampanye", "mengerahkan_pns_lain": False, "fasilitas_negara": False}
SEDANG = incident("PNS", {**CAMPAIGN, "atribut_partai": True})
BERAT = incident(
    "PNS", {**CAMPAIGN, "atribut_partai": False, "atribut_pns": False, "mengerahkan_pns_lain": True}, pejabat_struktural=True
)
PEMILU_2019 = {"tanggal_penetapan": "2018-09-20", "kampanye_mulai": "2018-09-23", "kampanye_selesai": "2019-04-13"}
PEMILU_2024 = {"tanggal_penetapan": "2023-11-13", "kampanye_mulai": "2023-11-28", "kampanye_selesai": "2024-02-10"}
PP53_BERAT = incident(
    "PNS",
    {**CAMPAIGN, "tanggal": "2019-04-06", "atribut_partai": False, "atribut_pns": False, "fasilitas_negara": True},
    {"jenis": "pemilu_presiden", **PEMILU_2019},
)
CONTESTED = incident(
    "PNS",
    {
        "tanggal": "2024-05-10",
        "jenis": "mendekati_partai",
        "pengunduran_diri": False,
        "sedang_cuti": False,
        "cuti_di_luar_tanggungan_negara": False,
    },
    {"jenis": "pilkada_bupati", **PILKADA},
)
PARTY = {
    "id": "partai",
    "responden": {"status_kepegawaian": "PPPK"},
    "tindakan": [{"tanggal": "2023-12-01", "jenis": "menjadi_anggota_partai"}],
}
VILLAGE_HEAD = incident(
    "kepala_desa",
    {"tanggal": "2023-12-05", "jenis": "menjadi_tim_kampanye"},
    {"jenis": "pemilu_presiden", **PEMILU_2024},
)


def procedure_of(data: dict[str, Any]) -> dict[str, Any] | None:
    found = evaluate(data, explain=False).to_dict()["prosedur"]
    assert found is None or isinstance(found, dict)
    return found


def test_berat_under_pp94_makes_the_examining_team_mandatory() -> None:
    p = procedure_of(BERAT)
    assert p is not None
    assert (p["instrumen"], p["dasar"], p["tingkat"]) == ("PP_94_2021", "PP 94/2021", "berat")
    assert p["tim_pemeriksa"]["status"] == "wajib"
    # Severe: an objection against demotion or release, an appeal to BPASN against a discharge.
    assert [(r["jenis"], r["kepada"]) for r in p["upaya_administratif"]] == [
        ("keberatan", None),
        ("banding_administratif", "BPASN"),
    ]


def test_sedang_under_pp94_leaves_the_team_optional_and_only_the_objection() -> None:
    p = procedure_of(SEDANG)
    assert p is not None and p["tingkat"] == "sedang"
    assert p["tim_pemeriksa"]["status"] == "opsional"
    assert [r["jenis"] for r in p["upaya_administratif"]] == ["keberatan"]
    # The open point of a remedy that does not apply is not listed.
    assert not any("banding administratif tidak ditemukan" in o["uraian"] for o in p["terbuka"])


def test_berat_under_pp53_leaves_the_team_optional() -> None:
    p = procedure_of(PP53_BERAT)
    assert p is not None
    assert (p["instrumen"], p["tingkat"], p["tim_pemeriksa"]["status"]) == ("PP_53_2010", "berat", "opsional")
    assert p["upaya_administratif"] == []
    assert any("PP 53/2010" in o["uraian"] for o in p["terbuka"])


def test_the_duty_to_act_and_the_superiors_liability_cite_the_articles_the_sources_give() -> None:
    p = procedure_of(SEDANG)
    assert p is not None
    steps = {s["kode"]: s for s in p["langkah"]}
    assert steps["kewajiban_menindaklanjuti"]["rujukan"] == "PP 94/2021 Pasal 26 ayat (1)"
    assert steps["kewajiban_menindaklanjuti"]["oleh"] == "atasan langsung"
    assert steps["tanggung_jawab_atasan"]["rujukan"] == "PP 94/2021 Pasal 28"
    # The imposing official's liability: its article was not found, so the step is open.
    assert steps["tanggung_jawab_pejabat"] == {**steps["tanggung_jawab_pejabat"], "rujukan": None, "terbuka": True}


def test_time_limits_count_between_register_events() -> None:
    p = procedure_of(SEDANG)
    assert p is not None
    limits = {b["kode"]: (b["jenis"], b["jumlah"], b["satuan"], b["sejak"], b["sampai"]) for b in p["batas_waktu"]}
    assert limits == {
        "pemanggilan": ("paling_lambat", 7, "hari_kerja", "pemanggilan", "pemeriksaan"),
        "pemanggilan_kedua": ("paling_lambat", 7, "hari_kerja", "tidak_hadir", "pemanggilan"),
        "penyampaian_keputusan": ("paling_lambat", 14, "hari_kalender", "hukuman_dijatuhkan", "keputusan_disampaikan"),
        "berlaku_keputusan": ("pada_hari_ke", 15, "hari_kalender", "keputusan_diterima", None),
    }
    # Each limit carries its sources and their reliability (never in the text a reviewer signs).
    for limit in p["batas_waktu"]:
        assert limit["sumber"] and all(s["keandalan"] for s in limit["sumber"])
        assert "satu_sumber" not in (limit["uraian"] or "")


def test_a_contested_tier_makes_the_team_depend_on_the_reading() -> None:
    p = procedure_of(CONTESTED)
    assert p is not None
    assert p["tingkat"] is None and sorted(p["tingkat_dibaca"]) == ["berat", "sedang"]
    assert p["tim_pemeriksa"]["status"] == "bergantung_bacaan"
    assert p["tim_pemeriksa"]["per_tingkat"] == {"sedang": "opsional", "berat": "wajib"}
    assert [r["jenis"] for r in p["upaya_administratif"]] == ["keberatan", "banding_administratif"]


def test_dismissal_alone_gives_the_appeal_to_bpasn() -> None:
    p = procedure_of(PARTY)
    assert p is not None
    assert (p["jalur"], p["tingkat"], p["langkah"], p["batas_waktu"]) == ("pemberhentian", None, [], [])
    assert p["tim_pemeriksa"]["status"] == "tidak_disebut"
    assert [r["jenis"] for r in p["upaya_administratif"]] == ["banding_administratif"]


def test_no_section_for_a_respondent_who_is_not_asn_or_without_a_track() -> None:
    assert procedure_of(VILLAGE_HEAD) is None
    after = copy.deepcopy(SEDANG)
    after["tindakan"][0].update(tanggal="2024-11-24", dukungan_aktif=False)  # the day after the campaign: no track
    assert procedure_of(after) is None


def test_the_chain_of_the_referral_is_reused() -> None:
    decision = evaluate(SEDANG, explain=False)
    p = decision.to_dict()["prosedur"]
    assert decision.referral is not None
    assert p["alur"] == [{"lembaga": b.id.name, "langkah": list(b.chain)} for b in decision.referral.bodies]


def test_a_rulebook_without_procedures_gives_no_section() -> None:
    rb = load_rulebook(ROOT / "rules" / "pp94_2021")
    assert rb.evaluate(SEDANG, explain=False).procedure is None


@pytest.mark.parametrize(
    ("day", "expected"),
    [(D(2021, 8, 30), "PP_53_2010"), (D(2021, 8, 31), "PP_94_2021")],
    ids=["last-day-of-pp53", "first-day-of-pp94"],
)
def test_procedures_follow_their_instruments_periods(day: datetime.date, expected: str) -> None:
    rb = load_rulebook(ROOT / "rules")
    found = [
        name
        for name, p in rb.checked.procedures.items()
        if p.team is not None and in_force(p, rb.checked.instruments.get(name), day)
    ]
    assert found == [expected]


def test_a_tier_no_rule_names_is_not_stated() -> None:
    team = load_rulebook(ROOT / "rules").checked.procedures["PP_94_2021"].team
    assert [team_status(team, t) for t in ast.Tier] == ["tidak_disebut", "opsional", "wajib"]


def test_the_decision_with_its_procedure_validates_against_the_schema() -> None:
    validator = jsonschema_rs.validator_for(decision_json_schema())
    for data in (SEDANG, BERAT, CONTESTED, PARTY, VILLAGE_HEAD, PP53_BERAT):
        assert validator.is_valid(evaluate(data, explain=False).to_dict())
    broken = evaluate(BERAT, explain=False).to_dict()
    broken["prosedur"]["batas_waktu"][0]["satuan"] = "minggu"
    assert not validator.is_valid(broken)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_report_shows_the_procedure(lang: str) -> None:
    decision = evaluate(BERAT)
    heading = "Prosedur" if lang == "id" else "Procedure"
    team = "Tim Pemeriksa: wajib" if lang == "id" else "Examining team: mandatory"
    assert decision.explanation is not None
    report = build_report(decision.explanation)
    page = to_html(decision, lang)
    section = page[page.index('<section class="procedure"') :]
    section = section[: section.index("</section>")]
    for text in (render_text(report, lang), render_markdown(report, lang), section):
        assert heading in text and team in text
        assert "PP 94/2021 Pasal 26 ayat (1)" in text
    # Reliability stays in the sources: never in the block a reviewer signs.
    lines = " ".join(line.text for line in procedure_lines(decision.procedure, lang))
    assert "satu_sumber" not in lines and "terverifikasi" not in lines and "tafsiran" not in lines
    assert "satu_sumber" not in section


def test_the_procedure_comes_after_the_findings_and_before_the_referral_in_the_narrative() -> None:
    decision = evaluate(SEDANG)
    assert decision.explanation is not None
    text = render_text(build_report(decision.explanation), "id")
    # The decision part a reviewer signs (issue 15): the findings, what must happen next, to whom.
    start, end = text.index("Prosedur\n"), text.index("Penerusan perkara (lembaga pengawas)")
    assert text.index("Temuan\n") < start < end
    block = text[start:end]
    assert "Tim Pemeriksa: opsional" in block
    assert "Banding administratif" not in block  # no dismissal here: only keberatan
    assert "Keberatan" in block


def test_an_undetermined_tier_gives_the_team_status_per_tier() -> None:
    # Campaigning without attributes: PP 94/2021 states no tier for angka 1 (the track is unresolved).
    p = procedure_of(incident("PNS", {**CAMPAIGN, "atribut_partai": False, "atribut_pns": False}))
    assert p is not None and p["tingkat"] is None and p["tingkat_dibaca"] == []
    assert p["tim_pemeriksa"]["status"] == "bergantung_tingkat"
    assert p["tim_pemeriksa"]["per_tingkat"] == {"ringan": "tidak_disebut", "sedang": "opsional", "berat": "wajib"}
    assert jsonschema_rs.validator_for(decision_json_schema()).is_valid(evaluate(SEDANG, explain=False).to_dict())


def test_the_annex_lists_the_sources_of_the_procedure() -> None:
    decision = evaluate(SEDANG)
    assert decision.explanation is not None
    annex = build_report(decision.explanation).sources
    summons = [i for i in annex if any("batas waktu pemanggilan" in s.id for s in i.supports)]
    assert summons and {i.reliability for i in summons} == {"satu_sumber"}
    assert any(s.en == "Procedure PP 94/2021: step tanggung_jawab_atasan" for i in annex for s in i.supports)


def test_an_election_crime_track_is_not_given_a_route_the_sources_do_not_describe() -> None:
    # A camat favouring a Pilkada pair: PP 94 berat and UU 10/2016 Pasal 71 ayat (1) jo. Pasal 188.
    camat = incident(
        "PNS",
        {"tanggal": "2024-10-15", "jenis": "keputusan_atau_tindakan", "menguntungkan_atau_merugikan_calon": True},
        {"jenis": "pilkada_bupati", **PILKADA},
        pejabat_asn=True,
    )
    decision = evaluate(camat, explain=False)
    assert {t.category for t in decision.determination.tracks if t.status == "determined"} >= {"disiplin", "pidana"}
    p = decision.to_dict()["prosedur"]
    assert p["jalur"] == "disiplin" and p["tim_pemeriksa"]["status"] == "wajib"
    assert p["terbuka"][-1]["uraian"].startswith("Penanganan tindak pidana pemilu")
    assert not any("Gakkumdu" in (s.get("uraian") or "") for s in p["langkah"])
    assert procedure_of(SEDANG)["terbuka"][-1]["uraian"] != p["terbuka"][-1]["uraian"]  # type: ignore[index]


def test_diff_lists_the_procedures_that_changed(tmp_path: Path) -> None:
    from netralrules.tools.diff import diff_rulebooks

    rules = ROOT / "rules"
    old, new, gone = tmp_path / "old", tmp_path / "new", tmp_path / "gone"
    for target in (old, new, gone):
        shutil.copytree(rules, target, ignore=shutil.ignore_patterns("cases"))
    text = (new / "prosedur" / "pp94_2021.nr").read_text(encoding="utf-8")
    edited = text.replace("paling_lambat 7 hari_kerja sejak pemanggilan", "paling_lambat 8 hari_kerja sejak pemanggilan")
    edited = edited.replace('"Repositori GitHub wawannug/disiplin-pns, src/data/berlaku.js"', '"Repositori GitHub, berlaku.js"')
    (new / "prosedur" / "pp94_2021.nr").write_text(edited, encoding="utf-8")
    (gone / "prosedur" / "pp42_2004.nr").unlink()
    cases = tmp_path / "cases"
    cases.mkdir()
    (cases / "a.json").write_text(json.dumps(SEDANG), encoding="utf-8")
    result = diff_rulebooks(old, new, cases)
    assert [(p.instrument, p.changes) for p in result.procedures] == [("PP_94_2021", ("batas_waktu", "sumber"))]
    assert result.to_dict()["prosedur_berubah"] == [{"prosedur": "PP_94_2021", "perubahan": ["batas_waktu", "sumber"]}]
    assert [(p.instrument, p.changes) for p in diff_rulebooks(old, gone, cases).procedures] == [("PP_42_2004", ("dihapus",))]

"""The repeat rule (issue 12): "heavier than the last sanction imposed" raises the sanction type
along the rulebook's ladder (PP 94/2021 Pasal 8, PP 53/2010 Pasal 7), not necessarily the tier."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from netralrules import evaluate, load_rulebook, to_markdown, to_text
from netralrules.evaluation.determination import (
    REPEAT_IF_SAME,
    REPEAT_LAST_UNPLACED,
    REPEAT_MINIMUM,
    REPEAT_NATURE_UNSTATED,
    REPEAT_NO_EFFECT,
    REPEAT_NO_LADDER,
    REPEAT_NONE_HEAVIER,
    REPEAT_NOT_SAME,
    REPEAT_OTHER_REGIME,
    REPEAT_RULE,
    REPEAT_TIER_MISMATCH,
    REPEAT_UNKNOWN_PROVISION,
    REPEAT_UNMATCHED,
    ladders,
)
from netralrules.explain.render.html import to_html
from netralrules.syntax.ast import Tier
from tests.evaluator.test_engine import BASE, track

CUT = "pemotongan tunjangan kinerja sebesar 25% selama {} bulan"
DEMOTION = "penurunan jabatan setingkat lebih rendah selama 12 bulan"
RELEASE = "pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan"
DISMISSAL = "pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS"
ANGKA_2 = "pp94.pasal5.n.2"  # the bundled example's finding: sedang


def with_prior(*prior: dict[str, Any]) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    data["responden"]["sanksi_sebelumnya"] = list(prior)
    return data


def discipline(*prior: dict[str, Any]) -> dict[str, Any]:
    return track(evaluate(with_prior(*prior), explain=False), "disiplin")


def test_the_ladder_is_the_rulebooks_tables_in_order() -> None:
    ladder = ladders(load_rulebook().checked.sanction_tables)["PP_94_2021"]
    assert [t for _, t in ladder] == [Tier.RINGAN] * 3 + [Tier.SEDANG] * 3 + [Tier.BERAT] * 3
    assert [s for s, _ in ladder][3:] == [CUT.format(6), CUT.format(9), CUT.format(12), DEMOTION, RELEASE, DISMISSAL]
    pp53 = ladders(load_rulebook().checked.sanction_tables)["PP_53_2010"]
    assert len(pp53) == 11 and pp53[-1] == ("pemberhentian tidak dengan hormat sebagai PNS", Tier.BERAT)


def test_after_six_months_the_next_is_nine_months_still_sedang() -> None:
    t = discipline({"tanggal": "2023-03-01", "tingkat": "sedang", "jenis_hukuman": CUT.format(6), "sifat_sama": True})
    assert (t["status"], t["tingkat"], t["jenis_minimum"]) == ("determined", "sedang", CUT.format(9))
    assert t["pilihan_sanksi"] == [CUT.format(9), CUT.format(12)]
    assert REPEAT_RULE in t["alasan"] and REPEAT_MINIMUM + CUT.format(9) in t["alasan"]
    assert t["fakta_penentu"] == []


def test_after_the_top_of_sedang_the_next_is_the_first_berat_type() -> None:
    # The same provision as the one breached now: the same nature, stated as data.
    t = discipline({"tanggal": "2023-03-01", "jenis_hukuman": CUT.format(12), "ketentuan": ANGKA_2})
    assert (t["status"], t["tingkat"], t["jenis_minimum"]) == ("determined", "berat", DEMOTION)
    assert t["pilihan_sanksi"] == [DEMOTION, RELEASE, DISMISSAL]


def test_after_the_last_rung_of_berat_nothing_is_heavier() -> None:
    t = discipline({"tanggal": "2023-03-01", "jenis_hukuman": DISMISSAL, "sifat_sama": True})
    assert (t["status"], t["tingkat"], t["jenis_minimum"], t["pilihan_sanksi"]) == ("unresolved", "berat", None, [])
    assert REPEAT_NONE_HEAVIER + DISMISSAL in t["alasan"]


def test_a_lighter_last_sanction_changes_nothing() -> None:
    t = discipline({"tanggal": "2023-03-01", "jenis_hukuman": "Teguran  Lisan", "sifat_sama": True})  # case, spaces
    assert (t["status"], t["tingkat"], t["jenis_minimum"]) == ("determined", "sedang", CUT.format(6))
    assert t["pilihan_sanksi"] == [CUT.format(6), CUT.format(9), CUT.format(12)]
    assert REPEAT_NO_EFFECT + CUT.format(6) in t["alasan"]


def test_a_lighter_tier_is_enough_without_the_type_or_the_nature() -> None:
    # Any sedang type is heavier than any ringan one: neither the type nor the nature matters.
    t = discipline({"tanggal": "2023-03-01", "tingkat": "ringan"})
    assert t["status"] == "determined" and t["tingkat"] == "sedang" and t["fakta_penentu"] == []


def test_unstated_nature_leaves_the_effect_undetermined_and_asks_for_it() -> None:
    t = discipline({"tanggal": "2023-03-01", "jenis_hukuman": CUT.format(6), "sifat": "netralitas politik (Pasal 5 n)"})
    assert (t["status"], t["tingkat"], t["jenis_minimum"], t["pilihan_sanksi"]) == ("unresolved", "sedang", None, [])
    assert REPEAT_NATURE_UNSTATED in t["alasan"] and REPEAT_IF_SAME + CUT.format(9) in t["alasan"]
    assert t["fakta_penentu"] == ["responden.sanksi_sebelumnya[0].sifat_sama"]


def test_another_provision_without_the_flag_is_unstated_and_a_stated_difference_is_not_a_repeat() -> None:
    other = {"tanggal": "2023-03-01", "jenis_hukuman": CUT.format(6), "ketentuan": "pp94.pasal5.n.7"}
    assert discipline(other)["status"] == "unresolved"
    t = discipline({**other, "sifat_sama": False})
    assert (t["status"], t["jenis_minimum"]) == ("determined", None)
    assert REPEAT_NOT_SAME in t["alasan"] and t["pilihan_sanksi"] == [CUT.format(6), CUT.format(9), CUT.format(12)]


def test_an_unmatched_type_is_reported_and_asked_for() -> None:
    t = discipline({"tanggal": "2023-03-01", "tingkat": "sedang", "jenis_hukuman": "potong tukin 6 bulan", "sifat_sama": True})
    assert t["status"] == "unresolved" and REPEAT_UNMATCHED + "'potong tukin 6 bulan'" in t["alasan"]
    assert REPEAT_LAST_UNPLACED + "responden.sanksi_sebelumnya[0]" in t["alasan"]
    assert t["fakta_penentu"] == ["responden.sanksi_sebelumnya[0].jenis_hukuman"]


def test_an_unknown_provision_id_is_reported() -> None:
    t = discipline({"tanggal": "2023-03-01", "jenis_hukuman": CUT.format(6), "ketentuan": "pp94.pasal5.n.99"})
    assert REPEAT_UNKNOWN_PROVISION + "pp94.pasal5.n.99" in t["alasan"] and t["status"] == "unresolved"


def test_a_tier_that_contradicts_the_type_is_reported() -> None:
    t = discipline({"tanggal": "2023-03-01", "tingkat": "ringan", "jenis_hukuman": CUT.format(9), "sifat_sama": True})
    assert t["status"] == "unresolved" and REPEAT_TIER_MISMATCH + f"{CUT.format(9)} (sedang ≠ ringan)" in t["alasan"]


def test_a_type_of_the_other_regime_is_compared_by_tier_only() -> None:
    pp53 = "penundaan kenaikan pangkat selama 1 tahun"  # PP 53/2010 sedang
    t = discipline({"tanggal": "2021-03-01", "jenis_hukuman": pp53, "sifat_sama": True})
    assert t["status"] == "unresolved" and REPEAT_OTHER_REGIME + f"{pp53} (PP_53_2010)" in t["alasan"]
    lighter = discipline({"tanggal": "2021-03-01", "jenis_hukuman": "teguran tertulis", "sifat_sama": True})
    assert lighter["status"] == "determined"  # a PP 94 type too: placed on the PP 94 ladder


def test_the_last_sanction_is_the_latest_by_date() -> None:
    earlier = {"tanggal": "2022-01-01", "jenis_hukuman": CUT.format(12), "sifat_sama": True}
    later = {"tanggal": "2023-06-01", "jenis_hukuman": CUT.format(6), "sifat_sama": True}
    assert discipline(earlier, later)["jenis_minimum"] == CUT.format(9)
    undated = discipline({**earlier, "tanggal": None}, later)
    assert undated["status"] == "unresolved" and "responden.sanksi_sebelumnya[0].tanggal" in undated["fakta_penentu"]


def test_old_incidents_with_only_a_tier_and_free_text_stay_valid() -> None:
    t = discipline({"tanggal": "2023-03-01", "tingkat": "sedang", "sifat": "netralitas"})
    # The tier alone cannot place the last sanction within sedang, and free text decides no nature.
    assert t["status"] == "unresolved" and t["tingkat"] == "sedang"
    assert "responden.sanksi_sebelumnya[0].sifat_sama" in t["fakta_penentu"]


@pytest.mark.parametrize("render", [to_text, to_markdown])
def test_reports_name_the_minimum_options_and_the_missing_fact(render: Any) -> None:
    settled = evaluate(with_prior({"tanggal": "2023-03-01", "jenis_hukuman": CUT.format(6), "sifat_sama": True}))
    text = render(settled, "id")
    assert "Disiplin: ditetapkan, tingkat sedang." in text
    assert f"Pilihan jenis hukuman: {CUT.format(9)}; {CUT.format(12)}." in text
    english = render(settled, "en")
    assert (
        "the lightest sanction type that satisfies both the findings' tier and the repeat rule: "
        f"25% cut of the performance allowance for 9 months ({CUT.format(9)})"
    ) in english
    unstated = render(evaluate(with_prior({"tanggal": "2023-03-01", "jenis_hukuman": CUT.format(6)})), "id")
    missing = unstated[unstated.index("Fakta yang akan menentukan") :]
    assert "responden.sanksi_sebelumnya[0].sifat_sama" in missing


def test_html_lists_only_the_options_at_or_above_the_minimum() -> None:
    html = to_html(evaluate(with_prior({"tanggal": "2023-03-01", "jenis_hukuman": CUT.format(6), "sifat_sama": True})), "id")
    summary = html[: html.index("Ketentuan yang dipertimbangkan")]
    assert CUT.format(9) in summary and CUT.format(12) in summary and DEMOTION not in summary
    unstated = to_html(evaluate(with_prior({"tanggal": "2023-03-01", "jenis_hukuman": CUT.format(6)})), "id")
    assert "responden.sanksi_sebelumnya[0].sifat_sama" in unstated


def test_the_missing_facts_api_asks_for_the_nature() -> None:
    rulebook = load_rulebook()
    data = with_prior({"tanggal": "2023-03-01", "jenis_hukuman": CUT.format(6)})
    (fact,) = [m for m in rulebook.missing_facts(data) if m.path.startswith("responden.sanksi_sebelumnya")]
    assert fact.path == "responden.sanksi_sebelumnya[0].sifat_sama"
    assert [(act, provision) for act, provision, _ in fact.needed_by] == [(0, ANGKA_2)]
    settled = with_prior({"tanggal": "2023-03-01", "jenis_hukuman": CUT.format(6), "sifat_sama": True})
    assert not [m for m in rulebook.missing_facts(settled) if m.path.startswith("responden.sanksi_sebelumnya")]


def test_types_set_by_the_agency_have_no_ladder() -> None:
    # PPPK (PP 49/2018 Pasal 52): the tier follows PP 94/2021, the types are the agency's.
    data = with_prior({"tanggal": "2023-03-01", "jenis_hukuman": CUT.format(6), "sifat_sama": True})
    data["responden"]["status_kepegawaian"] = "PPPK"
    t = track(evaluate(data, explain=False), "disiplin")
    assert (t["status"], t["tingkat"], t["jenis_minimum"], t["pilihan_sanksi"]) == ("unresolved", "sedang", None, [])
    assert REPEAT_NO_LADDER in t["alasan"]

"""Evaluation of the bundled rulebook against facts: law in force by date, subjects, three-valued
logic, exceptions, and boundaries of the campaign period and of penetapan."""

from __future__ import annotations

import datetime
import functools
from typing import Any

import pytest

from netralrules.authoring import check_paths
from netralrules.compiler import Plan, compile_rulebook
from netralrules.evaluation.evaluator import Evaluation, evaluate_plan
from netralrules.resources import default_rulebook_path
from netralrules.trace import ListTracer
from netralrules.values import shift
from tests.helpers import Facts

D = datetime.date
# Illustrative election dates (Pilkada 2024 penetapan was 22 Sep 2024, regulations.md §6.2).
ELECTION = {"tanggal_penetapan": D(2024, 9, 22), "kampanye_mulai": D(2024, 9, 25), "kampanye_selesai": D(2024, 11, 23)}


@functools.cache
def plan() -> Plan:
    # PP 94/2021 only: these scenarios are about its provisions, and must not change as the bundled
    # rulebook grows (other instruments in force on the same dates would change what they show).
    report = check_paths([default_rulebook_path() / "pp94_2021"])
    assert report.rulebook is not None
    return compile_rulebook(report.rulebook)


def run(act: dict[str, Any], status: str | None = "PNS", tracer: ListTracer | None = None) -> Evaluation:
    responden = {"status_kepegawaian": status} if status else {}
    facts = Facts(responden, ELECTION, [act])
    return evaluate_plan(plan(), facts, [act["tanggal"]], tracer)


def status(ev: Evaluation, angka: int) -> str:
    (o,) = [o for o in ev.outcomes if o.provision == f"pp94.pasal5.n.{angka}"]
    return o.status


def campaign(**circumstances: Any) -> dict[str, Any]:
    return {"tanggal": D(2024, 10, 10), "jenis": "ikut_kampanye", **circumstances}


def test_campaign_with_party_attributes_is_angka_2_and_excepts_angka_1() -> None:
    ev = run(campaign(atribut_partai=True))
    assert status(ev, 2) == "fired" and status(ev, 1) == "defeated"
    (finding,) = ev.findings
    assert (finding.provision, finding.category, finding.tier) == ("pp94.pasal5.n.2", "disiplin", "sedang")
    assert finding.tier_basis is not None and (finding.tier_basis.pasal, finding.tier_basis.huruf) == ("13", "g")
    assert finding.sanction_options[0] == "pemotongan tunjangan kinerja sebesar 25% selama 6 bulan"


def test_plain_campaign_is_angka_1_whose_tier_the_regulation_does_not_state() -> None:
    ev = run(campaign(atribut_partai=False, atribut_pns=False, mengerahkan_pns_lain=False, fasilitas_negara=False))
    (finding,) = ev.findings
    assert finding.provision == "pp94.pasal5.n.1" and finding.tier is None and finding.unresolved
    assert finding.note is not None and "tidak menyebut tingkat" in finding.note


def test_unknown_attributes_are_not_false() -> None:
    ev = run(campaign())  # nothing known about attributes, facilities, mobilising
    assert status(ev, 2) == "unknown"
    assert status(ev, 1) == "unknown"  # it may yet be excepted by angka 2, 3 or 4
    assert ev.findings == ()
    assert {o.provision for o in ev.unresolved} >= {"pp94.pasal5.n.1", "pp94.pasal5.n.2"}


def test_state_facility_is_berat() -> None:
    ev = run(campaign(fasilitas_negara=True, atribut_partai=False, atribut_pns=False, mengerahkan_pns_lain=False))
    assert [(f.provision, f.tier) for f in ev.findings] == [("pp94.pasal5.n.4", "berat")]


@pytest.mark.parametrize(
    ("day", "expected"),
    [(D(2024, 9, 24), "not_fired"), (D(2024, 9, 25), "fired"), (D(2024, 11, 23), "fired"), (D(2024, 11, 24), "not_fired")],
    ids=["sehari sebelum kampanye", "hari pertama kampanye", "hari terakhir kampanye", "sehari sesudah kampanye"],
)
def test_campaign_period_boundaries(day: D, expected: str) -> None:
    assert status(run(campaign(tanggal=day, atribut_partai=True)), 2) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [(D(2024, 9, 21), "not_fired"), (D(2024, 9, 22), "fired")],
    ids=["sehari sebelum penetapan", "hari penetapan"],
)
def test_decision_favouring_a_candidate_needs_penetapan(day: D, expected: str) -> None:
    act = {"tanggal": day, "jenis": "keputusan_atau_tindakan", "menguntungkan_atau_merugikan_calon": True}
    assert status(run(act), 5) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [(D(2021, 8, 30), "not_in_force"), (D(2021, 8, 31), "fired")],
    ids=["30 Agustus 2021 (PP 53)", "31 Agustus 2021 (PP 94)"],
)
def test_pp94_applies_from_31_august_2021(day: D, expected: str) -> None:
    act = {"tanggal": day, "jenis": "surat_dukungan_ktp"}
    assert status(run(act), 7) == expected


def test_subjects() -> None:
    act = {"tanggal": D(2024, 1, 10), "jenis": "surat_dukungan_ktp"}
    assert status(run(act, status="kepala_desa"), 7) == "not_applicable"
    assert status(run(act, status=None), 7) == "unknown"
    assert status(run(act, status="CPNS"), 7) == "fired"


def test_tracing_changes_nothing_and_records_fact_reads() -> None:
    act = campaign(atribut_partai=True)
    tracer = ListTracer()
    assert run(act, tracer=tracer) == run(act)
    reads = [e for e in tracer.events if type(e).__name__ == "FactRead"]
    assert any(e.path == ("tindakan", "atribut_partai") and e.value is True for e in reads)  # type: ignore[union-attr]
    results = [e for e in tracer.events if type(e).__name__ == "ProvisionResult"]
    assert len(results) == len(plan().provisions)


def test_calendar_arithmetic() -> None:
    assert shift(D(2024, 8, 31), -6, "bulan") == D(2024, 2, 29)
    assert shift(D(2024, 9, 22), -6, "bulan") == D(2024, 3, 22)  # Pilkada 2024 mutasi ban (regulations.md §6.2)
    assert shift(D(2024, 2, 29), 1, "tahun") == D(2025, 2, 28)
    assert shift(D(2024, 1, 1), 2, "minggu") == D(2024, 1, 15)


CONFLICT = """
asas_konflik {order}
instrumen UU_A {{ judul "Undang-undang contoh" jenis UU berlaku sejak 2014-01-15 peringkat 3 }}
instrumen PP_B {{ judul "Peraturan pemerintah contoh" jenis PP berlaku sejak 2021-08-31 peringkat 4 }}
hukuman UU_A tingkat berat {{ rujukan UU_A pasal 1 sanksi "contoh" }}
hukuman PP_B tingkat sedang {{ rujukan PP_B pasal 1 sanksi "contoh" }}
ketentuan uu.a {{ rujukan UU_A pasal 2 teks "contoh" jika tindakan.fasilitas_negara maka disiplin tingkat berat }}
ketentuan pp.b {{ rujukan PP_B pasal 2 teks "contoh" jika tindakan.fasilitas_negara maka disiplin tingkat sedang }}
"""


@pytest.mark.parametrize(
    ("order", "winner", "loser"),
    [("lex_superior, lex_posterior", "uu.a", "pp.b"), ("lex_posterior, lex_superior", "pp.b", "uu.a")],
    ids=["lex superior: undang-undang menang", "lex posterior: peraturan yang lebih baru menang"],
)
def test_declared_conflict_principles_settle_conflicts(order: str, winner: str, loser: str) -> None:
    from netralrules.authoring import check_text

    report = check_text(CONFLICT.format(order=order), "konflik.nr")
    assert report.rulebook is not None, [d.message.en for d in report.diagnostics]
    act: dict[str, Any] = {"tanggal": D(2024, 1, 10), "fasilitas_negara": True}
    ev = evaluate_plan(compile_rulebook(report.rulebook), Facts({}, {}, [act]), [act["tanggal"]])
    by = {o.provision: o for o in ev.outcomes}
    assert by[winner].status == "fired"
    assert by[loser].status == "defeated" and by[loser].defeated_by == (winner,)
    assert order.split(",")[0] in by[loser].reason

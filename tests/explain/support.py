"""Shared helpers of the explanation tests: facts as nested dicts, the bundled plan, and a
traced evaluation turned into an explanation."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Sequence
from typing import Any

import networkx as nx  # type: ignore[import-untyped]  # as in src/: networkx ships no types

from netralrules.authoring import check_paths, check_text
from netralrules.compiler import Plan, compile_rulebook
from netralrules.evaluation.determination import determine, ladders, stage
from netralrules.evaluation.evaluator import evaluate_plan
from netralrules.explain import Explanation, build_explanation
from netralrules.explain.graph import NodeKind
from netralrules.resources import default_rulebook_path
from netralrules.trace import ListTracer
from tests.helpers import Facts

D = datetime.date
# Illustrative Pilkada 2024 dates (penetapan 22 Sep 2024, regulations.md §6.2).
ELECTION: dict[str, Any] = {
    "tanggal_penetapan": D(2024, 9, 22),
    "kampanye_mulai": D(2024, 9, 25),
    "kampanye_selesai": D(2024, 11, 23),
    "tanggal_pemungutan": D(2024, 11, 27),
}


def campaign(**circumstances: Any) -> dict[str, Any]:
    return {"tanggal": D(2024, 10, 10), "jenis": "ikut_kampanye", **circumstances}


NO_OTHER_MEANS = {"atribut_pns": False, "mengerahkan_pns_lain": False, "fasilitas_negara": False}
# The top of sedang, for a violation of the same nature: a repeat needs a berat type.
PRIOR_SEDANG = [
    {
        "tanggal": D(2023, 3, 1),
        "tingkat": "sedang",
        "jenis_hukuman": "pemotongan tunjangan kinerja sebesar 25% selama 12 bulan",
        "sifat_sama": True,
    }
]

SCENARIOS: dict[str, dict[str, Any]] = {
    "kampanye dengan atribut partai": {"acts": [campaign(atribut_partai=True)]},
    "atribut tidak diketahui": {"acts": [campaign()]},
    "responden bukan ASN": {"acts": [{"tanggal": D(2024, 1, 10), "jenis": "surat_dukungan_ktp"}], "status": "kepala_desa"},
    "sebelum 31 Agustus 2021": {"acts": [{"tanggal": D(2021, 8, 30), "jenis": "surat_dukungan_ktp"}]},
    "status kepegawaian tidak diketahui": {"acts": [campaign(atribut_partai=True)], "status": None},
    "di luar masa kampanye": {"acts": [campaign(tanggal=D(2024, 12, 1), atribut_partai=True, **NO_OTHER_MEANS)]},
    "dua tindakan dan pengulangan": {
        "acts": [campaign(atribut_partai=True, **NO_OTHER_MEANS), {"tanggal": D(2024, 1, 5), "jenis": "surat_dukungan_ktp"}],
        "prior": PRIOR_SEDANG,
    },
}


@functools.cache
def bundled_plan() -> Plan:
    # PP 94/2021 only: these scenarios are about its provisions, and must not change as the bundled
    # rulebook grows (other instruments in force on the same dates would change what they show).
    report = check_paths([default_rulebook_path() / "pp94_2021"])
    assert report.rulebook is not None
    return compile_rulebook(report.rulebook)


def plan_of(text: str) -> Plan:
    report = check_text(text, "t.nr")
    assert report.rulebook is not None, [d.message.en for d in report.diagnostics]
    return compile_rulebook(report.rulebook)


def explain(
    acts: Sequence[dict[str, Any]],
    status: str | None = "PNS",
    prior: Sequence[dict[str, Any]] = (),
    election: dict[str, Any] | None = None,
    plan: Plan | None = None,
    lang_independent: bool = True,
    responden: dict[str, Any] | None = None,
) -> Explanation:
    """Evaluate acts with a tracer and build the explanation, as the engine does."""
    plan = plan or bundled_plan()
    election = ELECTION if election is None else election
    who: dict[str, Any] = {"status_kepegawaian": status} if status else {}
    facts = Facts({**who, **(responden or {})}, election, acts)
    dates = [a["tanggal"] for a in acts]
    tracer = ListTracer()
    evaluation = evaluate_plan(plan, facts, dates, tracer)
    determination = determine(evaluation, list(prior), sanction_ladders=ladders(plan.rulebook.sanction_tables))
    stages = [stage(d, election) for d in dates]
    return build_explanation(tracer.events, plan, evaluation, determination, dates, stages, lang_independent)


def fired_without_fact_path(e: Explanation) -> list[str]:
    """Fired clauses that no fact node reaches (the invariant says: none)."""
    g = e.graph
    facts = set(e.nodes(NodeKind.FACT))
    return [c for c in e.nodes(NodeKind.CLAUSE) if g.nodes[c]["status"] == "fired" and not (nx.ancestors(g, c) & facts)]


def node_kinds(e: Explanation) -> set[str]:
    return {d["kind"] for _, d in e.graph.nodes(data=True)}


def edge_kinds(e: Explanation) -> set[str]:
    return {d["kind"] for _, _, d in e.graph.edges(data=True)}

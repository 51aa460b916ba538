"""The explanation graph built from real evaluations of the bundled rulebook: node and edge kinds,
readable stable ids, the DAG property, a path from a fact to every fired clause, every clause
of the plan for every act, failed conditions and fact values."""

from __future__ import annotations

from typing import Any

import networkx as nx  # type: ignore[import-untyped]  # as in src/: networkx ships no types
import pytest

from netralrules.compiler import children_of
from netralrules.evaluation.determination import HEAVIEST_RULE, REPEAT_RULE
from netralrules.explain import Explanation
from netralrules.explain.graph import EDGE_KINDS, NODE_KINDS, UNKNOWN_TEXT, NodeKind
from netralrules.syntax.formatter import format_expr
from tests.explain.support import (
    NO_OTHER_MEANS,
    PRIOR_SEDANG,
    SCENARIOS,
    D,
    bundled_plan,
    campaign,
    edge_kinds,
    explain,
    fired_without_fact_path,
    node_kinds,
)


@pytest.fixture(params=sorted(SCENARIOS), ids=str)
def scenario(request: pytest.FixtureRequest) -> dict[str, Any]:
    return SCENARIOS[request.param]


def test_the_graph_is_a_dag(scenario: dict[str, Any]) -> None:
    assert nx.is_directed_acyclic_graph(explain(**scenario).graph)


def test_every_fired_clause_has_a_path_from_a_fact(scenario: dict[str, Any]) -> None:
    assert fired_without_fact_path(explain(**scenario)) == []


def test_every_clause_of_the_plan_appears_for_every_act(scenario: dict[str, Any]) -> None:
    e = explain(**scenario)
    provisions = {c.node for c in bundled_plan().provisions}
    for act in range(len(scenario["acts"])):
        assert {e.graph.nodes[c]["provision"] for c in e.nodes(NodeKind.CLAUSE, act)} == provisions
        assert e.nodes(NodeKind.CLAUSE, act) == sorted(f"act{act}/clause/{p}" for p in provisions)


def test_ids_and_output_are_stable_across_runs(scenario: dict[str, Any]) -> None:
    first, second = explain(**scenario), explain(**scenario)
    assert sorted(first.graph.nodes) == sorted(second.graph.nodes)
    assert sorted(first.graph.edges) == sorted(second.graph.edges)
    assert first == second


def test_kinds_are_the_documented_ones(scenario: dict[str, Any]) -> None:
    e = explain(**scenario)
    assert node_kinds(e) <= set(NODE_KINDS)
    assert edge_kinds(e) <= set(EDGE_KINDS)
    # No node made up on the fly by an edge: every node has its kind.
    assert all("kind" in d for _, d in e.graph.nodes(data=True))


def test_campaign_with_party_attributes() -> None:
    e = explain([campaign(atribut_partai=True)])
    g = e.graph
    assert node_kinds(e) == {"fact", "concept", "condition", "clause", "finding", "determination", "decision"}
    assert {"supports", "satisfies", "fails", "undecided", "overrides", "yields"} <= edge_kinds(e)
    for node in (
        "act0/fact/tindakan.atribut_partai",
        "act0/clause/pp94.pasal5.n.2",
        "act0/cond/pp94.pasal5.n.2#1",
        "act0/concept/masa_kampanye",
        "act0/finding/pp94.pasal5.n.2",
        "determination/disiplin",
        "decision",
    ):
        assert node in g, node
    assert g.nodes["act0/clause/pp94.pasal5.n.2"]["status"] == "fired"
    assert g.nodes["act0/clause/pp94.pasal5.n.1"]["status"] == "defeated"
    overrides = g.edges["act0/clause/pp94.pasal5.n.2", "act0/clause/pp94.pasal5.n.1"]
    assert overrides["kind"] == "overrides" and overrides["pending"] is False
    assert g.edges["act0/cond/pp94.pasal5.n.2", "act0/clause/pp94.pasal5.n.2"]["kind"] == "satisfies"
    assert g.edges["act0/cond/pp94.pasal5.n.7", "act0/clause/pp94.pasal5.n.7"]["kind"] == "fails"
    assert g.edges["act0/clause/pp94.pasal5.n.2", "act0/finding/pp94.pasal5.n.2"]["kind"] == "yields"
    assert g.edges["act0/finding/pp94.pasal5.n.2", "determination/disiplin"]["kind"] == "yields"
    assert g.edges["determination/disiplin", "decision"]["kind"] == "yields"
    finding = g.nodes["act0/finding/pp94.pasal5.n.2"]
    assert (finding["category"], finding["tier"]) == ("disiplin", "sedang")
    assert finding["tier_basis"] == {"instrumen": "PP_94_2021", "pasal": "13", "huruf": "g", "urutan": ["pasal", "huruf"]}
    assert finding["sanction_basis"] == {"instrumen": "PP_94_2021", "pasal": "8", "ayat": "3", "urutan": ["pasal", "ayat"]}
    assert finding["sanction_options"][0] == "pemotongan tunjangan kinerja sebesar 25% selama 6 bulan"
    determination = g.nodes["determination/disiplin"]
    assert (determination["status"], determination["tier"], determination["escalated"]) == ("determined", "sedang", False)
    # The path from the fact that decided it: atribut_partai → (… atau …) → root → clause.
    assert nx.has_path(g, "act0/fact/tindakan.atribut_partai", "act0/clause/pp94.pasal5.n.2")
    assert nx.has_path(g, "act0/concept/masa_kampanye", "act0/clause/pp94.pasal5.n.2")


def test_fact_values_dates_iso_unknown_marked() -> None:
    g = explain([campaign(atribut_partai=True)]).graph
    assert g.nodes["act0/fact/tindakan.tanggal"]["value"] == "2024-10-10"
    assert g.nodes["act0/fact/tindakan.atribut_partai"] == {
        "kind": "fact",
        "act": 0,
        "path": "tindakan.atribut_partai",
        "value": True,
        "known": True,
    }
    unknown = g.nodes["act0/fact/tindakan.atribut_pns"]
    assert (unknown["value"], unknown["known"]) == (UNKNOWN_TEXT, False)
    assert g.nodes["act0/concept/masa_kampanye"]["value"] is True


def _sub_expression(node: str) -> Any:
    provision = next(c for c in bundled_plan().provisions if c.node == node.split("#")[0]).provision
    expr: Any = provision.condition
    for index in node.split("#")[1].split(".") if "#" in node else []:
        expr = children_of(expr)[int(index)]
    return expr


def test_condition_text_is_the_canonical_text_of_its_sub_expression() -> None:
    e = explain([campaign(atribut_partai=True)])
    conditions = e.nodes(NodeKind.CONDITION)
    assert conditions
    for cid in conditions:
        attrs = e.graph.nodes[cid]
        if attrs["owner"].startswith("def:"):
            continue
        expr = _sub_expression(attrs["node"])
        assert attrs["text"] == format_expr(expr, "id")
        assert attrs["text_en"] == format_expr(expr, "en")
        assert attrs["value"] in {"true", "false", "unknown"}
    assert e.graph.nodes["act0/cond/pp94.pasal5.n.2#1"]["text"] == "tindakan.atribut_partai atau tindakan.atribut_pns"
    assert e.graph.nodes["act0/cond/pp94.pasal5.n.2#1"]["text_en"] == "tindakan.atribut_partai or tindakan.atribut_pns"
    definition = e.graph.nodes["act0/cond/def:masa_kampanye"]
    assert definition["text"] == "tindakan.tanggal antara pemilu.kampanye_mulai sampai pemilu.kampanye_selesai"


def test_without_lang_independence_only_indonesian_text_is_kept() -> None:
    e = explain([campaign(atribut_partai=True)], lang_independent=False)
    assert all("text_en" not in e.graph.nodes[c] for c in e.nodes(NodeKind.CONDITION))
    assert e.graph.graph["lang_independent"] is False


def test_failed_conditions_deepest_first_with_facts_seen() -> None:
    g = explain([campaign(atribut_partai=True)]).graph
    angka5 = g.nodes["act0/clause/pp94.pasal5.n.5"]
    assert angka5["status"] == "not_fired"
    assert angka5["failed"] == ["act0/cond/pp94.pasal5.n.5#0", "act0/cond/pp94.pasal5.n.5"]
    assert angka5["failed_leaves"] == ["act0/cond/pp94.pasal5.n.5#0"]
    assert "act0/fact/tindakan.jenis" in angka5["facts_seen"]
    # A fired clause failed nothing; a defeated one neither (its condition held).
    assert g.nodes["act0/clause/pp94.pasal5.n.2"]["failed"] == []
    assert g.nodes["act0/clause/pp94.pasal5.n.1"]["failed"] == []


def test_failure_through_a_definition_names_the_definition() -> None:
    e = explain([campaign(tanggal=D(2024, 12, 1), atribut_partai=True, **NO_OTHER_MEANS)])
    angka2 = e.graph.nodes["act0/clause/pp94.pasal5.n.2"]
    assert angka2["status"] == "not_fired"
    assert angka2["failed_leaves"] == ["act0/cond/def:masa_kampanye"]
    assert angka2["failed"][-1] == "act0/cond/pp94.pasal5.n.2"
    assert e.graph.nodes["act0/fact/tindakan.tanggal"]["value"] == "2024-12-01"
    assert "act0/fact/pemilu.kampanye_selesai" in angka2["facts_seen"]


def test_unknown_attributes_are_undecided_not_failed() -> None:
    e = explain([campaign()])
    g = e.graph
    assert g.nodes["act0/clause/pp94.pasal5.n.2"]["status"] == "unknown"
    assert g.edges["act0/cond/pp94.pasal5.n.2", "act0/clause/pp94.pasal5.n.2"]["kind"] == "undecided"
    assert g.nodes["act0/cond/pp94.pasal5.n.2#1"]["value"] == "unknown"
    assert g.nodes["act0/fact/tindakan.atribut_partai"]["known"] is False
    # Angka 1 waits for the exceptions that could still defeat it.
    for angka in (2, 3, 4):
        edge = g.edges[f"act0/clause/pp94.pasal5.n.{angka}", "act0/clause/pp94.pasal5.n.1"]
        assert edge["kind"] == "overrides" and edge["pending"] is True
    angka1 = g.nodes["act0/clause/pp94.pasal5.n.1"]
    assert {"act0/fact/tindakan.atribut_partai", "act0/fact/tindakan.fasilitas_negara"} <= set(angka1["deciding_facts"])
    assert g.edges["act0/clause/pp94.pasal5.n.1", "decision"]["kind"] == "undecided"
    assert g.nodes["decision"]["complete"] is False
    assert e.nodes(NodeKind.FINDING) == [] and e.nodes(NodeKind.DETERMINATION) == []


def test_not_applicable_respondent() -> None:
    e = explain([{"tanggal": D(2024, 1, 10), "jenis": "surat_dukungan_ktp"}], status="kepala_desa")
    statuses = {e.graph.nodes[c]["status"] for c in e.nodes(NodeKind.CLAUSE)}
    assert statuses == {"not_applicable"}
    assert e.nodes(NodeKind.CONDITION) == [] and e.nodes(NodeKind.FINDING) == []
    assert e.graph.nodes["act0/clause/pp94.pasal5.n.7"]["reason"] == "subjek: PNS, CPNS"
    assert e.graph.nodes["decision"]["complete"] is True


def test_act_before_pp94_was_in_force() -> None:
    e = explain([{"tanggal": D(2021, 8, 30), "jenis": "surat_dukungan_ktp"}])
    assert {e.graph.nodes[c]["status"] for c in e.nodes(NodeKind.CLAUSE)} == {"not_in_force"}
    assert e.acts[0].instruments == ()
    assert e.acts[0].stage == "sebelum_penetapan"
    assert e.graph.nodes["act0/clause/pp94.pasal5.n.7"]["in_force"] == ["2021-08-31", None]
    on_the_day = explain([{"tanggal": D(2021, 8, 31), "jenis": "surat_dukungan_ktp"}])
    assert on_the_day.acts[0].instruments == ("PP_94_2021",)
    assert on_the_day.graph.nodes["act0/clause/pp94.pasal5.n.7"]["status"] == "fired"


def test_repeat_offence_below_the_heaviest_finding_does_not_escalate() -> None:
    e = explain(**SCENARIOS["dua tindakan dan pengulangan"])
    g = e.graph
    determination = g.nodes["determination/disiplin"]
    # Angka 7 (berat) is already heavier than the prior sanction (sedang): the tier is the finding's.
    assert (determination["tier"], determination["escalated"], determination["heaviest_finding_tier"]) == (
        "berat",
        False,
        "berat",
    )
    assert REPEAT_RULE in determination["reasons"] and HEAVIEST_RULE in determination["reasons"]
    assert "escalates" not in edge_kinds(e)
    assert {u for u, _ in g.in_edges("determination/disiplin")} == {
        "act0/finding/pp94.pasal5.n.2",
        "act1/finding/pp94.pasal5.n.7",
    }


def test_repeat_offence_after_a_sanction_as_heavy_escalates() -> None:
    e = explain([campaign(atribut_partai=True, **NO_OTHER_MEANS)], prior=PRIOR_SEDANG)
    g = e.graph
    edge = g.edges["act0/finding/pp94.pasal5.n.2", "determination/disiplin"]
    assert (edge["kind"], edge["from_tier"], edge["to_tier"]) == ("escalates", "sedang", "berat")
    assert g.nodes["determination/disiplin"]["escalated"] is True
    assert nx.is_directed_acyclic_graph(g)


def test_acts_carry_date_and_stage() -> None:
    e = explain(**SCENARIOS["dua tindakan dan pengulangan"])
    assert [(a.index, a.date, a.stage) for a in e.acts] == [
        (0, D(2024, 10, 10), "masa_kampanye"),
        (1, D(2024, 1, 5), "sebelum_penetapan"),
    ]
    assert e.graph.graph["acts"][0] == {
        "index": 0,
        "date": "2024-10-10",
        "stage": "masa_kampanye",
        "instruments": ["PP_94_2021"],
        "assessment": "dinilai",
        "gaps": [],
    }


def test_explanations_compare_by_content() -> None:
    a = explain([campaign(atribut_partai=True)])
    b = explain([campaign(atribut_partai=False)])
    assert a != b and a == explain([campaign(atribut_partai=True)])
    assert isinstance(a, Explanation) and hash(a) == hash(explain([campaign(atribut_partai=True)]))

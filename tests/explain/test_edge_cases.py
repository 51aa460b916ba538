"""Rulebooks the bundled one does not exercise: a literal condition, a bare fact or definition as
the whole condition, a quantifier, a string with quotes and backslashes."""

from __future__ import annotations

import networkx as nx  # type: ignore[import-untyped]  # as in src/: networkx ships no types

from netralrules.explain import narrative, to_dot
from netralrules.explain.graph import NodeKind
from tests.explain.support import D, explain, fired_without_fact_path, plan_of
from tests.explain.views_support import dot_is_well_formed
from tests.helpers import INSTRUMENT


def _provision(name: str, angka: int, condition: str) -> str:
    return f"""
ketentuan {name} {{
  rujukan PP_94_2021 pasal 5 huruf n angka {angka}
  teks "teks {name}"
  jika {condition}
  maka disiplin tingkat berat
}}
"""


RULES = (
    INSTRUMENT
    + "definisi berat_sebelumnya = ada s dalam responden.sanksi_sebelumnya yang (s.tingkat = berat)\n"
    + "".join(
        [
            _provision("selalu", 1, "benar"),
            _provision("atribut", 2, "tindakan.atribut_partai"),
            _provision("ulang", 3, "berat_sebelumnya"),
            _provision("jabatan", 4, 'responden.jabatan = "Kepala \\"Dinas\\" \\\\ Pendidikan"'),
        ]
    )
)
ACT = {"tanggal": D(2024, 10, 10), "jenis": "ikut_kampanye", "atribut_partai": True}
RESPONDEN = {
    "jabatan": 'Kepala "Dinas" \\ Pendidikan',
    "sanksi_sebelumnya": [{"tanggal": D(2020, 1, 1), "tingkat": "ringan"}, {"tanggal": D(2022, 1, 1), "tingkat": "berat"}],
}


def test_untraced_roots_get_a_condition_node() -> None:
    e = explain([ACT], plan=plan_of(RULES), responden=RESPONDEN)
    g = e.graph
    literal = g.nodes["act0/cond/selalu"]
    assert (literal["traced"], literal["value"], literal["text"]) == (False, "true", "benar")
    bare = g.nodes["act0/cond/atribut"]
    assert (bare["traced"], bare["value"]) == (False, "true")
    assert g.edges["act0/fact/tindakan.atribut_partai", "act0/cond/atribut"]["kind"] == "supports"
    assert g.edges["act0/cond/atribut", "act0/clause/atribut"]["kind"] == "satisfies"
    concept = g.nodes["act0/cond/ulang"]
    assert (concept["traced"], concept["value"]) == (False, "true")
    assert {g.nodes[c]["status"] for c in e.nodes(NodeKind.CLAUSE)} == {"fired"}
    assert nx.is_directed_acyclic_graph(g)


def test_a_literal_condition_reads_no_fact_so_has_no_fact_path() -> None:
    # The one documented exception to "every fired clause has a path from a fact".
    e = explain([ACT], plan=plan_of(RULES), responden=RESPONDEN)
    assert fired_without_fact_path(e) == ["act0/clause/selalu"]


def test_a_quantifier_body_keeps_every_value_it_took() -> None:
    e = explain([ACT], plan=plan_of(RULES), responden=RESPONDEN)
    body = e.graph.nodes["act0/cond/def:berat_sebelumnya#1"]
    assert body["text"] == "s.tingkat = berat"
    assert (body["value"], body["values"]) == ("true", ["false", "true"])
    assert nx.has_path(e.graph, "act0/fact/responden.sanksi_sebelumnya", "act0/clause/ulang")
    sanctions = e.graph.nodes["act0/fact/responden.sanksi_sebelumnya"]["value"]
    assert sanctions[0] == {"tanggal": "2020-01-01", "tingkat": "ringan"}


def test_quotes_and_backslashes_are_escaped_in_dot() -> None:
    e = explain([ACT], plan=plan_of(RULES), responden=RESPONDEN)
    assert e.graph.nodes["act0/cond/jabatan"]["text"] == 'responden.jabatan = "Kepala \\"Dinas\\" \\\\ Pendidikan"'
    dot = to_dot(e)
    assert dot_is_well_formed(dot)
    assert '\\"Kepala \\\\\\"Dinas' in dot  # the canonical text's \" is escaped once more in DOT
    assert "Kepala" in narrative(e)


def test_an_unknown_definition_is_undecided_not_false() -> None:
    e = explain([ACT], plan=plan_of(RULES), responden={})
    ulang = e.graph.nodes["act0/clause/ulang"]
    assert ulang["status"] == "unknown"
    assert e.graph.nodes["act0/concept/berat_sebelumnya"]["known"] is False
    assert "act0/fact/responden.sanksi_sebelumnya" in ulang["deciding_facts"]

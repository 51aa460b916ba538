"""Properties over random incidents (issue 3 §5): the explanation graph is a DAG, every fired
clause has a path from a fact node, every clause appears for every act, and building twice gives
the same graph and the same views."""

from __future__ import annotations

import datetime
from typing import Any

import networkx as nx  # type: ignore[import-untyped]  # as in src/: networkx ships no types
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netralrules.explain import narrative, to_dot, to_json
from netralrules.explain.graph import NodeKind
from netralrules.facts.schema import JENIS_TINDAKAN, SASARAN
from tests.explain.support import ELECTION, bundled_plan, explain, fired_without_fact_path

D = datetime.date
FLAGS = ("atribut_partai", "atribut_pns", "mengerahkan_pns_lain", "fasilitas_negara", "menguntungkan_atau_merugikan_calon")
# Around the campaign of the illustrative election, and around PP 94 coming into force.
dates = st.one_of(
    st.dates(
        min_value=ELECTION["tanggal_penetapan"] - datetime.timedelta(days=20),
        max_value=ELECTION["tanggal_pemungutan"] + datetime.timedelta(days=20),
    ),
    st.dates(min_value=D(2021, 8, 25), max_value=D(2021, 9, 5)),
)
three_valued = st.sampled_from([True, False, None])  # None: the fact is unknown


@st.composite
def acts(draw: st.DrawFn) -> dict[str, Any]:
    act: dict[str, Any] = {"tanggal": draw(dates), "jenis": draw(st.none() | st.sampled_from(JENIS_TINDAKAN.values))}
    for flag in FLAGS:
        act[flag] = draw(three_valued)
    act["sasaran"] = draw(st.none() | st.sampled_from(SASARAN.values))
    return act


incidents = st.fixed_dictionaries(
    {
        "acts": st.lists(acts(), min_size=1, max_size=3),
        "status": st.sampled_from(["PNS", "CPNS", "PPPK", "kepala_desa", None]),
        "prior": st.lists(
            st.fixed_dictionaries(
                {
                    "tanggal": st.just(D(2023, 1, 1)),
                    "tingkat": st.sampled_from(["ringan", "sedang", "berat"]),
                    "sifat": st.just("netralitas"),
                }
            ),
            max_size=1,
        ),
    }
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(incidents)
def test_random_incidents_give_a_dag_with_fact_paths(incident: dict[str, Any]) -> None:
    e = explain(**incident)
    assert nx.is_directed_acyclic_graph(e.graph)
    assert fired_without_fact_path(e) == []
    provisions = {c.node for c in bundled_plan().provisions}
    for act in range(len(incident["acts"])):
        assert {e.graph.nodes[c]["provision"] for c in e.nodes(NodeKind.CLAUSE, act)} == provisions
    # Failed conditions name only conditions that are not true.
    for c in e.nodes(NodeKind.CLAUSE):
        assert all(e.graph.nodes[f]["value"] != "true" for f in e.graph.nodes[c]["failed"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(incidents)
def test_random_incidents_explain_the_same_way_twice(incident: dict[str, Any]) -> None:
    first, second = explain(**incident), explain(**incident)
    assert first == second
    assert to_json(first) == to_json(second)
    assert to_dot(first) == to_dot(second)
    assert narrative(first, "en") == narrative(second, "en")

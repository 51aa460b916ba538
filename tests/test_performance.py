"""What the speed-ups must not change: the decision is the same with and without the explanation,
and the graph the builder fills directly is the one networkx's own methods would build."""

from __future__ import annotations

import datetime
from typing import Any

import networkx as nx  # type: ignore[import-untyped]  # as in src/: networkx ships no types
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netralrules.facts.schema import JENIS_TINDAKAN, SASARAN, STATUS_KEPEGAWAIAN
from netralrules.rulebook import evaluate, load_rulebook
from tests.helpers import explained

D = datetime.date
FLAGS = ("atribut_partai", "atribut_pns", "mengerahkan_pns_lain", "fasilitas_negara", "menguntungkan_atau_merugikan_calon")
maybe = st.sampled_from([True, False, None])  # None: the fact is unknown

acts = st.fixed_dictionaries(
    {
        "tanggal": st.dates(D(2021, 8, 1), D(2025, 3, 31)).map(D.isoformat),
        "jenis": st.sampled_from(JENIS_TINDAKAN.values),
        "sasaran": st.sampled_from((*SASARAN.values, None)),
        **{flag: maybe for flag in FLAGS},
    }
)
incidents = st.fixed_dictionaries(
    {
        "id": st.just("UJI-1"),
        "responden": st.fixed_dictionaries(
            {
                "status_kepegawaian": st.sampled_from((*STATUS_KEPEGAWAIAN.values, None)),
                "sanksi_sebelumnya": st.lists(
                    st.fixed_dictionaries(
                        {
                            "tanggal": st.just("2021-01-04"),
                            "tingkat": st.sampled_from(["ringan", "sedang", "berat"]),
                            "sifat": st.just("netralitas"),
                        }
                    ),
                    max_size=1,
                ),
            }
        ),
        "pemilu": st.sampled_from(
            [
                {
                    "jenis": "pilkada_bupati",
                    "tanggal_penetapan": "2024-09-22",
                    "kampanye_mulai": "2024-09-25",
                    "kampanye_selesai": "2024-11-23",
                    "tanggal_pemungutan": "2024-11-27",
                },
                {
                    "jenis": "pemilu_presiden",
                    "tanggal_penetapan": "2023-11-13",
                    "kampanye_mulai": "2023-11-28",
                    "kampanye_selesai": None,
                    "tanggal_pemungutan": "2024-02-14",
                },
                {},
            ]
        ),
        "tindakan": st.lists(acts, min_size=1, max_size=4),
    }
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(incidents)
def test_the_decision_is_the_same_with_and_without_the_explanation(incident: dict[str, Any]) -> None:
    rulebook = load_rulebook()
    with_graph = evaluate(incident, rulebook, explain=True).to_dict()
    without = evaluate(incident, rulebook, explain=False).to_dict()
    assert "penjelasan" in with_graph and "penjelasan" not in without
    del with_graph["penjelasan"]
    assert with_graph == without


def test_the_graph_filled_directly_equals_the_one_networkx_builds() -> None:
    incident = {
        "id": "UJI-2",
        "responden": {"status_kepegawaian": "PNS"},
        "pemilu": {"tanggal_penetapan": "2024-09-22", "kampanye_mulai": "2024-09-25", "kampanye_selesai": "2024-11-23"},
        "tindakan": [
            {"tanggal": "2024-10-12", "jenis": "ikut_kampanye", "atribut_partai": True, "fasilitas_negara": None},
            {"tanggal": "2024-10-20", "jenis": "ajakan", "sasaran": "masyarakat"},
        ],
    }
    graph = explained(evaluate(incident, load_rulebook())).graph
    rebuilt = nx.DiGraph()
    rebuilt.add_nodes_from(graph.nodes(data=True))
    rebuilt.add_edges_from(graph.edges(data=True))
    rebuilt.graph.update(graph.graph)
    assert nx.utils.graphs_equal(graph, rebuilt)
    # The same order too (views iterate it), and the views of both directions agree.
    assert list(graph.nodes) == list(rebuilt.nodes)
    assert list(graph.edges) == list(rebuilt.edges)
    assert all(set(graph.pred[n]) == set(rebuilt.pred[n]) for n in graph)
    assert nx.is_directed_acyclic_graph(graph)
    # The builder's reverse walk agrees with networkx on which facts each clause saw.
    own = nx.subgraph_view(graph, filter_edge=lambda u, v: graph.edges[u, v]["kind"] != "overrides")
    for clause, attrs in graph.nodes(data=True):
        if attrs["kind"] == "clause":
            facts = sorted(n for n in nx.ancestors(own, clause) if graph.nodes[n]["kind"] == "fact")
            assert attrs["facts_seen"] == facts

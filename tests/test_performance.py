"""What the speed-ups must not change: the decision is the same with and without the explanation,
the graph the builder hands over in bulk is the one networkx builds node by node, and nothing
writes networkx's private dicts to go faster."""

from __future__ import annotations

import ast
import datetime
from pathlib import Path
from typing import Any

import networkx as nx  # type: ignore[import-untyped]  # as in src/: networkx ships no types
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netralrules.facts.schema import JENIS_TINDAKAN, SASARAN, STATUS_KEPEGAWAIAN
from netralrules.rulebook import evaluate, load_rulebook
from tests.helpers import explained

D = datetime.date
SRC = Path(__file__).parents[1] / "src" / "netralrules"
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


def test_the_graph_handed_over_in_bulk_equals_the_one_built_node_by_node() -> None:
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
    rebuilt = nx.DiGraph(**graph.graph)
    for node, attrs in graph.nodes(data=True):
        rebuilt.add_node(node, **attrs)
    for u, v, attrs in graph.edges(data=True):
        rebuilt.add_edge(u, v, **attrs)
    assert nx.utils.graphs_equal(graph, rebuilt)
    # The same order too (views iterate it), and the views of both directions agree: each edge has
    # one attribute dict, seen from its source and from its target.
    assert list(graph.nodes) == list(rebuilt.nodes)
    assert list(graph.edges) == list(rebuilt.edges)
    assert all(set(graph.pred[n]) == set(rebuilt.pred[n]) for n in graph)
    assert all(graph.succ[u][v] is graph.pred[v][u] for u, v in graph.edges)
    assert nx.is_directed_acyclic_graph(graph)
    # The builder's reverse walk agrees with networkx on which facts each clause saw.
    own = nx.subgraph_view(graph, filter_edge=lambda u, v: graph.edges[u, v]["kind"] != "overrides")
    for clause, attrs in graph.nodes(data=True):
        if attrs["kind"] == "clause":
            facts = sorted(n for n in nx.ancestors(own, clause) if graph.nodes[n]["kind"] == "fact")
            assert attrs["facts_seen"] == facts


def test_nothing_writes_or_reads_networkx_private_dicts() -> None:
    """The builder once filled `_node`, `_adj` and `_pred` itself for speed; networkx may change
    them in any release, so only its public API is used (explain/graph.py `_Builder.graph`)."""
    private = {"_node", "_adj", "_pred", "_succ"}
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute):
                assert node.attr not in private, f"{path.relative_to(SRC)}:{node.lineno} uses .{node.attr}"

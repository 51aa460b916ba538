"""The explanation's data is the primary product (explain/graph.py GraphData) and networkx is made
from it on first access: both must hold exactly the graph the eager builder made before
(tests/explain/reference_graph.py), whatever the plan kept from earlier explanations; the views
that only read nodes must not make networkx; `Decision.to_json` must write what `json.dumps` of
the decision's dict writes."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx  # type: ignore[import-untyped]  # as in src/: networkx ships no types
import pytest

from netralrules.evaluation.coverage import scope_json
from netralrules.evaluation.decision import Decision
from netralrules.evaluation.pipeline import decide
from netralrules.evaluation.referral import referral_json
from netralrules.explain import build_report, render_markdown, render_text, to_dot, to_json
from netralrules.explain.explained import decide_explained
from netralrules.explain.graph import Explanation, GraphData, build_explanation
from netralrules.facts import load_incident
from netralrules.rulebook import Rulebook, load_rulebook
from netralrules.trace import ListTracer
from tests.explain.reference_graph import build_reference
from tests.explain.support import SCENARIOS, explain

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
# The benchmark's corpus, a script beside the package.
corpus_incidents = importlib.import_module("corpus").incidents


def _incidents() -> Iterator[dict[str, Any]]:
    for path in sorted((ROOT / "examples").glob("*.json")):
        yield json.loads(path.read_text(encoding="utf-8"))
    yield from corpus_incidents(40, seed=2024)


def _both(rulebook: Rulebook, incident: dict[str, Any]) -> tuple[Explanation, nx.DiGraph, Any]:
    """The explanation the builder makes and the graph (and acts) the reference builder makes, from
    the same events."""
    tracer = ListTracer()
    d = decide(rulebook, load_incident(incident), tracer)
    args = (tracer.events, rulebook.plan, d.evaluation, d.determination, d.act_dates, d.stages)
    referral = referral_json(d.referral) if d.referral is not None else None
    reference, acts = build_reference(*args, referral=referral, assessments=d.assessments, scope=scope_json(d.scope))
    mine = build_explanation(*args, referral=referral, assessments=d.assessments, scope=scope_json(d.scope))
    return mine, reference, acts


def _same(graph: nx.DiGraph, reference: nx.DiGraph) -> None:
    assert dict(graph.nodes(data=True)) == dict(reference.nodes(data=True))
    assert {(u, v): d for u, v, d in graph.edges(data=True)} == {(u, v): d for u, v, d in reference.edges(data=True)}
    assert graph.graph == reference.graph
    # The attributes in the same order too: a view that walks them sees the same thing.
    assert all(list(graph.nodes[n]) == list(reference.nodes[n]) for n in reference)


@pytest.mark.parametrize("rounds", [1, 2])
def test_the_graph_is_the_one_the_eager_builder_made(rounds: int) -> None:
    # The second round is answered from what the plan kept (annotations, conditions, chunks).
    rulebook = load_rulebook()
    for _ in range(rounds):
        for incident in _incidents():
            e, reference, acts = _both(rulebook, incident)
            assert e.acts == acts
            _same(e.graph, reference)
            assert nx.utils.graphs_equal(e.graph, reference)
            assert e.to_data() == {
                "directed": True,
                "multigraph": False,
                "graph": dict(sorted(reference.graph.items())),
                "nodes": [{"id": n, **reference.nodes[n]} for n in sorted(reference)],
                "edges": [{"source": u, "target": v, **reference.edges[u, v]} for u, v in sorted(reference.edges)],
            }


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_the_scenarios_give_the_eager_builders_graph(name: str) -> None:
    scenario = SCENARIOS[name]
    for _ in range(2):
        e = explain(**scenario)
        _same(e.graph, _reference_of(scenario))


def _reference_of(scenario: dict[str, Any]) -> nx.DiGraph:
    """tests/explain/support.py `explain`, with the reference builder."""
    captured: list[nx.DiGraph] = []

    def reference(*args: Any, **kwargs: Any) -> Explanation:
        graph, _ = build_reference(*args, **kwargs)
        captured.append(graph)
        return build_explanation(*args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("tests.explain.support.build_explanation", reference)
        explain(**scenario)
    return captured[0]


def test_the_graph_data_reads_like_the_digraph() -> None:
    e = decide_explained(load_rulebook(), load_incident(next(_incidents()))).explanation
    assert e is not None
    data, g = e.data, e.graph
    assert list(data) == list(g.nodes) and len(data) == len(g)
    for n in g:
        assert n in data
        assert data.predecessors(n) == list(g.predecessors(n))
        assert data.successors(n) == list(g.successors(n))
        assert data.in_edges(n) == list(g.in_edges(n))
        assert data.nodes[n] == g.nodes[n]
    assert "nowhere" not in data
    with pytest.raises(KeyError):
        data.predecessors("nowhere")


def test_views_that_read_nodes_make_no_networkx_graph() -> None:
    d = decide_explained(load_rulebook(), load_incident(next(_incidents())))
    e = d.explanation
    assert e is not None
    d.to_json()
    to_json(e)
    for lang in ("id", "en"):
        render_text(build_report(e), lang)
        render_markdown(build_report(e), lang)
        to_dot(e, lang)
    assert "graph" not in e.__dict__  # the cached property was never read
    assert e.graph.number_of_nodes() == len(e.data)
    assert "graph" in e.__dict__


def test_building_an_explanation_does_not_import_networkx() -> None:
    code = (
        "import sys\n"
        "from netralrules.rulebook import load_rulebook\n"
        "from netralrules.facts import load_incident\n"
        "from netralrules.explain.explained import decide_explained\n"
        "from pathlib import Path\n"
        f"text = Path({str(ROOT / 'examples' / 'pns_kampanye_atribut_partai.json')!r}).read_text()\n"
        "d = decide_explained(load_rulebook(), load_incident(text, source='x.json'))\n"
        "d.to_json()\n"
        "print('networkx' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_to_json_writes_what_json_dumps_writes() -> None:
    rulebook = load_rulebook()
    for _ in range(2):  # the second time from the texts the plan kept
        for incident in _incidents():
            d = rulebook.evaluate(incident)
            assert d.to_json() == json.dumps(d.to_dict(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def test_explanations_compare_by_their_data() -> None:
    scenario = SCENARIOS["kampanye dengan atribut partai"]
    a, b = explain(**scenario), explain(**scenario)
    assert a == b and hash(a) == hash(b)
    other = explain(**SCENARIOS["atribut tidak diketahui"])
    assert a != other
    assert isinstance(a.data, GraphData)


def test_a_decision_without_explanation_writes_as_before() -> None:
    d: Decision = load_rulebook().evaluate(next(_incidents()), explain=False)
    assert d.to_json() == json.dumps(d.to_dict(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def test_an_explanation_made_after_forget_shared_is_the_same() -> None:
    """`forget_shared` empties what explanations share by their events, and the next explanation is
    made afresh, equal to the one made from what was shared."""
    from netralrules.explain.graph import forget_shared

    rulebook = load_rulebook()
    incidents = list(_incidents())[:12]
    shared = [rulebook.evaluate(i).to_json() for i in incidents]
    chunks = [v for k, v in rulebook.plan.memo.items() if k.startswith("explain.chunks.")]
    assert chunks and any(chunks)
    for incident, text in zip(incidents, shared, strict=True):
        forget_shared(rulebook.plan)
        assert not any(chunks)
        assert rulebook.evaluate(incident).to_json() == text

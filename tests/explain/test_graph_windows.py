"""The explanation graph built window by window (explain/graph.py `_Builder.windows`: one
provision's events in one act, closed by its ProvisionResult, with what each window adds kept per
plan) must be the graph the reference builder makes (tests/explain/reference_graph.py) from the
same events: whatever the plan kept from earlier explanations or forgot (`forget_shared`), for
acts past those kept (`_SHARED_ACTS`), on the old path (events that are not a list), for outcomes
that differ from their ProvisionResult (an act not the respondent's, a conflict settled by a
principle, an exception still pending), and in both language settings."""

from __future__ import annotations

import contextlib
import datetime
import importlib
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx  # type: ignore[import-untyped]  # as in src/: networkx ships no types
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import netralrules.explain.graph as graph_module
from netralrules.authoring import check_text
from netralrules.compiler import Plan
from netralrules.evaluation.attribution import NOT_BY_RESPONDENT
from netralrules.evaluation.coverage import scope_json
from netralrules.evaluation.determination import Determination, determine, ladders, stage
from netralrules.evaluation.evaluator import Evaluation, Outcome, evaluate_plan
from netralrules.evaluation.kinds import Status
from netralrules.evaluation.pipeline import decide
from netralrules.evaluation.referral import referral_json
from netralrules.explain import build_report, render_text, to_dot
from netralrules.explain.graph import _SHARED_ACTS, ActInfo, Explanation, GraphData, build_explanation, forget_shared
from netralrules.facts import load_incident
from netralrules.rulebook import Rulebook, from_report, load_rulebook
from netralrules.trace import Event, ListTracer, ProvisionResult
from tests.explain.reference_graph import build_reference
from tests.explain.support import ELECTION, plan_of
from tests.explain.test_edge_cases import ACT, RESPONDEN, RULES
from tests.explain.test_graph_data import _same
from tests.helpers import Facts

D = datetime.date
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
# The benchmark's corpus and scaling incident, scripts beside the package.
corpus_incidents: Callable[..., Iterator[dict[str, Any]]] = importlib.import_module("corpus").incidents
scaling_incident: Callable[[int], dict[str, Any]] = importlib.import_module("scaling").incident

# What the window path keeps per plan (src/netralrules/explain/graph.py `_Builder.__init__`).
_WINDOW_MEMOS = ("explain.windows", "explain.contributions.", "explain.act_contributions.")


# ---- helpers ---------------------------------------------------------------------------------
@dataclass
class _Traced:
    """One traced evaluation and what both builders are given besides the events."""

    name: str
    events: list[Event]
    plan: Plan
    evaluation: Evaluation
    determination: Determination
    dates: Sequence[datetime.date]
    stages: Sequence[str]
    kwargs: dict[str, Any]

    def args(self, events: Iterable[Event]) -> tuple[Any, ...]:
        return (events, self.plan, self.evaluation, self.determination, self.dates, self.stages)

    def results(self) -> list[ProvisionResult]:
        return [e for e in self.events if type(e) is ProvisionResult]

    def changed(self) -> list[tuple[Outcome, ProvisionResult]]:
        """The outcomes that say something other than their ProvisionResult (status, reason,
        defeated_by) or wait for an exception (which no ProvisionResult says)."""
        pairs = zip(self.evaluation.outcomes, self.results(), strict=True)
        return [
            (o, r)
            for o, r in pairs
            if (o.status, o.reason, o.defeated_by) != (r.status, r.reason, r.defeated_by) or o.waiting_for
        ]


def _traced(rulebook: Rulebook, incident: dict[str, Any]) -> _Traced:
    """The engine's traced decision (evaluation/pipeline.py `decide`)."""
    tracer = ListTracer()
    d = decide(rulebook, load_incident(incident), tracer)
    referral = referral_json(d.referral) if d.referral is not None else None
    kwargs = {"referral": referral, "assessments": d.assessments, "scope": scope_json(d.scope)}
    return _Traced(d.incident_id, tracer.events, rulebook.plan, d.evaluation, d.determination, d.act_dates, d.stages, kwargs)


def _traced_plan(plan: Plan, acts: Sequence[dict[str, Any]], responden: dict[str, Any], name: str) -> _Traced:
    """A traced evaluation of a plan on facts as nested dicts (as tests/explain/support.py `explain`)."""
    dates = [a["tanggal"] for a in acts]
    tracer = ListTracer()
    evaluation = evaluate_plan(plan, Facts({"status_kepegawaian": "PNS", **responden}, ELECTION, acts), dates, tracer)
    determination = determine(evaluation, [], sanction_ladders=ladders(plan.rulebook.sanction_tables))
    stages = [stage(d, ELECTION) for d in dates]
    return _Traced(name, tracer.events, plan, evaluation, determination, dates, stages, {})


def _reference(t: _Traced, lang_independent: bool = True) -> tuple[nx.DiGraph, tuple[ActInfo, ...]]:
    return build_reference(list(t.events), t.plan, t.evaluation, t.determination, t.dates, t.stages, lang_independent, **t.kwargs)


def _mine(t: _Traced, lang_independent: bool = True, events: Iterable[Event] | None = None) -> Explanation:
    chosen = t.events if events is None else events
    return build_explanation(chosen, t.plan, t.evaluation, t.determination, t.dates, t.stages, lang_independent, **t.kwargs)


def _first_difference(data: GraphData, reference: nx.DiGraph) -> str:
    """A short account of where the graphs differ (a whole graph is too long to read in a failure)."""
    out: list[str] = []
    ref_nodes = dict(reference.nodes(data=True))
    only_mine = sorted(set(data.nodes) - set(ref_nodes))[:3]
    only_ref = sorted(set(ref_nodes) - set(data.nodes))[:3]
    if only_mine or only_ref:
        out.append(f"nodes only built: {only_mine}; only in the reference: {only_ref}")
    for n in sorted(set(data.nodes) & set(ref_nodes)):
        mine, ref = data.nodes[n], ref_nodes[n]
        if mine != ref:
            keys = sorted(k for k in set(mine) | set(ref) if mine.get(k, "<none>") != ref.get(k, "<none>"))
            out.append(f"node {n}: " + "; ".join(f"{k}: {mine.get(k, '<none>')!r} != {ref.get(k, '<none>')!r}" for k in keys))
            if len(out) >= 4:
                break
    ref_edges = {(u, v): d for u, v, d in reference.edges(data=True)}
    if data.edges != ref_edges:
        out.append(
            f"edges only built: {sorted(set(data.edges) - set(ref_edges))[:3]}; "
            f"only in the reference: {sorted(set(ref_edges) - set(data.edges))[:3]}; "
            f"attrs differ: {[k for k in sorted(set(data.edges) & set(ref_edges)) if data.edges[k] != ref_edges[k]][:3]}"
        )
    if data.graph != reference.graph:
        keys = sorted(k for k in set(data.graph) | set(reference.graph) if data.graph.get(k) != reference.graph.get(k))
        out.append(f"graph attributes differ: {keys}")
    return "\n".join(out)


def _check(e: Explanation, reference: nx.DiGraph, acts: tuple[ActInfo, ...], what: str) -> None:
    """`e` is the reference's graph (nodes, edges, attributes in the same order) and acts."""
    assert e.acts == acts, what
    difference = _first_difference(e.data, reference)
    assert not difference, f"{what}:\n{difference}"
    _same(e.graph, reference)


def _forgotten(plan: Plan) -> None:
    """`forget_shared` emptied what the window path keeps."""
    kept = {k: len(v) for k, v in plan.memo.items() if k.startswith(_WINDOW_MEMOS) and isinstance(v, dict) and v}
    assert not kept, kept


def _sizes(plan: Plan) -> dict[str, int]:
    return {k: len(v) for k, v in plan.memo.items() if k.startswith(_WINDOW_MEMOS) and isinstance(v, dict)}


@contextlib.contextmanager
def _paths_taken() -> Iterator[list[bool]]:
    """What `_Builder.windows` returned for each explanation built meanwhile: True when the graph
    was built window by window, False when the old path built it."""
    taken: list[bool] = []
    original = graph_module._Builder.windows

    def spy(self: Any, events: Iterable[Event], outcomes: Sequence[Outcome]) -> bool:
        result = original(self, events, outcomes)
        taken.append(result)
        return result

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(graph_module._Builder, "windows", spy)
        yield taken


def _examples() -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "examples").glob("*.json"))]


def _not_by_respondent(incident: dict[str, Any], acts: Iterable[int]) -> dict[str, Any]:
    """The incident with the given acts said to be done by someone else (`dilakukan_sendiri` false)."""
    chosen = set(acts)
    tindakan = [{**a, "dilakukan_sendiri": False} if i in chosen else a for i, a in enumerate(incident["tindakan"])]
    return {**incident, "id": incident["id"] + "-LAIN", "tindakan": tindakan}


def _concatenated(n_acts: int, seed: int) -> dict[str, Any]:
    """One incident of `n_acts` acts taken from corpus incidents in turn (their facts, dates and
    elections differ), one PNS respondent; each act names its own election (docs/incident.md
    §3.2: a list of elections with ids)."""
    acts: list[dict[str, Any]] = []
    elections: dict[str, tuple[str, dict[str, Any]]] = {}
    respondent: dict[str, Any] | None = None
    for incident in corpus_incidents(10 * n_acts, seed=seed):
        if respondent is None:
            respondent = {**incident["responden"], "status_kepegawaian": "PNS"}
        key = json.dumps(incident["pemilu"], sort_keys=True)
        election_id = elections.setdefault(key, (f"pemilu{len(elections)}", incident["pemilu"]))[0]
        acts.extend({**a, "pemilu": election_id} for a in incident["tindakan"])
        if len(acts) >= n_acts:
            break
    assert respondent is not None and len(acts) >= n_acts
    return {
        "id": f"GABUNGAN-{seed}",
        "pelapor": "Bawaslu (ilustrasi)",
        "responden": respondent,
        "pemilu": [{"id": election_id, **election} for election_id, election in elections.values()],
        "tindakan": acts[:n_acts],
    }


# ---- 1. memo emptied, then warm, then warm in reverse order ------------------------------------
def test_forgotten_then_warm_then_reversed_is_the_reference() -> None:
    rulebook = load_rulebook()
    plan = rulebook.plan
    incidents = _examples() + list(corpus_incidents(30, seed=7))
    traced = [_traced(rulebook, i) for i in incidents]
    references = [_reference(t) for t in traced]
    # The cases the window path must get right occur here: outcomes that wait for an exception
    # (not in any ProvisionResult), fired, undecided and defeated provisions.
    outcomes = [o for t in traced for o in t.evaluation.outcomes]
    assert any(o.waiting_for for o in outcomes)
    assert {Status.FIRED, Status.NOT_FIRED, Status.UNKNOWN, Status.DEFEATED} <= {o.status for o in outcomes}
    cold: list[Explanation] = []
    with _paths_taken() as taken:
        for incident, t, (reference, acts) in zip(incidents, traced, references, strict=True):
            forget_shared(plan)
            _forgotten(plan)
            e = _mine(t)
            _check(e, reference, acts, f"{incident['id']}, memo emptied first")
            cold.append(e)
        assert plan.memo["explain.windows"], "the window path kept nothing"
        # Warm: what earlier incidents of this round kept serves later ones (a fresh decision each).
        forget_shared(plan)
        for incident, (reference, acts) in zip(incidents, references, strict=True):
            e = _mine(_traced(rulebook, incident))
            _check(e, reference, acts, f"{incident['id']}, warm")
        kept = _sizes(plan)
        assert all(kept[k] for k in ("explain.windows", "explain.contributions.both", "explain.act_contributions.both")), kept
        # Everything is kept now: in reverse order nothing new is made, and the same graphs come.
        for incident, (reference, acts), first in reversed(list(zip(incidents, references, cold, strict=True))):
            e = _mine(_traced(rulebook, incident))
            _check(e, reference, acts, f"{incident['id']}, warm, in reverse order")
            assert e == first
        assert _sizes(plan) == kept, "the third round made windows the second had kept"
    assert taken == [True] * (3 * len(incidents)), "built on the old path, not window by window"


# ---- 2. more acts than are kept -------------------------------------------------------------
def _acts_kept_below_the_bound(plan: Plan) -> None:
    windows: dict[tuple[Event, ...], Any] = plan.memo["explain.windows"]
    assert windows
    assert all(key[-1].act < _SHARED_ACTS for key in windows), "a window of an act past _SHARED_ACTS was kept"
    # One incident built since the memo was emptied: at most one whole act kept per act below the bound.
    acts_kept = plan.memo["explain.act_contributions.both"]
    assert 0 < len(acts_kept) <= _SHARED_ACTS
    assert 0 < len(plan.memo["explain.contributions.both"]) <= _SHARED_ACTS * len(plan.provisions)


def test_seventy_repeated_acts_twice() -> None:
    rulebook = load_rulebook()
    t = _traced(rulebook, scaling_incident(70))
    assert len(t.dates) == 70 > _SHARED_ACTS
    reference, acts = _reference(t)
    with _paths_taken() as taken:
        forget_shared(rulebook.plan)
        first = _mine(t)
        _check(first, reference, acts, "70 acts, memo emptied first")
        _acts_kept_below_the_bound(rulebook.plan)
        second = _mine(_traced(rulebook, scaling_incident(70)))
        _check(second, reference, acts, "70 acts, again")
    assert taken == [True, True]
    # The acts past the bound are there all the same, each with its clauses.
    assert {n.split("/")[0] for n in first.data.nodes if n.startswith("act")} == {f"act{i}" for i in range(70)}


def test_acts_past_the_bound_are_made_again_from_what_was_kept_relative_to_their_index() -> None:
    """An act past `_SHARED_ACTS` is kept relative to its index (`_ActTemplate`); an act that
    repeats it, at another index, is made from it (no window is made for it), equal to the
    reference's."""
    rulebook = load_rulebook()
    forget_shared(rulebook.plan)
    first = _traced(rulebook, scaling_incident(70))  # acts 64–69 kept relative to their index
    reference, acts = _reference(first)
    _check(_mine(first), reference, acts, "70 acts")
    templates = rulebook.plan.memo["explain.templates.both"]
    assert 0 < len(templates) <= 70 - _SHARED_ACTS
    # 140 acts: the example repeated, a day apart in a cycle of 40 days, so acts 70–139 repeat acts
    # kept in this run or the one before; no window of theirs is made.
    longer = _traced(rulebook, scaling_incident(140))
    reference, acts = _reference(longer)
    made: list[int] = []
    window = graph_module._Builder.window

    def counting(self: Any, events: Sequence[Event]) -> Any:
        made.append(events[-1].act)
        return window(self, events)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(graph_module._Builder, "window", counting)
        _check(_mine(longer), reference, acts, "140 acts, from templates")
    # Acts 64–69 repeat those of the 70-act run, and acts 104–139 those of acts 64–99 of this one.
    assert made and max(made) < 40 + _SHARED_ACTS, "an act that repeats a kept one was made window by window"
    assert not set(made) & set(range(_SHARED_ACTS, 70))


def test_seventy_different_acts_twice_and_rotated() -> None:
    rulebook = load_rulebook()
    incident = _concatenated(70, seed=11)
    # Every other act where something fired, and one past the bound, said to be done by someone else.
    fired = sorted({o.act for o in _traced(rulebook, incident).evaluation.outcomes if o.status is Status.FIRED})
    incident = _not_by_respondent(incident, [*fired[::2], *[a for a in fired if a >= _SHARED_ACTS][-1:]])
    rotated = {**incident, "id": incident["id"] + "-PUTAR", "tindakan": incident["tindakan"][35:] + incident["tindakan"][:35]}
    t = _traced(rulebook, incident)
    # The acts differ: past the bound some fire, some do not, some are undecided, and some outcome
    # says something else than its ProvisionResult.
    late = [o for o in t.evaluation.outcomes if o.act >= _SHARED_ACTS]
    assert {Status.FIRED, Status.NOT_FIRED, Status.UNKNOWN} <= {o.status for o in late}
    assert any(o.act >= _SHARED_ACTS for o, _ in t.changed())
    assert len({a["pemilu"] for a in incident["tindakan"]}) > 1
    assert len({a["tanggal"] for a in incident["tindakan"]}) > 30
    reference, acts = _reference(t)
    t_rotated = _traced(rulebook, rotated)
    reference_rotated, acts_rotated = _reference(t_rotated)
    with _paths_taken() as taken:
        forget_shared(rulebook.plan)
        _check(_mine(t), reference, acts, "70 different acts, memo emptied first")
        _acts_kept_below_the_bound(rulebook.plan)
        _check(_mine(_traced(rulebook, incident)), reference, acts, "70 different acts, again")
        # The same acts at other places: what was kept for act i is not what act i is now.
        _check(_mine(t_rotated), reference_rotated, acts_rotated, "70 different acts rotated, warm")
        forget_shared(rulebook.plan)
        _check(_mine(t_rotated), reference_rotated, acts_rotated, "70 different acts rotated, memo emptied first")
        _check(_mine(_traced(rulebook, incident)), reference, acts, "70 different acts, after the rotated ones")
    assert taken == [True] * 5
    # The decision as the engine writes it (elections of the acts included), the same either way.
    forget_shared(rulebook.plan)
    text = rulebook.evaluate(incident).to_json()
    assert rulebook.evaluate(incident).to_json() == text


# ---- 3. the old path ------------------------------------------------------------------------
@pytest.mark.parametrize("form", [iter, tuple], ids=["iterator", "tuple"])
def test_events_not_a_list_take_the_old_path(form: Callable[[list[Event]], Iterable[Event]]) -> None:
    rulebook = load_rulebook()
    incidents = [*_examples(), *corpus_incidents(8, seed=3), _not_by_respondent(scaling_incident(3), [1])]
    for warm in (False, True):
        for incident in incidents:
            t = _traced(rulebook, incident)
            reference, acts = _reference(t)
            if not warm:
                forget_shared(rulebook.plan)
            with _paths_taken() as taken:
                e = _mine(t, events=form(t.events))
            assert taken == [False], "events that are not a list were built window by window"
            _check(e, reference, acts, f"{incident['id']}, old path, {'warm' if warm else 'memo emptied first'}")
            # And the window path, from the same events, makes the same graph.
            with _paths_taken() as taken:
                assert _mine(t) == e
            assert taken == [True]


def test_events_that_do_not_split_into_windows_take_the_old_path() -> None:
    """A list of events that does not end with a ProvisionResult (events recorded after the last
    provision) is not one window per outcome: the old path builds it, as the reference does."""
    rulebook = load_rulebook()
    t = _traced(rulebook, json.loads((ROOT / "examples" / "pns_kampanye_atribut_partai.json").read_text(encoding="utf-8")))
    last_read = next(e for e in reversed(t.events) if type(e) is not ProvisionResult)
    events = [*t.events, last_read]
    reference, acts = build_reference(*t.args(events), **t.kwargs)
    with _paths_taken() as taken:
        e = _mine(t, events=events)
    assert taken == [False]
    _check(e, reference, acts, "a read after the last ProvisionResult")


# ---- 4. outcomes that differ from their ProvisionResult -------------------------------------
def test_acts_not_done_by_the_respondent() -> None:
    """Attribution turns what fired for an act not the respondent's into unknown: its windows'
    events are those of the respondent's own act, the outcome is not. Built in both orders, warm
    and with the memo emptied."""
    rulebook = load_rulebook()
    own = [i for i in corpus_incidents(40, seed=5) if i["responden"]["status_kepegawaian"] == "PNS"][:8]
    others = [_not_by_respondent(i, range(len(i["tindakan"]))) for i in own]
    pairs = [(_traced(rulebook, a), _traced(rulebook, b)) for a, b in zip(own, others, strict=True)]
    turned = 0
    for t_own, t_other in pairs:
        # Who did it is not read inside a provision: the events are the same.
        assert t_own.events == t_other.events
        for o, r in t_other.changed():
            if r.status is Status.FIRED:
                assert o.status is Status.UNKNOWN and o.reason == NOT_BY_RESPONDENT
                turned += 1
    assert turned >= 3, "no fired provision was turned into unknown: the case does not occur"
    references = [(_reference(a), _reference(b)) for a, b in pairs]
    with _paths_taken() as taken:
        for order in ("own first", "other first"):
            for (t_own, t_other), (ref_own, ref_other) in zip(pairs, references, strict=True):
                both = [(t_own, ref_own, "own"), (t_other, ref_other, "not by the respondent")]
                if order == "other first":
                    both.reverse()
                for t, (reference, acts), who in both:
                    _check(_mine(t), reference, acts, f"{t.name}, {who}, {order}, warm")
                forget_shared(rulebook.plan)
                for t, (reference, acts), who in both:
                    _check(_mine(t), reference, acts, f"{t.name}, {who}, {order}, after forget_shared")
    assert all(taken) and len(taken) == 2 * 4 * len(pairs)


# The bundled rulebook declares no conflict principles (`asas_konflik`); this one does. Both fire for
# an act on state facilities in working hours; when the PNS attribute is used too, the statute's
# provision fires as well and prevails (lex superior): the regulation's is defeated, though its
# ProvisionResult, recorded before conflicts are settled, says fired. The regulation's events are
# the same with or without the conflict.
CONFLICT = """
asas_konflik lex_superior, lex_posterior
instrumen UU_A { judul "Undang-undang contoh" jenis UU berlaku sejak 2014-01-15 peringkat 3 }
instrumen PP_B { judul "Peraturan pemerintah contoh" jenis PP berlaku sejak 2021-08-31 peringkat 4 }
hukuman UU_A tingkat berat { rujukan UU_A pasal 1 sanksi "contoh" }
hukuman PP_B tingkat sedang { rujukan PP_B pasal 1 sanksi "contoh" }
ketentuan uu.a { rujukan UU_A pasal 2 teks "contoh"
  jika tindakan.fasilitas_negara dan tindakan.atribut_pns maka disiplin tingkat berat }
ketentuan pp.b { rujukan PP_B pasal 2 teks "contoh"
  jika tindakan.fasilitas_negara dan tindakan.jam_kerja maka disiplin tingkat sedang }
"""


def _conflict_rulebook() -> Rulebook:
    report = check_text(CONFLICT, "konflik.nr")
    rulebook = from_report(report)
    assert rulebook is not None, [d.message.en for d in report.diagnostics]
    assert rulebook.plan.rulebook.principles
    return rulebook


def _conflict_incident(name: str, atribut_pns: bool | None, acts: int = 1) -> dict[str, Any]:
    act = {
        "tanggal": "2024-01-10",
        "jenis": "ikut_kampanye",
        "fasilitas_negara": True,
        "jam_kerja": True,
        "atribut_pns": atribut_pns,
    }
    return {"id": name, "responden": {"status_kepegawaian": "PNS"}, "tindakan": [act] * acts}


def test_a_conflict_settled_by_a_principle() -> None:
    rulebook = _conflict_rulebook()
    settled = _traced(rulebook, _conflict_incident("KONFLIK", True))
    alone = _traced(rulebook, _conflict_incident("TANPA-KONFLIK", False))
    open_ = _traced(rulebook, _conflict_incident("BELUM-DIKETAHUI", None))
    several = _traced(rulebook, _conflict_incident("KONFLIK-DUA", True, acts=2))
    ((o, r),) = settled.changed()
    assert (o.provision, o.status, o.defeated_by, r.status) == ("pp.b", Status.DEFEATED, ("uu.a",), Status.FIRED)
    assert not alone.changed()
    assert {o.provision: o.status for o in alone.evaluation.outcomes}["pp.b"] is Status.FIRED
    # The regulation's window is the same with and without the conflict.
    window = [e for e in settled.events if e[1].startswith("pp.b")]
    assert window == [e for e in alone.events if e[1].startswith("pp.b")]
    cases = [settled, alone, open_, several]
    references = [_reference(t) for t in cases]
    with _paths_taken() as taken:
        for order in (cases, cases[::-1], cases):
            for t in order:
                reference, acts = references[cases.index(t)]
                _check(_mine(t), reference, acts, f"{t.name}, warm")
            forget_shared(rulebook.plan)
    assert taken == [True] * 12
    graph = _mine(settled).data
    assert graph.edges[("act0/clause/uu.a", "act0/clause/pp.b")]["kind"] == "overrides"
    assert graph.nodes["act0/clause/pp.b"]["status"] == Status.DEFEATED


# ---- 5. both language settings ----------------------------------------------------------------
def _as_explanation(reference: nx.DiGraph, acts: tuple[ActInfo, ...], lang_independent: bool) -> Explanation:
    edges = {(u, v): d for u, v, d in reference.edges(data=True)}
    return Explanation(GraphData(dict(reference.nodes(data=True)), edges, dict(reference.graph)), acts, lang_independent)


def test_both_language_settings() -> None:
    rulebook = load_rulebook()
    incidents = [*_examples(), *corpus_incidents(8, seed=13), _not_by_respondent(scaling_incident(2), [0])]
    traced = [_traced(rulebook, i) for i in incidents]
    references = {(k, lang): _reference(t, lang) for k, t in enumerate(traced) for lang in (False, True)}
    with _paths_taken() as taken:
        # Memo emptied, then the other setting warm on what the first kept, each way round.
        for first in (False, True):
            for k, t in enumerate(traced):
                forget_shared(rulebook.plan)
                for lang in (first, not first, first):
                    reference, acts = references[k, lang]
                    e = _mine(t, lang_independent=lang)
                    _check(e, reference, acts, f"{incidents[k]['id']}, lang_independent={lang}")
                    assert e.lang_independent is lang and e.data.graph["lang_independent"] is lang
    assert all(taken) and len(taken) == 2 * 3 * len(traced)
    # The setting matters (English texts only with both languages), and the views read alike.
    for k, t in enumerate(traced[:4]):
        for lang in (False, True):
            e = _mine(t, lang_independent=lang)
            conditions = [a for a in e.data.nodes.values() if a["kind"] == "condition"]
            assert conditions and all(("text_en" in a) is lang for a in conditions)
            reference = _as_explanation(*references[k, lang], lang)
            for view_lang in ("id", "en"):
                assert to_dot(e, view_lang) == to_dot(reference, view_lang)
                assert render_text(build_report(e), view_lang) == render_text(build_report(reference), view_lang)


# ---- 6. a property over corpus seeds and subsets ----------------------------------------------
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(min_value=0, max_value=10_000),
    picks=st.lists(st.integers(min_value=0, max_value=11), min_size=1, max_size=3),
    others=st.sets(st.integers(min_value=0, max_value=7), max_size=2),
    forget_first=st.booleans(),
    lang_independent=st.booleans(),
)
def test_property_warm_and_forgotten_builds_are_the_reference(
    seed: int, picks: list[int], others: set[int], forget_first: bool, lang_independent: bool
) -> None:
    rulebook = load_rulebook()
    pool = list(corpus_incidents(12, seed=seed))
    incidents = [pool[i] for i in picks]
    # An act said to be someone else's, in the first incident drawn (when it has that act).
    incidents[0] = _not_by_respondent(incidents[0], others)
    with _paths_taken() as taken:
        if forget_first:
            forget_shared(rulebook.plan)
        for incident in incidents:
            t = _traced(rulebook, incident)
            reference, acts = _reference(t, lang_independent)
            warm = _mine(t, lang_independent)
            _check(warm, reference, acts, f"{incident['id']} (seed {seed}), warm")
            forget_shared(rulebook.plan)
            cold = _mine(_traced(rulebook, incident), lang_independent)
            _check(cold, reference, acts, f"{incident['id']} (seed {seed}), memo emptied first")
            again = _mine(t, lang_independent)
            assert again == cold == warm
    assert all(taken) and len(taken) == 3 * len(incidents)


# ---- 7. rulebooks the bundled one does not exercise ---------------------------------------------
def test_literal_bare_and_quantified_conditions() -> None:
    """tests/explain/test_edge_cases.py's rulebook: a literal condition (evaluated without an
    event), a bare fact and a bare definition as the whole condition (untraced roots), a quantifier
    over the prior sanctions (a list: its window's events cannot be kept), over several acts."""
    plan = plan_of(RULES)
    later = {**ACT, "tanggal": D(2024, 10, 11), "atribut_partai": False}
    cases = [
        _traced_plan(plan, [ACT], RESPONDEN, "one act, sanctions listed"),
        _traced_plan(plan, [ACT, later, ACT], RESPONDEN, "three acts, sanctions listed"),
        _traced_plan(plan, [ACT, later], {}, "two acts, sanctions unknown"),
        _traced_plan(plan, [later, ACT], {"sanksi_sebelumnya": []}, "two acts, no sanctions"),
        # Other sanctions that the quantifier reads alike: the same windows but for the list read.
        _traced_plan(plan, [ACT], {**RESPONDEN, "sanksi_sebelumnya": OTHER_SANCTIONS}, "one act, other sanctions listed"),
    ]
    assert cases[4].events != cases[0].events
    assert any(type(e) is not ProvisionResult and _unhashable(e) for e in cases[0].events)
    references = [_reference(t) for t in cases]
    with _paths_taken() as taken:
        for round_ in ("memo emptied first", "warm", "warm again"):
            if round_ == "memo emptied first":
                forget_shared(plan)
            for t, (reference, acts) in zip(cases, references, strict=True):
                _check(_mine(t), reference, acts, f"{t.name}, {round_}")
    assert taken == [True] * (3 * len(cases))
    sanctions = _mine(cases[4]).data.nodes["act0/fact/responden.sanksi_sebelumnya"]["value"]
    assert sanctions[0]["tanggal"] == "2019-06-01"


OTHER_SANCTIONS = [{"tanggal": D(2019, 6, 1), "tingkat": "sedang"}, {"tanggal": D(2021, 6, 1), "tingkat": "berat"}]


def _unhashable(e: Event) -> bool:
    try:
        hash(e)
    except TypeError:
        return True
    return False


# ---- 8. the bounds on what is kept, reached while an explanation is built ---------------------
def test_bounds_reached_while_building() -> None:
    """What the plan keeps is bounded (emptied, or its older half forgotten, when full:
    `_SHARED_CHUNKS`, `_SHARED_ANNOTATIONS`, `_SHARED_WINDOWS` and `_SHARED_WINDOW_ACTS`, `_SHARED_ACT_GRAPHS`,
    `_SHARED_TEMPLATES`); with small bounds it is emptied between the windows of one explanation,
    again and again, and the graphs stay the reference's."""
    rulebook = load_rulebook()
    incidents = [*_examples()[:2], *corpus_incidents(10, seed=17), scaling_incident(5)]
    traced = [_traced(rulebook, i) for i in incidents]
    references = [_reference(t) for t in traced]
    with pytest.MonkeyPatch.context() as patch, _paths_taken() as taken:
        patch.setattr(graph_module, "_SHARED_CHUNKS", 7)
        patch.setattr(graph_module, "_SHARED_ANNOTATIONS", 5)
        patch.setattr(graph_module, "_SHARED_WINDOWS", 6)
        patch.setattr(graph_module, "_SHARED_WINDOW_ACTS", 0)
        patch.setattr(graph_module, "_SHARED_ACT_GRAPHS", 3)
        patch.setattr(graph_module, "_SHARED_TEMPLATES", 2)
        forget_shared(rulebook.plan)
        for round_ in ("first", "second", "reversed"):
            pairs = list(zip(traced, references, strict=True))
            for t, (reference, acts) in pairs[::-1] if round_ == "reversed" else pairs:
                _check(_mine(t), reference, acts, f"{t.name}, small bounds, {round_} round")
                sizes = _sizes(rulebook.plan)
                assert all(n <= 7 for n in sizes.values()), sizes
    assert all(taken) and len(taken) == 3 * len(traced)

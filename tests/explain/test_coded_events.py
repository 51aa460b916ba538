"""Coded events (trace.py `CodedTracer`): a decision with its explanation keeps what the compiled
program's traced variant records as plain tuples `(act, site, value)`, and the explanation reads them
so, making events only for the windows it has not met. The graph, the decision and the missing facts
must be what the events give: whatever the memo kept (built from events or from coded ones first),
for acts past those kept, on the old path, and for a caller's own tracer (which gets events)."""

from __future__ import annotations

from typing import Any

import pytest

import netralrules.explain.graph as graph_module
from netralrules.codegen.generate import generate, load_program
from netralrules.codegen.runtime import decode
from netralrules.evaluation.coverage import scope_json
from netralrules.evaluation.pipeline import decide
from netralrules.evaluation.program import program_of, set_program
from netralrules.evaluation.referral import referral_json
from netralrules.explain.graph import build_explanation, forget_shared
from netralrules.facts import load_incident
from netralrules.rulebook import Rulebook, load_rulebook
from netralrules.trace import CodedTracer, ListTracer
from tests.explain.test_graph_windows import (
    _check,
    _examples,
    _mine,
    _not_by_respondent,
    _paths_taken,
    _reference,
    _traced,
    corpus_incidents,
    scaling_incident,
)


def _incidents() -> list[dict[str, Any]]:
    examples = _examples()
    return [*examples, _not_by_respondent(examples[0], [0]), *corpus_incidents(30, seed=11), scaling_incident(70)]


def _coded(rulebook: Rulebook, incident: dict[str, Any]) -> tuple[CodedTracer, Any]:
    tracer = CodedTracer()
    return tracer, decide(rulebook, load_incident(incident), tracer)


def _explained(rulebook: Rulebook, tracer: CodedTracer, d: Any, events: Any = None) -> Any:
    referral = referral_json(d.referral) if d.referral is not None else None
    return build_explanation(
        tracer.events if events is None else events,
        rulebook.plan,
        d.evaluation,
        d.determination,
        d.act_dates,
        d.stages,
        referral=referral,
        assessments=d.assessments,
        scope=scope_json(d.scope),
        sites=tracer.sites,
    )


def test_coded_events_are_the_events_and_decide_alike() -> None:
    rulebook = load_rulebook()
    for incident in _incidents():
        tracer, d = _coded(rulebook, incident)
        # Coded indeed: most of what the traced variant records is a plain tuple.
        assert tracer.sites and any(type(e) is tuple for e in tracer.events), incident["id"]
        events = ListTracer()
        plain = decide(rulebook, load_incident(incident), events)
        assert not any(type(e) is tuple for e in events.events), "a caller's tracer got coded events"
        assert decode(tracer.events, tracer.sites) == events.events, incident["id"]
        # The missing facts are read from the coded events: the same decision, byte for byte.
        assert d.to_json() == plain.to_json(), incident["id"]


def test_graphs_from_coded_events_are_the_reference_whatever_was_kept() -> None:
    rulebook = load_rulebook()
    incidents = _incidents()
    traced = [_traced(rulebook, i) for i in incidents]
    references = [_reference(t) for t in traced]
    with _paths_taken() as taken:
        # Memo emptied before each; then warm from coded events; then warm from events first.
        for incident, (reference, acts) in zip(incidents, references, strict=True):
            forget_shared(rulebook.plan)
            tracer, d = _coded(rulebook, incident)
            _check(_explained(rulebook, tracer, d), reference, acts, f"{incident['id']}, coded, memo emptied")
        for incident, (reference, acts) in zip(incidents, references, strict=True):
            tracer, d = _coded(rulebook, incident)
            _check(_explained(rulebook, tracer, d), reference, acts, f"{incident['id']}, coded, warm")
        forget_shared(rulebook.plan)
        for t, (reference, acts) in zip(traced, references, strict=True):
            _check(_mine(t), reference, acts, f"{t.name}, events")
        for incident, (reference, acts) in zip(reversed(incidents), reversed(references), strict=True):
            tracer, d = _coded(rulebook, incident)
            _check(_explained(rulebook, tracer, d), reference, acts, f"{incident['id']}, coded after events")
    assert taken == [True] * (4 * len(incidents)), "built on the old path, not window by window"


def test_coded_events_not_a_list_take_the_old_path() -> None:
    rulebook = load_rulebook()
    incident = _examples()[0]
    (reference, acts) = _reference(_traced(rulebook, incident))
    tracer, d = _coded(rulebook, incident)
    with _paths_taken() as taken:
        _check(_explained(rulebook, tracer, d, tuple(tracer.events)), reference, acts, "coded, as a tuple")
    assert taken == [False]


def test_a_decision_explained_keeps_its_events_coded_unless_the_caller_gives_a_tracer() -> None:
    rulebook = load_rulebook()
    incident = load_incident(_examples()[0])
    mine = ListTracer()
    given = rulebook.decide(incident, tracer=mine)
    assert mine.events and not any(type(e) is tuple for e in mine.events)
    assert rulebook.decide(incident).to_json() == given.to_json()


def test_windows_kept_by_coded_events_are_forgotten_when_the_program_changes() -> None:
    """A site's number means what the program that recorded it says: when the plan's program is
    replaced, what was kept by the old one's coded events is forgotten, and every window is made
    again from the new one's."""
    rulebook = load_rulebook()
    plan = rulebook.plan
    incident = _examples()[0]
    tracer, d = _coded(rulebook, incident)
    first = _explained(rulebook, tracer, d)
    program = program_of(plan)
    assert program is not None
    # The same program loaded again: equal, but its own site table (as a program generated anew).
    source = generate(plan.rulebook)
    again = load_program(source.text, source.sha256)
    assert again.sites == program.sites and again.sites is not program.sites
    made: list[int] = []
    window = graph_module._Builder.window

    def counting(self: Any, events: Any) -> Any:
        made.append(events[-1].act)
        return window(self, events)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(graph_module._Builder, "window", counting)
        tracer, d = _coded(rulebook, incident)
        assert _explained(rulebook, tracer, d) == first
        assert made == [], "the same program: every window was kept"
        set_program(plan, again)
        tracer, d = _coded(rulebook, incident)
        assert tracer.sites is again.sites
        assert _explained(rulebook, tracer, d) == first
    assert len(made) == len(d.evaluation.outcomes), "windows kept by the old program's sites were used"

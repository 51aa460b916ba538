"""Compiled rulebook + validated incident → decision with its explanation: a traced run of the one
pipeline (`evaluation.pipeline.decide`), then the graph built from its events."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Sequence
from typing import Any

from netralrules.compiler import CompiledRulebook, Plan
from netralrules.evaluation.attribution import READ_HERE
from netralrules.evaluation.coverage import DEFAULTS, scope_json
from netralrules.evaluation.decision import Decision, IncidentFacts
from netralrules.evaluation.pipeline import decide, paused_gc
from netralrules.evaluation.referral import Referral, referral_json
from netralrules.explain.graph import Explanation, build_explanation, fact_id, json_value
from netralrules.facts.schema import DEFAULT_SCHEMA
from netralrules.trace import CodedTracer, ListTracer
from netralrules.values import UNKNOWN

_PLAIN_KINDS = frozenset({"bool", "enum", "date", "string", "number"})


def decide_explained(rulebook: CompiledRulebook, facts: IncidentFacts, tracer: ListTracer | None = None) -> Decision:
    """The decision for one incident, with its explanation graph (built from the events recorded in
    `tracer`, a new one if not given)."""
    with paused_gc():
        return _decide_explained(rulebook, facts, tracer)


def _with_elections(explanation: Explanation, elections: Sequence[tuple[str, str | None]]) -> Explanation:
    """Each act's election (id, name) on its act and in the graph's list of acts: only for an
    incident with several elections, so single-election explanations stay as they were."""
    for item, (id_, name) in zip(explanation.data.graph.get("acts", ()), elections, strict=False):
        item["pemilu"] = {"id": id_, "nama": name}
    acts = tuple(dataclasses.replace(a, election=elections[a.index]) for a in explanation.acts)
    return dataclasses.replace(explanation, acts=acts)


def _decide_explained(rulebook: CompiledRulebook, facts: IncidentFacts, tracer: ListTracer | None) -> Decision:
    # Without a tracer of the caller's, the events stay coded (the explanation reads them so).
    tracer = tracer if tracer is not None else CodedTracer()
    decision = decide(rulebook, facts, tracer)
    explanation = build_explanation(
        tracer.events,
        rulebook.plan,
        decision.evaluation,
        decision.determination,
        decision.act_dates,
        decision.stages,
        assessments=decision.assessments,
        scope=scope_json(decision.scope),
        sites=tracer.sites,
    )
    if decision.referral is not None:
        # To whom the case is referred: a graph attribute, for the views (as build_explanation
        # sets it from `referral`), made once per plan for each referral.
        explanation.data.graph["pengawasan"] = _referral_attr(rulebook.plan, decision.referral)
    if decision.elections:
        explanation = _with_elections(explanation, decision.elections)
    if decision.procedure is not None:
        # What must happen next (evaluation/procedure.py): a graph attribute, for the views.
        explanation.data.graph["prosedur"] = decision.procedure
    unread = _unread_facts(facts, explanation, len(decision.act_dates))
    if unread:
        explanation.data.graph["fakta_lain"] = unread
    return dataclasses.replace(decision, explanation=explanation)


def _referral_attr(plan: Plan, referral: Referral) -> Any:
    """`json_value(referral_json(referral))`, kept per plan (bounded) for each referral: read-only."""
    memo: dict[tuple[Any, ...], Any] = plan.memo.setdefault("explain.referrals", {})
    key = (
        referral.date,
        referral.date_basis,
        referral.status._value_,
        tuple([b.id.name for b in referral.bodies]),
        referral.reasons,
    )
    found = memo.get(key)
    if found is None:
        if len(memo) >= 10_000:
            memo.clear()
        found = memo[key] = json_value(referral_json(referral))
    return found


def _unread_facts(facts: IncidentFacts, explanation: Explanation, acts: int) -> dict[str, list[list[Any]]]:
    """Per act, the facts of the act the incident states (known values of the fact schema's
    `tindakan` fields) that no provision read: a report lists them as stated and unread."""
    nodes = explanation.data.nodes
    out: dict[str, list[list[Any]]] = {}
    for act in range(acts):
        found = []
        for name, fid in _act_fields(act):
            if fid in nodes:
                continue
            try:
                value = facts.fact(("tindakan", name), act)
            except (KeyError, IndexError):  # an incident type without this fact
                continue
            if value is not UNKNOWN and value != DEFAULTS.get(name):  # a documented default is not stated
                found.append([f"tindakan.{name}", json_value(value)])
        if found:
            out[str(act)] = found
    return out


@functools.cache
def _fields() -> tuple[str, ...]:
    # Attribution and proof read `dilakukan_sendiri` and `terverifikasi` themselves, and the act's date
    # chooses the law in force: none of them is unread.
    skip = READ_HERE | {"tanggal"}
    return tuple(n for n, kind in DEFAULT_SCHEMA.roots["tindakan"].fields if kind.kind in _PLAIN_KINDS and n not in skip)


@functools.lru_cache(maxsize=1024)
def _act_fields(act: int) -> tuple[tuple[str, str], ...]:
    """The fact schema's plain `tindakan` fields with their fact node ids in one act."""
    return tuple((name, fact_id(act, ("tindakan", name))) for name in _fields())


def decide_with(rulebook: CompiledRulebook, facts: IncidentFacts, *, explain: bool, tracer: ListTracer | None = None) -> Decision:
    """`decide`, or `decide_explained` when the explanation is asked for; with a `tracer`, the
    events of the evaluation are recorded in it either way."""
    if explain:
        return decide_explained(rulebook, facts, tracer)
    with paused_gc():  # a large rulebook is a large heap for every collection to walk
        return decide(rulebook, facts, tracer)

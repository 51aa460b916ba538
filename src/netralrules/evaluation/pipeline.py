"""Compiled rulebook + validated incident → decision: the one orchestration of a decision.

Evaluate the rulebook (its compiled program, traced or not, else its plan: the same outcomes and
events) on the law in force at each act's date, determine the outcome per track (with
the respondent's prior sanctions), derive each act's election stage, refer the case to the
supervisory body of the report date, and name the unknown facts that hold undecided provisions
open. Every front end (the facade, the rule-case runner, diff, batch, what-if) goes through
`decide`; the explanation graph is built afterwards by `explain` from the events traced here.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime
import itertools
import operator
from collections.abc import Iterable, Sequence
from typing import Any

from netralrules.codegen.cache import paused_gc as paused_gc  # re-exported: decisions pause it too
from netralrules.codegen.runtime import Sites
from netralrules.compiler import CompiledRulebook, definition_of
from netralrules.evaluation.attribution import NOT_BY_RESPONDENT, WHO_DID_IT, attribute, flag_alleged
from netralrules.evaluation.coverage import CAN_APPLY, ActAssessment, assess, scope_of
from netralrules.evaluation.decision import Decision, IncidentFacts
from netralrules.evaluation.determination import Ladder, determine, ladders, stage
from netralrules.evaluation.evaluator import Evaluation, Outcome, evaluate_plan
from netralrules.evaluation.kinds import Assessment
from netralrules.evaluation.procedure import procedure_json, select
from netralrules.evaluation.program import evaluate_fast, evaluate_traced, trace_provisions
from netralrules.evaluation.referral import refer, referral_date
from netralrules.trace import CodedTracer, ConditionResult, DefinitionRead, Event, FactRead, ListTracer, ProvisionResult
from netralrules.values import UNKNOWN

ELECTION_DATES = ("tanggal_penetapan", "kampanye_mulai", "kampanye_selesai", "tanggal_pemungutan")


def decide(rulebook: CompiledRulebook, facts: IncidentFacts, tracer: ListTracer | None = None) -> Decision:
    """The decision for one incident, without its explanation. With a `tracer`, every event of the
    evaluation is recorded in it (for an explanation or for coverage)."""
    dates = tuple(facts.act_dates)
    start = len(tracer.events) if tracer is not None else 0  # this decision's events follow
    # The compiled program decides (evaluation/program.py), traced with its traced variant; without
    # one (or when it cannot be used), the plan.
    plan = rulebook.plan
    fast = evaluate_fast(plan, facts, dates) if tracer is None else evaluate_traced(plan, facts, dates, tracer)
    evaluation = attribute(fast if fast is not None else evaluate_plan(rulebook.plan, facts, dates, tracer), facts, len(dates))
    prior = facts.fact(("responden", "sanksi_sebelumnya"), 0)
    outcomes = {pid: p.outcome for pid, p in rulebook.checked.provisions.items() if p.outcome is not None}
    ladders = sanction_ladders(rulebook)
    determination = flag_alleged(
        determine(evaluation, prior if isinstance(prior, list) else [], outcomes, ladders), evaluation.findings
    )
    # Each act's stage from its own election (an incident may list several: docs/incident.md §3.2).
    stages = tuple(stage(d, {key: facts.fact(("pemilu", key), i) for key in ELECTION_DATES}) for i, d in enumerate(dates))
    # The report date is optional and not a fact the rules read: an incident type without it refers
    # by the last act's date.
    reported = getattr(facts, "report_date", None)
    scope = scope_of(rulebook, facts)
    # The supervisory bodies of the rulebook watch over ASN neutrality: a respondent who is not ASN
    # is referred to none of them (the scope names what governs the conduct instead).
    referral = (
        None
        if scope is not None and not scope.asn
        else refer(rulebook.checked.supervisors, *referral_date(reported if isinstance(reported, datetime.date) else None, dates))
    )
    assessments = _assess(rulebook, facts, dates, evaluation)
    checked = rulebook.checked
    section = select(
        checked.procedures, checked.instruments, checked.provisions, determination, dates, None if scope is None else scope.asn
    )
    procedure = procedure_json(section, checked.instruments, referral) if section is not None else None
    missing: tuple[tuple[int, str, tuple[str, ...]], ...] = ()
    if determination.unresolved:
        # Which unknown facts held each undecided provision back: from a traced run (only now, so
        # evaluation without explanation stays untraced when everything is decided).
        traced = tracer if tracer is not None else _traced_events(rulebook, facts, dates, determination.unresolved)
        missing = _missing_facts(traced.events[start:], determination.unresolved, traced.sites)
    return Decision(
        facts.incident_id,
        rulebook.content_hash,
        dates,
        stages,
        evaluation,
        determination,
        missing,
        None,
        referral,
        assessments,
        scope,
        tuple(getattr(facts, "act_elections", ())),
        procedure,
    )


def sanction_ladders(rulebook: CompiledRulebook) -> dict[str, Ladder]:
    """The ordered sanction types per regime, from the rulebook's tables (made once per plan)."""
    memo = rulebook.plan.memo
    if "ladders" not in memo:
        memo["ladders"] = ladders(rulebook.checked.sanction_tables)
    found: dict[str, Ladder] = memo["ladders"]
    return found


def _assess(
    rulebook: CompiledRulebook, facts: IncidentFacts, dates: tuple[datetime.date, ...], evaluation: Evaluation
) -> tuple[ActAssessment, ...]:
    """Each act's assessment: an act some provision fired for, or left undecided, was assessed; any
    other act is placed in its cell of the conduct space (evaluation/coverage.py) to tell "considered,
    none applied" from "no provision covers it"."""
    touched = {o.act for o in evaluation.outcomes if o.status in CAN_APPLY}
    declarations = tuple(rulebook.checked.gaps.values())
    return tuple(
        ActAssessment(act, Assessment.ASSESSED) if act in touched else assess(rulebook, facts, act, date, declarations)
        for act, date in enumerate(dates)
    )


def _traced_events(
    rulebook: CompiledRulebook, facts: IncidentFacts, dates: tuple[datetime.date, ...], unresolved: Sequence[Outcome]
) -> CodedTracer:
    """The events of a traced run of the undecided provisions only, with the exceptions each needs
    (its outcome depends on theirs): re-tracing the whole plan cost more than the untraced
    evaluation itself. A definition is traced where it is first used, so its reads are recorded
    for whichever of these provisions uses it first (`_missing_facts` follows them). The compiled
    program's traced variant records them, coded (evaluation/program.py), else the plan cut down to
    them."""
    plan = rulebook.plan
    wanted = {o.provision for o in unresolved} | {w for o in unresolved for w in o.waiting_for}
    stack = list(wanted)
    while stack:
        for exception in plan.exceptions.get(stack.pop(), ()):
            if exception not in wanted:
                wanted.add(exception)
                stack.append(exception)
    found = trace_provisions(plan, facts, dates, frozenset(wanted))
    if found is not None:
        return found
    subset = dataclasses.replace(plan, provisions=tuple(c for c in plan.provisions if c.node in wanted))
    tracer = CodedTracer()  # events, none coded
    evaluate_plan(subset, facts, dates, tracer)
    return tracer


def _missing_facts(
    events: Sequence[Event | tuple[int, int, object]], unresolved: Sequence[Outcome], sites: Sites = ()
) -> tuple[tuple[int, str, tuple[str, ...]], ...]:
    """For each undecided provision, the unknown facts read while deciding it (directly or through
    the definitions it used, and the definitions those used, however deep). A definition is
    evaluated once per act, so its reads appear in the events of the first provision that used it
    only: the facts behind a definition are gathered from wherever they were read, and the answer
    does not depend on the order of the provisions. The events are one evaluation's, in the order
    of the acts (as every evaluation records them): only the acts of undecided provisions are read.
    Coded events (`trace.CodedTracer`) are read through `sites`, what each site stands for."""
    by_definition: dict[tuple[int, str], set[str]] = {}
    uses: dict[tuple[int, str], set[str]] = {}  # a definition → the definitions it reads
    # Per provision and act (its window of events, closed by its ProvisionResult): the unknown facts
    # it read itself and the definitions it used. One pass; the definitions are followed afterwards,
    # for the windows asked about only.
    window: dict[tuple[int, str], tuple[set[str], set[tuple[int, str]]]] = {}
    direct: set[str] = set()
    used: set[tuple[int, str]] = set()
    mine = list(_of_acts(events, {o.act for o in unresolved}))
    # Condition results are not asked about here: left out before the loop, without a Python step.
    each: Iterable[Any] = itertools.compress(mine, map(operator.is_not, map(type, mine), itertools.repeat(ConditionResult)))
    for e in each:
        kind = type(e)
        if kind is ProvisionResult:  # it closes the provision's window
            if direct or used:
                window[(e[0], e[1])] = (direct, used)
                direct, used = set(), set()
            continue
        if kind is tuple:  # coded: (act, site, value), the site's class, node and path or name
            kind, node, what = sites[e[1]]
            act, value = e[0], e[2]
        else:
            act, node, what, value = e
        if kind is FactRead:
            if value is UNKNOWN:
                name = definition_of(node)
                if name is None:
                    direct.add(".".join(what))
                else:
                    by_definition.setdefault((act, name), set()).add(".".join(what))
        elif kind is DefinitionRead:
            outer = definition_of(node)
            if outer is None:
                used.add((act, what))
            else:
                uses.setdefault((act, outer), set()).add(what)
    closed: dict[tuple[int, str], frozenset[str]] = {}

    def behind(act: int, name: str) -> frozenset[str]:
        if (act, name) not in closed:
            closed[(act, name)] = frozenset()  # a cycle is a checker error; never loop here
            found = set(by_definition.get((act, name), set()))
            stack, seen = list(uses.get((act, name), ())), {name}
            while stack:
                inner = stack.pop()
                if inner in seen:
                    continue
                seen.add(inner)
                found |= by_definition.get((act, inner), set())
                stack.extend(uses.get((act, inner), ()))
            closed[(act, name)] = frozenset(found)
        return closed[(act, name)]

    def read_for(act: int, provision: str) -> set[str]:
        paths, definitions = window.get((act, provision), ((), ()))
        found = set(paths)
        for key in definitions:
            found |= behind(*key)
        return found

    out = []
    for o in sorted(unresolved, key=lambda o: (o.act, o.provision)):
        paths = read_for(o.act, o.provision)
        if o.reason == NOT_BY_RESPONDENT:
            paths.add(WHO_DID_IT)  # who did it decides it: the incident says not the respondent
        for other in o.waiting_for:  # what decides a pending exception decides this provision too
            paths |= read_for(o.act, other)
        out.append((o.act, o.provision, tuple(sorted(paths))))
    return tuple(out)


# An event's act, or a coded event's (its first field too).
_act_of = operator.itemgetter(0)


def _of_acts(events: Sequence[Any], acts: set[int]) -> Iterable[Any]:
    """The events (or coded events) of these acts, from events in the order of the acts (found by bisection)."""
    if not events or (len(acts) == 1 and events[0][0] == events[-1][0]):
        return events
    return itertools.chain.from_iterable(
        itertools.islice(events, bisect.bisect_left(events, act, key=_act_of), bisect.bisect_right(events, act, key=_act_of))
        for act in sorted(acts)
    )

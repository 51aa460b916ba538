"""Evaluate with the compiled rulebook (codegen/): the same outcomes and findings as
`evaluator.evaluate_plan`, with each condition run as generated code over a per-act snapshot of
the facts it reads. Traced (`evaluate_traced`, `trace_provisions`), the program's traced variant
records the events the plan records, in the same order and with equal values (trace.py).

The program is kept with the plan (`Plan.memo`): made on first use, or put there by the loader
from the cache (codegen/cache.py). Anything that stops a program from being made or used (a
rulebook the generator cannot compile, a fact the incident cannot give) falls back to the plan,
whose decisions are the same.
"""

from __future__ import annotations

import dataclasses
import datetime
import itertools
import operator
from collections.abc import Callable, Sequence
from typing import Any, TypeVar, cast

from netralrules.codegen.runtime import GenerationError, Program, State, TracedState, decode, matches
from netralrules.compiler import CompiledProvision, CompiledRulebook, Context, FactReader, Plan, subjects_node, truth
from netralrules.evaluation.evaluator import (
    _DEFEATED,
    _FIRED,
    _NOT_APPLICABLE,
    _NOT_FIRED,
    _NOT_IN_FORCE,
    _UNKNOWN,
    OUT_OF_RANGE_REASON,
    Evaluation,
    Finding,
    Outcome,
    _finding,
    _in_force_text,
    _Remembered,
    _settle_conflicts,
    _subject_open,
    _subjects_apply,
    _subjects_key,
)
from netralrules.evaluation.kinds import Status
from netralrules.trace import CodedTracer, FactRead, ListTracer, ProvisionResult
from netralrules.values import UNKNOWN

CompiledRulebookT = TypeVar("CompiledRulebookT", bound=CompiledRulebook)
_KEY = "program"  # in Plan.memo: a Program, or None when the plan is to be run as it is
_ROWS = "program_rows"


def program_of(plan: Plan) -> Program | None:
    """The plan's program, made on first use; None when it cannot be made or is switched off."""
    memo = plan.memo
    if _KEY not in memo:
        from netralrules.codegen.generate import build_program  # the generator loads when first needed

        try:
            program: Program | None = build_program(plan.rulebook)
        except (GenerationError, RecursionError):
            program = None
        set_program(plan, program)
    found = memo[_KEY]
    return found if isinstance(found, Program) else None


def set_program(plan: Plan, program: Program | None) -> None:
    """Use this program for the plan (None: always run the plan itself). A program made for other
    provisions is not used."""
    if program is not None and not matches(program, [c.node for c in plan.provisions]):
        program = None
    plan.memo[_KEY] = program
    plan.memo.pop(_ROWS, None)
    plan.memo.pop(_TRACED_ROWS, None)
    plan.memo.pop(_SHARED_KEY, None)
    plan.memo.pop(_TRACED_SHARED_KEY, None)
    plan.memo.pop(_SUBJECTS_KEY, None)
    plan.memo.pop(_READ_EVENTS_KEY, None)


_Row = tuple[CompiledProvision, Callable[..., object], tuple[int, ...], str, str, str | None]


def _rows(plan: Plan, program: Program) -> list[_Row]:
    memo = plan.memo
    kept: tuple[Program, list[_Row]] | None = memo.get(_ROWS)
    if kept is not None and kept[0] is program:
        return kept[1]
    index = {c.node: i for i, c in enumerate(plan.provisions)}
    rows = [
        (
            compiled,
            condition,
            tuple(index[e] for e in plan.exceptions.get(compiled.node, ())),
            _in_force_text(compiled.start, compiled.end),
            "subjek: " + ", ".join(s.name for s in compiled.provision.subjects),
            _subjects_key(compiled.provision) if compiled.provision.subjects else None,
        )
        for compiled, condition in zip(plan.provisions, program.conditions, strict=True)
    ]
    memo[_ROWS] = (program, rows)
    return rows


# Outcomes that depend only on the act's index and the provision (not in force, does not bind the
# respondent, condition false) are made once and shared: they are frozen, and most outcomes are
# one of these. At most this many are kept per plan.
_SHARED = 300_000
_SHARED_KEY = "program_outcomes"


def _shared(plan: Plan, act: int, size: int, key: str = _SHARED_KEY) -> list[Any] | None:
    """The shared outcomes of one act (one slot per provision and kind), None past the bound."""
    acts: list[list[Any]] = plan.memo.setdefault(key, [])
    while len(acts) <= act:
        if (len(acts) + 1) * size > _SHARED:
            return None
        acts.append([None] * size)
    return acts[act]


class _Snapshot(dict[int, object]):
    """One act's facts by slot (`Program.paths`), each read from the incident when the program first
    asks for it (`f[i]`: a dict lookup; `__missing__` reads): the plan, too, reads only what it
    needs, and a provision decided early reads little. Respondent facts are read once per incident
    (through `_Remembered`, which the subjects' reads share); the others once per act, from the
    incident itself (kept in the snapshot, which is the act's memory of them)."""

    __slots__ = ("_act", "_facts", "_incident", "_paths")

    def __init__(self, facts: _Remembered, paths: tuple[tuple[str, ...], ...], act: int) -> None:
        super().__init__()
        self._facts, self._incident, self._paths, self._act = facts, facts.facts, paths, act

    def __missing__(self, slot: int) -> object:
        path = self._paths[slot]
        if path[0] == "responden":
            value = self[slot] = self._facts.fact(path, 0)
        else:
            value = self[slot] = self._incident.fact(path, self._act)
        return value


# Provisions evaluated for every act before the next ones (`evaluate_program`): at 6,700
# provisions and 10 acts, 256 took the compiled evaluation from 3.1 to 2.1 µs per provision and act.
_CHUNK = 256


# One act's date, snapshot, state, context, shared outcomes and results (`evaluate_program`).
_ActState = tuple[int, datetime.date, _Snapshot, State, Context, list[Any] | None, list[Outcome]]


def _act_state(
    plan: Plan, remembered: _Remembered, paths: tuple[tuple[str, ...], ...], size: int, act: int, date: datetime.date
) -> _ActState:
    """What `evaluate_program` keeps for one act while it runs."""
    ctx = Context(facts=remembered, act=act, tracer=None, definitions=plan.untraced_definitions)
    return act, date, _Snapshot(remembered, paths, act), State(), ctx, _shared(plan, act, size), []


def evaluate_program(plan: Plan, program: Program, facts: FactReader, act_dates: Sequence[datetime.date]) -> Evaluation | None:
    """Every provision for every act, untraced, with the program; None if a fact could not be read
    or compared (the caller runs the plan, which meets the same error or not, as it always did)."""
    remembered = _Remembered(facts)
    rows = _rows(plan, program)
    paths = program.paths
    outcomes: list[Outcome] = []
    findings: list[Finding] = []
    size = 3 * len(rows)
    several = len(rows) > _CHUNK
    # Each act's snapshot, state, context, shared outcomes and results: made when the first chunk
    # reaches the act, and kept for the next chunks (when there are several; with one, an act's
    # are dropped once it is done, as an incident of a thousand acts would hold them all).
    kept: list[_ActState] = []
    done: list[tuple[int, list[Outcome]]] = []  # each act's results, in the order of the acts
    try:
        # The provisions in chunks, every act through a chunk before the next: a large rulebook's
        # program no longer fits the CPU's caches, and an act at a time through all of it fetched
        # every condition's code again for each act (a rulebook within one chunk runs act by act).
        for first in range(0, len(rows), _CHUNK):
            chunk = rows[first : first + _CHUNK]
            states = kept if first else (_act_state(plan, remembered, paths, size, a, d) for a, d in enumerate(act_dates))
            for item in states:
                act, date, snapshot, state, ctx, shared, results = item
                if not first:
                    done.append((act, results))
                    if several:
                        kept.append(item)
                memo = ctx.memo
                for i, (compiled, condition, exceptions, in_force, not_applicable, subjects) in enumerate(chunk, first):
                    pid = compiled.node
                    if date < compiled.start or (compiled.end is not None and date > compiled.end):
                        results.append(_outcome(shared, 3 * i, act, pid, _NOT_IN_FORCE, in_force))
                        continue
                    prov = compiled.provision
                    # Who a provision binds depends only on its subjects: decided once per act for
                    # each list of subjects (evaluator._applies, untraced).
                    if subjects is None:
                        applies: bool | None = True
                    elif subjects in memo:
                        applies = memo[subjects]  # type: ignore[assignment]
                    else:
                        applies = memo[subjects] = _subjects_apply(prov, ctx, pid)
                    if applies is False:
                        results.append(_outcome(shared, 3 * i + 1, act, pid, _NOT_APPLICABLE, not_applicable))
                        continue
                    state.out_of_range = False
                    value = truth(condition(snapshot, state))
                    if value is False:
                        results.append(_outcome(shared, 3 * i + 2, act, pid, _NOT_FIRED, "syarat tidak terpenuhi"))
                        continue
                    fired = tuple(results[e].provision for e in exceptions if results[e].status is _FIRED)
                    if fired:
                        results.append(Outcome(act, pid, _DEFEATED, "dikecualikan oleh " + ", ".join(fired), fired))
                        continue
                    if value is None or applies is None:
                        why = "fakta yang diperlukan belum diketahui" if value is None else _subject_open(prov, ctx, pid)
                        if value is None and state.out_of_range:
                            why = OUT_OF_RANGE_REASON
                        results.append(Outcome(act, pid, _UNKNOWN, why))
                        continue
                    pending = tuple(results[e].provision for e in exceptions if results[e].status is _UNKNOWN)
                    if pending:
                        reason = "pengecualian belum dapat ditentukan: " + ", ".join(pending)
                        results.append(Outcome(act, pid, _UNKNOWN, reason, waiting_for=pending))
                        continue
                    results.append(Outcome(act, pid, _FIRED))
        for act, results in done:
            if plan.rulebook.principles:
                by_id = {o.provision: o for o in results}
                _settle_conflicts(plan, by_id)
                results = [by_id[c.node] for c in plan.provisions]
            for row, outcome in zip(rows, results, strict=True):
                outcomes.append(outcome)
                if outcome.status is _FIRED:
                    findings.append(_finding(plan, row[0], act))
    except (KeyError, IndexError, TypeError, AttributeError, ValueError):
        # A fact the incident cannot give, or a value a condition cannot compare: the plan, run
        # instead, raises the same error where it reads or compares it, or decides without it.
        return None
    unresolved = tuple(o for o in outcomes if o.status is _UNKNOWN)
    return Evaluation(tuple(outcomes), tuple(findings), unresolved)


def _outcome(shared: list[Outcome | None] | None, slot: int, act: int, pid: str, status: Status, reason: str) -> Outcome:
    if shared is None:
        return Outcome(act, pid, status, reason)
    found = shared[slot]
    if found is None:
        found = shared[slot] = Outcome(act, pid, status, reason)
    return found


_TRACED_ROWS = "program_traced_rows"
_TRACED_SHARED_KEY = "program_traced_outcomes"
# A row of the traced run: the provision, its id, its traced condition, its exceptions (row
# indices), the reasons of the outcomes that need no condition, its subjects' key and the node of
# their reads, the dates it is in force.
_TracedRow = tuple[
    CompiledProvision, str, Callable[..., object], tuple[int, ...], str, str, str | None, str, datetime.date, datetime.date | None
]
_TN = tuple.__new__  # a named tuple made without its Python-level constructor (half the time)


def _traced_rows(plan: Plan, program: Program) -> list[_TracedRow]:
    memo = plan.memo
    kept: tuple[Program, list[_TracedRow]] | None = memo.get(_TRACED_ROWS)
    if kept is not None and kept[0] is program:
        return kept[1]
    rows: list[_TracedRow] = [
        (
            compiled,
            compiled.node,
            traced,
            exceptions,
            in_force,
            not_applicable,
            subjects,
            subjects_node(compiled.node),
            compiled.start,
            compiled.end,
        )
        for (compiled, _, exceptions, in_force, not_applicable, subjects), traced in zip(
            _rows(plan, program), program.traced, strict=True
        )
    ]
    memo[_TRACED_ROWS] = (program, rows)
    return rows


def _run_traced(
    plan: Plan,
    program: Program,
    facts: FactReader,
    act_dates: Sequence[datetime.date],
    tracer: ListTracer,
    wanted: frozenset[str] | None,
) -> list[list[Outcome | None]] | None:
    """The plan's traced run (evaluator.evaluate_plan and _provision, with a tracer) with the
    program's traced variant: the same events in `tracer`, in the same order (those the traced
    variant records coded: `codegen.runtime.decode` makes them events); the outcomes of each
    act before conflicts are settled, in row order (None for a provision not `wanted`). None, with
    nothing recorded, if a fact could not be read or compared (the caller runs the plan).

    The outcomes that depend only on the act and the provision (not in force, does not bind, the
    condition false) are shared with their ProvisionResult events, as `evaluate_program` shares
    them: both are immutable."""
    remembered = _Remembered(facts)
    rows = _traced_rows(plan, program)
    paths = program.paths
    events = tracer.events
    start = len(events)
    emit = events.append
    acts: list[list[Outcome | None]] = []
    size = 3 * len(rows)
    # Who a provision binds depends only on its subjects and the respondent's facts (the same for
    # every act, as the snapshot reads them): decided once per incident for each list of subjects,
    # with the facts read to decide it, recorded again at each provision's node in each act.
    subjects_seen: dict[str, tuple[bool | None, list[tuple[tuple[str, ...], object]]]] = {}
    # The reads kept per plan (alive as long as the plan's memo: their ids stay theirs).
    kept_reads = {id(reads) for answers in plan.memo.get(_SUBJECTS_KEY, {}).values() for reads, _ in answers}
    read_events: dict[tuple[int, str, int], tuple[_Reads, tuple[FactRead, ...]]] = plan.memo.setdefault(_READ_EVENTS_KEY, {})
    extend = events.extend
    try:
        for act, date in enumerate(act_dates):
            snapshot = _Snapshot(remembered, paths, act)
            state = TracedState()
            ctx: Context | None = None
            shared = _shared(plan, act, size, _TRACED_SHARED_KEY)
            if shared is None:
                shared = [None] * size
            results: list[Outcome | None] = []
            for i, (compiled, pid, condition, exceptions, in_force, not_applicable, subjects, at, begin, end) in enumerate(rows):
                if wanted is not None and pid not in wanted:
                    results.append(None)
                    continue
                if date < begin or (end is not None and date > end):
                    pair = shared[3 * i]
                    if pair is None:
                        pair = shared[3 * i] = _pair(act, pid, _NOT_IN_FORCE, in_force)
                    emit(pair[1])
                    results.append(pair[0])
                    continue
                applies: bool | None = True
                if subjects is not None:
                    seen = subjects_seen.get(subjects)
                    if seen is None:
                        seen = subjects_seen[subjects] = _subjects_traced(plan, compiled, subjects, remembered)
                    applies = seen[0]
                    reads = seen[1]
                    if reads:
                        # The subjects' reads recorded at this provision: the same events for the
                        # same act and reads kept per plan (`_subjects_traced`), shared (they are
                        # immutable), so what explanations keep by their events is found by identity.
                        made = read_events.get((act, at, id(reads)))
                        if made is None or made[0] is not reads:
                            made = (reads, tuple([_TN(FactRead, (act, at, path, read)) for path, read in reads]))
                            if act < _SHARED_READ_ACTS and id(reads) in kept_reads:
                                if len(read_events) >= _SHARED:
                                    read_events.clear()
                                read_events[(act, at, id(reads))] = made
                        extend(made[1])
                    if applies is False:
                        pair = shared[3 * i + 1]
                        if pair is None:
                            pair = shared[3 * i + 1] = _pair(act, pid, _NOT_APPLICABLE, not_applicable)
                        emit(pair[1])
                        results.append(pair[0])
                        continue
                state.out_of_range = False
                value = condition(snapshot, state, emit, act)
                if value is not UNKNOWN and not value:
                    pair = shared[3 * i + 2]
                    if pair is None:
                        pair = shared[3 * i + 2] = _pair(act, pid, _NOT_FIRED, "syarat tidak terpenuhi")
                    emit(pair[1])
                    results.append(pair[0])
                    continue
                if ctx is None:
                    ctx = Context(facts=remembered, act=act, tracer=tracer, definitions=plan.definitions)
                outcome = _undecided(compiled, truth(value), applies, [results[e] for e in exceptions], state, ctx, act)
                emit(_TN(ProvisionResult, (act, pid, outcome.status, outcome.reason, outcome.defeated_by)))
                results.append(outcome)
            acts.append(results)
    except (KeyError, IndexError, TypeError, AttributeError, ValueError):
        del events[start:]
        return None
    return acts


_SUBJECTS_KEY = "program_subjects"
_READ_EVENTS_KEY = "program_subject_reads"
_SHARED_READ_ACTS = 64  # the acts whose subjects' read events are kept
_SUBJECTS_KEPT = 32  # sequences of reads kept per list of subjects
_Reads = list[tuple[tuple[str, ...], object]]


def _subjects_traced(plan: Plan, compiled: CompiledProvision, subjects: str, facts: _Remembered) -> tuple[bool | None, _Reads]:
    """Whether a provision binds the respondent (evaluator._subjects_apply, traced) and the facts
    read to decide it, in order. `_subjects_apply` is a function of the facts it reads, so an earlier
    incident's answer holds whenever the facts it read have the same values here: the answers are
    kept per list of subjects with their reads (a few: the employment statuses), and checked by
    reading those facts again, in the same order (so no fact is read that the plan would not read)."""
    kept: dict[str, list[tuple[_Reads, bool | None]]] = plan.memo.setdefault(_SUBJECTS_KEY, {})
    answers = kept.setdefault(subjects, [])
    for reads, applies in answers:
        for path, value in reads:
            now = facts.fact(path, 0)
            if now is not value and (type(now) is not type(value) or now != value):
                break
        else:
            return applies, reads
    found = ListTracer()
    applies = _subjects_apply(compiled.provision, Context(facts, 0, found, plan.definitions), compiled.node)
    found_reads: _Reads = [(e.path, e.value) for e in found.events if type(e) is FactRead]
    if len(answers) < _SUBJECTS_KEPT and all(type(v) in (str, bool) or v is UNKNOWN for _, v in found_reads):
        answers.append((found_reads, applies))
    return applies, found_reads


def _pair(act: int, pid: str, status: Status, reason: str) -> tuple[Outcome, ProvisionResult]:
    return Outcome(act, pid, status, reason), _TN(ProvisionResult, (act, pid, status, reason, ()))


def _undecided(
    compiled: CompiledProvision,
    value: bool | None,
    applies: bool | None,
    exceptions: list[Outcome | None],
    state: State,
    ctx: Context,
    act: int,
) -> Outcome:
    """The outcome of a provision in force, binding or perhaps binding, whose condition is not
    false (the end of evaluator._provision)."""
    pid = compiled.node
    fired = tuple(o.provision for o in exceptions if o is not None and o.status is _FIRED)
    if fired:
        return Outcome(act, pid, _DEFEATED, "dikecualikan oleh " + ", ".join(fired), fired)
    if value is None or applies is None:
        why = "fakta yang diperlukan belum diketahui" if value is None else _subject_open(compiled.provision, ctx, pid)
        if value is None and state.out_of_range:
            why = OUT_OF_RANGE_REASON
        return Outcome(act, pid, _UNKNOWN, why)
    pending = tuple(o.provision for o in exceptions if o is not None and o.status is _UNKNOWN)
    if pending:
        return Outcome(act, pid, _UNKNOWN, "pengecualian belum dapat ditentukan: " + ", ".join(pending), waiting_for=pending)
    return Outcome(act, pid, _FIRED)


def evaluate_traced(plan: Plan, facts: FactReader, act_dates: Sequence[datetime.date], tracer: ListTracer) -> Evaluation | None:
    """`evaluator.evaluate_plan(plan, facts, act_dates, tracer)` with the plan's program: the same
    evaluation, and the same events recorded in `tracer`. None (nothing recorded) when there is no
    program or it cannot be used: the caller runs the plan."""
    program = program_of(plan)
    if program is None or not program.traced or type(getattr(tracer, "events", None)) is not list:
        return None
    start = len(tracer.events)
    acts = _run_traced(plan, program, facts, act_dates, tracer, None)
    if acts is None:
        return None
    if type(tracer) is CodedTracer:
        tracer.sites = program.sites  # the explanation reads them coded
    else:
        tracer.events[start:] = decode(tracer.events[start:], program.sites)
    outcomes: list[Outcome] = []
    findings: list[Finding] = []
    provisions = plan.provisions
    for act, results in enumerate(acts):
        done = cast(list[Outcome], results)  # every provision was wanted: no None
        if plan.rulebook.principles:
            by_id = {o.provision: o for o in done}
            _settle_conflicts(plan, by_id)
            done = [by_id[c.node] for c in provisions]
        outcomes.extend(done)
        # The fired ones found without a Python step per outcome (most did not fire).
        for k in itertools.compress(itertools.count(), map(operator.is_, map(_STATUS, done), itertools.repeat(_FIRED))):
            findings.append(_finding(plan, provisions[k], act))
    unresolved = tuple(itertools.compress(outcomes, map(operator.is_, map(_STATUS, outcomes), itertools.repeat(_UNKNOWN))))
    return Evaluation(tuple(outcomes), tuple(findings), unresolved)


_STATUS = operator.attrgetter("status")


def trace_provisions(
    plan: Plan, facts: FactReader, act_dates: Sequence[datetime.date], wanted: frozenset[str]
) -> CodedTracer | None:
    """The events of a traced run of the `wanted` provisions only (they must hold the exceptions
    of each), as the plan records them for the plan cut down to those provisions, kept coded (in a
    `CodedTracer`, with what its sites stand for); None when there is no program or it cannot be
    used."""
    program = program_of(plan)
    if program is None or not program.traced:
        return None
    tracer = CodedTracer()
    if _run_traced(plan, program, facts, act_dates, tracer, wanted) is None:
        return None
    tracer.sites = program.sites
    return tracer


def evaluate_fast(plan: Plan, facts: FactReader, act_dates: Sequence[datetime.date]) -> Evaluation | None:
    """`evaluate_program` with the plan's program, None when there is none (or it cannot be used)."""
    program = program_of(plan)
    if program is None:
        return None
    return evaluate_program(plan, program, facts, act_dates)


def plan_only(rulebook: CompiledRulebookT) -> CompiledRulebookT:
    """A copy of a compiled rulebook (or of a facade `Rulebook`) that always runs the plan: to
    compare the two paths, in the tests and the benchmark."""
    plan = dataclasses.replace(rulebook.plan, memo={})
    set_program(plan, None)
    return dataclasses.replace(rulebook, plan=plan)

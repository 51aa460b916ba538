"""The compiled rulebook decides exactly as the plan: the same decision JSON, byte for byte, over
random incidents (every fact of the schema, known or not, dates at the calendar's ends), for the
bundled rulebook, a rulebook using every construct the generator compiles, and generated rulebooks
of random shape (bench/parse_check.generate, the scaling benchmark's). Traced, the program records
the plan's events: the same list, in the same order, with values of the same types; the re-trace
of undecided provisions too; and the explanations of the examples and of corpus incidents are the
same JSON."""

from __future__ import annotations

import dataclasses
import functools
import importlib
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from netralrules import Rulebook, load_rulebook
from netralrules.authoring import check_text
from netralrules.codegen.runtime import decode
from netralrules.compiler import NodeId, definition_of
from netralrules.evaluation import pipeline
from netralrules.evaluation import program as program_module
from netralrules.evaluation.attribution import NOT_BY_RESPONDENT, WHO_DID_IT
from netralrules.evaluation.evaluator import Outcome, evaluate_plan
from netralrules.evaluation.program import (
    evaluate_fast,
    evaluate_program,
    evaluate_traced,
    plan_only,
    program_of,
    set_program,
)
from netralrules.facts import IncidentError, load_incident
from netralrules.facts.incident import Incident
from netralrules.rulebook import from_report
from netralrules.trace import DefinitionRead, Event, FactRead, ListTracer, ProvisionResult
from netralrules.values import UNKNOWN
from tests.codegen.support import ALL_CONSTRUCTS, incidents

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
# The benchmark's generator and corpus, scripts beside the package.
generate = importlib.import_module("parse_check").generate
corpus = importlib.import_module("corpus").incidents

_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@functools.cache
def _text_rulebook(text: str) -> Rulebook:
    report = check_text(text, "uji.nr")
    rulebook = from_report(report)
    assert rulebook is not None, [d.message.en for d in report.diagnostics]
    return rulebook


def _same(rulebook: Rulebook, data: dict[str, Any]) -> None:
    try:
        facts = load_incident(data)
    except IncidentError:
        assume(False)
        return
    assert program_of(rulebook.plan) is not None, "the generator compiles this rulebook"
    plain = plan_only(rulebook)
    assert program_of(plain.plan) is None
    fast = evaluate_fast(rulebook.plan, facts, facts.act_dates)
    assert fast == evaluate_plan(rulebook.plan, facts, facts.act_dates)
    assert rulebook.decide(facts, explain=False).to_json() == plain.decide(facts, explain=False).to_json()
    _same_trace(rulebook, plain, facts)


def _typed(events: list[Event]) -> list[tuple[type, tuple[type, ...]]]:
    """Each event's class and the classes of its fields: `==` alone takes 1 for True."""
    return [(type(e), tuple(type(v) for v in e)) for e in events]


def _same_trace(rulebook: Rulebook, plain: Rulebook, facts: Incident) -> None:
    dates = tuple(facts.act_dates)
    traced, reference = ListTracer(), ListTracer()
    evaluation = evaluate_traced(rulebook.plan, facts, dates, traced)
    assert evaluation is not None, "the program ran traced"
    assert evaluation == evaluate_plan(rulebook.plan, facts, dates, reference)
    assert traced.events == reference.events
    assert _typed(traced.events) == _typed(reference.events)
    # Through the pipeline: the same decision and events, on a tracer that already holds some.
    traced, reference = ListTracer(), ListTracer()
    traced.events.append(FactRead(9, NodeId("x"), ("a",), 1))
    reference.events.append(FactRead(9, NodeId("x"), ("a",), 1))
    decision = rulebook.decide(facts, explain=False, tracer=traced)
    assert decision.to_json() == plain.decide(facts, explain=False, tracer=reference).to_json()
    assert traced.events == reference.events
    # The re-trace of the undecided provisions (and the exceptions they wait for) alone.
    unresolved = decision.determination.unresolved
    coded = pipeline._traced_events(rulebook, facts, dates, unresolved)
    again = decode(coded.events, coded.sites)
    assert again == pipeline._traced_events(plain, facts, dates, unresolved).events
    assert _typed(again) == _typed(pipeline._traced_events(plain, facts, dates, unresolved).events)
    # The undecided provisions' missing facts, read from the coded events and from the plan's.
    plan_events = pipeline._traced_events(plain, facts, dates, unresolved).events
    assert pipeline._missing_facts(coded.events, unresolved, coded.sites) == pipeline._missing_facts(plan_events, unresolved)


@_SETTINGS
@given(incidents)
def test_bundled_rulebook(data: dict[str, Any]) -> None:
    _same(load_rulebook(), data)


@_SETTINGS
@given(incidents)
def test_every_construct(data: dict[str, Any]) -> None:
    _same(_text_rulebook(ALL_CONSTRUCTS), data)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 10_000), st.integers(1, 25), incidents)
def test_generated_rulebooks(seed: int, size: int, data: dict[str, Any]) -> None:
    _same(_text_rulebook(generate(size, seed)), data)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 10_000), st.integers(2, 25), st.integers(1, 4), incidents)
def test_generated_rulebooks_evaluated_chunk_by_chunk(seed: int, size: int, chunk: int, data: dict[str, Any]) -> None:
    """The untraced program runs the provisions in chunks, every act through one before the next
    (`program._CHUNK`, 256): with chunks of a few provisions, so that rulebooks of every size cross
    them, the outcomes are still the plan's."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(program_module, "_CHUNK", chunk)
        _same(_text_rulebook(generate(size, seed)), data)


def test_the_property_sees_both_paths_differ_when_they_would() -> None:
    """The comparison above would catch a program that decides differently: one whose conditions
    are all true gives other outcomes."""
    rulebook = _text_rulebook(ALL_CONSTRUCTS)
    data = {
        "id": "UJI",
        "responden": {"status_kepegawaian": "PNS"},
        "pemilu": {"kampanye_mulai": "2024-09-25", "kampanye_selesai": "2024-11-23"},
        "tindakan": [{"tanggal": "2024-10-10", "jenis": "ikut_kampanye", "atribut_partai": True}],
    }
    facts = load_incident(data)
    program = program_of(rulebook.plan)
    assert program is not None
    always = type(program)(tuple(lambda f, x: True for _ in program.conditions), program.paths, program.provisions, "-")
    assert evaluate_fast(rulebook.plan, facts, facts.act_dates) == evaluate_plan(rulebook.plan, facts, facts.act_dates)
    assert evaluate_program(rulebook.plan, always, facts, facts.act_dates) != evaluate_plan(rulebook.plan, facts, facts.act_dates)


def test_an_inner_variable_of_the_same_name_hides_the_outer_one_only_inside() -> None:
    """`ada s … yang ((ada s … yang (…)) dan s.tingkat = ringan)`: after the inner quantifier, `s` is
    the outer item again, in the plan as in the program (the plan once lost the outer binding and
    left this undecided)."""
    rulebook = _text_rulebook(ALL_CONSTRUCTS)
    sanctions = [{"tanggal": "2020-01-01", "tingkat": t, "sifat": "netralitas"} for t in ("ringan", "berat")]
    data = {
        "id": "UJI",
        "responden": {"sanksi_sebelumnya": sanctions},
        "tindakan": [{"tanggal": "2024-01-01", "jenis": "pertemuan"}],
    }
    facts = load_incident(data)
    for evaluation in (
        evaluate_plan(rulebook.plan, facts, facts.act_dates),
        evaluate_fast(rulebook.plan, facts, facts.act_dates),
    ):
        assert evaluation is not None
        assert [o.status for o in evaluation.outcomes if o.provision == "uji.g"] == ["fired"]


def test_a_definition_in_a_quantifier_body_is_traced_at_every_use() -> None:
    """Inside a quantifier's body the plan evaluates a definition afresh at each use, recording its
    events each time, and keeps no value; the traced program does the same (uji.h: `berat_dekat`
    reads `dekat_penetapan` for each sanction, `masa_kampanye` inside `jumlah`)."""
    rulebook = _text_rulebook(ALL_CONSTRUCTS)
    sanctions = [{"tanggal": "2020-01-01", "tingkat": "berat", "sifat": "lain"} for _ in range(3)]
    data = {
        "id": "UJI",
        "responden": {"sanksi_sebelumnya": sanctions},
        "pemilu": {"tanggal_penetapan": "2024-09-22", "kampanye_mulai": "2024-09-25", "kampanye_selesai": "2024-11-23"},
        "tindakan": [{"tanggal": "2024-10-10", "jenis": "pertemuan"}, {"tanggal": "2024-03-01", "jenis": "pertemuan"}],
    }
    facts = load_incident(data)
    traced, reference = ListTracer(), ListTracer()
    assert evaluate_traced(rulebook.plan, facts, facts.act_dates, traced) == evaluate_plan(
        rulebook.plan, facts, facts.act_dates, reference
    )
    assert traced.events == reference.events
    uses = [e for e in traced.events if e.act == 0 and getattr(e, "name", None) == "dekat_penetapan"]
    assert len(uses) > 3  # once per sanction inside `berat_dekat`, and outside


def test_the_trace_property_sees_a_program_that_records_otherwise() -> None:
    """The comparison of events above would catch a traced variant that records a condition's value
    wrongly: one whose conditions record nothing."""
    rulebook = _text_rulebook(ALL_CONSTRUCTS)
    program = program_of(rulebook.plan)
    assert program is not None
    silent = dataclasses.replace(program, traced=tuple(lambda f, x, e, a, c=c: c(f, x) for c in program.conditions))
    act = {"tanggal": "2024-10-10", "jenis": "pertemuan"}
    facts = load_incident({"id": "UJI", "responden": {"status_kepegawaian": "PNS"}, "tindakan": [act]})
    copy = plan_only(rulebook)
    set_program(copy.plan, silent)
    traced, reference = ListTracer(), ListTracer()
    evaluation = evaluate_traced(copy.plan, facts, facts.act_dates, traced)
    assert evaluation == evaluate_plan(rulebook.plan, facts, facts.act_dates, reference)
    assert traced.events != reference.events


def _explained(rulebook: Rulebook, facts: Incident) -> str:
    decision = rulebook.decide(facts, explain=True)
    assert decision.explanation is not None
    return decision.to_json()


def test_the_explanations_of_the_examples_and_of_corpus_incidents_are_the_same() -> None:
    rulebook = load_rulebook()
    plain = plan_only(rulebook)
    examples = [p for p in sorted((ROOT / "examples").iterdir()) if p.suffix in {".json", ".yaml"}]
    assert len(examples) >= 5
    found = [load_incident(p.read_text(encoding="utf-8"), source=p.name) for p in examples]
    found += [load_incident(d) for d in corpus(40, seed=14)]
    unresolved = 0
    for facts in found:
        assert _explained(rulebook, facts) == _explained(plain, facts), facts.incident_id
        unresolved += bool(rulebook.decide(facts, explain=False).determination.unresolved)
    assert unresolved  # some leave provisions undecided: their missing facts come from the trace


def _missing_reference(events: list[Event], unresolved: tuple[Outcome, ...]) -> tuple[tuple[int, str, tuple[str, ...]], ...]:
    """The missing facts as the pipeline found them before it read one pass and only the acts of
    undecided provisions (two passes over every event): the reference for the faster one."""
    by_definition: dict[tuple[int, str], set[str]] = {}
    uses: dict[tuple[int, str], set[str]] = {}
    for e in events:
        if isinstance(e, FactRead) and e.value is UNKNOWN and (name := definition_of(e.node)) is not None:
            by_definition.setdefault((e.act, name), set()).add(".".join(e.path))
        elif isinstance(e, DefinitionRead) and (outer := definition_of(e.node)) is not None:
            uses.setdefault((e.act, outer), set()).add(e.name)

    def behind(act: int, name: str) -> set[str]:
        found = set(by_definition.get((act, name), set()))
        stack, seen = list(uses.get((act, name), ())), {name}
        while stack:
            inner = stack.pop()
            if inner not in seen:
                seen.add(inner)
                found |= by_definition.get((act, inner), set())
                stack.extend(uses.get((act, inner), ()))
        return found

    window: dict[tuple[int, str], set[str]] = {}
    current: set[str] = set()
    for e in events:
        if isinstance(e, FactRead) and e.value is UNKNOWN and definition_of(e.node) is None:
            current.add(".".join(e.path))
        elif isinstance(e, DefinitionRead) and definition_of(e.node) is None:
            current |= behind(e.act, e.name)
        elif isinstance(e, ProvisionResult):
            window[(e.act, e.provision)] = current
            current = set()
    out = []
    for o in sorted(unresolved, key=lambda o: (o.act, o.provision)):
        paths = set(window.get((o.act, o.provision), set()))
        if o.reason == NOT_BY_RESPONDENT:
            paths.add(WHO_DID_IT)
        for other in o.waiting_for:
            paths |= window.get((o.act, other), set())
        out.append((o.act, o.provision, tuple(sorted(paths))))
    return tuple(out)


def _same_missing(rulebook: Rulebook, data: dict[str, Any]) -> None:
    try:
        facts = load_incident(data)
    except IncidentError:
        assume(False)
        return
    tracer = ListTracer()
    decision = rulebook.decide(facts, explain=False, tracer=tracer)
    unresolved = decision.determination.unresolved
    assert decision.missing_facts == _missing_reference(tracer.events, unresolved)
    # Untraced, from the re-trace of the undecided provisions alone: the same.
    assert rulebook.decide(facts, explain=False).missing_facts == decision.missing_facts


@_SETTINGS
@given(incidents)
def test_missing_facts_are_those_of_every_event_read_twice(data: dict[str, Any]) -> None:
    _same_missing(load_rulebook(), data)
    _same_missing(_text_rulebook(ALL_CONSTRUCTS), data)


def test_a_deep_condition_is_split_into_helpers_and_traced_alike() -> None:
    """A condition nested as deep as the checker allows goes into helper functions (`h`, `H`: the
    tokenizer's limit of nested parentheses), untraced and traced, and records the plan's events."""
    expr = "tindakan.atribut_partai"
    for i in range(45):
        expr = f"(tindakan.atribut_pns {'dan' if i % 2 else 'atau'} tidak {expr})"
    text = ALL_CONSTRUCTS + f'ketentuan uji.z {{\n  rujukan PP_UJI pasal 11\n  teks "Dalam."\n  jika {expr}\n'
    rulebook = _text_rulebook(text + "  maka disiplin tingkat ringan\n}\n")
    program = program_of(rulebook.plan)
    assert program is not None
    names = {f.__name__ for f in program.traced[-1].__globals__.values() if callable(f) and hasattr(f, "__name__")}
    assert any(n.startswith("H") for n in names) and any(n.startswith("h") for n in names)
    for known in (True, False, None):
        act = {"tanggal": "2024-10-10", "jenis": "pertemuan", "atribut_pns": known, "atribut_partai": True}
        facts = load_incident({"id": "UJI", "tindakan": [act]})
        traced, reference = ListTracer(), ListTracer()
        evaluation = evaluate_traced(rulebook.plan, facts, facts.act_dates, traced)
        assert evaluation == evaluate_plan(rulebook.plan, facts, facts.act_dates, reference)
        assert traced.events == reference.events
        assert len([e for e in traced.events if getattr(e, "node", "").startswith("uji.z")]) > 45

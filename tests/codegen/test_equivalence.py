"""The compiled rulebook decides exactly as the plan: the same decision JSON, byte for byte, over
random incidents (every fact of the schema, known or not, dates at the calendar's ends), for the
bundled rulebook, a rulebook using every construct the generator compiles, and generated rulebooks
of random shape (bench/parse_check.generate, the scaling benchmark's)."""

from __future__ import annotations

import functools
import importlib
import sys
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from netralrules import Rulebook, load_rulebook
from netralrules.authoring import check_text
from netralrules.evaluation.evaluator import evaluate_plan
from netralrules.evaluation.program import evaluate_fast, evaluate_program, plan_only, program_of
from netralrules.facts import IncidentError, load_incident
from netralrules.rulebook import from_report
from tests.codegen.support import ALL_CONSTRUCTS, incidents

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
# The benchmark's generator, a script beside the package.
generate = importlib.import_module("parse_check").generate

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

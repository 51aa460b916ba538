"""Invariants of evaluation, with hypothesis: tracing changes nothing, rule order changes nothing,
and three-valued logic is sound — what is decided with some facts unknown stays decided whatever
those facts turn out to be."""

from __future__ import annotations

import dataclasses
import datetime
import functools
import random
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netralrules import load_rulebook
from netralrules.authoring import check_paths
from netralrules.checker import check
from netralrules.compiler import CompiledRulebook, compile_rulebook
from netralrules.evaluation.coverage import CAN_APPLY, cell_of, covering
from netralrules.evaluation.evaluator import evaluate_plan
from netralrules.evaluation.pipeline import decide
from netralrules.facts.schema import JENIS_PEMILU, JENIS_TINDAKAN, SASARAN, STATUS_KEPEGAWAIAN
from netralrules.resources import default_rulebook_path
from netralrules.syntax.loader import load
from netralrules.trace import ListTracer
from tests.evaluator.test_evaluator import ELECTION, plan
from tests.helpers import Facts

FLAGS = ("atribut_partai", "atribut_pns", "mengerahkan_pns_lain", "fasilitas_negara", "menguntungkan_atau_merugikan_calon")
# Decided outcomes, in classes: "does not apply" may be explained differently once more is known
# (a false condition, then also the wrong kind of employee), but it stays "does not apply".
CLASS = {"fired": "fired", "defeated": "defeated", "not_fired": "no", "not_applicable": "no", "not_in_force": "no"}

maybe_bool = st.sampled_from([True, False, None])
acts = st.fixed_dictionaries(
    {
        "tanggal": st.dates(datetime.date(2021, 8, 1), datetime.date(2024, 12, 31)),
        "jenis": st.sampled_from(JENIS_TINDAKAN.values),
        "sasaran": st.sampled_from((*SASARAN.values, None)),
        **{flag: maybe_bool for flag in FLAGS},
    }
)
statuses = st.sampled_from((*STATUS_KEPEGAWAIAN.values, None))
_SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _run(act: dict[str, Any], status: str | None, tracer: ListTracer | None = None, the_plan: Any = None) -> Any:
    facts = Facts({"status_kepegawaian": status} if status else {}, ELECTION, [act])
    return evaluate_plan(the_plan or plan(), facts, [act["tanggal"]], tracer)


@_SETTINGS
@given(acts, statuses)
def test_tracing_does_not_change_the_result(act: dict[str, Any], status: str | None) -> None:
    assert _run(act, status, ListTracer()) == _run(act, status)


@_SETTINGS
@given(acts, statuses, st.data())
def test_what_is_decided_stays_decided_when_unknowns_become_known(
    act: dict[str, Any], status: str | None, data: st.DataObject
) -> None:
    partial = {o.provision: o.status for o in _run(act, status).outcomes}
    completed = {k: (data.draw(st.booleans()) if v is None and k in FLAGS else v) for k, v in act.items()}
    if completed["sasaran"] is None:
        completed["sasaran"] = data.draw(st.sampled_from(SASARAN.values))
    full_status = status or data.draw(st.sampled_from(STATUS_KEPEGAWAIAN.values))
    full = {o.provision: o.status for o in _run(completed, full_status).outcomes}
    for provision, before in partial.items():
        if before in CLASS:
            assert CLASS[full[provision]] == CLASS[before], (provision, act, completed)


def test_the_order_of_files_and_declarations_does_not_matter() -> None:
    loaded = load([default_rulebook_path()])
    rng = random.Random(7)
    declarations = [d for f in loaded.files for d in f.declarations]
    shuffled_files = []
    for _ in range(3):
        rng.shuffle(declarations)
        shuffled_files.append(type(loaded.files[0])(path="acak.nr", declarations=tuple(declarations)))
    base = check_paths([default_rulebook_path()]).rulebook
    assert base is not None
    act = {"tanggal": datetime.date(2024, 10, 10), "jenis": "ikut_kampanye", "atribut_partai": True, "fasilitas_negara": True}
    expected = _run(act, "PNS", the_plan=compile_rulebook(base))
    for files in shuffled_files:
        result = check([files])
        assert result.rulebook is not None and result.rulebook.content_hash == base.content_hash
        assert _run(act, "PNS", the_plan=compile_rulebook(result.rulebook)) == expected


@functools.cache
def _bundled() -> CompiledRulebook:
    return load_rulebook()


@_SETTINGS
@given(acts, statuses, st.sampled_from(JENIS_PEMILU.values), st.data())
def test_a_gap_stays_a_gap_whatever_the_other_facts(
    act: dict[str, Any], status: str | None, kind: str, data: st.DataObject
) -> None:
    """A cell no provision covers (evaluation/coverage.py) is sound: however the facts the cell
    leaves unknown turn out, no provision fires or stays undecided for that act. So reporting the
    act as not assessed never hides a violation the rulebook could find."""
    rulebook = _bundled()
    election = {**ELECTION, "jenis": kind}
    facts = Facts({"status_kepegawaian": status} if status else {}, election, [act])
    cell = cell_of(facts, 0, act["tanggal"])
    if covering(rulebook, cell):
        return
    completed = {k: (data.draw(st.booleans()) if v is None and k in FLAGS else v) for k, v in act.items()}
    if completed["sasaran"] is None:
        completed["sasaran"] = data.draw(st.sampled_from(SASARAN.values))
    completed["kewajiban_disangkakan"] = "tidak_ada"  # the documented default the cell assumes too
    full = Facts({"status_kepegawaian": status} if status else {}, election, [completed])
    statuses_seen = {o.provision: o.status for o in evaluate_plan(rulebook.plan, full, [act["tanggal"]]).outcomes}
    assert not {p for p, s in statuses_seen.items() if s in CAN_APPLY}, (act, status, kind)


class _Incident(Facts):
    incident_id = "urutan"
    report_date = None

    @property
    def act_dates(self) -> list[datetime.date]:
        return [a["tanggal"] for a in self.acts]


def _reordered(rulebook: CompiledRulebook, rng: random.Random) -> CompiledRulebook:
    """The same rulebook with its provisions evaluated in another order that still puts every
    exception before what it excepts (the only order the evaluator relies on)."""
    provisions = list(rulebook.plan.provisions)
    rng.shuffle(provisions)
    before = {p.node: set(rulebook.plan.exceptions.get(p.node, ())) for p in provisions}
    ordered: list[Any] = []
    done: set[str] = set()
    while provisions:
        ready = next(p for p in provisions if before[p.node] <= done)
        provisions.remove(ready)
        ordered.append(ready)
        done.add(ready.node)
    plan = dataclasses.replace(rulebook.plan, provisions=tuple(ordered), memo={})
    return CompiledRulebook(rulebook.checked, plan)


@_SETTINGS
@given(st.lists(acts, min_size=1, max_size=3), statuses, st.sampled_from(JENIS_PEMILU.values), st.randoms(use_true_random=False))
def test_the_facts_that_would_decide_do_not_depend_on_the_order_of_provisions(
    some: list[dict[str, Any]], status: str | None, kind: str, rng: random.Random
) -> None:
    """A definition is evaluated once per act and its fact reads traced once: the facts that would
    decide an undecided provision must be found through every definition it uses, however deep,
    whichever provision happened to evaluate the definition first."""
    rulebook = _bundled()
    election = {"tanggal_penetapan": ELECTION["tanggal_penetapan"], "kampanye_mulai": ELECTION["kampanye_mulai"], "jenis": kind}
    incident = _Incident({"status_kepegawaian": status} if status else {}, election, some)
    expected = set(decide(rulebook, incident).missing_facts)
    assert set(decide(_reordered(rulebook, rng), incident).missing_facts) == expected


@_SETTINGS
@given(st.lists(acts, min_size=1, max_size=3), statuses, st.sampled_from(JENIS_PEMILU.values))
def test_retracing_only_the_undecided_provisions_finds_the_same_deciding_facts(
    some: list[dict[str, Any]], status: str | None, kind: str
) -> None:
    """Without a tracer, the facts that would decide are found from a traced run of the undecided
    provisions (and their exceptions) only; with one, from the full trace. Both say the same."""
    rulebook = _bundled()
    election = {"tanggal_penetapan": ELECTION["tanggal_penetapan"], "kampanye_mulai": ELECTION["kampanye_mulai"], "jenis": kind}
    incident = _Incident({"status_kepegawaian": status} if status else {}, election, some)
    assert decide(rulebook, incident).missing_facts == decide(rulebook, incident, ListTracer()).missing_facts

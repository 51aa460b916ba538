"""The public engine: load a rulebook, evaluate an incident, get a decision with its reasons.

rulebook = load_rulebook()              # the bundled rulebook, checked and compiled
decision = evaluate(incident, rulebook) # incident: a model, a dict, or JSON/YAML text
print(decision.to_json())
"""

from __future__ import annotations

import datetime
import functools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from netralrules.authoring import CheckReport, check_paths
from netralrules.checker import CheckedRulebook
from netralrules.compiler import Plan, compile_rulebook, definition_of
from netralrules.diagnostics import NetralrulesError
from netralrules.evaluation.determination import Determination, citation_json, determine, stage
from netralrules.evaluation.evaluator import Evaluation, Outcome, evaluate_plan
from netralrules.evaluation.referral import Referral, refer, referral_date, referral_json
from netralrules.facts.schema import DEFAULT_SCHEMA, FactSchema
from netralrules.resources import default_rulebook_path
from netralrules.trace import DefinitionRead, Event, FactRead, ListTracer, ProvisionResult
from netralrules.values import UNKNOWN

ENGINE_VERSION = "0.1.0"


class IncidentFacts(Protocol):
    """What evaluation needs of an incident (the pydantic model provides it)."""

    @property
    def incident_id(self) -> str: ...

    @property
    def act_dates(self) -> Sequence[datetime.date]: ...

    def fact(self, path: tuple[str, ...], act_index: int) -> object: ...


@dataclass(frozen=True)
class Rulebook:
    """A checked and compiled rulebook, ready to evaluate; `content_hash` names it in decisions."""

    checked: CheckedRulebook
    plan: Plan

    @property
    def content_hash(self) -> str:
        return self.checked.content_hash


def load_rulebook(paths: Iterable[str | Path] | str | Path | None = None, schema: FactSchema = DEFAULT_SCHEMA) -> Rulebook:
    """Read, check and compile a rulebook (default: the bundled one). Raises NetralrulesError with
    every diagnostic when the rulebook has errors."""
    if paths is None:
        return _default_rulebook()
    chosen = [paths] if isinstance(paths, (str, Path)) else list(paths)
    return _load(tuple(str(p) for p in chosen), schema)


@functools.cache
def _default_rulebook() -> Rulebook:
    return _load((str(default_rulebook_path()),), DEFAULT_SCHEMA)


def _load(paths: tuple[str, ...], schema: FactSchema) -> Rulebook:
    report = check_paths(paths, schema)
    rulebook = rulebook_from_report(report)
    if rulebook is None:
        raise NetralrulesError(tuple(d for d in report.diagnostics if d.is_error))
    return rulebook


def rulebook_from_report(report: CheckReport) -> Rulebook | None:
    """Compile a checked rulebook; None if the check found errors (the report says which)."""
    return Rulebook(report.rulebook, compile_rulebook(report.rulebook)) if report.rulebook is not None else None


@dataclass(frozen=True)
class Decision:
    """The outcome for one incident: findings per act, the determination per track, what stays
    unresolved and why, and (if asked for) the explanation graph."""

    incident_id: str
    rulebook_hash: str
    act_dates: tuple[datetime.date, ...]
    stages: tuple[str, ...]
    evaluation: Evaluation
    determination: Determination
    missing_facts: tuple[tuple[int, str, tuple[str, ...]], ...]  # (act, provision, fact paths)
    explanation: Any = None  # netralrules.explain.Explanation when explain=True
    referral: Referral | None = None  # to whom the case is referred (KASN, BKN), by date

    def to_dict(self, *, include_explanation: bool = True) -> dict[str, Any]:
        """A JSON-ready dict; the same decision always gives the same dict. The explanation graph
        (node-link) is included under `penjelasan` when the decision was made with one."""
        acts = []
        for i, date in enumerate(self.act_dates):
            acts.append(
                {
                    "indeks": i,
                    "tanggal": date.isoformat(),
                    "tahap_pemilu": self.stages[i],
                    "temuan": [_finding_json(f) for f in self.evaluation.findings if f.act == i],
                    "ketentuan_dipertimbangkan": [_outcome_json(o) for o in self.evaluation.outcomes if o.act == i],
                }
            )
        out = {
            "mesin": {"nama": "netralrules", "versi": ENGINE_VERSION},
            "rulebook": self.rulebook_hash,
            "insiden": self.incident_id,
            "tindakan": acts,
            "penetapan": [
                {
                    "kategori": t.category,
                    "status": t.status,
                    "tingkat": t.tier,
                    "ketentuan": list(t.provisions),
                    "alasan": list(t.reasons),
                }
                for t in self.determination.tracks
            ],
            "pengawasan": referral_json(self.referral) if self.referral is not None else None,
            "belum_terselesaikan": [
                {**_outcome_json(o), "tindakan": o.act, "fakta_penentu": list(_missing(self.missing_facts, o))}
                for o in self.determination.unresolved
            ],
        }
        if include_explanation and self.explanation is not None:
            from netralrules.explain import to_json

            out["penjelasan"] = to_json(self.explanation)
        return out

    def to_json(self, *, include_explanation: bool = True) -> str:
        return (
            json.dumps(self.to_dict(include_explanation=include_explanation), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        )


def _missing(missing: tuple[tuple[int, str, tuple[str, ...]], ...], o: Outcome) -> tuple[str, ...]:
    for act, provision, paths in missing:
        if act == o.act and provision == o.provision:
            return paths
    return ()


def _finding_json(f: Any) -> dict[str, Any]:
    return {
        "ketentuan": f.provision,
        "rujukan": citation_json(f.citation),
        "teks": f.text,
        "kategori": f.category,
        "tingkat": f.tier,
        "dasar_tingkat": citation_json(f.tier_basis),
        "pilihan_sanksi": list(f.sanction_options),
        "catatan": f.note,
        "tingkat_tidak_diatur": f.unresolved,
    }


def _outcome_json(o: Outcome) -> dict[str, Any]:
    return {"ketentuan": o.provision, "status": o.status, "alasan": o.reason, "dikecualikan_oleh": list(o.defeated_by)}


def evaluate_facts(facts: IncidentFacts, rulebook: Rulebook | None = None, *, explain: bool = True) -> Decision:
    """Evaluate an incident already validated (anything with `incident_id`, `act_dates`, `fact`)."""
    rb = rulebook or load_rulebook()
    dates = tuple(facts.act_dates)
    tracer = ListTracer() if explain else None
    evaluation = evaluate_plan(rb.plan, facts, dates, tracer)
    prior = facts.fact(("responden", "sanksi_sebelumnya"), 0)
    outcomes = {pid: p.outcome for pid, p in rb.checked.provisions.items() if p.outcome is not None}
    determination = determine(evaluation, prior if isinstance(prior, list) else [], outcomes)
    election = {
        key: facts.fact(("pemilu", key), 0)
        for key in ("tanggal_penetapan", "kampanye_mulai", "kampanye_selesai", "tanggal_pemungutan")
    }
    stages = tuple(stage(d, election) for d in dates)
    # The report date is optional and not a fact the rules read: an incident type without it refers
    # by the last act's date.
    reported = getattr(facts, "report_date", None)
    referral = refer(rb.checked.supervisors, *referral_date(reported if isinstance(reported, datetime.date) else None, dates))
    missing: tuple[tuple[int, str, tuple[str, ...]], ...] = ()
    if determination.unresolved:
        # Which unknown facts held each undecided provision back: from a traced run (only now, so
        # evaluation without explanation stays untraced when everything is decided).
        events = tracer.events if tracer is not None else _traced_events(rb, facts, dates)
        missing = _missing_facts(events, determination.unresolved)
    explanation = None
    if explain:
        assert tracer is not None
        from netralrules.explain import build_explanation

        explanation = build_explanation(
            tracer.events, rb.plan, evaluation, determination, dates, stages, referral=referral_json(referral)
        )
    return Decision(facts.incident_id, rb.content_hash, dates, stages, evaluation, determination, missing, explanation, referral)


def _traced_events(rb: Rulebook, facts: IncidentFacts, dates: tuple[datetime.date, ...]) -> list[Event]:
    tracer = ListTracer()
    evaluate_plan(rb.plan, facts, dates, tracer)
    return tracer.events


def _missing_facts(events: Sequence[Event], unresolved: Sequence[Outcome]) -> tuple[tuple[int, str, tuple[str, ...]], ...]:
    """For each undecided provision, the unknown facts read while deciding it (directly or through
    the definitions it used)."""
    by_definition: dict[tuple[int, str], set[str]] = {}
    for e in events:
        if isinstance(e, FactRead) and e.value is UNKNOWN and (name := definition_of(e.node)) is not None:
            by_definition.setdefault((e.act, name), set()).add(".".join(e.path))
    window: dict[tuple[int, str], set[str]] = {}
    current: set[str] = set()
    for e in events:
        if isinstance(e, FactRead) and e.value is UNKNOWN and definition_of(e.node) is None:
            current.add(".".join(e.path))
        elif isinstance(e, DefinitionRead):
            current |= by_definition.get((e.act, e.name), set())
        elif isinstance(e, ProvisionResult):
            window[(e.act, e.provision)] = current
            current = set()
    out = []
    for o in sorted(unresolved, key=lambda o: (o.act, o.provision)):
        paths = set(window.get((o.act, o.provision), set()))
        for other in o.waiting_for:  # what decides a pending exception decides this provision too
            paths |= window.get((o.act, other), set())
        out.append((o.act, o.provision, tuple(sorted(paths))))
    return tuple(out)


def evaluate(incident: Any, rulebook: Rulebook | None = None, *, explain: bool = True) -> Decision:
    """Evaluate one incident: a `facts.Incident`, a dict, or JSON/YAML text.

    Raises `facts.IncidentError` (listing every problem with its JSON path) for bad input; nothing
    else for any input. The same rulebook and incident always give the same decision.
    """
    return evaluate_incident(incident, rulebook, explain=explain)


def evaluate_incident(data: Any, rulebook: Rulebook | None = None, *, explain: bool = True, source: str = "<input>") -> Decision:
    """As `evaluate`, naming the input (a file name) in error messages."""
    from netralrules.facts import load_incident

    return evaluate_facts(load_incident(data, source=source), rulebook, explain=explain)

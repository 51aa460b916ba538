"""The explanation API: reports reviewers can sign, why-not, missing facts, what-if, and exports.

    from netralrules import report, why_not, missing_facts, what_if, to_markdown, to_graphml
    r = report(incident)                        # a Report (explain/report.py): sections, not text
    print(to_text(r, "id"))                     # the narrative; to_markdown(r, "en") for Markdown
    why_not(incident, ["pp94.pasal5.n.4"])      # tiers not reached, and the provisions asked about
    missing_facts(incident)                     # unknown facts, ranked by how much they decide
    w = what_if(incident, {"tindakan.fasilitas_negara": "benar"})
    w.changed.determination, w.diff            # the new decision and what changed
    to_graphml(decision); to_node_link(decision)

`incident` is anything `evaluate` takes (a model, a dict, JSON/YAML text); `report`, `why_not`,
`to_*` also take a `Decision` made with its explanation (then missing facts are ranked from the
graph alone, without trying their values). Bad requests raise `RequestError` (a `NetralrulesError`) with diagnostics
(E0501 unknown provision, E0502–E0506 bad fact changes); bad incidents `facts.IncidentError`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from netralrules.diagnostics import Diagnostic, RequestError, make
from netralrules.diagnostics.suggest import closest
from netralrules.explain import Explanation
from netralrules.explain.compare import ExplanationDiff, compare
from netralrules.explain.render.exports import to_graphml as _graphml
from netralrules.explain.render.exports import to_node_link as _node_link
from netralrules.explain.render.narrative import render_markdown, render_text, render_what_if
from netralrules.explain.report import ClauseItem, MissingFact, Report, TierGap, build_report, provision_ids
from netralrules.explain.whatif import (
    ChangedFacts,
    FactChange,
    changes_from_mapping,
    evaluate_changed,
    parse_changes,
    rank_missing_facts,
)
from netralrules.rulebook import Decision, IncidentFacts, Rulebook, evaluate_facts, load_rulebook
from netralrules.source import SourceFile, Span


@dataclass(frozen=True)
class WhyNot:
    """Why not: the tiers and tracks not reached, and the provisions asked about (per act)."""

    tiers: tuple[TierGap, ...]
    provisions: tuple[ClauseItem, ...]


@dataclass(frozen=True)
class WhatIf:
    """A what-if: the changes, the decision and report before and after, and what changed."""

    changes: tuple[FactChange, ...]
    baseline: Decision
    changed: Decision
    baseline_report: Report
    changed_report: Report
    diff: ExplanationDiff

    def render(self, lang: str = "id", *, markdown: bool = False) -> str:
        return render_what_if(
            [c.text for c in self.changes], self.baseline_report, self.changed_report, self.diff, lang, markdown=markdown
        )


def _facts(incident: Any) -> IncidentFacts:
    from netralrules.facts import load_incident

    return load_incident(incident)


def _decision(subject: Any, rulebook: Rulebook | None) -> tuple[Decision, IncidentFacts | None, Rulebook]:
    rb = rulebook or load_rulebook()
    if isinstance(subject, Decision):
        if subject.explanation is None:
            raise ValueError("the decision was made without its explanation (explain=False)")
        return subject, None, rb
    facts = _facts(subject)
    return evaluate_facts(facts, rb, explain=True), facts, rb


def check_provisions(asked: Sequence[str], known: Sequence[str], label: str = "--why-not") -> tuple[Diagnostic, ...]:
    """A diagnostic (E0501) for every asked provision id not among `known`; the span is in the
    id's own text (`provision_sources` gives the sources to render it)."""
    out = []
    for i, pid in enumerate(asked):
        if pid in known:
            continue
        span = Span(f"{label}#{i + 1}", 0, max(len(pid), 1))
        replacement = closest(pid, known)
        if replacement is not None:
            out.append(make("E0501", span, label="here", suggestion="replace", provision=pid, replacement=replacement))
        else:
            out.append(make("E0501", span, label="here", suggestion="list", provision=pid))
    return tuple(out)


def provision_sources(asked: Sequence[str], label: str = "--why-not") -> dict[str, SourceFile]:
    return {f"{label}#{i + 1}": SourceFile(f"{label}#{i + 1}", pid) for i, pid in enumerate(asked)}


def report(subject: Any, rulebook: Rulebook | None = None, *, why_not: Sequence[str] = ()) -> Report:
    """The report of one decision (explain/report.py documents its sections). `why_not`: provision
    ids to explain as well; an id the rulebook does not have raises RequestError (E0501)."""
    decision, facts, rb = _decision(subject, rulebook)
    return report_for(decision, facts, rb, why_not)


def report_for(decision: Decision, facts: IncidentFacts | None, rb: Rulebook, asked: Sequence[str] = ()) -> Report:
    """The report of a decision made with its explanation; with the incident's `facts`, missing
    facts are ranked by trying their values (whatif.rank_missing_facts)."""
    problems = check_provisions(asked, provision_ids(decision.explanation))
    if problems:
        raise RequestError(problems)
    missing = rank_missing_facts(decision, facts, rb) if facts is not None else None
    return build_report(
        decision.explanation, incident_id=decision.incident_id, asked=tuple(dict.fromkeys(asked)), missing=missing
    )


def why_not(subject: Any, provisions: Sequence[str] = (), rulebook: Rulebook | None = None) -> WhyNot:
    """For each tier or track not reached, the nearest provisions that would give it and what they
    lack; and for each provision asked about, per act, its smallest set of unmet conditions."""
    r = report(subject, rulebook, why_not=provisions)
    return WhyNot(r.why_not, r.asked)


def missing_facts(incident: Any, rulebook: Rulebook | None = None) -> tuple[MissingFact, ...]:
    """The unknown facts that hold outcomes open, most deciding first, each with the provisions
    that need it (whatif.rank_missing_facts states the rule)."""
    decision, facts, rb = _decision(incident, rulebook)
    if facts is None:
        return build_report(decision.explanation).missing_facts
    return rank_missing_facts(decision, facts, rb)


def what_if(incident: Any, changes: Mapping[str, object] | Sequence[str], rulebook: Rulebook | None = None) -> WhatIf:
    """Evaluate the incident as it is and with some facts changed (`{"tindakan.fasilitas_negara":
    True}` or `["tindakan.fasilitas_negara=benar"]`; whatif.py says how values are read). Bad
    changes raise RequestError with every problem (E0502–E0506)."""
    rb = rulebook or load_rulebook()
    facts = _facts(incident)
    parsed, problems = parse_changes(changes_from_mapping(changes), len(facts.act_dates))
    if problems:
        raise RequestError(problems)
    return what_if_facts(facts, parsed, rb)


def what_if_facts(facts: IncidentFacts, changes: Sequence[FactChange], rulebook: Rulebook, asked: Sequence[str] = ()) -> WhatIf:
    """As `what_if`, for validated facts and parsed changes (what the CLI uses)."""
    baseline = evaluate_facts(facts, rulebook, explain=True)
    changed = evaluate_changed(facts, changes, rulebook, explain=True)
    before = report_for(baseline, facts, rulebook, asked)
    after = report_for(changed, ChangedFacts(facts, changes), rulebook, asked)
    return WhatIf(tuple(changes), baseline, changed, before, after, compare(_graph(baseline), _graph(changed)))


def _graph(decision: Decision) -> Explanation:
    assert decision.explanation is not None  # evaluated with explain=True
    return decision.explanation  # type: ignore[no-any-return]


def _as_report(subject: Any, rulebook: Rulebook | None) -> Report:
    return subject if isinstance(subject, Report) else report(subject, rulebook)


def to_text(subject: Any, lang: str = "id", rulebook: Rulebook | None = None) -> str:
    """The narrative (plain text) of a report, a decision or an incident."""
    return render_text(_as_report(subject, rulebook), lang)


def to_markdown(subject: Any, lang: str = "id", rulebook: Rulebook | None = None) -> str:
    """The narrative as Markdown, of a report, a decision or an incident."""
    return render_markdown(_as_report(subject, rulebook), lang)


def to_graphml(subject: Any, rulebook: Rulebook | None = None) -> str:
    """The explanation graph of a decision (or of an incident, evaluated) as GraphML."""
    return _graphml(_graph(_decision(subject, rulebook)[0]))


def to_node_link(subject: Any, rulebook: Rulebook | None = None) -> str:
    """The explanation graph of a decision (or of an incident, evaluated) as node-link JSON text."""
    return _node_link(_graph(_decision(subject, rulebook)[0]))

"""Decision → what a reviewer asks of it: the report, why not, missing facts, what if, exports.

Each function takes the compiled rulebook explicitly; the facade (`netralrules.rulebook.Rulebook`)
is what callers use. A `subject` is an incident (a model, a dict, JSON/YAML text) or a `Decision`
made with its explanation (then missing facts are ranked from the graph alone, without trying
their values). Bad requests raise `RequestError` (a `NetralrulesError`) with diagnostics (E0501 unknown provision,
E0502–E0506 bad fact changes); bad incidents `facts.IncidentError`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from netralrules.compiler import CompiledRulebook
from netralrules.diagnostics import Diagnostic, RequestError, make
from netralrules.diagnostics.suggest import closest
from netralrules.evaluation.decision import Decision, IncidentFacts
from netralrules.explain.compare import ExplanationDiff, compare
from netralrules.explain.explained import decide_explained
from netralrules.explain.graph import Explanation
from netralrules.explain.render.exports import to_graphml as _graphml
from netralrules.explain.render.exports import to_node_link as _node_link
from netralrules.explain.render.narrative import render_markdown, render_text, render_what_if
from netralrules.explain.report import ClauseItem, MissingFact, Report, TierGap, build_report, provision_ids
from netralrules.explain.whatif import ChangedFacts, FactChange, changes_from_mapping, parse_changes, rank_missing_facts
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


def load_facts(incident: Any) -> IncidentFacts:
    """Validated facts of an incident (a model, a dict, JSON/YAML text); IncidentError if bad."""
    from netralrules.facts import load_incident

    return load_incident(incident)


def explained_decision(subject: Any, rulebook: CompiledRulebook) -> tuple[Decision, IncidentFacts | None]:
    """The decision with its explanation, and the incident's facts when `subject` was an incident."""
    if isinstance(subject, Decision):
        if subject.explanation is None:
            raise ValueError("the decision was made without its explanation (explain=False)")
        return subject, None
    facts = load_facts(subject)
    return decide_explained(rulebook, facts), facts


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


def graph_of(decision: Decision) -> Explanation:
    """The explanation of a decision made with it."""
    if decision.explanation is None:
        raise ValueError("the decision was made without its explanation (explain=False)")
    return decision.explanation


def report_for(decision: Decision, facts: IncidentFacts | None, rulebook: CompiledRulebook, asked: Sequence[str] = ()) -> Report:
    """The report of a decision made with its explanation; with the incident's `facts`, missing
    facts are ranked by trying their values (whatif.rank_missing_facts). `asked`: provision ids to
    explain as well; an id the rulebook does not have raises NetralrulesError (E0501)."""
    graph = graph_of(decision)
    problems = check_provisions(asked, provision_ids(graph))
    if problems:
        raise RequestError(problems)
    missing = rank_missing_facts(decision, facts, rulebook) if facts is not None else None
    return build_report(graph, incident_id=decision.incident_id, asked=tuple(dict.fromkeys(asked)), missing=missing)


def report(subject: Any, rulebook: CompiledRulebook, asked: Sequence[str] = ()) -> Report:
    """The report of an incident or of a decision made with its explanation."""
    decision, facts = explained_decision(subject, rulebook)
    return report_for(decision, facts, rulebook, asked)


def why_not(subject: Any, rulebook: CompiledRulebook, provisions: Sequence[str] = ()) -> WhyNot:
    """For each tier or track not reached, the nearest provisions that would give it and what they
    lack; and for each provision asked about, per act, its smallest set of unmet conditions."""
    r = report(subject, rulebook, provisions)
    return WhyNot(r.why_not, r.asked)


def missing_facts(subject: Any, rulebook: CompiledRulebook) -> tuple[MissingFact, ...]:
    """The unknown facts that hold outcomes open, most deciding first, each with the provisions
    that need it (whatif.rank_missing_facts states the rule)."""
    decision, facts = explained_decision(subject, rulebook)
    if facts is None:
        return build_report(graph_of(decision)).missing_facts
    return rank_missing_facts(decision, facts, rulebook)


def what_if(incident: Any, changes: Mapping[str, object] | Sequence[str], rulebook: CompiledRulebook) -> WhatIf:
    """Evaluate the incident as it is and with some facts changed (`{"tindakan.fasilitas_negara":
    True}` or `["tindakan.fasilitas_negara=benar"]`; whatif.py says how values are read). Bad
    changes raise RequestError with every problem (E0502–E0506)."""
    facts = load_facts(incident)
    parsed, problems = parse_changes(changes_from_mapping(changes), len(facts.act_dates))
    if problems:
        raise RequestError(problems)
    return what_if_facts(facts, parsed, rulebook)


def what_if_facts(
    facts: IncidentFacts, changes: Sequence[FactChange], rulebook: CompiledRulebook, asked: Sequence[str] = ()
) -> WhatIf:
    """As `what_if`, for validated facts and parsed changes (what the CLI uses)."""
    baseline = decide_explained(rulebook, facts)
    changed_facts = ChangedFacts(facts, changes)
    changed = decide_explained(rulebook, changed_facts)
    before = report_for(baseline, facts, rulebook, asked)
    after = report_for(changed, changed_facts, rulebook, asked)
    return WhatIf(tuple(changes), baseline, changed, before, after, compare(graph_of(baseline), graph_of(changed)))


def as_report(subject: Any, rulebook: CompiledRulebook) -> Report:
    return subject if isinstance(subject, Report) else report(subject, rulebook)


def to_text(subject: Any, rulebook: CompiledRulebook, lang: str = "id") -> str:
    """The narrative (plain text) of a report, a decision or an incident."""
    return render_text(as_report(subject, rulebook), lang)


def to_markdown(subject: Any, rulebook: CompiledRulebook, lang: str = "id") -> str:
    """The narrative as Markdown, of a report, a decision or an incident."""
    return render_markdown(as_report(subject, rulebook), lang)


def to_graphml(subject: Any, rulebook: CompiledRulebook) -> str:
    """The explanation graph of a decision (or of an incident, evaluated) as GraphML."""
    return _graphml(graph_of(explained_decision(subject, rulebook)[0]))


def to_node_link(subject: Any, rulebook: CompiledRulebook) -> str:
    """The explanation graph of a decision (or of an incident, evaluated) as node-link JSON text."""
    return _node_link(graph_of(explained_decision(subject, rulebook)[0]))

"""The front door: a rulebook, loaded once, that evaluates, explains, checks and formats.

    from netralrules import evaluate, load_rulebook
    rulebook = load_rulebook()                         # the bundled rulebook, checked and compiled
    decision = rulebook.evaluate(incident)             # a model, a dict, or JSON/YAML text
    print(decision.to_json())                          # stable JSON, naming the rulebook by hash
    report = rulebook.explain(decision)                # the report reviewers sign (explain/report.py)
    rulebook.why_not(decision, ["pp94.pasal5.n.4"])    # tiers not reached, provisions asked about
    rulebook.what_if(incident, {"tindakan.fasilitas_negara": True})
    rulebook.missing_facts(incident)                   # unknown facts, most deciding first
    rulebook.check(); rulebook.format()                # its files, as an author edits them

    evaluate(incident)                                 # one line, over the bundled rulebook

Every front end (the CLI, rule cases, diff, batch) goes through this object; a decision is made in
one place (`evaluation.pipeline.decide`). Checking and formatting also work on paths that do not
load (`authoring.check_paths`, `authoring.format_paths`): a broken folder still gets diagnostics.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netralrules.codegen import cache
from netralrules.compiler import CompiledRulebook, compile_rulebook
from netralrules.diagnostics import RulebookError
from netralrules.evaluation.decision import ENGINE_VERSION, Decision, IncidentFacts
from netralrules.evaluation.evaluator import Outcome, evaluate_plan
from netralrules.evaluation.pipeline import decide as decide_plain
from netralrules.evaluation.pipeline import paused_gc
from netralrules.evaluation.program import evaluate_fast, set_program
from netralrules.facts.schema import DEFAULT_SCHEMA, FactSchema
from netralrules.resources import default_rulebook_path
from netralrules.trace import ListTracer

# The explanation (and networkx under it), the checker and the parser load when first asked for
# (`reporting` inside the methods below), so evaluating without an explanation never loads them.
if TYPE_CHECKING:
    from netralrules.authoring import CheckReport, FormatResult
    from netralrules.explain.report import MissingFact, Report
    from netralrules.explain.reporting import WhatIf, WhyNot
    from netralrules.explain.whatif import FactChange


__all__ = [
    "ENGINE_VERSION",
    "Decision",
    "IncidentFacts",
    "Rulebook",
    "evaluate",
    "from_report",
    "load_rulebook",
    "missing_facts",
    "report",
    "to_graphml",
    "to_markdown",
    "to_node_link",
    "to_text",
    "what_if",
    "why_not",
]


@dataclass(frozen=True)
class Rulebook(CompiledRulebook):
    """A checked and compiled rulebook and everything asked of it. `content_hash` names it in
    decisions; `root` is the folder it was loaded from (the boundary its files may not leave)."""

    root: Path | None = None
    paths: tuple[str, ...] = ()
    schema: FactSchema = DEFAULT_SCHEMA

    # ---- decisions --------------------------------------------------------------------------
    def evaluate(self, incident: Any, *, explain: bool = True, source: str = "<input>") -> Decision:
        """Evaluate one incident: a `facts.Incident`, a dict, or JSON/YAML text (`source` names it
        in error messages). Raises `facts.IncidentError` (every problem with its JSON path) for bad
        input, nothing else for any input. The same rulebook and incident give the same decision."""
        from netralrules.facts import load_incident

        return self.decide(load_incident(incident, source=source), explain=explain)

    def decide(self, facts: IncidentFacts, *, explain: bool = True, tracer: ListTracer | None = None) -> Decision:
        """Evaluate an incident already validated (anything with `incident_id`, `act_dates`, `fact`).
        With a `tracer`, every evaluation event is recorded in it (the rule-case runner measures
        coverage from them)."""
        if not explain:
            with paused_gc():  # a large rulebook is a large heap for every collection to walk
                return decide_plain(self, facts, tracer)
        from netralrules.explain.explained import decide_explained

        return decide_explained(self, facts, tracer)

    def outcomes(self, facts: IncidentFacts) -> tuple[Outcome, ...]:
        """What each provision does for each act, and nothing more: no determination, no referral,
        no missing facts (the gap matrix evaluates tens of thousands of acts this way)."""
        dates = tuple(facts.act_dates)
        fast = evaluate_fast(self.plan, facts, dates)
        return (fast if fast is not None else evaluate_plan(self.plan, facts, dates)).outcomes

    # ---- explanations -----------------------------------------------------------------------
    def explain(self, subject: Any, *, why_not: Sequence[str] = ()) -> Report:
        """The report of a decision made with its explanation, or of an incident (evaluated).
        `why_not`: provision ids to explain as well (E0501 for an id the rulebook does not have)."""
        from netralrules.explain import reporting

        return reporting.report(subject, self, why_not)

    def report_for(self, decision: Decision, facts: IncidentFacts | None, why_not: Sequence[str] = ()) -> Report:
        """The report of a decision with the incident's validated facts (missing facts are then
        ranked by trying their values)."""
        from netralrules.explain import reporting

        return reporting.report_for(decision, facts, self, why_not)

    def why_not(self, subject: Any, provisions: Sequence[str] = ()) -> WhyNot:
        """The tiers and tracks not reached, and per act the smallest unmet conditions of each
        provision asked about."""
        from netralrules.explain import reporting

        return reporting.why_not(subject, self, provisions)

    def missing_facts(self, subject: Any) -> tuple[MissingFact, ...]:
        """The unknown facts that hold outcomes open, most deciding first."""
        from netralrules.explain import reporting

        return reporting.missing_facts(subject, self)

    def what_if(self, incident: Any, changes: Mapping[str, object] | Sequence[str]) -> WhatIf:
        """The incident as it is and with some facts changed, and what changed (E0502–E0506)."""
        from netralrules.explain import reporting

        return reporting.what_if(incident, changes, self)

    def what_if_facts(self, facts: IncidentFacts, changes: Sequence[FactChange], why_not: Sequence[str] = ()) -> WhatIf:
        """As `what_if`, for validated facts and parsed changes."""
        from netralrules.explain import reporting

        return reporting.what_if_facts(facts, changes, self, why_not)

    def to_text(self, subject: Any, lang: str = "id") -> str:
        from netralrules.explain import reporting

        return reporting.to_text(subject, self, lang)

    def to_markdown(self, subject: Any, lang: str = "id") -> str:
        from netralrules.explain import reporting

        return reporting.to_markdown(subject, self, lang)

    def to_graphml(self, subject: Any) -> str:
        from netralrules.explain import reporting

        return reporting.to_graphml(subject, self)

    def to_node_link(self, subject: Any) -> str:
        from netralrules.explain import reporting

        return reporting.to_node_link(subject, self)

    # ---- authoring --------------------------------------------------------------------------
    def check(self) -> CheckReport:
        """Check the rulebook's files as they are now on disk (warnings included)."""
        from netralrules.authoring import check_paths

        return check_paths(self.paths or [default_rulebook_path()], self.schema)

    def format(self, lang: str = "id") -> list[FormatResult]:
        """The canonical text of each of the rulebook's files (nothing is written)."""
        from netralrules.authoring import format_paths

        return format_paths(self.paths or [default_rulebook_path()], lang)


def load_rulebook(paths: Iterable[str | Path] | str | Path | None = None, schema: FactSchema = DEFAULT_SCHEMA) -> Rulebook:
    """Read, check and compile a rulebook (default: the bundled one). Raises RulebookError (a
    NetralrulesError) with every error diagnostic when the rulebook has errors."""
    if paths is None and schema is DEFAULT_SCHEMA:
        return _default_rulebook()
    chosen = [default_rulebook_path()] if paths is None else [paths] if isinstance(paths, (str, Path)) else list(paths)
    return _load(tuple(str(p) for p in chosen), schema)


@functools.cache
def _default_rulebook() -> Rulebook:
    return _load((str(default_rulebook_path()),), DEFAULT_SCHEMA)


def _load(paths: tuple[str, ...], schema: FactSchema) -> Rulebook:
    # From the per-user cache when these files were loaded before (codegen/cache.py): no parsing.
    key, root = cache.key_and_root(paths, schema)
    cached = cache.load(key) if key is not None else None
    if cached is not None:
        checked, program = cached
        rulebook = Rulebook(checked, compile_rulebook(checked), root, paths, schema)
        if program is not None:
            set_program(rulebook.plan, program)
        return rulebook
    from netralrules.authoring import check_paths

    report = check_paths(paths, schema)
    found = from_report(report, paths, schema)
    if found is None:
        raise RulebookError(tuple(d for d in report.diagnostics if d.is_error))
    if key is not None and cache.cache_dir() is not None:
        from netralrules.codegen.generate import Source, generate, load_program
        from netralrules.codegen.runtime import GenerationError

        try:
            source: Source | None = generate(found.checked)
        except (GenerationError, RecursionError):
            source = None
        if source is not None:
            set_program(found.plan, load_program(source.text, source.sha256))
        cache.store(key, found.checked, source)
    return found


def from_report(report: CheckReport, paths: Sequence[str | Path] = (), schema: FactSchema = DEFAULT_SCHEMA) -> Rulebook | None:
    """The rulebook of a check report; None if the check found errors (the report says which)."""
    if report.rulebook is None:
        return None
    return Rulebook(report.rulebook, compile_rulebook(report.rulebook), report.root, tuple(str(p) for p in paths), schema)


def evaluate(incident: Any, rulebook: Rulebook | None = None, *, explain: bool = True) -> Decision:
    """Evaluate one incident against `rulebook` (default: the bundled one); see `Rulebook.evaluate`."""
    return (rulebook or load_rulebook()).evaluate(incident, explain=explain)


# ---- one-line conveniences over the bundled rulebook (or the one given) -------------------------
def report(subject: Any, rulebook: Rulebook | None = None, *, why_not: Sequence[str] = ()) -> Report:
    """`Rulebook.explain`: the report of an incident or of a decision made with its explanation."""
    return (rulebook or load_rulebook()).explain(subject, why_not=why_not)


def why_not(subject: Any, provisions: Sequence[str] = (), rulebook: Rulebook | None = None) -> WhyNot:
    """`Rulebook.why_not`."""
    return (rulebook or load_rulebook()).why_not(subject, provisions)


def missing_facts(incident: Any, rulebook: Rulebook | None = None) -> tuple[MissingFact, ...]:
    """`Rulebook.missing_facts`."""
    return (rulebook or load_rulebook()).missing_facts(incident)


def what_if(incident: Any, changes: Mapping[str, object] | Sequence[str], rulebook: Rulebook | None = None) -> WhatIf:
    """`Rulebook.what_if`."""
    return (rulebook or load_rulebook()).what_if(incident, changes)


def to_text(subject: Any, lang: str = "id", rulebook: Rulebook | None = None) -> str:
    """The narrative (plain text) of a report, a decision or an incident."""
    return (rulebook or load_rulebook()).to_text(subject, lang)


def to_markdown(subject: Any, lang: str = "id", rulebook: Rulebook | None = None) -> str:
    """The narrative as Markdown, of a report, a decision or an incident."""
    return (rulebook or load_rulebook()).to_markdown(subject, lang)


def to_graphml(subject: Any, rulebook: Rulebook | None = None) -> str:
    """The explanation graph of a decision (or of an incident, evaluated) as GraphML."""
    return (rulebook or load_rulebook()).to_graphml(subject)


def to_node_link(subject: Any, rulebook: Rulebook | None = None) -> str:
    """The explanation graph of a decision (or of an incident, evaluated) as node-link JSON text."""
    return (rulebook or load_rulebook()).to_node_link(subject)

"""netralrules: the neutrality rules of Indonesian civil servants (ASN), as code.

Public API (stable): check rules files, format them, render diagnostics; load a rulebook and
evaluate incidents (`evaluate(incident) -> Decision`); explain them (`report`, `why_not`,
`missing_facts`, `what_if`, and the exports `to_text`, `to_markdown`, `to_graphml`, `to_node_link`);
the HTML report of a decision (`to_html(decision)`); two rulebook versions compared over a folder of
incidents (`diff_rulebooks(old, new, incidents)`). The last two load on first use, so importing
netralrules stays light.

Errors: everything raised on purpose is a `NetralrulesError`: `RulebookError` (the rules files do
not load), `IncidentError` (bad incident data), `RequestError` (a why-not or what-if the rulebook
cannot answer). Every phrase in two languages is a `Text` (`text.get("id")`, `text.get("en")`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from netralrules.authoring import CheckReport, FormatResult, check_paths, check_text, format_paths, format_text
from netralrules.checker import CheckedRulebook
from netralrules.diagnostics import Diagnostic, NetralrulesError, RequestError, RulebookError, Severity, Text
from netralrules.diagnostics.render import render, render_all
from netralrules.explain.reporting import WhatIf, WhyNot
from netralrules.facts.errors import IncidentError
from netralrules.facts.schema import DEFAULT_SCHEMA, FactSchema
from netralrules.resources import default_rulebook_path, grammar_path
from netralrules.rulebook import (
    Decision,
    Rulebook,
    evaluate,
    load_rulebook,
    missing_facts,
    report,
    to_graphml,
    to_markdown,
    to_node_link,
    to_text,
    what_if,
    why_not,
)
from netralrules.version import VERSION

if TYPE_CHECKING:
    from netralrules.explain.render.html import to_html
    from netralrules.tools.diff import RulebookDiff, diff_rulebooks

__version__ = VERSION


def __getattr__(name: str) -> Any:
    # Loaded on first use: the HTML report brings in networkx, the diff the incident model.
    if name == "to_html":
        from netralrules.explain.render.html import to_html

        return to_html
    if name in {"diff_rulebooks", "RulebookDiff"}:
        from netralrules.tools import diff

        return getattr(diff, name)
    raise AttributeError(f"module 'netralrules' has no attribute {name!r}")


__all__ = [
    "DEFAULT_SCHEMA",
    "CheckReport",
    "CheckedRulebook",
    "Decision",
    "Diagnostic",
    "FactSchema",
    "FormatResult",
    "IncidentError",
    "NetralrulesError",
    "RequestError",
    "Rulebook",
    "RulebookDiff",
    "RulebookError",
    "Severity",
    "Text",
    "WhatIf",
    "WhyNot",
    "__version__",
    "check_paths",
    "check_text",
    "default_rulebook_path",
    "diff_rulebooks",
    "evaluate",
    "format_paths",
    "format_text",
    "grammar_path",
    "load_rulebook",
    "missing_facts",
    "render",
    "render_all",
    "report",
    "to_graphml",
    "to_html",
    "to_markdown",
    "to_node_link",
    "to_text",
    "what_if",
    "why_not",
]

"""netralrules: the neutrality rules of Indonesian civil servants (ASN), as code.

Public API (stable): check rules files, format them, render diagnostics; load a rulebook and
evaluate incidents (`evaluate(incident) -> Decision`); explain them (`report`, `why_not`,
`missing_facts`, `what_if`, and the exports `to_text`, `to_markdown`, `to_graphml`, `to_node_link`).
"""

from __future__ import annotations

from netralrules.api import CheckReport, FormatResult, check_paths, check_text, format_paths, format_text
from netralrules.checker import CheckedRulebook
from netralrules.diagnostics import Diagnostic, NetralrulesError, Severity
from netralrules.engine import Decision, Rulebook, evaluate, load_rulebook
from netralrules.render import render, render_all
from netralrules.reporting import (
    WhatIf,
    WhyNot,
    missing_facts,
    report,
    to_graphml,
    to_markdown,
    to_node_link,
    to_text,
    what_if,
    why_not,
)
from netralrules.resources import default_rulebook_path, grammar_path
from netralrules.schema import DEFAULT_SCHEMA, FactSchema

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_SCHEMA",
    "CheckReport",
    "CheckedRulebook",
    "Decision",
    "Diagnostic",
    "FactSchema",
    "FormatResult",
    "NetralrulesError",
    "Rulebook",
    "Severity",
    "WhatIf",
    "WhyNot",
    "__version__",
    "check_paths",
    "check_text",
    "default_rulebook_path",
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
    "to_markdown",
    "to_node_link",
    "to_text",
    "what_if",
    "why_not",
]

"""netralrules: the neutrality rules of Indonesian civil servants (ASN), as code.

Public API (stable): check rules files, format them, render diagnostics; load a rulebook and
evaluate incidents (`evaluate(incident) -> Decision`).
"""

from __future__ import annotations

from netralrules.api import CheckReport, FormatResult, check_paths, check_text, format_paths, format_text
from netralrules.checker import CheckedRulebook
from netralrules.diagnostics import Diagnostic, NetralrulesError, Severity
from netralrules.engine import Decision, Rulebook, evaluate, load_rulebook
from netralrules.render import render, render_all
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
    "__version__",
    "check_paths",
    "check_text",
    "default_rulebook_path",
    "evaluate",
    "format_paths",
    "format_text",
    "grammar_path",
    "load_rulebook",
    "render",
    "render_all",
]

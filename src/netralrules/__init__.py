"""netralrules: the neutrality rules of Indonesian civil servants (ASN), as code.

Public API (stable): check rules files, format them, render diagnostics.
"""

from __future__ import annotations

from netralrules.api import CheckReport, FormatResult, check_paths, check_text, format_paths, format_text
from netralrules.checker import CheckedRulebook
from netralrules.diagnostics import Diagnostic, NetralrulesError, Severity
from netralrules.render import render, render_all
from netralrules.resources import default_rulebook_path, grammar_path
from netralrules.schema import DEFAULT_SCHEMA, FactSchema

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_SCHEMA",
    "CheckReport",
    "CheckedRulebook",
    "Diagnostic",
    "FactSchema",
    "FormatResult",
    "NetralrulesError",
    "Severity",
    "__version__",
    "check_paths",
    "check_text",
    "default_rulebook_path",
    "format_paths",
    "format_text",
    "grammar_path",
    "render",
    "render_all",
]

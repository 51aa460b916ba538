"""netralrules: the neutrality rules of Indonesian civil servants (ASN), as code.

Public API (stable): check rules files, format them, render diagnostics; load a rulebook and
evaluate incidents (`evaluate(incident) -> Decision`); explain them (`report`, `why_not`,
`missing_facts`, `what_if`, and the exports `to_text`, `to_markdown`, `to_graphml`, `to_node_link`);
the HTML report of a decision (`to_html(decision)`); two rulebook versions compared over a folder of
incidents (`diff_rulebooks(old, new, incidents)`). Every name loads on first use, so importing
netralrules stays light.

Errors: everything raised on purpose is a `NetralrulesError`: `RulebookError` (the rules files do
not load), `IncidentError` (bad incident data), `RequestError` (a why-not or what-if the rulebook
cannot answer). Every phrase in two languages is a `Text` (`text.get("id")`, `text.get("en")`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from netralrules.version import VERSION

if TYPE_CHECKING:
    from netralrules.authoring import CheckReport, FormatResult, check_paths, check_text, format_paths, format_text
    from netralrules.checker import CheckedRulebook
    from netralrules.diagnostics import Diagnostic, NetralrulesError, RequestError, RulebookError, Severity, Text
    from netralrules.diagnostics.render import render, render_all
    from netralrules.explain.render.html import to_html
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
    from netralrules.tools.diff import RulebookDiff, diff_rulebooks

__version__ = VERSION

# Where each public name lives. They load on first use, so that `import netralrules` (and a command
# that needs neither the checker, the explanation nor networkx) stays light.
_HOMES = {
    "netralrules.authoring": ("CheckReport", "FormatResult", "check_paths", "check_text", "format_paths", "format_text"),
    "netralrules.checker": ("CheckedRulebook",),
    "netralrules.diagnostics": ("Diagnostic", "NetralrulesError", "RequestError", "RulebookError", "Severity", "Text"),
    "netralrules.diagnostics.render": ("render", "render_all"),
    "netralrules.explain.reporting": ("WhatIf", "WhyNot"),
    "netralrules.explain.render.html": ("to_html",),
    "netralrules.facts.errors": ("IncidentError",),
    "netralrules.facts.schema": ("DEFAULT_SCHEMA", "FactSchema"),
    "netralrules.resources": ("default_rulebook_path", "grammar_path"),
    "netralrules.rulebook": (
        "Decision",
        "Rulebook",
        "evaluate",
        "load_rulebook",
        "missing_facts",
        "report",
        "to_graphml",
        "to_markdown",
        "to_node_link",
        "to_text",
        "what_if",
        "why_not",
    ),
    "netralrules.tools.diff": ("RulebookDiff", "diff_rulebooks"),
}
_HOME = {name: module for module, names in _HOMES.items() for name in names}


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module 'netralrules' has no attribute {name!r}")
    value = getattr(_import(module), name)
    globals()[name] = value
    return value


def _import(module: str) -> Any:
    """A module of `_HOMES`, each named in a plain import (no import by a computed name)."""
    if module == "netralrules.authoring":
        import netralrules.authoring

        return netralrules.authoring
    if module == "netralrules.checker":
        import netralrules.checker

        return netralrules.checker
    if module == "netralrules.diagnostics":
        import netralrules.diagnostics

        return netralrules.diagnostics
    if module == "netralrules.diagnostics.render":
        import netralrules.diagnostics.render

        return netralrules.diagnostics.render
    if module == "netralrules.explain.reporting":
        import netralrules.explain.reporting

        return netralrules.explain.reporting
    if module == "netralrules.explain.render.html":
        import netralrules.explain.render.html

        return netralrules.explain.render.html
    if module == "netralrules.facts.errors":
        import netralrules.facts.errors

        return netralrules.facts.errors
    if module == "netralrules.facts.schema":
        import netralrules.facts.schema

        return netralrules.facts.schema
    if module == "netralrules.resources":
        import netralrules.resources

        return netralrules.resources
    if module == "netralrules.rulebook":
        import netralrules.rulebook

        return netralrules.rulebook
    import netralrules.tools.diff

    return netralrules.tools.diff


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

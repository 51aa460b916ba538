"""Editor colours from the one keyword table: keyword table → TextMate grammar and VS Code language
configuration (JSON). `editors/vscode/scripts/generate.py` writes them; a test regenerates them
and compares, so a keyword added to `syntax/keywords.py` reaches the editor or fails the build.

Each terminal is coloured by its role; a terminal this module does not know yet (a new keyword)
is still coloured, as a plain keyword.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from netralrules.facts.schema import DEFAULT_SCHEMA
from netralrules.syntax.keywords import DECLARATION_TERMINALS, KEYWORDS, Keyword

SCOPE = "source.netralrules"

# terminal → TextMate scope (without the `.netralrules` suffix), by role.
_ROLE_SCOPES: dict[str, str] = {
    "KW_IF": "keyword.control.conditional",
    "KW_THEN": "keyword.control.conditional",
    "KW_OR": "keyword.operator.logical",
    "KW_AND": "keyword.operator.logical",
    "KW_NOT": "keyword.operator.logical",
    "KW_IN": "keyword.operator.word",
    "KW_BETWEEN": "keyword.operator.word",
    "KW_WITHIN": "keyword.operator.word",
    "KW_WHERE": "keyword.operator.word",
    "KW_COUNT": "keyword.operator.word",
    "QUANTIFIER": "keyword.operator.quantifier",
    "DIRECTION": "keyword.operator.word",
    "JOINER": "keyword.operator.logical",
    "CITE_KIND": "support.type.citation",
    "CATEGORY": "support.constant.category",
    "TIER": "support.constant.tier",
    "PENALTY_KIND": "support.constant.penalty",
    "DURATION_UNIT": "support.constant.unit",
    "BOOL": "constant.language.boolean",
    "GAP_KIND": "support.constant.gap",
}
_DECLARATION_SCOPE = "storage.type.declaration"
_FIELD_SCOPE = "keyword.other.field"  # every other keyword: fields of a block (`rujukan`, `teks`, …)


def scope_of(keyword: Keyword) -> str:
    if keyword.terminal in DECLARATION_TERMINALS:
        return _DECLARATION_SCOPE
    return _ROLE_SCOPES.get(keyword.terminal, _FIELD_SCOPE)


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _word(words: list[str]) -> str:
    # Not after a dot: `tindakan.jenis` is a fact path, not the keyword `jenis`.
    return rf"(?<![\w.])(?:{_alternation(words)})(?![\w/])"


def grammar() -> dict[str, Any]:
    """The TextMate grammar of the rules language."""
    by_scope: dict[str, list[str]] = {}
    for k in KEYWORDS:
        by_scope.setdefault(scope_of(k), []).extend(k.words)
    named = [
        w
        for k in KEYWORDS
        if k.terminal in {"KW_PROVISION", "KW_INSTRUMENT", "KW_SUPERVISOR", "KW_DEFINITION", "KW_GAP"}
        for w in k.words
    ]
    patterns: list[dict[str, Any]] = [
        {"include": "#comment"},
        {"include": "#string"},
        {
            "name": f"meta.declaration.{SCOPE.split('.')[1]}",
            "match": rf"(?<![\w.])({_alternation(named)})\s+([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)",
            "captures": {
                "1": {"name": f"{_DECLARATION_SCOPE}.netralrules"},
                "2": {"name": "entity.name.function.netralrules"},
            },
        },
        {"name": "constant.numeric.date.netralrules", "match": r"\b\d{4}-\d{2}-\d{2}(?![\w-])"},
        {"name": "constant.numeric.rupiah.netralrules", "match": r"\bRp ?\d{1,3}(?:\.\d{3})*(?![\w.])"},
        {
            "name": "keyword.operator.logical.netralrules",
            "match": _word([w for k in KEYWORDS if k.terminal == "JOINER" for w in k.words]),
        },
    ]
    for scope in sorted(by_scope):
        words = [w for w in by_scope[scope] if "/" not in w]
        if words:
            patterns.append({"name": f"{scope}.netralrules", "match": _word(words)})
    patterns += [
        {
            "name": "variable.language.fact.netralrules",
            "match": rf"(?<![\w.])(?:{_alternation(list(DEFAULT_SCHEMA.roots))})(?=\.)",
        },
        {"name": "constant.numeric.integer.netralrules", "match": r"(?<![\w.])\d+(?![\w])"},
        {"name": "keyword.operator.comparison.netralrules", "match": r"!=|<=|>=|=|<|>"},
        {"name": "keyword.operator.arithmetic.netralrules", "match": r"[+-]"},
        {"name": "punctuation.section.block.netralrules", "match": r"[{}]"},
    ]
    return {
        "$schema": "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
        "name": "netralrules",
        "scopeName": SCOPE,
        "fileTypes": ["nr"],
        "comment": "Generated from src/netralrules/syntax/keywords.py by editors/vscode/scripts/generate.py; do not edit.",
        "patterns": patterns,
        "repository": {
            "comment": {"name": "comment.line.number-sign.netralrules", "match": "#.*$"},
            "string": {
                "name": "string.quoted.double.netralrules",
                "begin": '"',
                "end": '"',
                "patterns": [{"name": "constant.character.escape.netralrules", "match": r"\\."}],
            },
        },
    }


def language_configuration() -> dict[str, Any]:
    """Comments, brackets, and folding on every declaration block (`ketentuan … {` to `}`)."""
    blocks = [w for k in KEYWORDS if k.terminal in DECLARATION_TERMINALS for w in k.words]
    return {
        "comments": {"lineComment": "#"},
        "brackets": [["{", "}"], ["(", ")"]],
        "autoClosingPairs": [
            {"open": "{", "close": "}"},
            {"open": "(", "close": ")"},
            {"open": '"', "close": '"', "notIn": ["string", "comment"]},
        ],
        "surroundingPairs": [["{", "}"], ["(", ")"], ['"', '"']],
        "folding": {
            "markers": {
                "start": rf"^\s*(?:{_alternation(blocks)})\b.*\{{\s*(?:#.*)?$",
                "end": r"^\s*\}",
            }
        },
        "wordPattern": r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*",
        "indentationRules": {"increaseIndentPattern": r"\{\s*(?:#.*)?$", "decreaseIndentPattern": r"^\s*\}"},
    }


def render(data: dict[str, Any]) -> str:
    """JSON as committed: two-space indent, UTF-8, one newline at the end."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


# file (relative to editors/vscode/) → what it holds
GENERATED: dict[str, Callable[[], dict[str, Any]]] = {
    "syntaxes/netralrules.tmLanguage.json": grammar,
    "language-configuration.json": language_configuration,
}

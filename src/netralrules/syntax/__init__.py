"""Parsing: source text → AST. The only package that imports `lark`.

`parse_source` and the parser's limits load `lark` on first use: the AST (`syntax.ast`) and the
loader's helpers do not need it, and a rulebook loaded from the cache is never parsed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from netralrules.syntax.parser import MAX_NESTING, MAX_SYNTAX_ERRORS, parse_source

__all__ = ["MAX_NESTING", "MAX_SYNTAX_ERRORS", "parse_source"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from netralrules.syntax import parser

        return getattr(parser, name)
    raise AttributeError(f"module 'netralrules.syntax' has no attribute {name!r}")

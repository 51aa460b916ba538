"""Parsing: source text → AST. The only package that imports `lark`."""

from netralrules.syntax.parser import MAX_NESTING, MAX_SYNTAX_ERRORS, parse_source

__all__ = ["MAX_NESTING", "MAX_SYNTAX_ERRORS", "parse_source"]

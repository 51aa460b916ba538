"""A fast lexer for the rules language, plugged into Lark's LALR parser.

It produces exactly the tokens of Lark's contextual lexer for our grammar (a test compares the two
on real and generated files), but classifies words with one dictionary look-up instead of trying
every keyword pattern in turn, which makes lexing several times faster. Like the contextual
lexer, a keyword becomes a plain name (IDENT) where the parser accepts a name but not that
keyword (`tindakan.jenis`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lark import Token
from lark.exceptions import UnexpectedCharacters
from lark.lexer import Lexer, LexerState

from netralrules.syntax.keywords import KEYWORDS

_MASTER = re.compile(
    r"""
    (?P<WS>[ \t\f\r\n]+)
  | (?P<COMMENT>\#[^\n]*)
  | (?P<STRING>"[^"\\]*(?:\\.[^"\\]*)*")  # the unrolled loop: flat memory for a 2 MiB text
  | (?P<JOINER>(?:dan/atau|and/or)\b)
  | (?P<DATE>\d{4}-\d{2}-\d{2}(?![\w-]))
  | (?P<RUPIAH>Rp\ ?\d{1,3}(?:\.\d{3})*(?![\w.]))
  | (?P<INT>\d+)
  | (?P<WORD>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<OP>!=|<=|>=|=|<|>|\+|-)
  | (?P<PUNCT>[{}().,])
    """,
    re.VERBOSE | re.DOTALL,
)

# Every keyword word and the terminal it belongs to (each word belongs to one terminal).
_WORD_TERMINAL: dict[str, str] = {w: k.terminal for k in KEYWORDS for w in k.words if "/" not in w}
_PUNCT = {"{": "LBRACE", "}": "RBRACE", "(": "LPAR", ")": "RPAR", ",": "COMMA", ".": "DOT"}
_ARITH = {"+", "-"}


class FastLexer(Lexer):
    """Lark's custom-lexer interface with the parser state, so keywords can be contextual."""

    __future_interface__ = True

    def __init__(self, lexer_conf: Any) -> None:
        self.terminals = {t.name for t in lexer_conf.terminals}

    def lex(self, lexer_state: LexerState, parser_state: Any) -> Iterator[Token]:
        text = lexer_state.text
        if not isinstance(text, str):  # Lark may hand over a TextSlice
            text = text.text
        states = parser_state.parse_conf.parse_table.states
        pos = 0
        line = 1
        line_start = 0
        end = len(text)
        match = _MASTER.match
        while pos < end:
            m = match(text, pos)
            if m is None:
                accepted = {name for name in states[parser_state.position] if name in self.terminals}
                raise UnexpectedCharacters(text, pos, line, pos - line_start + 1, allowed=accepted, state=parser_state)  # type: ignore[no-untyped-call]
            kind = m.lastgroup
            value = m.group()
            start = pos
            pos = m.end()
            if kind == "WS" or kind == "COMMENT" or kind == "STRING":
                newlines = value.count("\n")
                if kind != "STRING":
                    if newlines:
                        line += newlines
                        line_start = start + value.rfind("\n") + 1
                    continue
            else:
                newlines = 0
            accepts = states[parser_state.position]
            if kind == "WORD":
                terminal = _WORD_TERMINAL.get(value)
                kind = "IDENT" if terminal is None or (terminal not in accepts and "IDENT" in accepts) else terminal
            elif kind == "RUPIAH" and "RUPIAH" not in accepts and "IDENT" in accepts and value.isidentifier():
                kind = "IDENT"  # `Rp12` where only a name fits is a name, as in the contextual lexer
            elif kind == "OP":
                if value in _ARITH:
                    kind = "ARITH_OP"
                elif value == "=" and "EQUAL" in accepts:
                    kind = "EQUAL"
                else:
                    kind = "COMP_OP"
            elif kind == "PUNCT":
                kind = _PUNCT[value]
            assert kind is not None
            yield Token(kind, value, start, line, start - line_start + 1, line, pos - line_start + 1, pos)
            if newlines:
                line += newlines
                line_start = start + value.rfind("\n") + 1

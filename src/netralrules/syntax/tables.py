"""The LALR tables of the grammar, shipped with the package so that a process need not build them.

Building the parser from `grammar/netralrules.lark` takes about half a second, ten times what
loading the whole bundled rulebook takes otherwise. `lalr_tables.json` holds what Lark's own
`memo_serialize` produces for the built parser, as plain JSON (dicts with non-text keys and tuples
are tagged, see `_encode`). It is used only when it was made from this very grammar, with this
Lark version and these options (a SHA-256 over all three); otherwise the parser is built as before.

Why JSON and not Lark's `cache=True`: that option unpickles a file from the shared temporary
directory, where another user could plant one; unpickling runs code. Loading JSON only ever builds
dicts, lists, strings and numbers, and the file sits inside the installed package.

Regenerate after changing the grammar (a test says so):

    python -c "import netralrules.syntax.tables as t; t.main()"
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import lark
from lark import Lark
from lark.grammar import Rule
from lark.lexer import TerminalDef

from netralrules.resources import grammar_path
from netralrules.syntax.lexer import FastLexer

TABLES_FILE = Path(__file__).resolve().parent / "lalr_tables.json"
OPTIONS: dict[str, Any] = {"parser": "lalr", "maybe_placeholders": True}
_LEXER = "netralrules.syntax.lexer.FastLexer"  # stands in for the lexer class in the file
_DICT, _TUPLE = "\x00dict", "\x00tuple"


def grammar_key(grammar: str) -> str:
    """What the tables depend on: the grammar text, the Lark version, the options."""
    text = json.dumps([grammar, lark.__version__, OPTIONS, _LEXER], sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def build(grammar: str) -> Lark:
    """Build the parser from the grammar (slow: computes the LALR tables)."""
    return Lark(grammar, lexer=FastLexer, **OPTIONS)


def load(grammar: str, path: Path = TABLES_FILE) -> Lark | None:
    """The parser from the shipped tables, or None if they are missing, damaged or made from
    another grammar, Lark version or options."""
    try:
        stored = json.loads(path.read_text(encoding="utf-8"), object_hook=_decode)
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(stored, dict) or stored.get("key") != grammar_key(grammar):
        return None
    try:
        data, memo = stored["data"], stored["memo"]
        data["options"]["lexer"] = FastLexer
        data["parser"]["lexer_conf"]["lexer_type"] = FastLexer
        # `_load_from_dict` is private, and kept on purpose. It is the entry point Lark's own
        # standalone generator writes into every parser it generates (lark/tools/standalone.py:
        # `return Lark._load_from_dict(DATA, MEMO, **kwargs)`), with DATA and MEMO exactly what
        # `memo_serialize` gives (what `dump` stores), so Lark keeps it working within a version.
        # The public `Lark.load` takes only a pickle, which we refuse (module docstring); feeding it
        # our own pickle made in memory would cost ~10 ms per cold load for nothing. It is safe:
        # tables are loaded only under the Lark version that made them (`grammar_key`), any failure
        # builds the parser from the grammar instead, tests/syntax/test_tables.py checks the loaded
        # parser parses the whole rulebook as the built one, and tests/syntax/test_lark_pin.py keeps
        # Lark below 2 so that a major upgrade is a decision, not an accident.
        return Lark._load_from_dict(data, memo)  # type: ignore[no-any-return, no-untyped-call]
    except Exception:  # tables that do not fit this Lark after all: build instead of failing
        return None


def dump(parser: Lark, grammar: str) -> str:
    """The tables of a built parser as the JSON text of `lalr_tables.json`."""
    data, memo = parser.memo_serialize([TerminalDef, Rule])
    data["options"]["lexer"] = _LEXER
    data["parser"]["lexer_conf"]["lexer_type"] = _LEXER
    payload = {"key": grammar_key(grammar), "lark": lark.__version__, "data": _encode(data), "memo": _encode(memo)}
    return json.dumps(payload, separators=(",", ":"), sort_keys=True) + "\n"


def _encode(value: Any) -> Any:
    if isinstance(value, dict):
        if all(isinstance(k, str) for k in value):
            return {k: _encode(v) for k, v in value.items()}
        return {_DICT: [[_encode(k), _encode(v)] for k, v in value.items()]}
    if isinstance(value, tuple):
        return {_TUPLE: [_encode(v) for v in value]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"cannot store {type(value).__name__} in the parser tables")


def _decode(obj: dict[str, Any]) -> Any:
    if len(obj) == 1:
        if _DICT in obj:
            return {_hashable(k): v for k, v in obj[_DICT]}
        if _TUPLE in obj:
            return tuple(obj[_TUPLE])
    return obj


def _hashable(key: Any) -> Any:
    return tuple(key) if isinstance(key, list) else key


def main() -> None:
    grammar = grammar_path().read_text(encoding="utf-8")
    TABLES_FILE.write_text(dump(build(grammar), grammar), encoding="utf-8")


if __name__ == "__main__":
    main()

"""The shipped LALR tables: made from this grammar, and parsing exactly as the parser built from it."""

from __future__ import annotations

import json
from pathlib import Path

import lark
import pytest

from netralrules.resources import default_rulebook_path, grammar_path
from netralrules.syntax import tables
from netralrules.syntax.parser import _parser


def test_the_shipped_tables_were_made_from_this_grammar() -> None:
    stored = json.loads(tables.TABLES_FILE.read_text(encoding="utf-8"))
    if stored["lark"] != lark.__version__:
        pytest.skip(f"tables made with Lark {stored['lark']}, this is {lark.__version__}: the parser is built instead")
    assert stored["key"] == tables.grammar_key(grammar_path().read_text(encoding="utf-8")), (
        "the grammar changed: regenerate with python -c 'import netralrules.syntax.tables as t; t.main()'"
    )


def test_the_loaded_parser_parses_as_the_built_one() -> None:
    grammar = grammar_path().read_text(encoding="utf-8")
    loaded = tables.load(grammar)
    if loaded is None:
        pytest.skip("no tables for this grammar and Lark version")
    built = tables.build(grammar)
    for path in sorted(default_rulebook_path().rglob("*.nr")):
        text = path.read_text(encoding="utf-8")
        assert loaded.parse(text) == built.parse(text), path


def test_tables_for_another_grammar_or_damaged_are_not_used(tmp_path: Path) -> None:
    grammar = grammar_path().read_text(encoding="utf-8")
    assert tables.load(grammar + "\n// changed\n") is None
    damaged = tmp_path / "tables.json"
    damaged.write_text(tables.TABLES_FILE.read_text(encoding="utf-8")[:1000], encoding="utf-8")
    assert tables.load(grammar, damaged) is None
    assert _parser() is not None

"""The VS Code extension's grammar and language configuration are generated from the keyword table:
regenerating them gives the committed files, every keyword is coloured, and a keyword added to the
table (another branch adds `pakai`/`use` and `sumber`) is coloured without touching the generator."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from netralrules.lsp import textmate
from netralrules.syntax.keywords import KEYWORDS, Keyword

EXTENSION = Path(__file__).parents[2] / "editors" / "vscode"


@pytest.mark.parametrize("name", sorted(textmate.GENERATED), ids=str)
def test_the_committed_file_is_what_the_keyword_table_generates(name: str) -> None:
    committed = (EXTENSION / name).read_text(encoding="utf-8")
    assert committed == textmate.render(textmate.GENERATED[name]()), (
        f"editors/vscode/{name} is stale: run python editors/vscode/scripts/generate.py"
    )


def _scopes(grammar: dict[str, Any], word: str) -> list[str]:
    """The scopes of the top-level patterns that match the whole word (Python's re stands in for
    Oniguruma: these patterns use nothing the two read differently)."""
    found = []
    for pattern in grammar["patterns"]:
        match = pattern.get("match")
        if match and (m := re.compile(match).match(f"{word} ")) and m.end() >= len(word):
            found.append(pattern.get("name") or pattern["captures"]["1"]["name"])
    return found


@pytest.mark.parametrize("keyword", KEYWORDS, ids=lambda k: k.terminal)
def test_every_keyword_is_coloured(keyword: Keyword) -> None:
    grammar = textmate.grammar()
    for word in keyword.words:
        assert _scopes(grammar, word), f"`{word}` ({keyword.terminal}) has no colour"


def test_a_keyword_added_to_the_table_is_coloured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(textmate, "KEYWORDS", (*KEYWORDS, Keyword("KW_NEW_FIELD", ("bidang_baru",), ("new_field",))))
    grammar = textmate.grammar()
    assert _scopes(grammar, "bidang_baru") == ["keyword.other.field.netralrules"]
    assert _scopes(grammar, "new_field") == ["keyword.other.field.netralrules"]


def test_a_fact_field_named_like_a_keyword_is_not_a_keyword() -> None:
    """`jenis` is a keyword (`jenis PP`), but in `tindakan.jenis` it is a field of a fact."""
    grammar = textmate.grammar()
    assert _scopes(grammar, "jenis") == ["keyword.other.field.netralrules"]
    for pattern in grammar["patterns"]:
        match = pattern.get("match")
        if match and pattern.get("name", "").startswith(("keyword", "support", "storage")):
            assert all(m.start() < 9 for m in re.finditer(match, "tindakan.jenis")), pattern["name"]


def test_blocks_fold() -> None:
    folding = textmate.language_configuration()["folding"]["markers"]
    start, end = re.compile(folding["start"]), re.compile(folding["end"])
    assert start.match("ketentuan pp94.pasal5.n.1 {") and start.match("provision a.b {  # note")
    assert start.match("lembaga_pengawas KASN {")
    assert not start.match('  teks "{"x')
    assert end.match("}") and end.match("  }")

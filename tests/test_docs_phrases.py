"""docs/authoring.md §1a, the table from the statute's words to the language: every name it gives
is written in the provisions it cites as examples (or in the definitions they use), so the table
cannot drift from the rulebook."""

from __future__ import annotations

import re
from pathlib import Path

from netralrules import load_rulebook
from netralrules.syntax.keywords import ALL_WORDS
from netralrules.tools.diff import definitions_used

GUIDE = Path(__file__).parents[1] / "docs" / "authoring.md"
_CODE = re.compile(r"`([^`]*)`")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*")


def _rows() -> list[tuple[str, list[str], list[str]]]:
    text = GUIDE.read_text(encoding="utf-8")
    section = text[text.index("## 1a.") : text.index("## 2. Memeriksa")]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 4 or not cells[1].startswith("`"):
            continue
        written = [n for code in _CODE.findall(cells[1]) if "/" not in code for n in _NAME.findall(code)]
        examples = [e for e in _CODE.findall(cells[3]) if " " not in e]
        rows.append((cells[0], [n for n in written if n not in ALL_WORDS], examples))
    return rows


def test_the_phrase_table_names_what_its_example_provisions_write() -> None:
    rulebook = load_rulebook()
    provisions = rulebook.checked.provisions
    rows = _rows()
    assert len(rows) >= 30
    for phrase, names, examples in rows:
        assert examples, phrase
        texts = []
        for pid in examples:
            assert pid in provisions, f"{phrase}: no provision {pid}"
            p = provisions[pid]
            texts.append(Path(p.span.file).read_text(encoding="utf-8")[p.span.start : p.span.end])
            for name in definitions_used(p, rulebook.checked):
                d = rulebook.checked.definitions[name]
                texts.append(Path(d.span.file).read_text(encoding="utf-8")[d.span.start : d.span.end])
        written = "\n".join(texts)
        missing = [n for n in names if not re.search(rf"(?<![\w.]){re.escape(n)}(?![\w])", written)]
        assert not missing, f"{phrase}: {missing} not in {examples}"

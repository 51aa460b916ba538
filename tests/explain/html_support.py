"""Helpers of the HTML report tests: example incidents (with changes), the report of one, and a
small HTML5 checker built on the standard library's parser."""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from netralrules import evaluate, to_html
from netralrules.rulebook import Decision

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "pns_kampanye_atribut_partai.json"
HOSTILE = '<script>window.__pwned = 1;</script><img src="https://attacker.invalid/x.png" onerror="window.__pwned = 2">'


def example(act: dict[str, Any] | None = None, **respondent: Any) -> dict[str, Any]:
    """The bundled PNS-at-a-campaign example, with some act or respondent facts changed."""
    data: dict[str, Any] = copy.deepcopy(json.loads(EXAMPLE.read_text(encoding="utf-8")))
    data["responden"].update(respondent)
    data["tindakan"][0].update(act or {})
    return data


def report(data: dict[str, Any], lang: str = "id") -> tuple[Decision, str]:
    decision = evaluate(data)
    return decision, to_html(decision, lang, incident=data)


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Page(HTMLParser):
    """What the checker saw: every start tag with its attributes, text, and any structural error."""

    tags: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    stack: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    doctype: str = ""

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else '-'}>")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    if page.stack:
        page.errors.append(f"unclosed: {page.stack}")
    return page

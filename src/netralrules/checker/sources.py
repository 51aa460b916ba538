"""Checks of sources (`sumber`) and of what belongs in them rather than in notes and comments.

A `sumber` needs a description and, when it has a link, a web address (http or https). A note
(`catatan`) or a comment is read by reviewers as the law: research-note marks (`[V1]`, `[INF]`, …),
references to working files outside the rulebook, and the names of news websites belong in a
`sumber`, with a reliability level, and are reported (W0306) wherever else they appear.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from netralrules.checker.procedures import all_sources, items, open_points
from netralrules.diagnostics import Diagnostic, make
from netralrules.source import Span
from netralrules.syntax import ast

# Research-note marks of the team's working notes.
_MARK = re.compile(r"\[(?:V1|V2|INF|MEM|CONFLICT)\b[^\]]*\]")
# References to working files that are not part of the rulebook.
# A bare `§5.4` points into those notes; `docs/incident.md §3.3` is a section of this repository's docs.
_WORKING_FILE = re.compile(r"regulations(?:-addendum[-\w]*)?\.md|\.\./shared|\bdigest\b|(?<!\.md )§", re.IGNORECASE)
# A web address or a domain name (`kompas.com`, `www.selayarnews.com/…`).
_WEBSITE = re.compile(
    r"\bhttps?://\S+|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|net|org|id|tv|co|info|news)\b(?![\w.-]*\()",
    re.IGNORECASE,
)
# News outlets and transcriptions the rulebook has relied on, named without their domain.
NEWS_NAMES: tuple[str, ...] = (
    "Tribun",
    "Kompas",
    "Kompaspedia",
    "Detik",
    "tandaseru",
    "beritabangka",
    "sekitarjabar",
    "selayarnews",
    "liputanindo",
    "gurune",
    "kabariku",
    "birokratmenulis",
    "sindonews",
    "kumparan",
    "rmol",
    "scribd",
    "anyflip",
    "hukumonline",
    "wawannug",
    "nufi3",
    "SQL-dump",
)
_NEWS = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in NEWS_NAMES) + r")\b", re.IGNORECASE)


def research_text(text: str) -> str | None:
    """The first research-note mark, working-file reference or website name in a text, if any."""
    found = [m for pattern in (_MARK, _WORKING_FILE, _WEBSITE, _NEWS) if (m := pattern.search(text))]
    if not found:
        return None
    return min(found, key=lambda m: m.start()).group()


def check_sources(files: Sequence[ast.RulesFile]) -> list[Diagnostic]:
    """E0220 for a malformed `sumber`; W0306 for what belongs in one but is written in a note or a
    comment."""
    out: list[Diagnostic] = []
    for file in files:
        for decl in file.declarations:
            for source in all_sources(decl) if isinstance(decl, ast.Procedure) else getattr(decl, "sources", ()):
                out.extend(_check_source(source))
            note = getattr(decl, "note", None)
            if note:
                found = research_text(note)
                if found is not None:
                    span = next((s for name, s in getattr(decl, "field_spans", ()) if name == "note_field"), decl.span)
                    out.append(_misplaced(span, found, "catatan", "note"))
            if isinstance(decl, ast.GapDeclaration):
                # A gap's reason is read as the law, as a note is.
                found = research_text(decl.reason)
                if found is not None:
                    span = next((s for name, s in decl.field_spans if name == "reason_field"), decl.span)
                    out.append(_misplaced(span, found, "alasan", "reason"))
            if isinstance(decl, ast.Procedure):
                # The texts of a procedure are read as the law, as a note is.
                out.extend(_procedure_texts(decl))
        for comment in file.comments:
            found = research_text(comment.text)
            if found is not None:
                out.append(_misplaced(comment.span, found, "komentar", "comment"))
    return out


def _procedure_texts(p: ast.Procedure) -> Iterator[Diagnostic]:
    details = [d for _, _, d in items(p)]
    points = list(open_points(p))
    texts: list[tuple[str | None, tuple[tuple[str, Span], ...], str, Span]] = []
    for d in details:
        texts += [(d.by, d.field_spans, "by_field", p.span), (d.text, d.field_spans, "text_field", p.span)]
        texts += [(d.text_en, d.field_spans, "text_en_field", p.span), (d.basis, d.field_spans, "basis_field", p.span)]
    for o in points:
        texts += [(o.text, o.field_spans, "text_field", o.span), (o.text_en, o.field_spans, "text_en_field", o.span)]
    for text, spans, field, fallback in texts:
        found = research_text(text) if text else None
        if found is not None:
            span = next((s for name, s in spans if name == field), fallback)
            yield _misplaced(span, found, "teks prosedur", "procedure text")


def _check_source(source: ast.Source) -> Iterator[Diagnostic]:
    if not source.document.strip():
        yield make(
            "E0220",
            source.span,
            suggestion="document",
            reason="sumber tanpa keterangan dokumen",
            reason_en="the source does not say which document it is",
        )
    if source.url is not None and not re.fullmatch(r"https?://\S+", source.url):
        yield make(
            "E0220",
            source.span,
            suggestion="url",
            reason=f"tautan `{source.url}` bukan alamat web (http:// atau https://)",
            reason_en=f"the link `{source.url}` is not a web address (http:// or https://)",
        )


def _misplaced(span: Span, found: str, where: str, where_en: str) -> Diagnostic:
    return make("W0306", span, suggestion="move", found=found, where=where, where_en=where_en)

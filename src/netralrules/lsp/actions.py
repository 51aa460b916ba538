"""Formatting and code actions: the formatter (`authoring.format_text`) for a document or the
declarations a range touches; did-you-mean fixes from the diagnostics' suggestions; a missing
`teks`; a provision skeleton from a citation."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from lsprotocol import types as lsp

from netralrules.authoring import format_text
from netralrules.diagnostics import Diagnostic, Text
from netralrules.lsp.analysis import Analysis
from netralrules.source import Span
from netralrules.syntax import ast
from netralrules.syntax.keywords import BY_TERMINAL
from netralrules.syntax.loader import load_text

ToRange = Callable[[Span], lsp.Range]

# "replace `makaa` with `maka`", "did you mean `PP_1`", "did you mean `x`?" (the English half of
# every suggestion that names one replacement: diagnostics/messages.py).
_REPLACEMENT = re.compile(r"(?:^replace `[^`]+` with|^did you mean|day and month swapped\?) `([^`]+)`\??$")
_CITE_WORDS = "|".join(BY_TERMINAL["CITE_KIND"].words)
_CITATION_LINE = re.compile(rf"^(\s*)#?\s*([A-Za-z_][A-Za-z0-9_]*)((?:\s+(?:{_CITE_WORDS})\s+\(?[A-Za-z0-9]+\)?)+)\s*$")


def format_document(text: str, path: str, lang: str, to_range: ToRange) -> list[lsp.TextEdit] | None:
    """One edit that replaces the document with its canonical layout; None if it does not parse."""
    result = format_text(text, path, lang)
    if result.formatted is None:
        return None
    if result.formatted == text:
        return []
    return [lsp.TextEdit(to_range(Span(path, 0, len(text))), result.formatted)]


def format_range(text: str, path: str, lang: str, start: int, end: int, to_range: ToRange) -> list[lsp.TextEdit] | None:
    """Reformat the declarations a range touches (from the first one's start to the last one's end)."""
    result = format_text(text, path, lang)
    if result.formatted is None:
        return None
    before = load_text(text, path).files
    after = load_text(result.formatted, path).files
    if not before or not after or len(before[0].declarations) != len(after[0].declarations):
        return format_document(text, path, lang, to_range)
    old, new = before[0].declarations, after[0].declarations
    touched = [i for i, d in enumerate(old) if d.span.start <= end and d.span.end >= start]
    if not touched:
        return []
    first, last = touched[0], touched[-1]
    replaced = result.formatted[new[first].span.start : new[last].span.end]
    if replaced == text[old[first].span.start : old[last].span.end]:
        return []
    return [lsp.TextEdit(to_range(Span(path, old[first].span.start, old[last].span.end)), replaced)]


def replacement_for(diagnostic: Diagnostic, text: str) -> tuple[int, int, str] | None:
    """(start, end, new text) of a did-you-mean suggestion, or None if it names no one replacement.

    A fact's suggestion names the whole path (`tindakan.fasilitas_negara`) while the span covers the
    unknown segment: the part already written before the span is kept."""
    if diagnostic.suggestion is None:
        return None
    m = _REPLACEMENT.search(diagnostic.suggestion.en.strip())
    if m is None:
        return None
    new = m.group(1)
    start, end = diagnostic.span.start, diagnostic.span.end
    if start >= end or end > len(text):
        return None
    head = start
    while head > 0 and (text[head - 1].isalnum() or text[head - 1] in "_."):
        head -= 1
    prefix = text[head:start]
    if prefix and new.startswith(prefix):
        new = new[len(prefix) :]
    if new == text[start:end]:
        return None
    return start, end, new


def code_actions(
    analysis: Analysis,
    path: str,
    uri: str,
    text: str,
    start: int,
    end: int,
    diagnostics: Sequence[tuple[Diagnostic, lsp.Diagnostic]],
    lang: str,
    to_range: ToRange,
) -> list[lsp.CodeAction]:
    """The fixes and helpers that apply at a range."""
    actions: list[lsp.CodeAction] = []
    for diagnostic, shown in diagnostics:
        fix = replacement_for(diagnostic, text)
        if fix is None:
            continue
        a, b, new = fix
        title = Text(f"ganti dengan `{new}`", f"replace with `{new}`").get(lang)
        actions.append(
            lsp.CodeAction(
                title=title,
                kind=lsp.CodeActionKind.QuickFix,
                diagnostics=[shown],
                is_preferred=True,
                edit=lsp.WorkspaceEdit(changes={uri: [lsp.TextEdit(to_range(Span(path, a, b)), new)]}),
            )
        )
    f = analysis.files.get(path)
    if f is not None:
        for d in f.declarations:
            if isinstance(d, ast.Provision) and d.text is None and d.span.start <= end and d.span.end >= start:
                actions.append(_add_text(d, path, uri, text, lang, to_range))
    skeleton = _skeleton(analysis, path, uri, text, start, lang, to_range)
    if skeleton is not None:
        actions.append(skeleton)
    return actions


def _add_text(p: ast.Provision, path: str, uri: str, text: str, lang: str, to_range: ToRange) -> lsp.CodeAction:
    """Insert `teks "…"` after the citation (or after the opening brace)."""
    spans = dict(p.field_spans)
    after = spans.get("cites_field")
    at = after.end if after is not None else text.find("{", p.id.span.end, p.span.end) + 1
    line_start = text.rfind("\n", 0, p.span.start) + 1
    indent = " " * (p.span.start - line_start) + "  "
    keyword = Text("teks", "text").get(lang)  # the keyword in the language of the file
    insert = f'\n{indent}{keyword} "…"'
    title = Text("tambahkan `teks` (bunyi pasal)", "add the statutory `text`").get(lang)
    return lsp.CodeAction(
        title=title,
        kind=lsp.CodeActionKind.QuickFix,
        edit=lsp.WorkspaceEdit(changes={uri: [lsp.TextEdit(to_range(Span(path, at, at)), insert)]}),
    )


def _skeleton(
    analysis: Analysis, path: str, uri: str, text: str, offset: int, lang: str, to_range: ToRange
) -> lsp.CodeAction | None:
    """On a line that holds only a citation (`PP_94_2021 pasal 5 huruf n angka 8`, perhaps in a
    comment), offer to write the provision it cites."""
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line_end = len(text) if line_end == -1 else line_end
    if line_end - line_start > 300:
        return None
    m = _CITATION_LINE.match(text[line_start:line_end])
    if m is None:
        return None
    indent, instrument, parts = m.group(1), m.group(2), m.group(3).split()
    values = [v.strip("()") for v in parts[1::2]]
    prefix = _id_prefix(analysis, instrument)
    pieces = []
    for kind, value in zip(parts[::2], values, strict=True):
        pieces.append(f"pasal{value}" if kind in {"pasal", "article"} else value)
    pid = ".".join([prefix, *pieces])
    words = [
        Text(id_word, en_word).get(lang)  # keywords in the language of the file
        for id_word, en_word in zip(
            ("ketentuan", "rujukan", "teks", "untuk", "jika", "maka"),
            ("provision", "cites", "text", "applies_to", "if", "then"),
            strict=True,
        )
    ]
    citation = " ".join([instrument, *parts])
    body = (
        f"{indent}{words[0]} {pid} {{\n"
        f"{indent}  {words[1]} {citation}\n"
        f'{indent}  {words[2]} "…"\n'
        f"{indent}  {words[3]} PNS\n"
        f"{indent}  # {words[4]} …\n"
        f"{indent}  # {words[5]} …\n"
        f"{indent}}}"
    )
    title = Text(f"tulis ketentuan untuk {citation}", f"write the provision for {citation}").get(lang)
    return lsp.CodeAction(
        title=title,
        kind=lsp.CodeActionKind.RefactorRewrite,
        edit=lsp.WorkspaceEdit(changes={uri: [lsp.TextEdit(to_range(Span(path, line_start, line_end)), body)]}),
    )


def _id_prefix(analysis: Analysis, instrument: str) -> str:
    """The first segment most provisions citing this instrument use (`pp94`), else its name in lower case."""
    seen: Counter[str] = Counter()
    for occs in analysis.index.by_file.values():
        for occ in occs:
            node = occ.node
            if occ.declaration and isinstance(node, ast.Provision) and node.citation is not None:
                seen[node.id.name.split(".")[0]] += node.citation.instrument.name == instrument
    best = seen.most_common(1)
    return best[0][0] if best and best[0][1] > 0 else instrument.lower()

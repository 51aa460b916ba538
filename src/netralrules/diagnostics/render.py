"""Diagnostics → text, in the chosen language. Takes the sources so it can show the offending line."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

from netralrules.diagnostics import Diagnostic, Label, Text
from netralrules.source import SourceFile, Span, printable, printable_column

_MAX_LINE = 120

_WORDS: dict[str, Text] = {
    "error": Text("error", "error"),
    "warning": Text("warning", "warning"),
    "suggestion": Text("saran", "suggestion"),
    "errors": Text("kesalahan", "error(s)"),
    "warnings": Text("peringatan", "warning(s)"),
    "clean": Text("tidak ada masalah", "no problems"),
    "files": Text("berkas", "file(s)"),
}


def render(diagnostic: Diagnostic, sources: Mapping[str, SourceFile], lang: str = "id") -> str:
    """One diagnostic as the block a user reads: header, location, the line, the caret, a suggestion.
    Control characters from the rules file are escaped (`source.printable`)."""
    return printable(_render(diagnostic, sources, lang))


def _render(diagnostic: Diagnostic, sources: Mapping[str, SourceFile], lang: str) -> str:
    words = {key: text.get(lang) for key, text in _WORDS.items()}
    d = diagnostic
    spans = [(d.span, d.label, "^", True)] + [(lb.span, lb.text, "-", lb.span.file != d.span.file) for lb in d.extra]
    # One gutter for the whole block, as wide as its largest line number, so every `|` lines up.
    width = max([len(str(_line_of(s, sources))) for s, *_ in spans] + [1])
    lines = [f"{words[d.severity.value]}[{d.code}]: {d.message.get(lang)}"]
    for span, label, mark, header in spans:
        lines.extend(_snippet(span, label, sources, lang, mark, header, width))
    if d.suggestion is not None and d.suggestion.get(lang):
        lines.append(f"{' ' * width} = {words['suggestion']}: {d.suggestion.get(lang)}")
    return "\n".join(lines)


def _line_of(span: Span, sources: Mapping[str, SourceFile]) -> int:
    source = sources.get(span.file)
    return source.position(span.start).line if source else 0


def _snippet(
    span: Span, label: Text | None, sources: Mapping[str, SourceFile], lang: str, mark: str, header: bool, width: int
) -> list[str]:
    pad = " " * width
    source = sources.get(span.file)
    if source is None:
        return [f"{pad}--> {span.file}"] if header else []
    pos = source.position(span.start)
    out = [f"{pad}--> {span.file}:{pos.line}:{pos.column}"] if header else []
    line_text = printable_column(source.line_text(pos.line)).replace("\t", " ")
    start_col = pos.column - 1
    width_marks = max(1, min(span.end - span.start, len(line_text) - start_col))
    # Long lines (a 100,000-character name) are shown as a window around the problem.
    if len(line_text) > _MAX_LINE:
        offset = max(0, start_col - 20)
        window = line_text[offset : offset + _MAX_LINE]
        prefix = "…" if offset else ""
        suffix = "…" if offset + _MAX_LINE < len(line_text) else ""
        line_text = prefix + window + suffix
        start_col = start_col - offset + len(prefix)
        width_marks = max(1, min(width_marks, len(window) - (start_col - len(prefix))))
    out.append(f"{pad} |")
    out.append(f"{str(pos.line).rjust(width)} | {line_text}")
    caret = " " * start_col + mark * width_marks
    if label is not None:
        caret += " " + label.get(lang)
    out.append(f"{pad} | {caret}")
    return out


def render_all(diagnostics: Iterable[Diagnostic], sources: Mapping[str, SourceFile], lang: str = "id") -> str:
    """Every diagnostic, then a summary line."""
    diagnostics = list(diagnostics)
    words = {key: text.get(lang) for key, text in _WORDS.items()}
    blocks = [render(d, sources, lang) for d in diagnostics]
    errors = sum(1 for d in diagnostics if d.is_error)
    warnings = len(diagnostics) - errors
    summary = f"{errors} {words['errors']}, {warnings} {words['warnings']}" if diagnostics else words["clean"]
    return "\n\n".join([*blocks, summary]) + "\n"


def to_json(diagnostics: Iterable[Diagnostic], sources: Mapping[str, SourceFile], lang: str = "id") -> str:
    """Diagnostics as JSON, for editors and other tools."""
    out = []
    for d in diagnostics:
        source = sources.get(d.span.file)
        start = source.position(d.span.start) if source else None
        end = source.position(d.span.end) if source else None
        out.append(
            {
                "code": d.code,
                "severity": d.severity.value,
                "file": d.span.file,
                "line": start.line if start else None,
                "column": start.column if start else None,
                "end_line": end.line if end else None,
                "end_column": end.column if end else None,
                "message": d.message.get(lang),
                "label": d.label.get(lang) if d.label else None,
                "suggestion": d.suggestion.get(lang) if d.suggestion else None,
                "related": [_label_json(label, sources, lang) for label in d.extra],
            }
        )
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"


def _label_json(label: Label, sources: Mapping[str, SourceFile], lang: str) -> dict[str, object]:
    source = sources.get(label.span.file)
    pos = source.position(label.span.start) if source else None
    return {
        "file": label.span.file,
        "line": pos.line if pos else None,
        "column": pos.column if pos else None,
        "message": label.text.get(lang),
    }

"""Diagnostics are data: a code, a severity, a span, a message in Indonesian and English, labels
and an optional suggestion. Rendering them as text is `render.py`'s job."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from netralrules.diagnostics.messages import CATALOG
from netralrules.diagnostics.text import LANGS as LANGS
from netralrules.diagnostics.text import Lang as Lang
from netralrules.diagnostics.text import Text as Text
from netralrules.diagnostics.text import UnknownLanguageError as UnknownLanguageError
from netralrules.diagnostics.text import check_lang as check_lang
from netralrules.source import Span


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Label:
    """A secondary marker: a span and what to say under it."""

    span: Span
    text: Text


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem found in a rules file."""

    code: str
    severity: Severity
    span: Span
    message: Text
    label: Text | None = None
    extra: tuple[Label, ...] = ()
    suggestion: Text | None = None

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def shorten(value: str, limit: int = 60) -> str:
    """Keep messages readable when the offending text is huge (an identifier of 100,000 chars)."""
    value = value.replace("\n", "\\n")
    return value if len(value) <= limit else value[: limit - 1] + "…"


# Arguments built by the engine itself (lists of valid values, reasons) are shown whole; the rest
# comes from the user's file and is shortened.
_WHOLE = {"options", "expected", "expected_en", "cycle", "reason", "reason_en", "hint", "hint_en"}


def _fill(template: str, args: dict[str, Any]) -> str:
    return template.format(**{k: shorten(v, 80) if isinstance(v, str) and k not in _WHOLE else v for k, v in args.items()})


def make(
    code: str,
    span: Span,
    *,
    label: str | None = None,
    suggestion: str | None = None,
    extra: tuple[Label, ...] = (),
    **args: Any,
) -> Diagnostic:
    """Build a diagnostic from the catalog: `label` and `suggestion` name templates of that code."""
    entry = CATALOG[code]
    message = entry.message.map(lambda tpl: _fill(tpl, args))
    label_text = None if label is None else entry.labels[label].map(lambda tpl: _fill(tpl, args))
    suggestion_text = None if suggestion is None else entry.suggestions[suggestion].map(lambda tpl: _fill(tpl, args))
    severity = Severity.WARNING if code.startswith("W") else Severity.ERROR
    return Diagnostic(code, severity, span, message, label_text, extra, suggestion_text)


def sort_key(d: Diagnostic) -> tuple[str, int, int, str]:
    return (d.span.file, d.span.start, d.span.end, d.code)


class NetralrulesError(Exception):
    """Raised by the public API when a stage cannot go on; carries the diagnostics."""

    def __init__(self, diagnostics: tuple[Diagnostic, ...]) -> None:
        self.diagnostics = diagnostics
        first = diagnostics[0].message.en if diagnostics else "error"
        super().__init__(f"{len(diagnostics)} problem(s); first: {first}")

"""Diagnostics are data: a code, a severity, a span, a message in Indonesian and English, labels
and an optional suggestion. Rendering them as text is `render.py`'s job."""

from __future__ import annotations

import enum
from collections.abc import Sequence
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
_WHOLE = {
    "options",
    "expected",
    "expected_en",
    "cycle",
    "reason",
    "reason_en",
    "hint",
    "hint_en",
    "line",
    "periods",
    "stages",
    "elections",
    "elections_en",
}


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
    """The root of every error netralrules raises on purpose: `except NetralrulesError` catches a
    broken rulebook (`RulebookError`), bad incident data (`facts.IncidentError`) and a bad
    explanation request (`RequestError`), and nothing else (anything else is a bug).

    Each carries every problem found, never just the first, and their stable codes (`codes`, the
    first as `code`; the codes are documented in `docs/errors/` and `docs/incident.md`). Rulebook
    and request errors carry them as `diagnostics` (render them with `diagnostics.render`); an
    incident error as `problems` (`facts.IncidentProblem`, with JSON paths) and no diagnostics.
    """

    def __init__(self, diagnostics: Sequence[Diagnostic] = (), *, message: str | None = None) -> None:
        self.diagnostics: tuple[Diagnostic, ...] = tuple(diagnostics)
        if message is None:
            first = self.diagnostics[0].message.en if self.diagnostics else "error"
            message = f"{len(self.diagnostics)} problem(s); first: {first}"
        super().__init__(message)

    @property
    def codes(self) -> tuple[str, ...]:
        """The code of every problem, in order (E0204, E0501, E0404, …)."""
        return tuple(d.code for d in self.diagnostics)

    @property
    def code(self) -> str | None:
        """The code of the first problem (None if there is none)."""
        return self.codes[0] if self.codes else None

    def __reduce__(self) -> tuple[Any, ...]:
        # Whole across processes (batch workers): rebuilt from its state, not from its message.
        return (_restore_error, (type(self), self.args, self.__dict__.copy()))


def _restore_error(cls: type[NetralrulesError], args: tuple[Any, ...], state: dict[str, Any]) -> NetralrulesError:
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


class RulebookError(NetralrulesError):
    """The rules files cannot be loaded: read, parse or check errors (E00xx–E03xx), every one of
    them as a diagnostic."""


class RequestError(NetralrulesError):
    """An explanation request the rulebook or the incident cannot answer: a `why_not` provision id
    the rulebook does not have (E0501), a `what_if` fact change that cannot be made (E0502–E0506).
    The rulebook and the incident are fine; the caller asked for something else."""

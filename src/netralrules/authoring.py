"""Authoring: rules files, folders or text → diagnostics and canonical text (parse + check, or
parse + format). These work on paths that do not load as a rulebook, so an author, the editor
support and the hand-in command get every diagnostic of a broken folder; `Rulebook.check` and
`Rulebook.format` use them for a loaded rulebook."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from netralrules.checker import CheckedRulebook, check
from netralrules.diagnostics import Diagnostic, sort_key
from netralrules.facts.schema import DEFAULT_SCHEMA, FactSchema
from netralrules.resources import default_rulebook_path
from netralrules.source import SourceFile
from netralrules.syntax.formatter import format_file
from netralrules.syntax.loader import LoadResult, add_used_instruments, load, load_text


@dataclass(frozen=True)
class CheckReport:
    """Everything `netralrules check` knows: the sources, the diagnostics, and the rulebook (None
    if there were errors)."""

    sources: dict[str, SourceFile]
    diagnostics: tuple[Diagnostic, ...]
    rulebook: CheckedRulebook | None
    root: Path | None = None  # the rulebook root the files were read under (syntax.loader.rulebook_root)

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)


def _check_loaded(loaded: LoadResult, schema: FactSchema) -> CheckReport:
    if not loaded.ok:
        # Meaning is checked once the text parses: a half-parsed file would only add noise.
        return CheckReport(loaded.sources, tuple(sorted(loaded.diagnostics, key=sort_key)), None, loaded.root)
    result = check(loaded.files, schema, context=loaded.context)
    diagnostics = tuple(sorted(loaded.diagnostics + result.diagnostics, key=sort_key))
    return CheckReport(loaded.sources, diagnostics, result.rulebook, loaded.root)


def check_paths(paths: Iterable[str | Path] | None = None, schema: FactSchema = DEFAULT_SCHEMA) -> CheckReport:
    """Read, parse and check rules files (folders are searched for `*.nr`); default: the bundled rulebook."""
    chosen = list(paths) if paths is not None else [default_rulebook_path()]
    return _check_loaded(add_used_instruments(load(chosen)), schema)


def check_text(text: str, path: str = "<teks>", schema: FactSchema = DEFAULT_SCHEMA) -> CheckReport:
    """Parse and check rules given as a string."""
    return _check_loaded(load_text(text, path), schema)


@dataclass(frozen=True)
class FormatResult:
    """The canonical text of one file, or the diagnostics that stopped formatting it."""

    source: SourceFile | None
    formatted: str | None
    diagnostics: tuple[Diagnostic, ...]

    @property
    def changed(self) -> bool:
        return self.source is not None and self.formatted is not None and self.formatted != self.source.text


def format_text(text: str, path: str = "<teks>", lang: str = "id") -> FormatResult:
    """Format rules given as a string. Text with syntax errors is not formatted."""
    loaded = load_text(text, path)
    source = loaded.sources.get(path)
    if not loaded.ok or not loaded.files:
        return FormatResult(source, None, loaded.diagnostics)
    return FormatResult(source, format_file(loaded.files[0], source.text if source else None, lang), loaded.diagnostics)


def format_paths(paths: Iterable[str | Path], lang: str = "id") -> list[FormatResult]:
    """Format every rules file under `paths` (nothing is written; the caller decides)."""
    loaded = load(paths)
    by_path = {f.path: f for f in loaded.files}
    results = []
    problems: dict[str, list[Diagnostic]] = {}
    for d in loaded.diagnostics:
        problems.setdefault(d.span.file, []).append(d)
    for path in sorted(set(loaded.sources) | set(problems)):
        source = loaded.sources.get(path)
        errs = tuple(d for d in problems.get(path, []) if d.is_error)
        if errs or source is None or path not in by_path:
            results.append(FormatResult(source, None, tuple(problems.get(path, []))))
            continue
        results.append(FormatResult(source, format_file(by_path[path], source.text, lang), ()))
    return results

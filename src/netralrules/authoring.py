"""Authoring: rules files, folders or text → diagnostics and canonical text (parse + check, or
parse + format). These work on paths that do not load as a rulebook, so an author, the editor
support and the hand-in command get every diagnostic of a broken folder; `Rulebook.check` and
`Rulebook.format` use them for a loaded rulebook."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from netralrules.checker import CheckedRulebook, check
from netralrules.diagnostics import Diagnostic, make, sort_key
from netralrules.facts.schema import DEFAULT_SCHEMA, FactSchema
from netralrules.resources import default_rulebook_path
from netralrules.source import SourceFile
from netralrules.syntax.formatter import format_file
from netralrules.syntax.loader import (
    RULES_SUFFIX,
    LoadResult,
    add_used_instruments,
    display_path,
    instrument_files,
    load,
    load_text,
)


@dataclass(frozen=True)
class CheckReport:
    """Everything `netralrules check` knows: the sources, the diagnostics, and the rulebook (None
    if there were errors)."""

    sources: dict[str, SourceFile]
    diagnostics: tuple[Diagnostic, ...]
    rulebook: CheckedRulebook | None
    root: Path | None = None  # the rulebook root the files were read under (syntax.loader.rulebook_root)
    # The other files of a given file's folder, read with it (check_paths with `folder=True`).
    folder_files: tuple[str, ...] = ()

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


def check_paths(
    paths: Iterable[str | Path] | None = None, schema: FactSchema = DEFAULT_SCHEMA, *, folder: bool = False
) -> CheckReport:
    """Read, parse and check rules files (folders are searched for `*.nr`); default: the bundled rulebook.

    With `folder`, a file is checked in the context of its folder (what `netralrules check FILE`
    does): the other rules files of its folder are read and checked with it, so the instrument its
    folder declares in `instrumen.nr` is known, as it is when the whole rulebook is checked; their
    warnings are not shown. Without it, a file is checked alone, and an instrument it cites that
    another file of its folder (or of the bundled rulebook) declares is pointed to, never suggested
    for declaring again (which would be a duplicate, E0202)."""
    chosen = list(paths) if paths is not None else [default_rulebook_path()]
    siblings = _folder_files(chosen) if folder else []
    if not siblings:
        report = _check_loaded(add_used_instruments(load(chosen)), schema)
        return report if folder else _point_to_declarations(report, chosen)
    loaded = add_used_instruments(load([*chosen, *siblings]))
    others = {p.resolve() for p in siblings}
    asked = tuple(f for f in loaded.files if Path(f.path).resolve() not in others)
    lent = tuple(f for f in loaded.files if Path(f.path).resolve() in others)
    split = LoadResult(loaded.sources, asked, loaded.diagnostics, root=loaded.root, context=lent + loaded.context)
    return replace(_check_loaded(split, schema), folder_files=tuple(display_path(p) for p in siblings))


def _folder_files(chosen: Iterable[str | Path]) -> list[Path]:
    """The rules files beside the files given, in their folders, that were not given themselves
    (neither by name nor inside a folder given)."""
    given = [Path(p) for p in chosen]
    folders = [p.resolve() for p in given if p.is_dir()]
    named = {p.resolve() for p in given if p.is_file()}
    out: set[Path] = set()
    for path in given:
        if not path.is_file():
            continue
        for other in path.parent.glob(f"*{RULES_SUFFIX}"):
            real = other.resolve()
            if other.is_file() and real not in named and not any(f == real.parent or f in real.parents for f in folders):
                out.add(other)
    return sorted(out)


def _point_to_declarations(report: CheckReport, chosen: Iterable[str | Path]) -> CheckReport:
    """E0201 for a file checked alone: when another file of its folder, or of the bundled rulebook,
    declares the instrument, say where, rather than suggest declaring it again."""
    unknown = [d for d in report.diagnostics if d.code == "E0201" and d.span.file in report.sources]
    if not unknown:
        return report
    declared: dict[str, Path] | None = None
    out: list[Diagnostic] = []
    for d in report.diagnostics:
        if d not in unknown:
            out.append(d)
            continue
        if declared is None:
            folders = {Path(p).parent for p in chosen if Path(p).is_file()}
            candidates = sorted(p for f in folders for p in f.glob(f"*{RULES_SUFFIX}"))
            bundled = default_rulebook_path()
            if report.root is not None and report.root.resolve() == bundled.resolve():
                candidates += sorted(bundled.rglob(f"*{RULES_SUFFIX}"))
            declared = instrument_files(candidates)
        name = report.sources[d.span.file].text[d.span.start : d.span.end]
        home = declared.get(name)
        if home is None or home.resolve() == Path(d.span.file).resolve():
            out.append(d)
            continue
        pointer = make("E0201", d.span, suggestion="elsewhere", name=name, file=display_path(home), path=d.span.file)
        out.append(replace(d, suggestion=pointer.suggestion))
    return replace(report, diagnostics=tuple(out))


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

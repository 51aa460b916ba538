"""Reading rules files: paths → decoded sources, then parsed files. Every failure is a diagnostic.

A rules file is data. It is read as text, size-limited, and never imported or executed.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from netralrules.diagnostics import Diagnostic, make
from netralrules.resources import default_rulebook_path
from netralrules.source import SourceFile, Span
from netralrules.syntax import ast
from netralrules.syntax.keywords import BY_TERMINAL

RULES_SUFFIX = ".nr"
MAX_FILE_BYTES = 2 * 1024 * 1024
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MAX_CONTROL_REPORTS = 5
# A carriage return not followed by a newline ends a line (old Mac files). Read as a newline (same
# length, so offsets hold); otherwise the first `#` comment would swallow the rest of the file.
_LONE_CR = re.compile(r"\r(?!\n)")


@dataclass(frozen=True)
class LoadResult:
    """The sources read (for rendering messages), the files parsed, and what went wrong."""

    sources: dict[str, SourceFile]
    files: tuple[ast.RulesFile, ...]
    diagnostics: tuple[Diagnostic, ...]
    root: Path | None = None  # the rulebook root (`rulebook_root`); None for text
    # Files not asked for, read for a `pakai` (see `add_used_instruments`): only their instruments,
    # definitions and sanction tables.
    context: tuple[ast.RulesFile, ...] = ()

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)


def display_path(path: Path) -> str:
    """The path as messages show it: relative to the working directory when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path.as_posix()
    return Path(rel).as_posix() if not rel.startswith("..") else path.as_posix()


def rulebook_root(paths: Iterable[str | Path]) -> Path:
    """The rulebook root of a load: the folder given, or the folder of the file given; for several
    paths, their deepest common folder; and when that lies inside the bundled rulebook, the bundled
    rulebook's folder (so that one instrument folder of it is checked in the context of the rest).
    It is the one boundary of a rulebook: no file read for it, through a link or otherwise, may lie
    outside it (E0006), and `pakai` finds the folders of other instruments in it. Defined here and
    nowhere else."""
    folders = []
    for raw in paths:
        path = Path(os.path.abspath(raw))  # not resolved: a link given by name stays where it is named
        folders.append(path if path.is_dir() else path.parent)
    if not folders:
        return Path.cwd().resolve()
    common = Path(os.path.commonpath([str(f) for f in folders])).resolve()
    bundled = default_rulebook_path().resolve()
    return bundled if common == bundled or bundled in common.parents else common


def inside(root: Path, path: Path) -> bool:
    """Whether `path`, with every link followed, lies inside `root` (resolved)."""
    try:
        path.resolve().relative_to(root)
    except (ValueError, OSError, RuntimeError):  # elsewhere, unreadable, or a loop of links
        return False
    return True


def discover(paths: Iterable[str | Path], root: Path | None = None) -> tuple[list[Path], list[Diagnostic]]:
    """Expand folders into their `*.nr` files (sorted, so every run reads in the same order). A file
    that leads outside the rulebook `root` (by a link) is refused with E0006, not read."""
    found: list[Path] = []
    diagnostics: list[Diagnostic] = []
    chosen = [Path(raw) for raw in paths]
    boundary = root if root is not None else rulebook_root(chosen)
    for path in chosen:
        shown = display_path(path)
        if path.is_dir():
            files = sorted(p for p in path.rglob(f"*{RULES_SUFFIX}") if p.is_file())
            if not files:
                diagnostics.append(make("E0005", Span(shown, 0, 0), suggestion="ext", path=shown))
            for file in files:
                if inside(boundary, file):
                    found.append(file)
                else:
                    diagnostics.append(_outside(file, boundary))
        elif path.is_file():
            if inside(boundary, path):
                found.append(path)
            else:
                diagnostics.append(_outside(path, boundary))
        else:
            diagnostics.append(
                make("E0001", Span(shown, 0, 0), suggestion="path", path=shown, reason="tidak ditemukan", reason_en="not found")
            )
    return found, diagnostics


def _outside(path: Path, root: Path) -> Diagnostic:
    shown = display_path(path)
    return make("E0006", Span(shown, 0, 0), suggestion="copy", path=shown, root=display_path(root))


def read_source(path: Path) -> tuple[SourceFile | None, list[Diagnostic]]:
    """Read and decode one file, refusing what is not plain UTF-8 text of a sane size."""
    shown = display_path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [make("E0003", Span(shown, 0, 0), suggestion="split", size=size, limit=MAX_FILE_BYTES)]
        data = path.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        return None, [make("E0001", Span(shown, 0, 0), suggestion="path", path=shown, reason=reason, reason_en=reason)]
    return decode_source(shown, data)


def decode_source(shown: str, data: bytes) -> tuple[SourceFile | None, list[Diagnostic]]:
    """Decode bytes as a rules file. On failure the returned source is for showing messages only."""
    if len(data) > MAX_FILE_BYTES:
        return None, [make("E0003", Span(shown, 0, 0), suggestion="split", size=len(data), limit=MAX_FILE_BYTES)]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        prefix = data[: error.start].decode("utf-8", errors="replace")
        shown_text = data.decode("utf-8", errors="replace")
        offset = len(prefix)
        return SourceFile(shown, shown_text), [
            make("E0002", Span(shown, offset, offset + 1), label="here", suggestion="save", offset=error.start + 1)
        ]
    text = _LONE_CR.sub("\n", text.removeprefix("\ufeff"))
    diagnostics = [
        make("E0004", Span(shown, m.start(), m.start() + 1), label="here", suggestion="remove", codepoint=ord(m.group()))
        for m in list(_CONTROL.finditer(text))[:_MAX_CONTROL_REPORTS]
    ]
    source = SourceFile(shown, _CONTROL.sub(" ", text) if diagnostics else text)
    return source, diagnostics


def _parse(source: SourceFile) -> tuple[ast.RulesFile, tuple[Diagnostic, ...]]:
    from netralrules.syntax.parser import parse_source  # lark loads when a file is parsed, not before

    return parse_source(source)


def load(paths: Iterable[str | Path]) -> LoadResult:
    """Read and parse every rules file under `paths`, inside their rulebook root."""
    chosen = list(paths)
    root = rulebook_root(chosen)
    found, diagnostics = discover(chosen, root)
    sources: dict[str, SourceFile] = {}
    files: list[ast.RulesFile] = []
    for path in found:
        source, problems = read_source(path)
        diagnostics.extend(problems)
        if source is None:
            continue
        sources[source.path] = source
        if problems:
            continue
        parsed, syntax = _parse(source)
        diagnostics.extend(syntax)
        files.append(parsed)
    return LoadResult(sources, tuple(files), tuple(diagnostics), root)


def load_text(text: str, path: str = "<teks>") -> LoadResult:
    """Parse rules given as a string (for tests, editors and the API)."""
    source, problems = decode_source(path, text.encode("utf-8", errors="surrogatepass"))
    if source is None or problems:
        return LoadResult({path: source} if source else {}, (), tuple(problems))
    parsed, syntax = _parse(source)
    return LoadResult({path: source}, (parsed,), syntax)


# What another instrument's folder lends: the instrument itself, its definitions, and its sanction
# tables (a tier `menurut` that instrument names its sanction types). Never its provisions.
_USABLE = (ast.Instrument, ast.Definition, ast.SanctionTable)
_INSTRUMENT_LINE = re.compile(
    r"^[ \t]*(?:" + "|".join(BY_TERMINAL["KW_INSTRUMENT"].words) + r")[ \t]+([A-Za-z_][A-Za-z0-9_]*)", re.MULTILINE
)


def add_used_instruments(loaded: LoadResult, root: str | Path | None = None) -> LoadResult:
    """Read what the `pakai` lines of the loaded files need and the files do not declare.

    A file inside the bundled rulebook (whose folders are their own rulebook root, `rulebook_root`),
    or inside `root` when given, may name, in `pakai … dari X`,
    an instrument whose folder was not given (`netralrules check rules/uu10_2016`). The folder in
    the root that declares `X` is then read too, and its instruments, definitions and sanction
    tables (not its provisions) join the check as context, and so on for their own `pakai` lines. A
    file outside the root gets nothing added: the checker then says which folder to include."""
    files = list(loaded.files)
    declared = {d.id.name for f in files for d in f.declarations if isinstance(d, ast.Instrument)}
    if all(u.instrument.name in declared for f in files for u in f.uses):
        return loaded  # the usual case, the whole rulebook: no need to look at the disk
    base = Path(root if root is not None else default_rulebook_path()).resolve()
    read = {Path(f.path).resolve() for f in files}
    sources = dict(loaded.sources)
    diagnostics = list(loaded.diagnostics)
    context: list[ast.RulesFile] = []
    folders: dict[str, Path] | None = None
    pending = [f for f in files if _inside(Path(f.path).resolve(), base)]
    while pending:
        wanted = sorted({u.instrument.name for f in pending for u in f.uses} - declared)
        pending = []
        if not wanted:
            break
        if folders is None:
            folders = _instrument_folders(base)
        for name in wanted:
            declared.add(name)  # asked for once, found or not
            home = folders.get(name)
            if home is None:
                continue
            for path in sorted(p for p in home.glob(f"*{RULES_SUFFIX}") if p.is_file()):
                if path.resolve() in read:
                    continue
                read.add(path.resolve())
                source, problems = read_source(path)
                diagnostics.extend(problems)
                if source is None or problems:
                    continue
                sources[source.path] = source
                parsed, syntax = _parse(source)
                diagnostics.extend(syntax)
                kept = tuple(d for d in parsed.declarations if isinstance(d, _USABLE))
                part = ast.RulesFile(path=parsed.path, declarations=kept, uses=parsed.uses, comments=parsed.comments)
                declared.update(d.id.name for d in kept if isinstance(d, ast.Instrument))
                context.append(part)
                pending.append(part)
    if not context:
        return loaded
    return LoadResult(sources, loaded.files, tuple(diagnostics), root=loaded.root, context=loaded.context + tuple(context))


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _instrument_folders(root: Path) -> dict[str, Path]:
    """Which folder of the rulebook declares each instrument, from a quick look at the text (the
    files of the folder found are parsed properly afterwards)."""
    return {name: path.parent for name, path in instrument_files(sorted(root.rglob(f"*{RULES_SUFFIX}"))).items()}


def instrument_files(paths: Iterable[Path]) -> dict[str, Path]:
    """Which of `paths` declares each instrument, from a quick look at the text (the first wins)."""
    out: dict[str, Path] = {}
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8", errors="replace") if path.stat().st_size <= MAX_FILE_BYTES else ""
        except OSError:
            continue
        for match in _INSTRUMENT_LINE.finditer(text):
            out.setdefault(match.group(1), path)
    return out

"""A rulebook folder as the editor holds it: the files on disk, overlaid by the open documents →
sources, parsed files, diagnostics per file, the checked rulebook and a name index.

Incremental where it pays: each file is parsed once per version of its text (open documents by
their text, files on disk by size and modification time), so an edit re-parses only the edited
file; the checker then runs over the whole folder, because a change to one file (a provision
removed, an instrument renamed) can change what the others mean. Meaning is checked once every file
parses, as `netralrules check` does (`authoring.check_paths`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields, is_dataclass
from pathlib import Path

from netralrules.authoring import CheckReport
from netralrules.checker import CheckedRulebook, check
from netralrules.diagnostics import Diagnostic, make, sort_key
from netralrules.facts.schema import DEFAULT_SCHEMA, FactSchema
from netralrules.source import SourceFile, Span
from netralrules.syntax import ast, parse_source
from netralrules.syntax.loader import MAX_FILE_BYTES, RULES_SUFFIX, decode_source, discover, inside

# Folders that mark the top of a project: the rulebook root is never looked for above them.
_PROJECT_MARKERS = (".git", "pyproject.toml", ".hg", ".netralrules")
_CASES = "cases"
_MAX_CLIMB = 8


def find_root(file: Path, workspace: Iterable[Path] = (), configured: Iterable[Path] = ()) -> Path:
    """The rulebook folder a rules file belongs to.

    A configured root that holds the file wins. Otherwise the nearest folder above the file with a
    `cases/` folder of YAML rule cases (the bundled `rules/` has one), looking no higher than the
    workspace folder or a project marker (`.git`, `pyproject.toml`). Otherwise, inside a workspace
    folder, the file's folder widened upwards while the parent holds other rules files; outside
    any workspace folder, the file's own folder."""
    file = Path(os.path.abspath(file))
    for root in sorted((Path(os.path.abspath(r)) for r in configured), key=lambda p: -len(p.parts)):
        if file.is_relative_to(root):
            return root
    tops = [Path(os.path.abspath(w)) for w in workspace if file.is_relative_to(os.path.abspath(w))]
    top = max(tops, key=lambda p: len(p.parts)) if tops else None
    probe = file.parent
    for _ in range(_MAX_CLIMB):
        if _has_cases(probe / _CASES):
            return probe
        if probe == top or _is_project(probe) or probe.parent == probe:
            break
        probe = probe.parent
    folder = file.parent
    if top is None:
        return folder
    while folder != top and not _is_project(folder.parent) and _has_other_rules(folder.parent, folder):
        folder = folder.parent
    return folder


def _has_cases(folder: Path) -> bool:
    """A folder of YAML rule cases (`tests/golden/cases/`, a folder of rules files, is not one)."""
    if not folder.is_dir():
        return False
    return any(p.suffix in {".yaml", ".yml"} for p in folder.rglob("*.y*ml"))


def _is_project(folder: Path) -> bool:
    return any((folder / marker).exists() for marker in _PROJECT_MARKERS)


def _has_other_rules(parent: Path, child: Path) -> bool:
    try:
        entries = list(parent.iterdir())
    except OSError:
        return False
    for entry in entries:
        if entry == child or entry.name.startswith("."):
            continue
        if entry.is_file() and entry.suffix == RULES_SUFFIX:
            return True
        if entry.is_dir() and next(entry.rglob(f"*{RULES_SUFFIX}"), None) is not None:
            return True
    return False


@dataclass(frozen=True)
class Parsed:
    """One file at one version: its source (None if unreadable), its tree and its syntax problems."""

    key: object
    source: SourceFile | None
    file: ast.RulesFile | None
    diagnostics: tuple[Diagnostic, ...]


# ---- the index: declarations and references ------------------------------------------------


@dataclass(frozen=True)
class Occurrence:
    """A name in a file: a declaration or a use. `kind` is instrument, provision, definition,
    supervisor, gap, fact or name (a bare word: a definition, a quantified variable or a value)."""

    kind: str
    name: str
    span: Span
    declaration: bool = False
    node: object = field(default=None, compare=False)


@dataclass
class Index:
    """Every declaration and use of a name in the folder."""

    by_file: dict[str, list[Occurrence]] = field(default_factory=dict)
    declarations: dict[tuple[str, str], list[Occurrence]] = field(default_factory=dict)

    def at(self, path: str, offset: int) -> Occurrence | None:
        """The innermost name at an offset (a cursor just after a name counts)."""
        best: Occurrence | None = None
        for occ in self.by_file.get(path, ()):
            if occ.span.start <= offset <= occ.span.end and (
                best is None or occ.span.end - occ.span.start < best.span.end - best.span.start
            ):
                best = occ
        return best

    def declaration_of(self, occ: Occurrence) -> Occurrence | None:
        kind = "definition" if occ.kind == "name" else occ.kind
        found = self.declarations.get((kind, occ.name))
        return found[0] if found else None

    def uses(self, kind: str, name: str) -> list[Occurrence]:
        kinds = {kind, "name"} if kind == "definition" else {kind}
        return [o for occs in self.by_file.values() for o in occs if o.kind in kinds and o.name == name]

    def names(self, kind: str) -> list[str]:
        return sorted({name for k, name in self.declarations if k == kind})


def build_index(files: Iterable[ast.RulesFile], schema: FactSchema = DEFAULT_SCHEMA) -> Index:
    index = Index()
    for f in files:
        out: list[Occurrence] = []
        for decl in f.declarations:
            out.extend(_declaration_occurrences(decl, schema))
        out.sort(key=lambda o: (o.span.start, o.span.end))
        index.by_file[f.path] = out
        for occ in out:
            if occ.declaration:
                index.declarations.setdefault((occ.kind, occ.name), []).append(occ)
    return index


def _declaration_occurrences(decl: ast.Declaration, schema: FactSchema) -> Iterator[Occurrence]:
    match decl:
        case ast.Instrument():
            yield Occurrence("instrument", decl.id.name, decl.id.span, True, decl)
            if decl.repealed_by is not None:
                yield Occurrence("instrument", decl.repealed_by.name, decl.repealed_by.span)
        case ast.Provision():
            yield Occurrence("provision", decl.id.name, decl.id.span, True, decl)
            for ref in decl.excepts:
                yield Occurrence("provision", ref.name, ref.span)
            yield from _node_occurrences(decl, schema, frozenset())
        case ast.Definition():
            yield Occurrence("definition", decl.name.name, decl.name.span, True, decl)
            yield from _node_occurrences(decl.expr, schema, frozenset())
        case ast.SanctionTable():
            yield Occurrence("instrument", decl.instrument.name, decl.instrument.span)
            yield from _node_occurrences(decl, schema, frozenset())
        case ast.Supervisor():
            yield Occurrence("supervisor", decl.id.name, decl.id.span, True, decl)
        case ast.GapDeclaration():
            yield Occurrence("gap", decl.id, decl.id_span, True, decl)
        case ast.Procedure():
            # Named after its instrument: the name refers to the instrument, like a citation.
            yield Occurrence("instrument", decl.id.name, decl.id.span)
            yield from _node_occurrences(decl, schema, frozenset())
        case _:
            return


def _node_occurrences(node: object, schema: FactSchema, bound: frozenset[str]) -> Iterator[Occurrence]:
    """Citations and names anywhere under a node (provision fields, expressions)."""
    if isinstance(node, ast.Citation):
        yield Occurrence("instrument", node.instrument.name, node.instrument.span)
        return
    if isinstance(node, ast.Name):
        if node.parts[0] in bound:
            return
        if node.parts[0] in schema.roots:
            yield Occurrence("fact", node.dotted, node.span, node=node)
        elif len(node.parts) == 1:
            yield Occurrence("name", node.parts[0], node.span, node=node)
        return
    if isinstance(node, ast.Quantifier | ast.Count):
        yield from _node_occurrences(node.collection, schema, bound)
        if node.body is not None:
            yield from _node_occurrences(node.body, schema, bound | {node.var})
        return
    if isinstance(node, ast.Provision):
        children: list[object] = [node.citation, node.condition, node.outcome, node.sanctions]
    elif isinstance(node, tuple):
        children = list(node)
    elif is_dataclass(node) and not isinstance(node, type):
        children = [getattr(node, f.name) for f in fields(node) if f.name != "span"]
    else:
        return
    for child in children:
        if child is not None and (isinstance(child, tuple) or is_dataclass(child)):
            yield from _node_occurrences(child, schema, bound)


# ---- the folder ----------------------------------------------------------------------------


@dataclass
class Analysis:
    """The folder after one round of parse and check."""

    sources: dict[str, SourceFile]
    files: dict[str, ast.RulesFile]
    diagnostics: dict[str, tuple[Diagnostic, ...]]
    rulebook: CheckedRulebook | None
    root: Path | None
    _index: Index | None = None
    schema: FactSchema = DEFAULT_SCHEMA

    @property
    def index(self) -> Index:
        if self._index is None:
            self._index = build_index(self.files.values(), self.schema)
        return self._index

    def report(self) -> CheckReport:
        """As `authoring.check_paths` would report it (for `rulebook.from_report`)."""
        every = tuple(sorted((d for ds in self.diagnostics.values() for d in ds), key=sort_key))
        return CheckReport(self.sources, every, self.rulebook, self.root)


class Folder:
    """One rulebook folder (or one loose file when `root` is None) with the open documents laid
    over it. Keys are absolute paths; spans name files by them too."""

    def __init__(self, root: Path | None, schema: FactSchema = DEFAULT_SCHEMA) -> None:
        self.root = root
        self.schema = schema
        self.overlay: dict[str, str] = {}
        self._disk: list[str] | None = None
        self._discovery: list[Diagnostic] = []
        self._parsed: dict[str, Parsed] = {}
        self._last: Analysis | None = None
        self._last_key: tuple[object, ...] | None = None

    def rescan(self) -> None:
        """Forget the list of files on disk (a file was created, deleted or renamed)."""
        self._disk = None

    def paths(self) -> list[str]:
        if self._disk is None:
            if self.root is None:
                self._disk, self._discovery = [], []
            else:
                found, problems = discover([self.root], self.root)
                self._disk = [f.absolute().as_posix() for f in found]
                self._discovery = problems
        return sorted(set(self._disk) | set(self.overlay))

    def set_text(self, path: str, text: str | None) -> None:
        """Lay an open document over the disk (None: closed, read from disk again)."""
        if text is None:
            self.overlay.pop(path, None)
        else:
            self.overlay[path] = text

    def parse(self, path: str) -> Parsed:
        text = self.overlay.get(path)
        key: object
        if text is not None:
            key = ("text", text)
        else:
            try:
                stat = os.stat(path)
                key = ("disk", stat.st_size, stat.st_mtime_ns)
            except OSError:
                key = ("missing",)
        cached = self._parsed.get(path)
        if cached is not None and cached.key == key:
            return cached
        parsed = self._parse_fresh(path, text, key)
        self._parsed[path] = parsed
        return parsed

    def _parse_fresh(self, path: str, text: str | None, key: object) -> Parsed:
        if text is not None:
            data = text.encode("utf-8", errors="surrogatepass")
        else:
            try:
                size = os.stat(path).st_size
                if size > MAX_FILE_BYTES:  # not read at all: the loader's limit (E0003)
                    too_big = make("E0003", Span(path, 0, 0), suggestion="split", size=size, limit=MAX_FILE_BYTES)
                    return Parsed(key, None, None, (too_big,))
                data = Path(path).read_bytes()
            except OSError:
                return Parsed(key, None, None, ())
        source, problems = decode_source(path, data)
        if source is None or problems:
            return Parsed(key, source, None, tuple(problems))
        tree, syntax = parse_source(source)
        return Parsed(key, source, tree, syntax)

    def analyse(self) -> Analysis:
        """Parse what changed and check the folder. Cheap when nothing changed since the last call."""
        paths = self.paths()
        parsed = {p: self.parse(p) for p in paths}
        key = tuple((p, id(parsed[p])) for p in paths)
        if self._last is not None and self._last_key == key:
            return self._last
        sources = {p: r.source for p, r in parsed.items() if r.source is not None}
        files = {p: r.file for p, r in parsed.items() if r.file is not None}
        diagnostics: dict[str, list[Diagnostic]] = {p: list(r.diagnostics) for p, r in parsed.items()}
        for d in self._discovery:
            diagnostics.setdefault(d.span.file, []).append(d)
        rulebook = None
        if not any(d.is_error for ds in diagnostics.values() for d in ds):
            result = check(tuple(files[p] for p in paths if p in files), self.schema)
            rulebook = result.rulebook
            for d in result.diagnostics:
                diagnostics.setdefault(d.span.file, []).append(d)
        analysis = Analysis(
            sources,
            files,
            {p: tuple(sorted(ds, key=sort_key)) for p, ds in diagnostics.items()},
            rulebook,
            self.root,
            schema=self.schema,
        )
        self._last, self._last_key = analysis, key
        return analysis


def belongs(root: Path, path: str) -> bool:
    """Whether a file lies in a rulebook folder (links followed, as the loader does)."""
    return inside(root.resolve(), Path(path))

"""The language server over stdio (pygls): documents in, LSP answers out.

Each open document belongs to a rulebook folder (`analysis.find_root`); the folder is re-analysed
after every change and the diagnostics of every file of it that changed are sent. The words of
messages follow the language of each file's keywords, unless the client sets `language`.

Initialization options (all optional): `rulebookRoots` (folders that are rulebooks), `language`
(`auto`, `id` or `en`), `docsBase` (where `docs/errors/<CODE>.md` are linked from).
"""

from __future__ import annotations

import asyncio
import functools
import gc
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from netralrules import __version__
from netralrules.diagnostics import Diagnostic, Text
from netralrules.lsp import actions, features
from netralrules.lsp.analysis import Analysis, Folder, find_root
from netralrules.lsp.cases import CaseRunner, lens_title
from netralrules.lsp.positions import LineIndex
from netralrules.lsp.words import file_language
from netralrules.resources import default_rulebook_path
from netralrules.source import Span
from netralrules.syntax import ast

RUN_CASES = "netralrules.runCases"
_F = TypeVar("_F", bound=Callable[..., Any])


class NetralrulesServer(LanguageServer):
    """The rulebook folders the client has open, and what was last sent for each file."""

    def __init__(self) -> None:
        super().__init__("netralrules", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental)
        self.folders: dict[str, Folder] = {}
        self.loose: dict[str, Folder] = {}
        self.published: dict[str, tuple[Diagnostic, ...]] = {}
        self.runners: dict[str, CaseRunner] = {}
        self.configured: list[Path] = []
        self.workspace_roots: list[Path] = []
        self.language = "auto"
        docs = default_rulebook_path().parent / "docs" / "errors"
        self.docs_base: str | None = from_fs_path(str(docs)) if docs.is_dir() else None
        self._lines: dict[str, tuple[str, LineIndex]] = {}
        self.frozen: set[Folder] = set()
        self.folder_by_file: dict[str, Folder] = {}
        self.uris: dict[str, str] = {}  # path → the URI the client named it by
        self.pending: dict[Folder, set[str]] = {}
        self.flush_scheduled = False

    # ---- documents and folders ----------------------------------------------------------------

    def folder_of(self, path: str) -> Folder:
        """The rulebook folder of a file (found once per file; again after files change on disk)."""
        known = self.folder_by_file.get(path)
        if known is not None:
            return known
        root: Path | None = None
        if Path(path).is_absolute():  # a file; `untitled:…` documents stand alone
            try:
                root = find_root(Path(path), self.workspace_roots, self.configured)
            except OSError:
                root = None
        if root is None or not Path(path).is_relative_to(root) or not Path(path).parent.exists():
            folder = self.loose.setdefault(path, Folder(None))
        else:
            folder = self.folders.setdefault(root.as_posix(), Folder(root))
        self.folder_by_file[path] = folder
        return folder

    def uri_of(self, path: str) -> str:
        return self.uris.get(path) or from_fs_path(path) or path

    def text_of(self, path: str, analysis: Analysis | None = None) -> str:
        source = analysis.sources.get(path) if analysis is not None else None
        if source is not None:
            return source.text
        for folder in (*self.folders.values(), *self.loose.values()):
            if path in folder.overlay:
                return folder.overlay[path]
        return ""

    def lines(self, path: str, text: str) -> LineIndex:
        cached = self._lines.get(path)
        if cached is not None and cached[0] is text:
            return cached[1]
        index = LineIndex(text)
        self._lines[path] = (text, index)
        return index

    def lang_of(self, text: str) -> str:
        return self.language if self.language in {"id", "en"} else file_language(text)

    def to_range_for(self, path: str, text: str) -> Callable[[Span], lsp.Range]:
        index = self.lines(path, text)

        def to_range(span: Span) -> lsp.Range:
            return features.offset_range(index, span.start, span.end)

        return to_range

    # ---- diagnostics --------------------------------------------------------------------------

    def schedule(self, folder: Folder, edited: str) -> None:
        """Publish after the messages already read: a burst of keystrokes that arrived together is
        checked once, for its last state, not once per keystroke."""
        self.pending.setdefault(folder, set()).add(edited)
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no event loop (called directly): publish now
            self.flush()
            return
        if not self.flush_scheduled:
            self.flush_scheduled = True
            loop.call_soon(self.flush)

    def flush(self) -> None:
        self.flush_scheduled = False
        pending, self.pending = self.pending, {}
        for folder, edited in pending.items():
            try:
                self.publish(folder, edited)
            except Exception:  # as in `_guard`: log, keep serving
                self.window_log_message(lsp.LogMessageParams(lsp.MessageType.Error, traceback.format_exc()))

    def publish(self, folder: Folder, edited: set[str] | None = None) -> Analysis:
        """Send the diagnostics of every file whose diagnostics changed, and always of the edited ones
        (so a client sees an answer to every edit)."""
        first = folder not in self.frozen
        analysis = folder.analyse()
        if first:
            # The first analysis of a folder (its trees, the checker's tables) lives as long as the
            # server. Moved out of the collector's sight, it is not rescanned on every edit: that
            # rescan was a 150-200 ms pause every few dozen edits (bench/lsp_latency.py).
            self.frozen.add(folder)
            gc.collect()
            gc.freeze()
        mine = set(folder.paths())
        paths = set(analysis.diagnostics) | {p for p in self.published if p in mine}
        for path in sorted(paths):
            if not path.startswith("/") and ":" not in path:
                continue  # not a file (a folder-level message); nothing in the editor to mark
            found = analysis.diagnostics.get(path, ())
            if (edited is None or path not in edited) and path in self.published and self.published[path] == found:
                continue
            self.published[path] = found
            text = self.text_of(path, analysis)
            shown = [self.to_lsp(d, text, path) for d in found]
            uri = self.uri_of(path)
            self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=shown))
        return analysis

    def to_lsp(self, d: Diagnostic, text: str, path: str) -> lsp.Diagnostic:
        lang = self.lang_of(text)
        to_range = self.to_range_for(path, text)
        message = d.message.get(lang)
        if d.label is not None:
            message += f"\n{d.label.get(lang)}"
        if d.suggestion is not None and d.suggestion.get(lang):
            message += f"\n{Text('saran', 'suggestion').get(lang)}: {d.suggestion.get(lang)}"
        related = []
        for label in d.extra:
            other = self.text_of(label.span.file)
            uri = self.uri_of(label.span.file)
            related.append(
                lsp.DiagnosticRelatedInformation(
                    lsp.Location(uri, self.to_range_for(label.span.file, other)(label.span)), label.text.get(lang)
                )
            )
        return lsp.Diagnostic(
            range=to_range(d.span),
            message=message,
            severity=lsp.DiagnosticSeverity.Error if d.is_error else lsp.DiagnosticSeverity.Warning,
            code=d.code,
            code_description=lsp.CodeDescription(href=f"{self.docs_base}/{d.code}.md") if self.docs_base else None,
            source="netralrules",
            related_information=related or None,
        )


server = NetralrulesServer()


def _path(uri: str) -> str:
    """The path a document is known by: its file's absolute path, or the URI of an unsaved one."""
    if not uri.startswith("file:"):
        return uri
    return Path(to_fs_path(uri) or uri).absolute().as_posix()


def _guard(fn: _F) -> _F:
    """A handler that fails logs why and answers nothing: the server keeps serving."""

    @functools.wraps(fn)
    def guarded(ls: NetralrulesServer, params: Any) -> Any:
        try:
            return fn(ls, params)
        except Exception:  # the editor must keep working whatever one request does
            ls.window_log_message(lsp.LogMessageParams(lsp.MessageType.Error, traceback.format_exc()))
            return None

    return cast(_F, guarded)


@server.feature(lsp.INITIALIZE)
@_guard
def initialize(ls: NetralrulesServer, params: lsp.InitializeParams) -> None:
    options = params.initialization_options if isinstance(params.initialization_options, dict) else {}
    for folder in params.workspace_folders or []:
        ls.workspace_roots.append(Path(_path(folder.uri)))
    if params.root_uri and not ls.workspace_roots:
        ls.workspace_roots.append(Path(_path(params.root_uri)))
    base = ls.workspace_roots[0] if ls.workspace_roots else Path.cwd()
    ls.configured = [base / r for r in options.get("rulebookRoots", []) if isinstance(r, str)]
    if options.get("language") in {"auto", "id", "en"}:
        ls.language = str(options["language"])
    if isinstance(options.get("docsBase"), str):
        ls.docs_base = str(options["docsBase"]).rstrip("/")


def _sync(ls: NetralrulesServer, uri: str, closed: bool = False) -> None:
    path = _path(uri)
    ls.uris[path] = uri
    folder = ls.folder_of(path)
    folder.set_text(path, None if closed else ls.workspace.get_text_document(uri).source)
    ls.schedule(folder, path)


@server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
@_guard
def did_open(ls: NetralrulesServer, params: lsp.DidOpenTextDocumentParams) -> None:
    _sync(ls, params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
@_guard
def did_change(ls: NetralrulesServer, params: lsp.DidChangeTextDocumentParams) -> None:
    _sync(ls, params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
@_guard
def did_save(ls: NetralrulesServer, params: lsp.DidSaveTextDocumentParams) -> None:
    folder = ls.folder_of(_path(params.text_document.uri))
    folder.rescan()
    ls.publish(folder)


@server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
@_guard
def did_close(ls: NetralrulesServer, params: lsp.DidCloseTextDocumentParams) -> None:
    _sync(ls, params.text_document.uri, closed=True)


@server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
@_guard
def did_change_watched(ls: NetralrulesServer, params: lsp.DidChangeWatchedFilesParams) -> None:
    ls.folder_by_file.clear()  # a new rules file or `cases/` folder can move a file's rulebook root
    for folder in ls.folders.values():
        folder.rescan()
        ls.publish(folder)


def _context(ls: NetralrulesServer, uri: str, position: lsp.Position) -> tuple[Analysis, str, str, int, str]:
    path = _path(uri)
    folder = ls.folder_of(path)
    if path not in folder.overlay:
        folder.set_text(path, ls.workspace.get_text_document(uri).source)
    analysis = folder.analyse()
    text = ls.text_of(path, analysis) or folder.overlay.get(path, "")
    offset = ls.lines(path, text).offset(position.line, position.character)
    return analysis, path, text, offset, ls.lang_of(text)


@server.feature(lsp.TEXT_DOCUMENT_HOVER)
@_guard
def hover(ls: NetralrulesServer, params: lsp.HoverParams) -> lsp.Hover | None:
    analysis, path, text, offset, lang = _context(ls, params.text_document.uri, params.position)
    return features.hover(analysis, path, text, offset, lang, ls.to_range_for(path, text))


@server.feature(lsp.TEXT_DOCUMENT_COMPLETION, lsp.CompletionOptions(trigger_characters=[".", "=", "{", " ", ","]))
@_guard
def completion(ls: NetralrulesServer, params: lsp.CompletionParams) -> lsp.CompletionList | None:
    analysis, path, text, offset, lang = _context(ls, params.text_document.uri, params.position)
    items = features.complete(analysis, text, offset, lang, ls.to_range_for(path, text), path)
    return lsp.CompletionList(is_incomplete=False, items=items)


def _location(ls: NetralrulesServer, analysis: Analysis, span: Span) -> lsp.Location:
    text = ls.text_of(span.file, analysis)
    return lsp.Location(ls.uri_of(span.file), ls.to_range_for(span.file, text)(span))


@server.feature(lsp.TEXT_DOCUMENT_DEFINITION)
@_guard
def definition(ls: NetralrulesServer, params: lsp.DefinitionParams) -> lsp.Location | None:
    analysis, path, _text, offset, _lang = _context(ls, params.text_document.uri, params.position)
    found = features.definition(analysis, path, offset)
    return _location(ls, analysis, found.span) if found is not None else None


@server.feature(lsp.TEXT_DOCUMENT_REFERENCES)
@_guard
def references(ls: NetralrulesServer, params: lsp.ReferenceParams) -> list[lsp.Location] | None:
    analysis, path, _text, offset, _lang = _context(ls, params.text_document.uri, params.position)
    found = features.references(analysis, path, offset, params.context.include_declaration)
    return [_location(ls, analysis, o.span) for o in found]


@server.feature(lsp.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
@_guard
def document_symbols(ls: NetralrulesServer, params: lsp.DocumentSymbolParams) -> list[lsp.DocumentSymbol] | None:
    analysis, path, text, _offset, lang = _context(ls, params.text_document.uri, lsp.Position(0, 0))
    return features.symbols(analysis, path, lang, ls.to_range_for(path, text))


@server.feature(lsp.TEXT_DOCUMENT_FORMATTING)
@_guard
def formatting(ls: NetralrulesServer, params: lsp.DocumentFormattingParams) -> list[lsp.TextEdit] | None:
    _analysis, path, text, _offset, lang = _context(ls, params.text_document.uri, lsp.Position(0, 0))
    return actions.format_document(text, path, lang, ls.to_range_for(path, text))


@server.feature(lsp.TEXT_DOCUMENT_RANGE_FORMATTING)
@_guard
def range_formatting(ls: NetralrulesServer, params: lsp.DocumentRangeFormattingParams) -> list[lsp.TextEdit] | None:
    _analysis, path, text, start, lang = _context(ls, params.text_document.uri, params.range.start)
    end = ls.lines(path, text).offset(params.range.end.line, params.range.end.character)
    return actions.format_range(text, path, lang, start, end, ls.to_range_for(path, text))


@server.feature(
    lsp.TEXT_DOCUMENT_CODE_ACTION,
    lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, lsp.CodeActionKind.RefactorRewrite]),
)
@_guard
def code_action(ls: NetralrulesServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction] | None:
    uri = params.text_document.uri
    analysis, path, text, start, lang = _context(ls, uri, params.range.start)
    end = ls.lines(path, text).offset(params.range.end.line, params.range.end.character)
    pairs = []
    for d in analysis.diagnostics.get(path, ()):
        if d.span.start <= end and d.span.end >= start:
            pairs.append((d, ls.to_lsp(d, text, path)))
    return actions.code_actions(analysis, path, uri, text, start, end, pairs, lang, ls.to_range_for(path, text))


@server.feature(lsp.TEXT_DOCUMENT_CODE_LENS)
async def code_lens(ls: NetralrulesServer, params: lsp.CodeLensParams) -> list[lsp.CodeLens] | None:
    """A lens on each provision with its rule cases. The cases run in a worker thread (the first run
    of a folder takes about a second), so diagnostics keep flowing meanwhile."""
    try:
        uri = params.text_document.uri
        analysis, path, text, _offset, lang = _context(ls, uri, lsp.Position(0, 0))
        f = analysis.files.get(path)
        if f is None or analysis.root is None:
            return []
        runner = ls.runners.setdefault(analysis.root.as_posix(), CaseRunner())
        run = await asyncio.get_running_loop().run_in_executor(None, runner.run, analysis)
        to_range = ls.to_range_for(path, text)
        lenses = []
        for d in f.declarations:
            if not isinstance(d, ast.Provision):
                continue
            pid = d.id.name
            title = lens_title(run.by_provision.get(pid), lang) if run.error is None else f"▶ {run.error}"
            command = lsp.Command(title=title, command=RUN_CASES, arguments=[uri, pid])
            lenses.append(lsp.CodeLens(to_range(d.id.span), command))
        return lenses
    except Exception:  # as in `_guard`
        ls.window_log_message(lsp.LogMessageParams(lsp.MessageType.Error, traceback.format_exc()))
        return None


@server.command(RUN_CASES)
def run_cases_command(ls: NetralrulesServer, *args: Any) -> dict[str, Any] | None:
    """Run the cases again (the lens was clicked): a message with the result, fresh lenses."""
    try:
        return _run_cases(ls, *args)
    except Exception:  # as in `_guard`: log, answer nothing, keep serving
        ls.window_log_message(lsp.LogMessageParams(lsp.MessageType.Error, traceback.format_exc()))
        return None


def _run_cases(ls: NetralrulesServer, *args: Any) -> dict[str, Any] | None:
    uri, pid = (args[0], args[1]) if len(args) >= 2 else (None, None)
    if not isinstance(uri, str) or not isinstance(pid, str):
        return None
    path = _path(uri)
    folder = ls.folder_of(path)
    analysis = folder.analyse()
    if analysis.root is None:
        return None
    runner = ls.runners.setdefault(analysis.root.as_posix(), CaseRunner())
    runner.forget()
    run = runner.run(analysis)
    result = run.by_provision.get(pid)
    lang = ls.lang_of(ls.text_of(path, analysis))
    message = f"{pid}: {lens_title(result, lang).removeprefix('▶ ')}" if run.error is None else f"{pid}: {run.error}"
    if result is not None and result.failures:
        message += "\n" + "\n".join(result.failures)
    ls.window_show_message(lsp.ShowMessageParams(lsp.MessageType.Info, message))
    caps = ls.client_capabilities.workspace
    if caps is not None and caps.code_lens is not None and caps.code_lens.refresh_support:
        ls.workspace_code_lens_refresh(None)
    return {
        "provision": pid,
        "passed": result.passed if result else 0,
        "failed": result.failed if result else 0,
        "failures": list(result.failures) if result else [],
        "error": run.error,
    }


def main() -> None:
    """Serve over stdin and stdout until the client says exit."""
    server.start_io()

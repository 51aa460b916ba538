"""Helpers of the pytest-lsp tests: open or change a document and wait for the server's answer."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path

from lsprotocol import types as lsp
from pytest_lsp import LanguageClient

_versions: dict[str, int] = {}


async def until(check: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the server")
        await asyncio.sleep(0.02)


def diagnostics(client: LanguageClient, path: Path) -> list[lsp.Diagnostic]:
    return list(client.diagnostics.get(path.as_uri(), []))


async def show(client: LanguageClient, path: Path, text: str) -> None:
    """Open the document (first time) or replace its text, and wait until the server has answered."""
    uri = path.as_uri()
    before = dict(client.diagnostics)
    client.diagnostics.pop(uri, None)
    if uri not in _versions:
        _versions[uri] = 1
        client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri, "netralrules", 1, text)))
    else:
        _versions[uri] += 1
        client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                lsp.VersionedTextDocumentIdentifier(uri=uri, version=_versions[uri]),
                [lsp.TextDocumentContentChangeWholeDocument(text)],
            )
        )
    await until(lambda: uri in client.diagnostics)
    for other, value in before.items():
        client.diagnostics.setdefault(other, value)


def at(text: str, needle: str, delta: int = 0, *, last: bool = False) -> lsp.Position:
    """The position of `needle` in `text` (its first occurrence, or its last), plus `delta`."""
    offset = (text.rindex(needle) if last else text.index(needle)) + delta
    line = text.count("\n", 0, offset)
    return lsp.Position(line, offset - (text.rfind("\n", 0, offset) + 1))

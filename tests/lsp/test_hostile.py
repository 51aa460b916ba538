"""Hostile edits: half-typed files, a 10 MB paste, text that is not UTF-8 (in a document, in a file
on disk, on the wire). Each gets diagnostics or is refused politely; the server never crashes or
hangs, and keeps answering afterwards."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
from lsprotocol import types as lsp
from pytest_lsp import LanguageClient

from tests.lsp.support import at, diagnostics, show, until

pytestmark = pytest.mark.asyncio(loop_scope="module")

PROVISION = """instrumen PP_1 {
  judul "Peraturan contoh"
  jenis PP
  nomor 1 tahun 2020
  berlaku sejak 2020-01-01
}

ketentuan contoh.pasal1 {
  rujukan PP_1 pasal 1
  teks "contoh"
  untuk PNS
  jika tindakan.jenis = ikut_kampanye dan tindakan.atribut_partai
  maka disiplin tingkat sedang menurut PP_1 pasal 2
}
"""


async def alive(client: LanguageClient, path: Path) -> None:
    """The server still answers a request on the document, quickly."""
    started = time.monotonic()
    await asyncio.wait_for(
        client.text_document_hover_async(lsp.HoverParams(lsp.TextDocumentIdentifier(path.as_uri()), lsp.Position(0, 1))), 10
    )
    assert time.monotonic() - started < 10


async def test_every_prefix_of_a_file_being_typed(client: LanguageClient, tmp_path_factory: pytest.TempPathFactory) -> None:
    path = tmp_path_factory.mktemp("typing") / "aturan.nr"
    step = 7
    for end in range(1, len(PROVISION) + step, step):
        await show(client, path, PROVISION[:end])
    assert diagnostics(client, path) == []
    for needle in ("jika tindakan.", "maka disiplin", "menurut PP_1"):
        half = PROVISION[: PROVISION.index(needle) + len(needle)]
        await show(client, path, half)
        assert diagnostics(client, path), f"no diagnostics for a file cut after {needle!r}"
        completion = await client.text_document_completion_async(
            lsp.CompletionParams(lsp.TextDocumentIdentifier(path.as_uri()), at(half, needle, len(needle)))
        )
        assert completion is not None
    await alive(client, path)


async def test_a_burst_of_keystrokes_ends_in_the_diagnostics_of_the_last_text(
    client: LanguageClient, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Changes sent faster than they are checked: the server may check fewer states, never a stale one last."""
    path = tmp_path_factory.mktemp("burst") / "aturan.nr"
    await show(client, path, PROVISION)
    uri = path.as_uri()
    final = PROVISION.replace("  maka disiplin", "  makaa disiplin")
    for version in range(2, 52):
        text = final if version == 51 else PROVISION + "#" * version
        client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                lsp.VersionedTextDocumentIdentifier(uri=uri, version=version), [lsp.TextDocumentContentChangeWholeDocument(text)]
            )
        )
    await until(lambda: [d.code for d in diagnostics(client, path)] == ["E0101"])
    await alive(client, path)


async def test_a_ten_megabyte_paste(client: LanguageClient, tmp_path_factory: pytest.TempPathFactory) -> None:
    path = tmp_path_factory.mktemp("paste") / "aturan.nr"
    await show(client, path, PROVISION)
    paste = ('catatan "' + "x" * 99 + '"\n') * 100_000  # 10.9 MB, 100,000 lines
    started = time.monotonic()
    await show(client, path, PROVISION + paste)
    [d] = diagnostics(client, path)
    assert d.code == "E0003"
    uri = lsp.TextDocumentIdentifier(path.as_uri())
    middle = lsp.Position(50_000, 3)
    await client.text_document_completion_async(lsp.CompletionParams(uri, middle))
    await client.text_document_hover_async(lsp.HoverParams(uri, middle))
    options = lsp.FormattingOptions(tab_size=2, insert_spaces=True)
    assert await client.text_document_formatting_async(lsp.DocumentFormattingParams(uri, options)) is None
    await client.text_document_code_action_async(lsp.CodeActionParams(uri, lsp.Range(middle, middle), lsp.CodeActionContext([d])))
    await client.text_document_document_symbol_async(lsp.DocumentSymbolParams(uri))
    assert time.monotonic() - started < 30
    await show(client, path, PROVISION)
    assert diagnostics(client, path) == []


async def test_text_that_is_not_utf8(client: LanguageClient, tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("encoding")
    (folder / "rusak.nr").write_bytes(PROVISION.replace("contoh", "cont\xf6h").encode("cp1252"))
    path = folder / "aturan.nr"
    # An editor that read Windows-1252 bytes as UTF-8 holds lone surrogates (surrogateescape).
    await show(client, path, 'instrumen PP_2 {\n  judul "S\udcf6rat"\n}\n')
    [d] = diagnostics(client, path)
    assert d.code == "E0002"
    await until(lambda: [x.code for x in diagnostics(client, folder / "rusak.nr")] == ["E0002"])
    await alive(client, path)

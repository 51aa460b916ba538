"""Bytes on the wire that are not UTF-8: the server drops the message it cannot read and answers
the next one (a raw client over the pipes; pytest-lsp's client only writes valid JSON)."""

from __future__ import annotations

import json
import subprocess
import time

from tests.lsp.conftest import REPO, SERVER


def _frame(body: bytes) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def _read_message(stream: subprocess.Popen[bytes], timeout: float) -> dict[str, object]:
    assert stream.stdout is not None
    deadline = time.monotonic() + timeout
    headers = b""
    while not headers.endswith(b"\r\n\r\n"):
        assert time.monotonic() < deadline, "the server hung"
        headers += stream.stdout.read(1)
    length = int(headers.split(b"Content-Length: ")[1].split(b"\r\n")[0])
    return dict(json.loads(stream.stdout.read(length)))


def test_bytes_on_the_wire_that_are_not_utf8() -> None:
    """A client that sends a message body that is not UTF-8: the server drops that message and answers the next."""
    process = subprocess.Popen(SERVER, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=REPO)
    assert process.stdin is not None
    try:
        init = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}, "rootUri": REPO.as_uri()}}
        process.stdin.write(_frame(json.dumps(init).encode()))
        process.stdin.flush()
        assert _read_message(process, 20).get("id") == 1
        process.stdin.write(_frame(json.dumps({"jsonrpc": "2.0", "method": "initialized", "params": {}}).encode()))
        uri = (REPO / "untitled.nr").as_uri()
        item = {"uri": uri, "languageId": "netralrules", "version": 1, "text": 'instrumen X { judul "@" }'}
        bad = json.dumps({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": item}}).encode()
        process.stdin.write(_frame(bad.replace(b"@", b"\xff\xfe")))
        hover = {"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover"}
        hover["params"] = {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}
        process.stdin.write(_frame(json.dumps(hover).encode()))
        process.stdin.flush()
        while True:
            message = _read_message(process, 20)
            if message.get("id") == 2:
                break
        assert process.poll() is None
    finally:
        process.kill()
        process.wait()

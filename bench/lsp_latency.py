"""Diagnostics latency of `netralrules lsp`: how long after an edit to one file of the bundled
rulebook the diagnostics of the whole folder are ready (issue 18: at most 100 ms).

Two measures, both over the bundled rulebook with one file open:
  - over stdio: a real server process; the time from writing a `didChange` to reading the
    `publishDiagnostics` it causes (JSON, pipes and the event loop included);
  - in process: the analysis alone (re-parse the edited file, check the folder).
Each edit adds a comment line at the top, so every edit is a new text and a re-parse.

    python bench/lsp_latency.py [--edits 60] [--json FILE]
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from netralrules.lsp.analysis import Folder
from netralrules.resources import default_rulebook_path

RULES = default_rulebook_path()
FILES = ("pp94_2021/pasal_05_huruf_n.nr", "pp53_2010/pasal_04.nr", "pengawasan/pengawas.nr")


def edited(text: str, n: int) -> str:
    """The text with a comment added at the top: a valid edit, new every time, that forces a re-parse."""
    return f"# edit {n}\n" + text


def summary(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "median_ms": round(statistics.median(ordered) * 1000, 1),
        "p95_ms": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] * 1000, 1),
        "max_ms": round(ordered[-1] * 1000, 1),
    }


def in_process(name: str, edits: int) -> dict[str, float]:
    folder = Folder(RULES.resolve())
    path = (RULES / name).resolve().as_posix()
    text = (RULES / name).read_text(encoding="utf-8")
    folder.set_text(path, text)
    started = time.perf_counter()
    folder.analyse()
    cold = time.perf_counter() - started
    gc.collect()
    gc.freeze()  # as the server does after a folder's first analysis (lsp/server.py)
    samples = []
    for n in range(edits):
        folder.set_text(path, edited(text, n))
        started = time.perf_counter()
        analysis = folder.analyse()
        samples.append(time.perf_counter() - started)
        assert not analysis.diagnostics.get(path), analysis.diagnostics.get(path)
    gc.unfreeze()
    return {"cold_ms": round(cold * 1000, 1), **summary(samples)}


class Wire:
    """A bare LSP client over the server's stdin and stdout."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "netralrules", "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self.next_id = 0

    def send(self, method: str, params: object, request: bool = False) -> None:
        message: dict[str, object] = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            message["id"] = self.next_id
        body = json.dumps(message).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self) -> dict[str, object]:
        assert self.process.stdout is not None
        length = 0
        while True:
            line = self.process.stdout.readline()
            if line in (b"\r\n", b""):
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return dict(json.loads(self.process.stdout.read(length)))

    def diagnostics_of(self, uri: str) -> list[object]:
        while True:
            message = self.receive()
            params = message.get("params")
            if message.get("method") == "textDocument/publishDiagnostics" and isinstance(params, dict) and params["uri"] == uri:
                return list(params["diagnostics"])

    def close(self) -> None:
        self.send("shutdown", None, request=True)
        self.send("exit", None)
        self.process.wait(timeout=10)


def over_stdio(name: str, edits: int) -> dict[str, float]:
    wire = Wire()
    root = RULES.resolve().parent
    wire.send("initialize", {"processId": None, "rootUri": root.as_uri(), "capabilities": {}}, request=True)
    wire.receive()
    wire.send("initialized", {})
    uri = (RULES / name).resolve().as_uri()
    text = (RULES / name).read_text(encoding="utf-8")
    started = time.perf_counter()
    wire.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "netralrules", "version": 1, "text": text}})
    wire.diagnostics_of(uri)
    cold = time.perf_counter() - started
    samples = []
    for n in range(edits):
        change = {"textDocument": {"uri": uri, "version": n + 2}, "contentChanges": [{"text": edited(text, n)}]}
        started = time.perf_counter()
        wire.send("textDocument/didChange", change)
        found = wire.diagnostics_of(uri)
        samples.append(time.perf_counter() - started)
        assert found == [], found
    wire.close()
    return {"cold_ms": round(cold * 1000, 1), **summary(samples)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--edits", type=int, default=60)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    results: dict[str, dict[str, dict[str, float]]] = {}
    files = sum(1 for _ in RULES.rglob("*.nr"))
    size = sum(p.stat().st_size for p in RULES.rglob("*.nr"))
    print(f"bundled rulebook: {files} files, {size:,} bytes; {args.edits} edits per file")
    print(f"{'file edited':36} {'measure':11} {'cold':>8} {'median':>8} {'p95':>8} {'max':>8}")
    for name in FILES:
        results[name] = {"stdio": over_stdio(name, args.edits), "in_process": in_process(name, args.edits)}
        for measure, r in results[name].items():
            kb = (RULES / name).stat().st_size / 1024
            print(
                f"{name + f' ({kb:.0f} KB)':36} {measure:11} {r['cold_ms']:>6} ms {r['median_ms']:>5} ms"
                f" {r['p95_ms']:>5} ms {r['max_ms']:>5} ms"
            )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

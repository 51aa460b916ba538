"""Pictures for docs/editors.md: the real answers of `netralrules lsp`, drawn as an editor would.

Not screenshots of VS Code: this starts the language server over stdio, asks it what VS Code asks
(diagnostics, hover, completion, references, outline, formatting, code actions, code lenses),
colours the text with the extension's TextMate grammar (tokenize.js, vscode-textmate), and draws
each answer in an HTML page that headless Chromium turns into a PNG in docs/editors/.

    cd editors/vscode && npm ci && cd ../..
    python editors/screenshots/render.py          # needs chromium (Debian: apt install chromium)
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
RULES = REPO / "rules"
OUT = REPO / "docs" / "editors"
PASAL5 = RULES / "pp94_2021" / "pasal_05_huruf_n.nr"

COLOURS = [  # scope prefix → colour (VS Code's Dark+ theme)
    ("comment", "#6A9955"),
    ("string", "#CE9178"),
    ("constant.character.escape", "#D7BA7D"),
    ("entity.name.function", "#DCDCAA"),
    ("storage.type", "#569CD6"),
    ("keyword.control", "#C586C0"),
    ("keyword.operator.logical", "#C586C0"),
    ("keyword.operator.quantifier", "#C586C0"),
    ("keyword.operator.word", "#C586C0"),
    ("keyword.other", "#569CD6"),
    ("keyword.operator", "#D4D4D4"),
    ("support.type", "#4EC9B0"),
    ("support.constant", "#4FC1FF"),
    ("constant.numeric", "#B5CEA8"),
    ("constant.language", "#569CD6"),
    ("variable.language", "#9CDCFE"),
]

STYLE = """
body { margin: 0; background: #1e1e1e; color: #d4d4d4; font: 14px/1.45 'DejaVu Sans Mono', 'Liberation Mono', monospace; }
.title { background: #3c3c3c; color: #ccc; font: 13px sans-serif; padding: 6px 12px; }
.tab { background: #252526; color: #fff; font: 13px sans-serif; padding: 6px 12px; border-bottom: 1px solid #444; }
.editor { position: relative; padding: 8px 0; }
.line { white-space: pre; height: 20px; }
.no { display: inline-block; width: 48px; color: #858585; text-align: right; padding-right: 16px; }
.lens { white-space: pre; color: #999; font: 12px sans-serif; height: 18px; padding-left: 64px; }
.err { text-decoration: underline wavy #f14c4c; text-underline-offset: 3px; }
.warn { text-decoration: underline wavy #cca700; text-underline-offset: 3px; }
.popup { position: absolute; background: #252526; border: 1px solid #454545; box-shadow: 0 4px 12px #000a;
         font: 13px/1.5 sans-serif; color: #ccc; padding: 8px 12px; max-width: 720px; white-space: normal; z-index: 2; }
.popup code { font: 12.5px monospace; color: #d7ba7d; }
.popup blockquote { border-left: 3px solid #555; margin: 6px 0; padding-left: 8px; color: #bbb; }
.popup pre { background: #1e1e1e; padding: 6px; margin: 4px 0; white-space: pre-wrap; font: 12.5px monospace; }
.popup ul { margin: 4px 0; padding-left: 18px; }
.items { padding: 0; min-width: 520px; }
.item { padding: 2px 10px; font: 13px monospace; display: flex; justify-content: space-between; gap: 24px; }
.item.sel { background: #04395e; }
.item .detail { color: #999; font: 12px sans-serif; }
.panel { border-top: 1px solid #444; background: #1e1e1e; font: 13px sans-serif; padding: 6px 12px; }
.panel h4 { margin: 2px 0 6px; color: #ccc; font-weight: normal; text-transform: uppercase; font-size: 11px; }
.panel .row { padding: 2px 0; white-space: pre-wrap; }
.panel .code { color: #3794ff; }
.caption { font: 13px sans-serif; color: #aaa; background: #181818; padding: 8px 12px; border-top: 1px solid #333; }
.del { background: #4b1818; } .add { background: #1b4b1b; }
"""


class Client:
    """A bare LSP client over the server's pipes (what VS Code's client does, minus the window)."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "netralrules", "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=REPO
        )
        self.ids = 0
        self.diagnostics: dict[str, list[dict[str, Any]]] = {}
        caps = {"workspace": {"codeLens": {"refreshSupport": False}}}
        self.request("initialize", {"processId": None, "rootUri": REPO.as_uri(), "capabilities": caps})
        self.notify("initialized", {})

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps(message).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _receive(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        length = 0
        while (line := self.process.stdout.readline()) not in (b"\r\n", b""):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        message = dict(json.loads(self.process.stdout.read(length)))
        if message.get("method") == "textDocument/publishDiagnostics":
            self.diagnostics[message["params"]["uri"]] = message["params"]["diagnostics"]
        return message

    def notify(self, method: str, params: Any) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method: str, params: Any) -> Any:
        self.ids += 1
        self._send({"jsonrpc": "2.0", "id": self.ids, "method": method, "params": params})
        while True:
            message = self._receive()
            if message.get("id") == self.ids and "method" not in message:
                return message.get("result")

    def show(self, path: Path, text: str, version: int) -> list[dict[str, Any]]:
        uri = path.as_uri()
        self.diagnostics.pop(uri, None)
        if version == 1:
            item = {"uri": uri, "languageId": "netralrules", "version": 1, "text": text}
            self.notify("textDocument/didOpen", {"textDocument": item})
        else:
            self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]})
        while uri not in self.diagnostics:
            self._receive()
        return self.diagnostics[uri]

    def close(self) -> None:
        self.request("shutdown", None)
        self.notify("exit", None)
        self.process.wait(timeout=10)


def tokens(text: str) -> list[list[list[Any]]]:
    with tempfile.NamedTemporaryFile("w", suffix=".nr", delete=False, encoding="utf-8") as f:
        f.write(text)
    try:
        out = subprocess.run(["node", str(Path(__file__).with_name("tokenize.js")), f.name], capture_output=True, check=True)
    finally:
        Path(f.name).unlink()
    return list(json.loads(out.stdout))


def colour(scopes: list[str]) -> str | None:
    for scope in reversed(scopes):
        for prefix, value in COLOURS:
            if scope.startswith(prefix):
                return value
    return None


def pos(text: str, needle: str, delta: int = 0) -> dict[str, int]:
    offset = text.index(needle) + delta
    return {"line": text.count("\n", 0, offset), "character": offset - (text.rfind("\n", 0, offset) + 1)}


def markdown(text: str) -> str:
    """The little Markdown the server writes: bold, code, quotes, lists, fenced code."""
    out, in_list, in_code = [], False, False
    for line in text.split("\n"):
        if line.startswith("```"):
            out.append("</pre>" if in_code else "<pre>")
            in_code = not in_code
            continue
        if in_code:
            out.append(html.escape(line))
            continue
        body = html.escape(line)
        body = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", body)
        body = re.sub(r"`([^`]+)`", r"<code>\1</code>", body)
        if line.startswith("- "):
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li>{body[2:]}</li>")
            continue
        if in_list:
            out.append("</ul>")
            in_list = False
        if line.startswith("&gt; ") or line.startswith("> "):
            out.append(f"<blockquote>{body[5:] if body.startswith('&gt; ') else body[2:]}</blockquote>")
        elif line:
            out.append(f"<div>{body}</div>")
    if in_list:
        out.append("</ul>")
    return "\n".join(out)


def editor(
    text: str,
    first: int,
    last: int,
    diagnostics: list[dict[str, Any]] = (),  # type: ignore[assignment]
    lenses: dict[int, str] | None = None,
    marks: dict[int, str] | None = None,
    anchor: tuple[int, int, str, str] | None = None,
) -> str:
    """Lines first..last (0-based) of a text, coloured, with squiggles under diagnostics."""
    lines = text.split("\n")
    toks = tokens(text)
    under: dict[int, list[tuple[int, int, str]]] = {}
    for d in diagnostics:
        start, end = d["range"]["start"], d["range"]["end"]
        kind = "err" if d.get("severity") == 1 else "warn"
        if start["line"] == end["line"]:
            under.setdefault(start["line"], []).append((start["character"], max(end["character"], start["character"] + 1), kind))
    rows = []
    for n in range(first, min(last + 1, len(lines))):
        if lenses and n in lenses:
            indent = len(lines[n]) - len(lines[n].lstrip())
            rows.append(f'<div class="lens">{" " * indent}{html.escape(lenses[n])}</div>')
        line = lines[n]
        cells = []
        for start, end, scopes in toks[n]:
            for c in range(start, end):
                cells.append((c, colour(scopes)))
        parts = []
        for c, col in cells:
            ch = html.escape(line[c])
            classes = [k for a, b, k in under.get(n, []) if a <= c < b]
            style = f' style="color:{col}"' if col else ""
            cls = f' class="{classes[0]}"' if classes else ""
            parts.append(f"<span{style}{cls}>{ch}</span>" if style or cls else ch)
        mark = f' class="line {marks[n]}"' if marks and n in marks else ' class="line"'
        rows.append(f'<div{mark}><span class="no">{n + 1}</span>{"".join(parts)}</div>')
        if anchor is not None and anchor[0] == n:
            left = 64 + anchor[1] * 8.4
            rows.append(f'<div style="position:relative;height:0"><div class="{anchor[3]}" style="top:2px;left:{left:.0f}px">{anchor[2]}</div></div>')
    return f'<div class="editor">{"".join(rows)}</div>'


def page(name: str, file: str, body: str, caption: str, height: int) -> None:
    document = f"""<!doctype html><html><head><meta charset="utf-8"><style>{STYLE}</style></head><body>
<div class="title">netralrules — {html.escape(file)}</div><div class="tab">{html.escape(Path(file).name)}</div>
{body}<div class="caption">{caption}</div></body></html>"""
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"{name}.html"
        source.write_text(document, encoding="utf-8")
        browser = shutil.which("chromium") or shutil.which("chromium-browser") or "chromium"
        subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", f"--screenshot={OUT / (name + '.png')}",
             f"--window-size=1100,{height}", source.as_uri()],
            check=True, capture_output=True,
        )  # fmt: skip
    print(f"docs/editors/{name}.png")


def main() -> None:
    client = Client()
    original = PASAL5.read_text(encoding="utf-8")
    rel = PASAL5.relative_to(REPO).as_posix()
    uri = PASAL5.as_uri()
    version = 1

    # 1. Colours and diagnostics as you type.
    typo = original.replace("menurut PP_94_2021 pasal 14 huruf i angka 2", "menurut PP_94_2012 pasal 14 huruf i angka 2")
    typo = typo.replace("peserta_kampanye dan tindakan.fasilitas_negara", "peserta_kampanye dan tindakan.fasilitas_negar")
    typo = typo.replace("mengecualikan pp94.pasal5.n.1\n  jika peserta_kampanye dan tindakan.mengerahkan", "mengecualikan pp94.pasal5.n.11\n  jika peserta_kampanye dan tindakan.mengerahkan")
    diagnostics = client.show(PASAL5, typo, version)
    first = typo.index("ketentuan pp94.pasal5.n.3")
    first_line = typo.count("\n", 0, first)
    rows = "".join(
        f'<div class="row"><span style="color:{"#f14c4c" if d["severity"] == 1 else "#cca700"}">●</span> {html.escape(d["message"]).replace(chr(10), " — ")}'
        f' <span class="code">[{d["code"]}]</span> Ln {d["range"]["start"]["line"] + 1}, Col {d["range"]["start"]["character"] + 1}</div>'
        for d in diagnostics
    )
    body = editor(typo, first_line, first_line + 18, diagnostics) + f'<div class="panel"><h4>Problems</h4>{rows}</div>'
    page("diagnostics", rel, body, "Colours from the generated TextMate grammar; three mistakes typed into the file (an excepted "
         "provision, a fact and an instrument that do not exist) and the diagnostics the server sent back, with their codes "
         "(linked to docs/errors/) and did-you-mean suggestions.", 720)  # fmt: skip

    # 2. Hover: a provision named in `mengecualikan`, a fact, a keyword.
    version += 1
    client.show(PASAL5, original, version)
    first_line = original.count("\n", 0, original.index("ketentuan pp94.pasal5.n.2"))
    panes = []
    for needle, delta, name in (
        ("mengecualikan pp94.pasal5.n.1", 16, "hover-provision"),
        ("tindakan.jenis dalam {pertemuan", 10, "hover-fact"),
        ("  maka disiplin tingkat sedang", 3, "hover-keyword"),
    ):
        at = pos(original, needle, delta)
        result = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": at})
        first_view = max(0, at["line"] - 3)
        inner = markdown(result["contents"]["value"])
        body = editor(original, first_view, first_view + 16, anchor=(at["line"], at["character"], inner, "popup"))
        panes.append(name)
        page(name, rel, body, f"Hover at line {at['line'] + 1}, column {at['character'] + 1}: the server's Markdown answer.", 520)
    del first_line

    # 3. Completion: fact paths after `tindakan.`, values after `=`.
    for name, line_text, needle in (
        ("completion-facts", "  jika tindakan.", "jika tindakan."),
        ("completion-values", "  jika tindakan.jenis = ", "jika tindakan.jenis = "),
    ):
        text = original + f'\nketentuan pp94.coba {{\n  rujukan PP_94_2021 pasal 5\n  teks "…"\n  untuk PNS\n{line_text}\n}}\n'
        version += 1
        client.show(PASAL5, text, version)
        at = pos(text, needle, len(needle))
        result = client.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": at})
        items = result["items"][:12]
        inner = "".join(
            f'<div class="item{" sel" if i == 0 else ""}"><span>{html.escape(it["label"])}</span>'
            f'<span class="detail">{html.escape(it.get("detail") or "")}</span></div>'
            for i, it in enumerate(items)
        )
        first_view = at["line"] - 5
        body = editor(text, first_view, first_view + 20, anchor=(at["line"], at["character"], inner, "popup items"))
        page(name, rel, body, f"Completion at the cursor ({len(result['items'])} items from the server; the first 12 shown).", 640)
    version += 1
    client.show(PASAL5, original, version)

    # 4. Navigation: references of a definition across the folder; the outline.
    at = pos(original, "dan masa_kampanye\n", 6)
    refs = client.request(
        "textDocument/references", {"textDocument": {"uri": uri}, "position": at, "context": {"includeDeclaration": True}}
    )
    definition = client.request("textDocument/definition", {"textDocument": {"uri": uri}, "position": at})
    symbols = client.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
    rows = "".join(
        f'<div class="row">{html.escape(r["uri"].split("/rules/")[1])}:{r["range"]["start"]["line"] + 1}</div>' for r in refs
    )
    outline = "".join(
        f'<div class="row">{"ƒ" if s["kind"] == 12 else "◆" if s["kind"] == 14 else "▣"} {html.escape(s["name"])} '
        f'<span class="code">{html.escape(s.get("detail") or "")}</span></div>'
        for s in symbols
    )
    d_line = definition["range"]["start"]["line"]
    body = (
        editor(original, max(0, d_line - 1), d_line + 12, marks={d_line: "sel"})
        + f'<div class="panel"><h4>References: masa_kampanye ({len(refs)}), go to definition → line {d_line + 1}</h4>{rows}</div>'
        + f'<div class="panel"><h4>Outline</h4>{outline}</div>'
    )
    page("navigation", rel, body, "Find references of the definition <code>masa_kampanye</code> across the rulebook folder, "
         "go to definition, and the document outline (document symbols).", 900)  # fmt: skip

    # 5. Formatting.
    messy = original.replace("ketentuan pp94.pasal5.n.1 {\n  rujukan", "ketentuan   pp94.pasal5.n.1 {\n      rujukan", 1)
    messy = messy.replace("  untuk PNS, CPNS\n  jika tindakan.jenis = ikut_kampanye", "  untuk PNS,CPNS\n jika   tindakan.jenis=ikut_kampanye", 1)
    version += 1
    client.show(PASAL5, messy, version)
    edits = client.request(
        "textDocument/formatting", {"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": True}}
    )
    formatted = edits[0]["newText"] if edits else messy
    start = messy.count("\n", 0, messy.index("ketentuan   pp94"))
    before_lines, after_lines = messy.split("\n"), formatted.split("\n")
    changed_before = {n for n in range(start, start + 10) if n < len(before_lines) and before_lines[n] not in after_lines}
    changed_after = {n for n in range(start, start + 10) if n < len(after_lines) and after_lines[n] not in before_lines}
    body = (
        '<div class="panel"><h4>Before</h4></div>'
        + editor(messy, start, start + 9, marks={n: "del" for n in changed_before})
        + '<div class="panel"><h4>After “Format Document” (the server\'s one edit)</h4></div>'
        + editor(formatted, start, start + 9, marks={n: "add" for n in changed_after})
    )
    page("formatting", rel, body, "Format Document: the canonical layout of <code>netralrules fmt</code>, in the language of the file.", 640)

    # 6. Code lens (rule cases) and a quick fix.
    version += 1
    client.show(PASAL5, original, version)
    lenses = client.request("textDocument/codeLens", {"textDocument": {"uri": uri}})
    by_line = {lens["range"]["start"]["line"]: lens["command"]["title"] for lens in lenses}
    typo = original.replace("peserta_kampanye dan tindakan.fasilitas_negara", "peserta_kampanye dan tindakan.fasilitas_negar")
    version += 1
    diagnostics = client.show(PASAL5, typo, version)
    at = pos(typo, "fasilitas_negar\n")
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": {"start": at, "end": at}, "context": {"diagnostics": diagnostics}},
    )
    inner = "".join(f'<div class="item{" sel" if i == 0 else ""}"><span><span style="color:#ffcc00">●</span> {html.escape(a["title"])}</span></div>' for i, a in enumerate(actions))
    first_view = typo.count("\n", 0, typo.index("ketentuan pp94.pasal5.n.3"))
    body = editor(typo, first_view, first_view + 16, diagnostics, lenses=by_line, anchor=(at["line"], at["character"], inner, "popup items"))
    page("code-lens-and-actions", rel, body, "Code lenses: each provision's YAML rule cases, run by the server (passed, failed, "
         "conditions seen both true and false). Quick fix: the did-you-mean suggestion of E0204 applied as an edit.", 560)  # fmt: skip
    client.show(PASAL5, original, version + 1)
    client.close()


if __name__ == "__main__":
    main()

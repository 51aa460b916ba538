"""Views of the gap matrix: text for a terminal, JSON and CSV for other programs, and an HTML heat
map a legal lead can read (rows: act kinds; columns: periods and stages; one panel per status)."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
from collections.abc import Sequence
from html import escape

from netralrules.diagnostics import Text
from netralrules.syntax.keywords import english
from netralrules.tools.gaps import STAGE_LABELS, STAGES, Cell, GapMatrix

_WORDS: dict[str, Text] = {
    "title": Text("Matriks celah rulebook", "Rulebook gap matrix"),
    "periods": Text("Periode (ketentuan yang berlaku tetap sama)", "Periods (the provisions in force stay the same)"),
    "by_status": Text("Sel celah per status", "Gap cells by status"),
    "gap": Text("celah", "gap"),
    "every_kind": Text("semua jenis pemilu", "every election kind"),
    "none": Text("tidak ada celah", "no gaps"),
    "legend": Text(
        "Sel berisi ketentuan yang dapat berlaku bila hanya jenis tindakan, status, tanggal dan tahap "
        "pemilu yang diketahui. Sel merah: tidak ada ketentuan yang dapat berlaku (celah), untuk jenis "
        "pemilu yang disebut.",
        "A cell lists the provisions that can apply when only the act kind, status, date and election "
        "stage are known. Red cells: no provision can apply (a gap), for the election kinds named.",
    ),
    "act": Text("jenis tindakan", "act kind"),
    "declared": Text("dinyatakan", "declared"),
    "undeclared": Text("tidak dinyatakan", "undeclared"),
    "declared_legend": Text(
        "Sel biru: celah yang dinyatakan dengan deklarasi `celah` (arahkan tetikus ke sel untuk alasannya). "
        "Sel merah atau jingga: celah yang tidak dinyatakan.",
        "Blue cells: gaps stated by a `gap` declaration (hover over the cell for its reason). "
        "Red or orange cells: undeclared gaps.",
    ),
    "stale": Text("Deklarasi celah yang tidak mencakup celah mana pun", "Gap declarations that cover no gap"),
}


def _kind(kind: str, lang: str) -> str:
    """A gap kind in the output language (`tidak_diatur`, `not_regulated`)."""
    return Text(kind, english(kind)).get(lang)


def _w(key: str, lang: str) -> str:
    return _WORDS[key].get(lang)


def _kinds(cell: Cell, matrix: GapMatrix, lang: str) -> str:
    if len(cell.gap_kinds) == len(matrix.election_kinds):
        return _w("every_kind", lang)
    return ", ".join(cell.gap_kinds)


def _counts(matrix: GapMatrix, lang: str) -> str:
    """`PNS 12 (dinyatakan 4, tidak dinyatakan 8), …`"""
    declared = matrix.count_declared_by_status()
    return ", ".join(
        f"{s} {n} ({_w('declared', lang)} {declared[s][0]}, {_w('undeclared', lang)} {declared[s][1]})"
        for s, n in matrix.count_by_status().items()
    )


def _declared_mark(cell: Cell, lang: str) -> str:
    if cell.is_declared:
        return f"[{_w('declared', lang)}: {', '.join(cell.declarations)}]"
    if cell.declarations:  # declared for some election kinds only
        return f"[{_w('undeclared', lang)}; {_w('declared', lang)} {', '.join(cell.declarations)}]"
    return f"[{_w('undeclared', lang)}]"


def to_text(matrix: GapMatrix, lang: str = "id") -> str:
    """Per status, the gap cells grouped by act kind and period, each declared or not."""
    lines = [f"{_w('title', lang)} — {matrix.rulebook_hash}", "", _w("periods", lang) + ":"]
    lines += [f"  P{i + 1}  {p.label()}" for i, p in enumerate(matrix.periods)]
    lines += ["", _w("by_status", lang) + ": " + _counts(matrix, lang), ""]
    for status in matrix.statuses:
        gaps = [c for c in matrix.gaps([status])]
        lines.append(f"{status}: {len(gaps)} {_w('gap', lang)}" if gaps else f"{status}: {_w('none', lang)}")
        for kind in matrix.act_kinds:
            mine = [c for c in gaps if c.act_kind == kind]
            if not mine:
                continue
            lines.append(f"  {kind}")
            for index in sorted({c.period for c in mine}):
                parts = [f"{c.stage} ({_kinds(c, matrix, lang)}) {_declared_mark(c, lang)}" for c in mine if c.period == index]
                lines.append(f"    P{index + 1}: " + "; ".join(parts))
    if matrix.stale:
        lines += ["", _w("stale", lang) + ": " + ", ".join(matrix.stale)]
    return "\n".join(lines) + "\n"


def to_json(matrix: GapMatrix) -> str:
    return json.dumps(matrix.to_dict(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def to_csv(matrix: GapMatrix) -> str:
    """One row per cell: status, period, stage, act kind, the provisions that can apply, and the
    election kinds for which none can (empty when the cell is covered), whether that gap is declared
    (`ya`/`tidak`, empty when the cell is covered) and the declarations covering it."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "status",
            "periode_mulai",
            "periode_selesai",
            "tahap",
            "jenis_tindakan",
            "ketentuan",
            "celah_untuk",
            "celah_dinyatakan",
            "deklarasi_celah",
        ]
    )
    for c in matrix.cells:
        period = matrix.periods[c.period]
        writer.writerow(
            [
                c.status,
                period.start.isoformat(),
                period.end.isoformat() if period.end else "",
                c.stage,
                c.act_kind,
                ";".join(c.covering),
                ";".join(c.gap_kinds),
                ("ya" if c.is_declared else "tidak") if c.is_gap else "",
                ";".join(c.declarations),
            ]
        )
    return out.getvalue()


_CSS = """
body { margin: 1rem; font: 13px/1.35 system-ui, sans-serif; color: #1b1b1b; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
table { border-collapse: collapse; }
th, td { border: 1px solid #c9c9c9; padding: 0.2rem 0.35rem; vertical-align: top; }
th { background: #f0f0f0; font-weight: 600; }
td.gap { background: #f6c9c9; }
td.partial { background: #fbe3c2; }
td.covered { background: #e3f2e3; }
td.declared { background: #d3e2f4; }
td small { display: block; color: #444; }
.period { text-align: center; }
"""
_CSP = "default-src 'none'; style-src 'sha256-" + base64.b64encode(hashlib.sha256(_CSS.encode()).digest()).decode() + "'"


def to_html(matrix: GapMatrix, lang: str = "id") -> str:
    """The heat map as one self-contained page (no script, no URL; the CSP forbids fetching)."""
    e = escape
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{e(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        f"<title>{e(_w('title', lang))}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{e(_w('title', lang))}</h1>",
        f"<p><code>{e(matrix.rulebook_hash)}</code></p>",
        f"<p>{e(_w('legend', lang))}</p>",
        f"<p>{e(_w('declared_legend', lang))}</p>",
        f"<p>{e(_w('by_status', lang))}: {e(_counts(matrix, lang))}</p>",
    ]
    if matrix.stale:
        parts.append(f"<p>{e(_w('stale', lang))}: " + ", ".join(f"<code>{e(d)}</code>" for d in matrix.stale) + "</p>")
    for status in matrix.statuses:
        parts.append(f'<h2 id="{e(status)}">{e(status)}</h2>')
        parts.append(_panel(matrix, status, lang))
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def _panel(matrix: GapMatrix, status: str, lang: str) -> str:
    e = escape
    by_key = {(c.act_kind, c.period, c.stage): c for c in matrix.cells if c.status == status}
    stage_names = [STAGE_LABELS[s].get(lang) for s in STAGES]
    rows = ["<table>", "<thead>", f'<tr><th rowspan="2">{e(_w("act", lang))}</th>']
    rows += [f'<th class="period" colspan="{len(STAGES)}">P{i + 1}<br>{e(p.label())}</th>' for i, p in enumerate(matrix.periods)]
    rows.append("</tr><tr>")
    rows += [f"<th>{e(name)}</th>" for _ in matrix.periods for name in stage_names]
    rows += ["</tr>", "</thead>", "<tbody>"]
    for kind in matrix.act_kinds:
        cells = [f"<th>{e(kind)}</th>"]
        for index in range(len(matrix.periods)):
            for stage in STAGES:
                cells.append(_cell(by_key[(kind, index, stage)], matrix, lang))
        rows.append("<tr>" + "".join(cells) + "</tr>")
    rows += ["</tbody>", "</table>"]
    return "\n".join(rows)


def _cell(cell: Cell, matrix: GapMatrix, lang: str) -> str:
    e = escape
    if not cell.is_gap:
        return '<td class="covered">' + "<br>".join(e(p) for p in cell.covering) + "</td>"
    cls = "gap" if len(cell.gap_kinds) == len(matrix.election_kinds) else "partial"
    if cell.is_declared:
        cls = "declared"
    provisions: Sequence[str] = cell.covering
    listed = "<br>".join(e(p) for p in provisions)
    title = ""
    if cell.declarations:
        reasons = [
            f"{d} ({_kind(matrix.declarations[d].kind, lang)}): {matrix.declarations[d].reason}" for d in cell.declarations
        ]
        title = f' title="{e(chr(10).join(reasons))}"'
    mark = _w("declared" if cell.is_declared else "undeclared", lang)
    ids = f"<small>{e(', '.join(cell.declarations))}</small>" if cell.declarations else ""
    return (
        f'<td class="{cls}"{title}><strong>{e(_w("gap", lang))}</strong><small>{e(_kinds(cell, matrix, lang))}</small>'
        f"<small>{e(mark)}</small>{ids}{listed}</td>"
    )

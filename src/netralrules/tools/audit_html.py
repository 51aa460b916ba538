"""The consistency audit as one self-contained HTML page: summary tables, charts drawn as inline
SVG (shares per group with their intervals, the follow-up timeline, the funnel from reported to
sanctioned), a drill-down section per case, and CSV and JSON exports of every table.

The page fetches nothing. Its Content-Security-Policy is the decision report's: nothing but the
page's own style and script (by hash) and `data:` images. Exports are `data:` links, or, when the
audit is written to a folder (`--out`), links to the files beside the page (`tables/*.csv`).
Every text from the register is escaped.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import re
from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from netralrules.diagnostics import Text, check_lang
from netralrules.tools.audit import DIMENSIONS, METRICS, OUTCOMES, AuditResult, CaseResult, GroupRow

MAX_CASES_SHOWN = 5000  # the drill-down of a larger register lists the first ones; the exports hold all

CSS = """
body{font-family:system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem;color:#1b1b1b;line-height:1.4}
h1{font-size:1.5rem}h2{font-size:1.2rem;border-bottom:1px solid #ccc;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}td,th{border:1px solid #ccc;padding:.2rem .4rem;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}.flag{background:#ffe0e0;font-weight:bold}.small{color:#777}
.exports a{margin-right:.6rem;font-size:.85rem}svg{display:block;margin:.5rem 0;max-width:100%}
details{border:1px solid #ddd;margin:.3rem 0;padding:.3rem}details:target,details[open]{background:#fafafa}
dl.meta dt{font-weight:bold}dl.meta dd{margin:0 0 .3rem 1rem}code{font-size:.85rem}
@media print{details{display:block}details>*{display:block}}
"""
SCRIPT = """
function openTarget(){var id=decodeURIComponent(location.hash.slice(1));if(!id)return;
var el=document.getElementById(id);if(el&&el.tagName==='DETAILS'){el.open=true;}}
window.addEventListener('hashchange',openTarget);openTarget();
"""


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


# The decision report's policy (explain/render/html/render.py), with this page's own hashes.
CSP = (
    f"default-src 'none'; style-src {_hash(CSS)}; script-src {_hash(SCRIPT)}; img-src data:; base-uri 'none'; form-action 'none'"
)

WORDS: dict[str, Text] = {
    "title": Text("Audit konsistensi hukuman netralitas ASN", "ASN neutrality sanctions: consistency audit"),
    "register": Text("Register", "Register"),
    "rulebook": Text("Buku aturan (hash isi)", "Rulebook (content hash)"),
    "settings": Text("Pengaturan uji", "Test settings"),
    "alpha": Text("Taraf nyata (sesudah koreksi)", "Significance level (after correction)"),
    "correction": Text("Koreksi perbandingan berganda", "Correction for many comparisons"),
    "bh": Text(
        "Benjamini–Hochberg: mengendalikan proporsi tanda palsu di antara kelompok yang ditandai; audit ini menyaring "
        "kelompok untuk diperiksa, bukan membuktikan pelanggaran",
        "Benjamini–Hochberg: controls the share of false alarms among the groups flagged; the audit screens groups for "
        "review, it does not prove misconduct",
    ),
    "holm": Text(
        "Holm: mengendalikan peluang satu saja tanda palsu (lebih ketat)",
        "Holm: controls the chance of even one false alarm (stricter)",
    ),
    "min_group": Text("Ukuran kelompok minimum", "Minimum group size"),
    "confidence": Text("Tingkat kepercayaan interval", "Confidence level of intervals"),
    "counts": Text("Jumlah", "Counts"),
    "rows": Text("baris dibaca", "rows read"),
    "cases": Text("perkara diaudit", "cases audited"),
    "rejected_cases": Text("perkara ditolak", "cases rejected"),
    "distinct": Text("insiden berbeda yang dinilai", "distinct incidents evaluated"),
    "summary": Text("Ringkasan hasil", "Outcomes"),
    "outcome": Text("Hasil", "Outcome"),
    "number": Text("Jumlah", "Number"),
    "share": Text("Proporsi", "Share"),
    "interval": Text("Interval (Wilson)", "Interval (Wilson)"),
    "funnel": Text("Corong: dilaporkan → direkomendasikan → dijatuhi hukuman", "Funnel: reported → recommended → sanctioned"),
    "timeline": Text("Lini waktu tindak lanjut (per bulan)", "Follow-up timeline (by month)"),
    "lag": Text("Hari dari laporan sampai hukuman", "Days from report to sanction"),
    "flagged": Text("Disparitas yang ditandai", "Disparities flagged"),
    "none_flagged": Text("Tidak ada kelompok yang ditandai pada pengaturan ini.", "No group is flagged at these settings."),
    "groups": Text("Kelompok", "Groups"),
    "dimension": Text("Dimensi", "Dimension"),
    "value": Text("Kelompok", "Group"),
    "metric": Text("Ukuran", "Measure"),
    "rest": Text("Sisanya", "The rest"),
    "difference": Text("Selisih (interval)", "Difference (interval)"),
    "p": Text("p", "p"),
    "q": Text("p terkoreksi", "adjusted p"),
    "too_small": Text("terlalu kecil untuk dinilai", "too small to judge"),
    "uncertain": Text("Hukum belum pasti untuk perkara ini", "Law unsettled for these cases"),
    "reason": Text("Alasan", "Reason"),
    "rejected": Text("Baris yang ditolak", "Rejected rows"),
    "no_rejected": Text("Tidak ada baris yang ditolak.", "No row was rejected."),
    "line": Text("Baris", "Line"),
    "column": Text("Kolom", "Column"),
    "field": Text("Isian", "Field"),
    "code": Text("Kode", "Code"),
    "message": Text("Pesan", "Message"),
    "drill": Text("Perkara", "Cases"),
    "case": Text("Perkara", "Case"),
    "law": Text("Menurut hukum", "The law requires"),
    "recommended": Text("Direkomendasikan", "Recommended"),
    "imposed": Text("Dijatuhkan", "Imposed"),
    "tracks": Text("Penetapan per jalur", "Determination per track"),
    "attributes": Text("Atribut", "Attributes"),
    "shown_first": Text(
        "Hanya {shown} perkara pertama dari {total} yang ditampilkan; semuanya ada di ekspor perkara.",
        "Only the first {shown} of {total} cases are shown; all are in the cases export.",
    ),
    "exports": Text("Ekspor", "Exports"),
    "none": Text("—", "—"),
}
OUTCOME_WORDS: dict[str, Text] = {
    "sesuai": Text("sesuai hukum", "as the law requires"),
    "lebih_ringan": Text("lebih ringan dari hukum", "lighter than the law"),
    "lebih_berat": Text("lebih berat dari hukum", "heavier than the law"),
    "tidak_dijatuhkan": Text("tidak dijatuhkan", "not imposed"),
    "hukum_belum_pasti": Text("hukum belum pasti", "law unsettled"),
    "belum_terselesaikan": Text("belum terselesaikan (fakta atau tingkat belum ditentukan)", "unresolved (a fact or the tier)"),
    "diperdebatkan": Text("tingkat diperdebatkan", "tier contested"),
    "tidak_dinilai": Text("tindakan tidak dinilai ketentuan mana pun", "an act no provision assesses"),
    "di_luar_asn": Text("di luar lingkup aturan ASN", "outside the ASN rules"),
    "dilaporkan": Text("dilaporkan", "reported"),
    "direkomendasikan": Text("direkomendasikan", "recommended"),
    "dijatuhi_hukuman": Text("dijatuhi hukuman", "sanctioned"),
    "sesuai_hukum": Text("dijatuhi hukuman sesuai hukum", "sanctioned as the law requires"),
    "dijatuhkan": Text("dijatuhkan", "imposed"),
    "menunggu": Text("menunggu keputusan PPK", "awaiting the PPK"),
}
METRIC_WORDS: dict[str, Text] = {
    "lebih_ringan": Text("lebih ringan, di antara hukuman yang dijatuhkan", "lighter, among sanctions imposed"),
    "tidak_dijatuhkan": Text("tidak dijatuhkan, di antara perkara yang wajib dihukum", "not imposed, among cases requiring one"),
    "lebih_berat": Text("lebih berat, di antara hukuman yang dijatuhkan", "heavier, among sanctions imposed"),
}
DIMENSION_WORDS: dict[str, Text] = {
    "instansi": Text("instansi", "agency"),
    "wilayah": Text("wilayah", "region"),
    "jenis_jabatan": Text("jenis jabatan (eselon)", "position grade (echelon)"),
    "struktural": Text("pejabat struktural", "structural official"),
    "status": Text("status kepegawaian", "employment status"),
    "ketentuan": Text("ketentuan", "provision"),
    "pemilu": Text("pemilu", "election"),
    "tahun": Text("tahun", "year"),
}


def t(value: object) -> str:
    return escape(str(value), quote=True)


def anchor(case_id: str) -> str:
    """The id of a case's drill-down section (stable: the service and other pages may link to it)."""
    return "kasus-" + re.sub(r"[^A-Za-z0-9_.-]", "_", case_id)


def table_csv(rows: Sequence[Mapping[str, Any]]) -> str:
    buffer = io.StringIO()
    if not rows:
        return ""
    columns = list(rows[0])
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else row.get(c) for c in columns])
    return buffer.getvalue()


def table_json(rows: Sequence[Mapping[str, Any]]) -> str:
    return json.dumps(list(rows), ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}%"


def _p(value: float | None) -> str:
    return "—" if value is None else (f"{value:.2g}" if value >= 0.0001 else "<0.0001")


# ---- charts ----------------------------------------------------------------------------------------
def bar_chart(rows: Sequence[tuple[str, float, float | None, float | None, str]], label: str, width: int = 640) -> str:
    """Horizontal bars of shares (0–1) with interval whiskers; `cls` of a bar: flag, small or ''."""
    bar_h, gap, left = 18, 6, 230
    height = len(rows) * (bar_h + gap) + 24
    span = width - left - 60
    out = [
        f'<svg class="chart" role="img" aria-label="{t(label)}" width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
    ]
    for i, (name, value, low, high, cls) in enumerate(rows):
        y = i * (bar_h + gap) + 4
        fill = "#d9534f" if cls == "flag" else ("#cccccc" if cls == "small" else "#4a7db5")
        w = max(0.0, value) * span
        out.append(f'<text x="{left - 6}" y="{y + 13}" text-anchor="end" font-size="11">{t(name[:38])}</text>')
        out.append(f'<rect class="bar" x="{left}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{fill}"/>')
        if low is not None and high is not None:
            x1, x2 = left + low * span, left + high * span
            out.append(f'<line x1="{x1:.1f}" x2="{x2:.1f}" y1="{y + bar_h / 2}" y2="{y + bar_h / 2}" stroke="#222"/>')
        out.append(f'<text x="{left + w + 4:.1f}" y="{y + 13}" font-size="11">{_pct(value)}</text>')
    axis_y = len(rows) * (bar_h + gap) + 8
    out.append(f'<line x1="{left}" x2="{left + span}" y1="{axis_y}" y2="{axis_y}" stroke="#999"/>')
    for tick in (0, 0.25, 0.5, 0.75, 1.0):
        x = left + tick * span
        out.append(f'<text x="{x:.1f}" y="{axis_y + 12}" font-size="10" text-anchor="middle">{int(tick * 100)}%</text>')
    out.append("</svg>")
    return "".join(out)


def funnel_chart(steps: Sequence[tuple[str, int]], label: str, width: int = 640) -> str:
    top = max((k for _, k in steps), default=0) or 1
    step_h = 34
    height = len(steps) * step_h + 8
    out = [
        f'<svg id="funnel" class="chart" role="img" aria-label="{t(label)}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">'
    ]
    for i, (name, k) in enumerate(steps):
        w = max(2.0, (width - 20) * k / top)
        x = (width - w) / 2
        y = i * step_h + 4
        out.append(f'<rect class="step" x="{x:.1f}" y="{y}" width="{w:.1f}" height="{step_h - 6}" fill="#5b8fc7"/>')
        out.append(f'<text x="{width / 2}" y="{y + 18}" text-anchor="middle" font-size="12" fill="#000">{t(name)}: {k}</text>')
    out.append("</svg>")
    return "".join(out)


def timeline_chart(rows: Sequence[Mapping[str, Any]], names: Sequence[tuple[str, str]], label: str, width: int = 720) -> str:
    """Grouped bars per month: one colour per series."""
    colours = ("#4a7db5", "#f0ad4e", "#5cb85c")
    height, bottom, left = 220, 30, 36
    top = max((int(r[key]) for r in rows for key, _ in names), default=0) or 1
    slot = (width - left - 10) / max(1, len(rows))
    bar = max(1.0, slot / (len(names) + 1))
    out = [
        f'<svg id="timeline" class="chart" role="img" aria-label="{t(label)}" width="{width}" height="{height + 30}" '
        f'viewBox="0 0 {width} {height + 30}">'
    ]
    for i, row in enumerate(rows):
        for j, (key, _) in enumerate(names):
            h = (height - bottom) * int(row[key]) / top
            x = left + i * slot + j * bar
            out.append(
                f'<rect class="bar" x="{x:.1f}" y="{height - bottom - h:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                f'fill="{colours[j]}"/>'
            )
        if len(rows) <= 24 or i % max(1, len(rows) // 12) == 0:
            out.append(f'<text x="{left + i * slot:.1f}" y="{height - bottom + 12}" font-size="9">{t(row["bulan"])}</text>')
    out.append(f'<text x="2" y="12" font-size="10">{top}</text>')
    for j, (_, name) in enumerate(names):
        out.append(f'<rect x="{left + j * 170}" y="{height + 8}" width="10" height="10" fill="{colours[j]}"/>')
        out.append(f'<text x="{left + j * 170 + 14}" y="{height + 17}" font-size="11">{t(name)}</text>')
    out.append("</svg>")
    return "".join(out)


# ---- the page -------------------------------------------------------------------------------------------
class _Page:
    def __init__(self, result: AuditResult, lang: str, exports: str, tables: Mapping[str, list[dict[str, Any]]]) -> None:
        self.r = result
        self.lang = lang
        self.exports = exports
        self.tables = tables
        self.out: list[str] = []

    def w(self, key: str) -> str:
        return t(WORDS[key].get(self.lang))

    def o(self, key: str | None) -> str:
        if key is None:
            return "—"
        word = OUTCOME_WORDS.get(key)
        return t(word.get(self.lang) if word else key)

    def links(self, name: str) -> str:
        rows = self.tables[name]
        if self.exports == "files":
            csv_href, json_href = f"tables/{name}.csv", f"tables/{name}.json"
        else:
            csv_href = "data:text/csv;charset=utf-8;base64," + base64.b64encode(table_csv(rows).encode()).decode()
            json_href = "data:application/json;charset=utf-8;base64," + base64.b64encode(table_json(rows).encode()).decode()
        return (
            f'<p class="exports" data-table="{t(name)}">{self.w("exports")}: '
            f'<a class="export" download="{t(name)}.csv" href="{t(csv_href)}">{t(name)}.csv</a>'
            f'<a class="export" download="{t(name)}.json" href="{t(json_href)}">{t(name)}.json</a></p>'
        )

    def run(self) -> str:
        r = self.r
        self.out += [
            "<!DOCTYPE html>",
            f'<html lang="{self.lang}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
            f"<title>{self.w('title')}</title>",
            '<link rel="icon" href="data:,">',
            f"<style>{CSS}</style>",
            "</head>",
            "<body>",
            f"<h1>{self.w('title')}</h1>",
            '<dl class="meta">',
            f"<dt>{self.w('register')}</dt><dd><code>{t(r.source)}</code> ({t(r.form)})</dd>",
            f'<dt>{self.w("rulebook")}</dt><dd><code id="rulebook-hash">{t(r.rulebook_hash)}</code></dd>',
            f'<dt>{self.w("counts")}</dt><dd id="counts">{r.rows} {self.w("rows")}; {len(r.results)} {self.w("cases")}; '
            f"{r.rejected_cases} {self.w('rejected_cases')}; {r.distinct_incidents} {self.w('distinct')}</dd>",
            f'<dt>{self.w("settings")}</dt><dd id="settings">{self.w("alpha")}: {r.settings.alpha}; '
            f"{self.w('correction')}: {self.w('holm' if r.settings.correction == 'holm' else 'bh')}; "
            f"{self.w('min_group')}: {r.settings.min_group}; {self.w('confidence')}: {r.settings.confidence}</dd>",
            "</dl>",
        ]
        self.summary()
        self.funnel()
        self.timeline()
        self.flagged()
        self.groups()
        self.rejected()
        self.cases()
        self.out += [f"<script>{SCRIPT}</script>", "</body>", "</html>"]
        return "\n".join(self.out) + "\n"

    def summary(self) -> None:
        rows = self.tables["hasil"]
        self.out.append(f'<section id="ringkasan"><h2>{self.w("summary")}</h2>')
        self.out.append(
            f"<table><tr><th>{self.w('outcome')}</th><th>{self.w('number')}</th><th>{self.w('share')}</th>"
            f"<th>{self.w('interval')}</th></tr>"
        )
        for row in rows:
            self.out.append(
                f'<tr><td>{self.o(row["hasil"])}</td><td class="n">{row["jumlah"]}</td><td class="n">{_pct(row["proporsi"])}</td>'
                f'<td class="n">{_pct(row["ci_bawah"])}–{_pct(row["ci_atas"])}</td></tr>'
            )
        self.out.append("</table>")
        bars = [
            (OUTCOME_WORDS[row["hasil"]].get(self.lang), row["proporsi"] or 0.0, row["ci_bawah"], row["ci_atas"], "")
            for row in rows
        ]
        self.out.append(bar_chart(bars, WORDS["summary"].get(self.lang)))
        self.out.append(self.links("hasil"))
        self.out.append(f"<h3>{self.w('uncertain')}</h3><table><tr><th>{self.w('reason')}</th><th>{self.w('number')}</th></tr>")
        for row in self.tables["hukum_belum_pasti"]:
            self.out.append(f'<tr><td>{self.o(row["alasan"])}</td><td class="n">{row["jumlah"]}</td></tr>')
        self.out.append("</table>" + self.links("hukum_belum_pasti") + "</section>")

    def funnel(self) -> None:
        steps = [(OUTCOME_WORDS[row["tahap"]].get(self.lang), int(row["jumlah"])) for row in self.tables["corong"]]
        self.out.append(f'<section id="corong"><h2>{self.w("funnel")}</h2>')
        self.out.append(funnel_chart(steps, WORDS["funnel"].get(self.lang)))
        self.out.append(f"<table><tr><th>{self.w('outcome')}</th><th>{self.w('number')}</th></tr>")
        for row in self.tables["tindak_lanjut"]:
            self.out.append(f'<tr><td>{self.o(row["status"])}</td><td class="n">{row["jumlah"]}</td></tr>')
        self.out.append("</table>" + self.links("corong") + self.links("tindak_lanjut") + "</section>")

    def timeline(self) -> None:
        names = [(key, OUTCOME_WORDS[key].get(self.lang)) for key in ("dilaporkan", "direkomendasikan", "dijatuhi_hukuman")]
        lag = self.r.lag_days()
        self.out.append(f'<section id="lini-waktu"><h2>{self.w("timeline")}</h2>')
        self.out.append(timeline_chart(self.tables["lini_waktu"], names, WORDS["timeline"].get(self.lang)))
        self.out.append(
            f"<p>{self.w('lag')}: median {lag['median'] if lag['median'] is not None else '—'} "
            f"({lag['kuartil_bawah'] if lag['kuartil_bawah'] is not None else '—'}–"
            f"{lag['kuartil_atas'] if lag['kuartil_atas'] is not None else '—'}), n = {lag['jumlah']}</p>"
        )
        self.out.append(self.links("lini_waktu") + "</section>")

    def group_table(self, rows: Sequence[GroupRow]) -> None:
        self.out.append(
            f"<table><tr><th>{self.w('dimension')}</th><th>{self.w('value')}</th><th>{self.w('metric')}</th>"
            f"<th>k / n</th><th>{self.w('share')}</th><th>{self.w('interval')}</th><th>{self.w('rest')}</th>"
            f"<th>{self.w('difference')}</th><th>{self.w('p')}</th><th>{self.w('q')}</th></tr>"
        )
        for g in rows:
            cls = ' class="flag"' if g.flagged else (' class="small"' if g.too_small else "")
            diff = (
                f"{_pct(g.difference)} ({_pct(g.diff_low)}–{_pct(g.diff_high)})"
                if g.difference is not None
                else self.w("too_small")
            )
            self.out.append(
                f"<tr{cls}><td>{t(DIMENSION_WORDS[g.dimension].get(self.lang))}</td><td>{t(g.value)}</td>"
                f'<td>{t(METRIC_WORDS[g.metric].get(self.lang))}</td><td class="n">{g.k} / {g.n}</td>'
                f'<td class="n">{_pct(g.share)}</td><td class="n">{_pct(g.low)}–{_pct(g.high)}</td>'
                f'<td class="n">{g.rest_k} / {g.rest_n}</td><td class="n">{diff}</td>'
                f'<td class="n">{_p(g.p_value)}</td><td class="n">{_p(g.adjusted)}</td></tr>'
            )
        self.out.append("</table>")

    def flagged(self) -> None:
        self.out.append(f'<section id="ditandai"><h2>{self.w("flagged")}</h2>')
        flagged = self.r.flagged()
        if flagged:
            self.group_table(flagged)
        else:
            self.out.append(f"<p>{self.w('none_flagged')}</p>")
        self.out.append(self.links("ditandai") + "</section>")

    def groups(self) -> None:
        self.out.append(f'<section id="kelompok"><h2>{self.w("groups")}</h2>')
        for metric in METRICS:
            for dimension in DIMENSIONS:
                rows = [g for g in self.r.groups if g.metric == metric and g.dimension == dimension]
                if not rows:
                    continue
                title = f"{DIMENSION_WORDS[dimension].get(self.lang)}: {METRIC_WORDS[metric].get(self.lang)}"
                self.out.append(f'<h3 id="kelompok-{metric}-{dimension}">{t(title)}</h3>')
                bars = [
                    (g.value, g.share or 0.0, g.low, g.high, "flag" if g.flagged else ("small" if g.too_small else ""))
                    for g in rows[:40]
                ]
                self.out.append(bar_chart(bars, title))
                self.group_table(rows)
        self.out.append(self.links("kelompok") + "</section>")

    def rejected(self) -> None:
        self.out.append(f'<section id="ditolak"><h2>{self.w("rejected")}</h2>')
        rows = self.tables["ditolak"]
        if not rows:
            self.out.append(f"<p>{self.w('no_rejected')}</p>")
        else:
            self.out.append(
                f"<table><tr><th>{self.w('case')}</th><th>{self.w('line')}</th><th>{self.w('column')}</th>"
                f"<th>{self.w('field')}</th><th>{self.w('code')}</th><th>{self.w('message')}</th></tr>"
            )
            for row in rows:
                self.out.append(
                    f'<tr><td>{t(row["kasus"] or "—")}</td><td class="n">{row["baris"]}</td><td class="n">{row["kolom"]}</td>'
                    f"<td>{t(row['isian'] or '—')}</td><td>{t(row['kode'])}</td><td>{t(row['pesan'])}</td></tr>"
                )
            self.out.append("</table>")
        self.out.append(self.links("ditolak") + "</section>")

    def cases(self) -> None:
        results = self.r.results
        shown = results[:MAX_CASES_SHOWN]
        self.out.append(f'<section id="perkara"><h2>{self.w("drill")}</h2>')
        if len(results) > len(shown):
            self.out.append(f"<p>{t(WORDS['shown_first'].get(self.lang).format(shown=len(shown), total=len(results)))}</p>")
        self.out.append(
            f'<table id="daftar-perkara"><tr><th>{self.w("case")}</th><th>{self.w("outcome")}</th>'
            f"<th>{self.w('law')}</th><th>{self.w('imposed')}</th></tr>"
        )
        for r in shown:
            imp = r.case.imposition
            self.out.append(
                f'<tr><td><a class="case-link" href="#{anchor(r.case.case_id)}">{t(r.case.case_id)}</a></td>'
                f"<td>{self.o(r.outcome)}</td><td>{t(r.required.level)}</td>"
                f"<td>{self.o(imp.status)} {t(imp.tier or imp.category or '')}</td></tr>"
            )
        self.out.append("</table>" + self.links("perkara"))
        for r in shown:
            self.case(r)
        self.out.append("</section>")

    def case(self, r: CaseResult) -> None:
        c = r.case
        self.out.append(f'<details class="case" id="{anchor(c.case_id)}"><summary>{t(c.case_id)}: {self.o(r.outcome)}</summary>')
        req = r.required
        self.out.append(f"<p><b>{self.w('law')}</b>: {t(req.level)}")
        if req.options:
            self.out.append(" (" + t("; ".join(req.options)) + ")")
        if req.minimum:
            self.out.append(f"; minimum: {t(req.minimum)}")
        if r.reason:
            self.out.append(f"; {self.w('reason')}: {self.o(r.reason)}")
        self.out.append("</p>")
        self.out.append(f"<p><b>{self.w('tracks')}</b></p><ul>")
        for track in req.tracks:
            contested = f" ({t(', '.join(track['tingkat_lain']))})" if track["diperdebatkan"] else ""
            self.out.append(
                f"<li>{t(track['kategori'])}: {t(track['status'])} {t(track['tingkat'] or '')} "
                f"{t(', '.join(track['ketentuan']))}{contested}</li>"
            )
        self.out.append("</ul>")
        for key, enforcement in (("recommended", c.recommendation), ("imposed", c.imposition)):
            if enforcement is None:
                self.out.append(f"<p><b>{self.w(key)}</b>: —</p>")
                continue
            parts = [enforcement.status if key == "imposed" else "", enforcement.category, enforcement.tier, enforcement.kind]
            when = enforcement.date.isoformat() if enforcement.date else ""
            by = enforcement.by or ""
            self.out.append(
                f"<p><b>{self.w(key)}</b>: {t(' / '.join(p for p in parts if p))} {t(when)} {t(by)}"
                f"{(' — ' + t(enforcement.reason)) if enforcement.reason else ''}</p>"
            )
        attrs = "; ".join(f"{DIMENSION_WORDS[d].get(self.lang)}: {', '.join(v)}" for d, v in r.attributes.items())
        self.out.append(f"<p><b>{self.w('attributes')}</b>: {t(attrs)}</p></details>")


def render_audit_html(result: AuditResult, lang: str = "id", exports: str = "data") -> str:
    """The page. `exports`: "data" (data: links, a page on its own) or "files" (links to tables/)."""
    check_lang(lang)
    return _Page(result, lang, exports, result.tables()).run()


__all__ = ["CSP", "OUTCOMES", "anchor", "render_audit_html", "table_csv", "table_json"]

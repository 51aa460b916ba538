"""The `audit` command: the consistency audit of a register of cases (docs/enforcement.md), and
`audit generate`, a seeded synthetic register.

    netralrules audit perkara.csv [--out DIR] [--format text|json|html] [--alpha 0.05] [--koreksi bh|holm]
    netralrules audit generate --seed 7 --cases 200 [--format csv|jsonl] [-o FILE] [--tanpa-disparitas]

Exit status: 0 every case audited; 1 some rows rejected (they are listed, and the rest audited);
2 the register cannot be read, or bad arguments.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
from pathlib import Path
from typing import TextIO

from netralrules.cli.common import load_rules
from netralrules.diagnostics import Text, make
from netralrules.diagnostics.render import render_all
from netralrules.source import SourceFile, Span

_REASONS: dict[type[OSError], str] = {
    FileNotFoundError: "berkas tidak ada",
    IsADirectoryError: "ini folder, bukan berkas",
    PermissionError: "tidak ada izin membacanya",
}


def add_audit_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    a = sub.add_parser(
        "audit",
        help="audit konsistensi hukuman yang dijatuhkan / consistency audit of sanctions imposed",
        description="netralrules audit REGISTER.csv|REGISTER.jsonl, atau / or: netralrules audit generate --seed N --cases K",
    )
    a.add_argument("register", metavar="REGISTER", help="register .csv atau .jsonl, atau `generate` / or `generate`")
    a.add_argument("--rules", action="append", metavar="PATH", help="berkas atau folder aturan / rules file or folder")
    a.add_argument(
        "--format",
        choices=("text", "json", "html", "csv", "jsonl"),
        default=None,
        dest="output",
        help="keluaran audit: text, json, html; generate: csv, jsonl / audit output: text, json, html; generate: csv, jsonl",
    )
    a.add_argument("--out", metavar="DIR", help="tulis report.html, audit.json dan tables/*.csv / write them to DIR")
    a.add_argument(
        "--lang", choices=("id", "en"), default="id", help="bahasa laporan dan pesan / language of the report and messages"
    )
    a.add_argument("--alpha", type=float, default=0.05, help="taraf nyata / significance level (0.05)")
    a.add_argument(
        "--koreksi",
        "--correction",
        dest="correction",
        choices=("bh", "holm"),
        default="bh",
        help="koreksi perbandingan berganda / correction for many comparisons (Benjamini–Hochberg, Holm)",
    )
    a.add_argument(
        "--kelompok-minimum",
        "--min-group",
        dest="min_group",
        type=int,
        default=30,
        help="ukuran kelompok minimum / minimum group size (30)",
    )
    a.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="proses / processes (bawaan: semua inti / all cores)")
    a.add_argument("--seed", type=int, default=1, help="generate: benih acak / random seed")
    a.add_argument("--cases", "--perkara", dest="cases", type=int, default=200, help="generate: jumlah perkara / cases")
    a.add_argument("-o", "--output", dest="output_file", metavar="FILE", help="generate: berkas keluaran / output file")
    a.add_argument(
        "--tanpa-disparitas", "--no-planted", dest="no_planted", action="store_true", help="generate: tanpa disparitas tertanam"
    )


def run_audit(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    rulebook = load_rules(args.rules, args.lang, err)
    if rulebook is None:
        return 1
    if args.register == "generate":
        return _generate(args, rulebook, out, err)
    from netralrules.tools.audit import AuditSettings, audit, sanction_kinds
    from netralrules.tools.audit_input import RegisterError, decode, read_register

    path = args.register
    try:
        data = Path(path).read_bytes()
        text = decode(path, data)
        register = read_register(path, text, sanction_kinds(rulebook))
    except OSError as error:
        reason_en = error.strerror or type(error).__name__
        reason = _REASONS.get(type(error), reason_en)
        diagnostic = make("E0801", Span(path, 0, 0), suggestion="form", path=path, reason=reason, reason_en=reason_en)
        err.write(render_all([diagnostic], {}, args.lang))
        return 2
    except RegisterError as error:
        sources = {error.source.path: error.source} if error.source is not None else {}
        err.write(render_all([error.diagnostic], sources, args.lang))
        return 2
    # The register's objects live until the end: keep the collector from walking them again and
    # again (a few seconds on 100,000 cases, docs/performance.md). The command may; the library never does.
    gc.freeze()
    settings = AuditSettings(alpha=args.alpha, correction=args.correction, min_group=args.min_group)
    result = audit(register, rulebook, settings, workers=args.workers)
    if register.rejected:
        err.write(render_all([r.diagnostic for r in register.rejected], {path: register.source}, args.lang))
    if args.out:
        _write_folder(result, Path(args.out), args.lang)
    output = args.output or "text"
    if output == "json":
        out.write(result.to_json())
    elif output == "html":
        from netralrules.tools.audit_html import render_audit_html

        out.write(render_audit_html(result, args.lang))
    elif output == "text":
        out.write(_text(result, register.source, args.lang))
    return 1 if register.rejected else 0


def _write_folder(result: object, folder: Path, lang: str) -> None:
    from netralrules.tools.audit import AuditResult
    from netralrules.tools.audit_html import render_audit_html, table_csv, table_json

    assert isinstance(result, AuditResult)
    tables = folder / "tables"
    tables.mkdir(parents=True, exist_ok=True)
    for name, rows in result.tables().items():
        (tables / f"{name}.csv").write_text(table_csv(rows), encoding="utf-8")
        (tables / f"{name}.json").write_text(table_json(rows), encoding="utf-8")
    (folder / "audit.json").write_text(result.to_json(), encoding="utf-8")
    (folder / "report.html").write_text(render_audit_html(result, lang, exports="files"), encoding="utf-8")


_TEXT: dict[str, Text] = {
    "head": Text(
        "Audit konsistensi: {cases} perkara ({rows} baris, {rejected} perkara ditolak, {distinct} insiden berbeda dinilai)",
        "Consistency audit: {cases} cases ({rows} rows, {rejected} cases rejected, {distinct} distinct incidents evaluated)",
    ),
    "settings": Text(
        "Pengaturan: alpha {alpha}, koreksi {correction}, kelompok minimum {min_group}",
        "Settings: alpha {alpha}, correction {correction}, minimum group {min_group}",
    ),
    "outcomes": Text("Hasil:", "Outcomes:"),
    "flagged": Text("Disparitas yang ditandai:", "Disparities flagged:"),
    "none": Text("Tidak ada kelompok yang ditandai.", "No group is flagged."),
    "row": Text(
        "  {dimension} = {value}: {metric} {k}/{n} ({share}) dibanding sisanya {rk}/{rn} ({rshare}); p terkoreksi {q}",
        "  {dimension} = {value}: {metric} {k}/{n} ({share}) against the rest {rk}/{rn} ({rshare}); adjusted p {q}",
    ),
}


def _text(result: object, source: SourceFile, lang: str) -> str:
    from netralrules.tools.audit import AuditResult

    assert isinstance(result, AuditResult)
    words = {key: text.get(lang) for key, text in _TEXT.items()}
    s = result.settings
    lines = [
        words["head"].format(
            cases=len(result.results), rows=result.rows, rejected=result.rejected_cases, distinct=result.distinct_incidents
        ),
        words["settings"].format(alpha=s.alpha, correction=s.correction, min_group=s.min_group),
        words["outcomes"],
    ]
    for row in result.outcome_table():
        share = "—" if row["proporsi"] is None else f"{100 * row['proporsi']:.1f}%"
        lines.append(f"  {row['hasil']}: {row['jumlah']} ({share})")
    lines.append(words["flagged"])
    flagged = result.flagged()
    if not flagged:
        lines.append(words["none"])
    for g in flagged:
        rest = g.rest_k / g.rest_n if g.rest_n else 0.0
        lines.append(
            words["row"].format(
                dimension=g.dimension,
                value=g.value,
                metric=g.metric,
                k=g.k,
                n=g.n,
                share=f"{100 * (g.share or 0):.1f}%",
                rk=g.rest_k,
                rn=g.rest_n,
                rshare=f"{100 * rest:.1f}%",
                q=f"{g.adjusted:.2g}" if g.adjusted is not None else "—",
            )
        )
    return "\n".join(lines) + "\n"


def _generate(args: argparse.Namespace, rulebook: object, out: TextIO, err: TextIO) -> int:
    from netralrules.rulebook import Rulebook
    from netralrules.tools.audit_generate import generate, to_csv, to_jsonl

    assert isinstance(rulebook, Rulebook)
    if args.cases < 0:
        err.write("error: --cases >= 0\n")
        return 2
    records = generate(args.seed, args.cases, rulebook, plant=not args.no_planted)
    form = args.output or ("csv" if (args.output_file or "").endswith(".csv") else "jsonl")
    if form not in ("csv", "jsonl"):
        err.write("error: generate --format csv|jsonl\n")
        return 2
    text = to_csv(records) if form == "csv" else to_jsonl(records)
    if args.output_file:
        Path(args.output_file).write_text(text, encoding="utf-8")
        summary = {"berkas": args.output_file, "perkara": len(records), "benih": args.seed}
        out.write(json.dumps(summary, ensure_ascii=False) + "\n")
    else:
        out.write(text)
    return 0

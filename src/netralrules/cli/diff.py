"""The `diff` command: two versions of a rulebook over a folder of incidents; which outcomes change.

Exit codes: 0 no outcome changes; 1 some outcome changes, or some incident file could not be
evaluated (both listed); 2 usage errors (a path that does not exist, no incident files, a
rulebook with errors).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TextIO

from netralrules.cli.common import load_rules
from netralrules.diagnostics import Text
from netralrules.explain.words import ASSESSMENTS, CATEGORIES, STATUSES, TIERS, TRACK_STATUSES, pick
from netralrules.source import printable
from netralrules.tools.diff import RulebookDiff, TrackOutcome, diff_rulebooks, incident_files

_WORDS: dict[str, Text] = {
    "old": Text("Buku aturan lama", "Old rulebook"),
    "new": Text("Buku aturan baru", "New rulebook"),
    "provisions": Text("Ketentuan yang berubah", "Provisions changed"),
    "none": Text("tidak ada", "none"),
    "counts": Text(
        "Insiden dinilai: {0}; hasilnya berubah: {1}; gagal dinilai: {2}",
        "Incidents evaluated: {0}; outcome changed: {1}; could not be evaluated: {2}",
    ),
    "because": Text("ketentuan penyebab", "provisions responsible"),
    "sanctions": Text("sanksi", "sanctions"),
    "failed": Text("Gagal dinilai", "Could not be evaluated"),
    "tier": Text("tingkat", "tier"),
    "changed": Text("berubah", "changed"),
    "act": Text("tindakan", "act"),
    "assessment": Text("penilaian", "assessment"),
    "gaps": Text("Celah yang berubah", "Gap declarations changed"),
    "procedures": Text("Prosedur yang berubah", "Procedures changed"),
}


def add_diff_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    d = sub.add_parser("diff", help="bandingkan dua versi rulebook atas kumpulan insiden / compare two rulebook versions")
    d.add_argument("old", help="folder atau berkas aturan versi lama / old rules")
    d.add_argument("new", help="folder atau berkas aturan versi baru / new rules")
    d.add_argument("incidents", nargs="+", help="folder atau berkas insiden (JSON/YAML) / incident files or folders")
    d.add_argument("--format", choices=("text", "json"), default="text", dest="output")
    d.add_argument(
        "--lang",
        choices=("id", "en"),
        default="id",
        help="bahasa laporan dan pesan (bawaan: id) / language of the report and messages",
    )


def run_diff(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    missing = [p for p in args.incidents if not Path(p).exists()]
    if missing:
        err.write(printable(f"error: tidak ditemukan / not found: {', '.join(missing)}\n"))
        return 2
    if not incident_files(args.incidents):
        err.write(
            printable(f"error: tidak ada berkas insiden (*.json, *.yaml) di {', '.join(args.incidents)} / no incident files\n")
        )
        return 2
    old = load_rules([args.old], args.lang, err)
    new = load_rules([args.new], args.lang, err)
    if old is None or new is None:
        return 2
    result = diff_rulebooks(old, new, args.incidents)
    if args.output == "json":
        out.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    else:
        out.write(printable(render_diff(result, args.lang)))  # incident ids and paths come from the input
    return 1 if result.changes or result.failures else 0


def _track(t: TrackOutcome, lang: str) -> str:
    tier = f", {pick(_WORDS, 'tier', lang)} {pick(TIERS, t.tier, lang)}" if t.tier else ""
    return f"{pick(TRACK_STATUSES, t.status, lang)}{tier}"


def _results(results: tuple[str, ...], lang: str) -> str:
    shown = []
    for r in results:
        status, _, tier = r.partition(" ")
        shown.append(pick(STATUSES, status, lang) + (f" ({pick(TIERS, tier, lang)})" if tier else ""))
    return "; ".join(shown) or "-"


def render_diff(result: RulebookDiff, lang: str = "id") -> str:
    """The diff as text for a reviewer, in Indonesian (default) or English."""

    def w(key: str) -> str:
        return pick(_WORDS, key, lang)

    lines = [f"{w('old')}: {result.old_hash}", f"{w('new')}: {result.new_hash}", f"{w('provisions')}:"]
    lines += [f"  - {p.citation} ({p.provision}): {', '.join(p.changes)}" for p in result.provisions] or [f"  {w('none')}"]
    if result.gaps:
        lines.append(f"{w('gaps')}:")
        lines += [f"  - {g.gap}: {', '.join(g.changes)}" for g in result.gaps]
    if result.procedures:
        lines.append(f"{w('procedures')}:")
        lines += [f"  - {p.instrument}: {', '.join(p.changes)}" for p in result.procedures]
    lines.append(w("counts").format(result.incidents, len(result.changes), len(result.failures)))
    for c in result.changes:
        lines += ["", f"{c.path} ({c.incident_id})"]
        for t in c.tracks:
            lines.append(f"  {pick(CATEGORIES, t.category, lang)}: {_track(t.old, lang)} → {_track(t.new, lang)}")
            if t.old.sanctions != t.new.sanctions:
                lines.append(f"    {w('sanctions')}: {'; '.join(t.old.sanctions) or '-'} → {'; '.join(t.new.sanctions) or '-'}")
        for a in c.assessments:
            old, new = pick(ASSESSMENTS, a.old, lang), pick(ASSESSMENTS, a.new, lang)
            lines.append(f"  {w('assessment')} ({w('act')} {a.act + 1}): {old} → {new}")
        lines.append(f"  {w('because')}:")
        for r in c.responsible:
            what = f" [{w('changed')}: {', '.join(r.changes)}]" if r.changes else ""
            lines.append(
                f"    - {r.citation} ({r.provision}){what}: {_results(r.old_status, lang)} → {_results(r.new_status, lang)}"
            )
    if result.failures:
        lines += ["", f"{w('failed')}:"]
        lines += [f"  {f.path}: {Text(f.message, f.message_en).get(lang)}" for f in result.failures]
    return "\n".join(lines) + "\n"

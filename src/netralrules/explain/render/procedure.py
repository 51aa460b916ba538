"""The decision's procedure section (`prosedur`, evaluation/procedure.py) → lines of a short
"Prosedur / Procedure" block, for every view that renders the determination (text, Markdown, HTML).

The lines are plain text; each view lays them out (a heading, lines and list items). Sources and
their reliability are not shown here: they stay in the rulebook and the decision JSON.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from netralrules.diagnostics import Text
from netralrules.diagnostics.text import pick
from netralrules.explain.words import CATEGORIES
from netralrules.explain.words import TIERS as WORD_TIERS

WORDS: dict[str, Text] = {
    "heading": Text("Prosedur", "Procedure"),
    "basis": Text("Dasar", "Basis"),
    "track": Text("jalur", "track"),
    "tier": Text("tingkat", "tier"),
    "tier_open": Text("tingkat belum ditentukan", "tier not determined"),
    "tiers_read": Text("dibaca untuk tingkat", "read for the tiers"),
    "team": Text("Tim Pemeriksa", "Examining team"),
    "steps": Text("Langkah", "Steps"),
    "limits": Text("Batas waktu", "Time limits"),
    "remedies": Text("Upaya administratif", "Administrative remedies"),
    "open": Text("Terbuka (tidak ditemukan atau tidak diatur dalam sumber)", "Open (not found or not settled in the sources)"),
    "no_article": Text(
        "Butir tanpa pasal: pasalnya belum ditemukan dalam sumber (lihat pertanyaan hukum terbuka).",
        "Items without an article: their article was not found in the sources (see the open legal questions).",
    ),
    "to": Text("kepada", "to"),
    "for": Text("untuk", "for"),
}
# The register's events (checker/procedures.py EVENTS) as the summary's one line of time limits names them.
EVENT_WORDS: dict[str, Text] = {
    "dilaporkan": Text("laporan", "the report"),
    "diteruskan": Text("penerusan", "forwarding"),
    "rekomendasi": Text("rekomendasi", "the recommendation"),
    "pemanggilan": Text("pemanggilan", "the summons"),
    "tidak_hadir": Text("ketidakhadiran", "the absence"),
    "pemeriksaan": Text("pemeriksaan", "the examination"),
    "hukuman_dijatuhkan": Text("penetapan keputusan hukuman", "the sanction decision"),
    "keputusan_disampaikan": Text("penyampaian keputusan", "delivery of the decision"),
    "keputusan_diterima": Text("penerimaan keputusan", "receipt of the decision"),
    "hukuman_tidak_dijatuhkan": Text("keputusan tidak menghukum", "the decision not to sanction"),
    "keberatan": Text("keberatan", "the objection"),
    "banding": Text("banding", "the appeal"),
    "ditutup": Text("penutupan perkara", "closing the case"),
}
# The steps (checker/procedures.py STEP_CODES) as the annex of sources names what a source supports.
STEP_WORDS: dict[str, Text] = {
    "kewajiban_menindaklanjuti": Text("kewajiban menindaklanjuti", "the duty to act"),
    "pemanggilan": Text("pemanggilan", "the summons"),
    "pemeriksaan": Text("pemeriksaan", "the examination"),
    "pembebasan_sementara": Text("pembebasan sementara dari tugas jabatan", "temporary release from duties"),
    "penjatuhan_hukuman": Text("penjatuhan hukuman", "imposing the sanction"),
    "penyampaian_keputusan": Text("penyampaian keputusan", "delivering the decision"),
    "tanggung_jawab_atasan": Text("tanggung jawab atasan langsung", "the direct superior's liability"),
    "tanggung_jawab_pejabat": Text("tanggung jawab pejabat yang berwenang menghukum", "the imposing official's liability"),
}
UNITS: dict[str, Text] = {"hari_kerja": Text("hari kerja", "working days"), "hari_kalender": Text("hari", "days")}


def _limit_brief(limit: Mapping[str, Any], lang: str) -> str:
    """`pemanggilan → pemeriksaan: paling lambat 7 hari kerja` from the limit's own data."""
    since = pick(EVENT_WORDS, str(limit.get("sejak")), lang)
    unit = pick(UNITS, str(limit.get("satuan")), lang)
    amount = limit.get("jumlah")
    if limit.get("jenis") == "pada_hari_ke":
        return Text(f"berlaku pada hari ke-{amount} sejak {since}", f"takes effect on day {amount} after {since}").get(lang)
    until = pick(EVENT_WORDS, str(limit.get("sampai")), lang)
    return Text(f"{since} → {until}: paling lambat {amount} {unit}", f"{since} → {until}: within {amount} {unit}").get(lang)


TEAM_STATUSES: dict[str, Text] = {
    "wajib": Text("wajib", "mandatory"),
    "opsional": Text("opsional", "optional"),
    "tidak_disebut": Text("tidak disebut dalam sumber", "not mentioned in the sources"),
    "bergantung_bacaan": Text("bergantung pada bacaan tingkat", "depends on the reading of the tier"),
    "bergantung_tingkat": Text("bergantung pada tingkat yang belum ditentukan", "depends on the tier, not yet determined"),
}
REMEDIES: dict[str, Text] = {
    "keberatan": Text("Keberatan", "Objection (keberatan)"),
    "banding_administratif": Text("Banding administratif", "Administrative appeal (banding administratif)"),
}
# The tracks and tiers as the report names them elsewhere; a dismissal "tier" of the per-tier team
# status is the dismissal track's own word.
TRACKS: dict[str, Text] = CATEGORIES
TIERS: dict[str, Text] = {**WORD_TIERS, "pemberhentian": CATEGORIES["pemberhentian"]}


@dataclass(frozen=True)
class Line:
    """One line of the block: its depth (0 = under the heading) and whether it is a list item."""

    level: int
    text: str
    item: bool = False


def _w(key: str, lang: str) -> str:
    return WORDS[key].get(lang)


def _text(entry: Mapping[str, Any], lang: str) -> str:
    """The item's plain words in the report's language (Indonesian when no English is written)."""
    indonesian = str(entry.get("uraian") or "")
    return Text(indonesian, str(entry.get("uraian_en") or indonesian)).get(lang)


def _basis(entry: Mapping[str, Any]) -> str:
    """` (PP 94/2021 Pasal 26 ayat (1))`; nothing for an item whose article was not found (one
    line under the block says so, instead of the same words on every line)."""
    return f" ({entry['rujukan']})" if entry.get("rujukan") else ""


def _unfound(entry: Mapping[str, Any]) -> bool:
    return bool(entry.get("terbuka")) and not entry.get("rujukan")


def heading(lang: str) -> str:
    return _w("heading", lang)


def procedure_lines(data: Mapping[str, Any] | None, lang: str, detail: str = "standard") -> list[Line]:
    """The block's lines for the decision's `prosedur` (none when it is null). `summary` keeps what
    must happen and by when (the basis, the examining team, the time limits, the remedies); the
    steps in words come at `standard` and `full`. The chain of bodies is the referral's, and what
    the law leaves open is among the open legal questions (`procedure_open_lines`)."""
    if not data:
        return []
    brief = detail == "summary"
    unfound = False
    out: list[Line] = []
    track = pick(TRACKS, str(data["jalur"]), lang)
    if data["jalur"] != "disiplin":
        tier = ""  # ethics and dismissal have no disciplinary tier
    elif data.get("tingkat"):
        tier = f", {_w('tier', lang)} {pick(TIERS, str(data['tingkat']), lang)}"
    elif data.get("tingkat_dibaca"):
        tier = f", {_w('tiers_read', lang)} " + ", ".join(pick(TIERS, str(t), lang) for t in data["tingkat_dibaca"])
    else:
        tier = f", {_w('tier_open', lang)}"
    out.append(Line(0, f"{_w('basis', lang)}: {data['dasar']} ({_w('track', lang)} {track}{tier})."))
    team = data.get("tim_pemeriksa") or {}
    if team.get("uraian"):  # the procedure says something of an examining team
        status = pick(TEAM_STATUSES, str(team.get("status")), lang)
        per_tier = team.get("per_tingkat") or {}
        if team.get("status") in ("bergantung_bacaan", "bergantung_tingkat"):
            status += ": " + "; ".join(f"{pick(TIERS, t, lang)}: {pick(TEAM_STATUSES, s, lang)}" for t, s in per_tier.items())
        out.append(Line(0, f"{_w('team', lang)}: {status}{_basis(team)}."))
        unfound |= _unfound(team)
        if not brief:
            out.append(Line(1, _text(team, lang)))
    if data.get("langkah") and not brief:
        out.append(Line(0, f"{_w('steps', lang)}:"))
        for step in data["langkah"]:
            who = f"{step['oleh']}: " if step.get("oleh") else ""
            out.append(Line(1, f"{who}{_text(step, lang)}{_basis(step)}", True))
            unfound |= _unfound(step)
    if data.get("batas_waktu") and brief:
        out.append(Line(0, f"{_w('limits', lang)}: " + "; ".join(_limit_brief(x, lang) for x in data["batas_waktu"]) + "."))
        unfound |= any(_unfound(x) for x in data["batas_waktu"])
    elif data.get("batas_waktu"):
        out.append(Line(0, f"{_w('limits', lang)}:"))
        for limit in data["batas_waktu"]:
            out.append(Line(1, f"{_text(limit, lang)}{_basis(limit)}", True))
            unfound |= _unfound(limit)
    if data.get("upaya_administratif"):
        out.append(Line(0, f"{_w('remedies', lang)}:"))
        for remedy in data["upaya_administratif"]:
            to = f" {_w('to', lang)} {remedy['kepada']}" if remedy.get("kepada") else ""
            head = f"{pick(REMEDIES, str(remedy['jenis']), lang)}{to}"
            # The summary names the remedy; its definition (PP 79/2021 Pasal 1) is in the full report.
            words = "" if brief else f": {_text(remedy, lang)}"
            out.append(Line(1, f"{head}{words}{_basis(remedy)}", True))
            unfound |= _unfound(remedy)
    if unfound and not brief:  # the open legal questions are in the full report
        out.append(Line(0, _w("no_article", lang)))
    return out


def procedure_open_lines(data: Mapping[str, Any] | None, lang: str) -> list[str]:
    """What the law leaves open about the procedure (`prosedur.terbuka`), one line each, for the
    report's open legal questions."""
    if not data:
        return []
    return [f"{_w('heading', lang)} {data['dasar']}: {_text(point, lang)}" for point in data.get("terbuka") or ()]


def procedure_html(lines: Sequence[Line], lang: str) -> list[str]:
    """The block as HTML: a heading, then the lines (items as lists), every text escaped."""
    out = [f'<section class="procedure" id="procedure"><h3>{html.escape(heading(lang))}</h3>']
    in_list = False
    for line in lines:
        if line.item and not in_list:
            out.append("<ul>")
            in_list = True
        elif not line.item and in_list:
            out.append("</ul>")
            in_list = False
        text = html.escape(line.text)
        out.append(f"<li>{text}</li>" if line.item else f'<p class="level{line.level}">{text}</p>')
    if in_list:
        out.append("</ul>")
    out.append("</section>")
    return out


def procedure_sources(data: Mapping[str, Any] | None) -> list[tuple[Sequence[Mapping[str, Any]], Text]]:
    """The sources of each item of the decision's procedure, with what they support (`Prosedur
    PP 94/2021: langkah pemeriksaan`), for the report's annex of sources."""
    if not data:
        return []
    head = Text(f"Prosedur {data['dasar']}", f"Procedure {data['dasar']}")
    out: list[tuple[Sequence[Mapping[str, Any]], Text]] = []

    def add(entry: Mapping[str, Any], what: Text) -> None:
        if entry.get("sumber"):
            out.append((entry["sumber"], Text(f"{head.id}: {what.id}", f"{head.en}: {what.en}")))

    for step in data.get("langkah") or ():
        words = STEP_WORDS.get(str(step["kode"]), Text(str(step["kode"]), str(step["kode"])))
        add(step, Text(f"langkah {words.id}", f"step: {words.en}"))
    add(data.get("tim_pemeriksa") or {}, WORDS["team"])
    for limit in data.get("batas_waktu") or ():
        # Named by what it counts (`pemanggilan → pemeriksaan`), not by the code the rules give it.
        add(limit, Text(f"batas waktu {_limit_brief(limit, 'id')}", f"time limit: {_limit_brief(limit, 'en')}"))
    for remedy in data.get("upaya_administratif") or ():
        add(remedy, REMEDIES.get(str(remedy["jenis"]), Text(str(remedy["jenis"]), str(remedy["jenis"]))))
    return out

"""Procedure: the rulebook's procedures (`prosedur`) + a determination → what must happen next. Pure.

The section is chosen by the regime of the discipline track (the instrument its provisions cite,
else the procedure in force on the last act's date) and its tier; with no discipline track, by the
ethics track; with neither, a dismissal track gets the remedies open against a dismissal. A
respondent who is not ASN, or a case with none of these tracks, has no procedure section. Nothing
about the law is written here: steps, the examining team, limits, remedies and what is open are
the rulebook's, with their citations; this module only selects them.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from netralrules.checker.procedures import open_points
from netralrules.evaluation.determination import Determination, Track, source_json
from netralrules.evaluation.kinds import DeterminationStatus
from netralrules.evaluation.referral import Referral
from netralrules.syntax import ast
from netralrules.syntax.ast import Category, Tier

NOT_STATED = "tidak_disebut"  # the procedure says nothing of an examining team for this tier
DEPENDS_ON_READING = "bergantung_bacaan"  # contested tier: mandatory under one reading, not another
DEPENDS_ON_TIER = "bergantung_tingkat"  # the tier is not determined: the status per tier is given
# Said when only a dismissal track applies: the rulebook's procedures are those of discipline.
DISMISSAL_ONLY = (
    "Langkah pemeriksaan dan batas waktu untuk pemberhentian di luar hukuman disiplin tidak diuraikan dalam buku aturan.",
    "The examination steps and time limits for a dismissal outside the disciplinary sanctions are not described in the rulebook.",
)
# Said when an election-crime track applies as well: the rulebook's sources describe no handling
# route for it (no Gakkumdu procedure is encoded), and this section is not that route.
CRIMINAL_ROUTE_OPEN = (
    "Penanganan tindak pidana pemilu pada jalur pidana tidak diuraikan dalam buku aturan; prosedur ini bukan prosedur pidana.",
    "How the election crime of the criminal track is handled is not described in the rulebook; this procedure is not "
    "the criminal procedure.",
)


@dataclass(frozen=True)
class ProcedureSection:
    """The procedure that follows from a decision: which one, for which tier (or tiers, where the
    tier is contested), and whether a dismissal track applies."""

    procedure: ast.Procedure
    instrument: ast.Instrument | None
    track: Category  # the track that chose it (disiplin, etik, or pemberhentian)
    tier: Tier | None  # the track's tier; None when not determined or contested
    tiers: tuple[Tier, ...]  # the tiers the procedure is read for (both readings when contested)
    dismissal: bool  # a dismissal track applies: the remedies against a dismissal are open
    criminal: bool = False  # an election-crime track applies too (its route is not in the rulebook)


def in_force(p: ast.Procedure, instrument: ast.Instrument | None, date: datetime.date) -> bool:
    """Whether a procedure applies on a date: its own `berlaku` (both ends included), else its
    instrument's period (from `berlaku sejak`, until the day before `dicabut`)."""
    if p.validity is not None:
        start = p.validity.start.value if p.validity.start is not None else None
        last = p.validity.end.value if p.validity.end is not None else None
    elif instrument is not None:
        start = instrument.in_force.value if instrument.in_force is not None else None
        repealed = instrument.repealed_on.value if instrument.repealed_on is not None else None
        last = repealed - datetime.timedelta(days=1) if repealed is not None else None
    else:
        return False
    return (start is None or start <= date) and (last is None or date <= last)


def select(
    procedures: Mapping[str, ast.Procedure],
    instruments: Mapping[str, ast.Instrument],
    provisions: Mapping[str, ast.Provision],
    determination: Determination,
    act_dates: Sequence[datetime.date],
    asn: bool | None,
) -> ProcedureSection | None:
    """The procedure section of a decision, or None (not ASN, or no discipline, ethics or dismissal track)."""
    if asn is False or not procedures:
        return None
    tracks = {t.category: t for t in determination.tracks if t.status is not DeterminationStatus.NONE}
    dismissal = Category.PEMBERHENTIAN in tracks
    criminal = Category.PIDANA in tracks
    for category in (Category.DISIPLIN, Category.ETIK):
        track = tracks.get(category)
        if track is None:
            continue
        chosen = _by_regime(procedures, provisions, track)
        if chosen is None and category is Category.DISIPLIN:
            # A discipline track resting on guidance only (an SKB item): the procedure of its date.
            chosen = _by_date(procedures, instruments, act_dates)
        if chosen is None:
            continue
        tiers = (track.tier, *track.contested_tiers) if track.tier is not None else ()
        tier = track.tier if not track.contested else None
        return ProcedureSection(chosen, instruments.get(chosen.id.name), category, tier, tiers, dismissal, criminal)
    if dismissal:
        chosen = _by_date(procedures, instruments, act_dates)
        if chosen is not None:
            return ProcedureSection(chosen, instruments.get(chosen.id.name), Category.PEMBERHENTIAN, None, (), True, criminal)
    return None


def _by_regime(
    procedures: Mapping[str, ast.Procedure], provisions: Mapping[str, ast.Provision], track: Track
) -> ast.Procedure | None:
    """The procedure of the instrument the track's provisions cite (or base their tier on)."""
    for pid in track.provisions:
        p = provisions.get(pid)
        if p is None:
            continue
        names = [p.citation.instrument.name] if p.citation is not None else []
        if p.outcome is not None and p.outcome.tier_basis is not None:
            names.append(p.outcome.tier_basis.instrument.name)
        for name in names:
            if name in procedures:
                return procedures[name]
    return None


def _by_date(
    procedures: Mapping[str, ast.Procedure], instruments: Mapping[str, ast.Instrument], act_dates: Sequence[datetime.date]
) -> ast.Procedure | None:
    """The discipline procedure in force on the last act's date (the first in name order if several)."""
    if not act_dates:
        return None
    date = max(act_dates)
    found = [p for name, p in sorted(procedures.items()) if p.team is not None and in_force(p, instruments.get(name), date)]
    return found[0] if found else None


# ---- JSON ------------------------------------------------------------------------------------
def instrument_label(name: str, instrument: ast.Instrument | None) -> str:
    """`PP 94/2021` from the instrument's kind, number and year; its name when they are not given."""
    if instrument is None or instrument.kind is None or instrument.number is None or instrument.year is None:
        return name
    return f"{instrument.kind.name} {instrument.number}/{instrument.year}"


def citation_text(c: ast.Citation, instruments: Mapping[str, ast.Instrument]) -> str:
    """`PP 94/2021 Pasal 26 ayat (1)`: the instrument first, as a reviewer reads it."""
    words = {"pasal": "Pasal", "lampiran": "Lampiran", "ayat": "ayat", "huruf": "huruf", "angka": "angka"}
    parts = [f"{words[p.kind]} ({p.value})" if p.kind == "ayat" else f"{words[p.kind]} {p.value}" for p in c.parts]
    return " ".join([instrument_label(c.instrument.name, instruments.get(c.instrument.name)), *parts])


def _basis(d: ast.ProcedureDetail, instruments: Mapping[str, ast.Instrument]) -> str | None:
    if d.citation is not None:
        return citation_text(d.citation, instruments)
    return d.basis


def prose(text: str | None) -> str | None:
    """A text written over several lines, as one paragraph (procedure texts are prose, not
    statutory text whose lines are kept)."""
    return " ".join(text.split("\n")) if text is not None else None


def _detail(d: ast.ProcedureDetail, instruments: Mapping[str, ast.Instrument]) -> dict[str, Any]:
    return {
        "uraian": prose(d.text),
        "uraian_en": prose(d.text_en),
        "rujukan": _basis(d, instruments),
        "terbuka": d.open is not None,
        "sumber": [source_json(s) for s in d.sources],
    }


def team_status(team: ast.ExaminingTeam | None, tier: Tier) -> str:
    """`wajib`, `opsional`, or `tidak_disebut` for one tier."""
    if team is not None:
        for rule in team.rules:
            if tier in rule.tiers:
                return rule.status
    return NOT_STATED


def procedure_json(
    section: ProcedureSection, instruments: Mapping[str, ast.Instrument], referral: Referral | None
) -> dict[str, Any]:
    """The `prosedur` section of the decision JSON (keys in Indonesian, like the rest)."""
    p = section.procedure
    only_dismissal = section.track is Category.PEMBERHENTIAN
    undetermined = section.track is Category.DISIPLIN and not section.tiers
    per_tier = {str(t): team_status(p.team, t) for t in (tuple(Tier) if undetermined else section.tiers)}
    statuses = set(per_tier.values())
    if len(statuses) == 1:
        status = statuses.pop()
    elif statuses:
        status = DEPENDS_ON_TIER if undetermined else DEPENDS_ON_READING
    else:
        status = NOT_STATED
    team = p.team
    wanted = {str(t) for t in section.tiers} if section.tiers else {str(t) for t in Tier}
    if only_dismissal:
        wanted = set()
    if section.dismissal:
        wanted.add(str(Category.PEMBERHENTIAN))
    remedies = [r for r in p.remedies if wanted & set(r.targets)]
    opened: list[ast.OpenPoint] = []
    if only_dismissal:
        opened = [*p.open_points, *(r.detail.open for r in remedies if r.detail.open is not None)]
    else:
        chosen_ids = {id(r) for r in remedies}
        skipped = {id(r.detail.open) for r in p.remedies if id(r) not in chosen_ids and r.detail.open is not None}
        opened = [o for o in open_points(p) if id(o) not in skipped]
    points = [{"uraian": prose(o.text), "uraian_en": prose(o.text_en)} for o in opened]
    if only_dismissal:
        points.append({"uraian": DISMISSAL_ONLY[0], "uraian_en": DISMISSAL_ONLY[1]})
    if section.criminal:
        points.append({"uraian": CRIMINAL_ROUTE_OPEN[0], "uraian_en": CRIMINAL_ROUTE_OPEN[1]})
    return {
        "instrumen": p.id.name,
        "dasar": instrument_label(p.id.name, section.instrument),
        "jalur": str(section.track),
        "tingkat": str(section.tier) if section.tier is not None else None,
        "tingkat_dibaca": [str(t) for t in section.tiers],
        "langkah": []
        if only_dismissal
        else [{"kode": s.code.name, "oleh": prose(s.detail.by), **_detail(s.detail, instruments)} for s in p.steps],
        "tim_pemeriksa": {
            "status": NOT_STATED if only_dismissal else status,
            "per_tingkat": {} if only_dismissal else per_tier,
            **(
                _detail(team.detail, instruments)
                if team is not None and not only_dismissal
                else {"uraian": None, "uraian_en": None, "rujukan": None, "terbuka": False, "sumber": []}
            ),
        },
        "batas_waktu": []
        if only_dismissal
        else [
            {
                "kode": limit.code.name,
                "jenis": limit.kind,
                "jumlah": limit.amount,
                "satuan": limit.unit,
                "sejak": limit.start.name,
                "sampai": limit.end.name if limit.end is not None else None,
                **_detail(limit.detail, instruments),
            }
            for limit in p.limits
        ],
        "upaya_administratif": [
            {"jenis": r.kind, "kepada": prose(r.to), "untuk": list(r.targets), **_detail(r.detail, instruments)} for r in remedies
        ],
        "alur": [{"lembaga": b.id.name, "langkah": list(b.chain)} for b in referral.bodies] if referral is not None else [],
        "terbuka": points,
    }


# What a compact batch record keeps of the procedure (`ringkas`): who examines with or without a
# team, the time limits and the remedies as data, without the prose, the open points or the sources,
# which the whole decision (`--outcomes all`) and the report carry.
_COMPACT_LIMIT = ("kode", "jenis", "jumlah", "satuan", "sejak", "sampai", "rujukan")
_COMPACT_REMEDY = ("jenis", "kepada", "untuk", "rujukan")
_COMPACT_TEAM = ("status", "per_tingkat", "rujukan")


def compact_procedure(section: Mapping[str, Any]) -> dict[str, Any]:
    """The procedure section of a compact batch record (`ringkas: true` on the section)."""

    def keep(entry: Mapping[str, Any], keys: Sequence[str]) -> dict[str, Any]:
        return {key: entry[key] for key in keys if key in entry}

    out = {key: section[key] for key in ("instrumen", "dasar", "jalur", "tingkat", "tingkat_dibaca") if key in section}
    out["tim_pemeriksa"] = keep(section.get("tim_pemeriksa") or {}, _COMPACT_TEAM)
    out["batas_waktu"] = [keep(limit, _COMPACT_LIMIT) for limit in section.get("batas_waktu") or ()]
    out["upaya_administratif"] = [keep(remedy, _COMPACT_REMEDY) for remedy in section.get("upaya_administratif") or ()]
    out["ringkas"] = True
    return out

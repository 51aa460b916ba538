"""Referral: the supervisory bodies of a checked rulebook + a date → to whom a case is referred. Pure.

Who receives a neutrality case changed over time: Bawaslu finding → KASN
recommendation → PPK, later Bawaslu → BKN → PPK. The rulebook declares each body and its period
(`lembaga_pengawas`); nothing about them is written here. The date that selects the body is the date
of the report (a case is referred when it is reported), or the last act's date when no report date
is given; the referral says which. Where the periods of two bodies overlap the sources disagree, and
the referral is unresolved (contested) rather than a guess; where no body covers the date, it is none.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from netralrules.evaluation.determination import source_json
from netralrules.evaluation.kinds import DeterminationStatus
from netralrules.syntax import ast

REPORT_DATE = "tanggal_laporan"
LAST_ACT_DATE = "tanggal_tindakan_terakhir"

CONTESTED = "diperselisihkan: tanggal acuan berada dalam masa lebih dari satu lembaga pengawas ({bodies}); sumber bertentangan"
NO_BODY = "tidak ada lembaga pengawas dalam buku aturan untuk tanggal acuan ini"


@dataclass(frozen=True)
class Referral:
    """To whom the case goes, on which date, and how sure that is.

    status: `determined` (one body), `unresolved` (periods overlap: contested), `none` (no body)."""

    date: datetime.date
    date_basis: str  # REPORT_DATE or LAST_ACT_DATE
    status: DeterminationStatus
    bodies: tuple[ast.Supervisor, ...]
    reasons: tuple[str, ...] = ()


def referral_date(report_date: datetime.date | None, act_dates: Sequence[datetime.date]) -> tuple[datetime.date, str]:
    """The date that selects the body: the report's date, else the last act's (reported after it)."""
    if report_date is not None:
        return report_date, REPORT_DATE
    return max(act_dates), LAST_ACT_DATE


def serves_on(body: ast.Supervisor, date: datetime.date) -> bool:
    """Whether a body's declared period includes the date (both ends included; an open end is unbounded)."""
    v = body.validity
    if v is None:
        return True
    if v.start is not None and date < v.start.value:
        return False
    return v.end is None or date <= v.end.value


def refer(supervisors: Mapping[str, ast.Supervisor], date: datetime.date, basis: str) -> Referral:
    """The referral on a date, from the rulebook's supervisory bodies."""
    bodies = tuple(supervisors[name] for name in sorted(supervisors) if serves_on(supervisors[name], date))
    if len(bodies) == 1:
        return Referral(date, basis, DeterminationStatus.DETERMINED, bodies)
    if bodies:
        names = ", ".join(b.id.name for b in bodies)
        return Referral(date, basis, DeterminationStatus.UNRESOLVED, bodies, (CONTESTED.format(bodies=names),))
    return Referral(date, basis, DeterminationStatus.NONE, (), (NO_BODY,))


def referral_json(r: Referral) -> dict[str, Any]:
    """The referral as JSON (keys in Indonesian, like the rest of the decision)."""
    return {
        "tanggal_acuan": r.date.isoformat(),
        "dasar_tanggal": r.date_basis,
        "status": r.status,
        "lembaga": [_body_json(b) for b in r.bodies],
        "alasan": list(r.reasons),
    }


def _body_json(b: ast.Supervisor) -> dict[str, Any]:
    v = b.validity
    return {
        "nama": b.id.name,
        "judul": b.title,
        "berlaku_sejak": v.start.value.isoformat() if v is not None and v.start is not None else None,
        "berlaku_sampai": v.end.value.isoformat() if v is not None and v.end is not None else None,
        "alur": list(b.chain),
        "catatan": b.note,
        "sumber": [source_json(s) for s in b.sources],
    }

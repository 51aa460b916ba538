"""The conduct space and where the rulebook covers it: rulebook → gap matrix.

For every act kind of the vocabulary × respondent status × period in which the set of provisions
in force is constant × election stage × election kind, the act is evaluated with the engine's own
three-valued logic and every other fact unknown, except the facts with a documented default
(`tindakan.kewajiban_disangkakan` is `tidak_ada` unless stated, docs/incident.md: otherwise the
general duties of PP 94/2021 Pasal 3 would seem to cover every cell). A provision *can apply* in a
cell when it fires or stays undecided there; a cell where none can (every provision false, not
binding the respondent, or not in force) is a **gap**: a report of that conduct would be "no
violation" without any provision having been considered.

An election stage is placed by giving the election dates around the act's date (`_TIMELINES`):
several timelines per stage, so that conditions measured from the election dates (six months
before penetapan, the campaign days) are met in some sample when they can be met in that stage.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from netralrules.diagnostics import Text
from netralrules.facts.schema import JENIS_PEMILU, JENIS_TINDAKAN, STATUS_KEPEGAWAIAN
from netralrules.rulebook import Rulebook
from netralrules.values import UNKNOWN

ASN_STATUSES = ("PNS", "CPNS", "PPPK")
# Stages of an election, in order (the six; `bakal_calon` is registration to penetapan).
STAGES = ("sebelum_pendaftaran", "bakal_calon", "sesudah_penetapan", "masa_kampanye", "masa_tenang", "sesudah_pemungutan")
STAGE_LABELS: Mapping[str, Text] = {
    "sebelum_pendaftaran": Text("sebelum pendaftaran", "before registration"),
    "bakal_calon": Text("bakal calon (pendaftaran s.d. penetapan)", "prospective candidates (registration to penetapan)"),
    "sesudah_penetapan": Text("sesudah penetapan, sebelum kampanye", "after penetapan, before the campaign"),
    "masa_kampanye": Text("masa kampanye", "campaign"),
    "masa_tenang": Text("masa tenang", "quiet days"),
    "sesudah_pemungutan": Text("sesudah pemungutan suara", "after the vote"),
}
# Day offsets from the act's date: registration, penetapan, campaign start, campaign end, vote.
_TIMELINES: Mapping[str, tuple[tuple[int, int, int, int, int], ...]] = {
    "sebelum_pendaftaran": ((40, 70, 73, 130, 134), (400, 430, 433, 490, 494)),
    "bakal_calon": ((-10, 20, 23, 80, 84), (-1, 1, 4, 60, 64)),
    "sesudah_penetapan": ((-40, -10, 3, 60, 64), (-31, -1, 1, 58, 62)),
    "masa_kampanye": ((-60, -30, -27, 30, 34), (-33, -3, 0, 57, 61), (-90, -60, -57, 0, 4)),
    "masa_tenang": ((-100, -70, -67, -2, 2), (-98, -68, -65, -1, 3)),
    "sesudah_pemungutan": ((-140, -110, -107, -40, -36), (-104, -74, -71, -5, -1)),
}
# Facts that have a documented value when a report does not state them.
DEFAULTS: Mapping[str, object] = {"kewajiban_disangkakan": "tidak_ada"}
# A defeated provision is covered by the exception that fired, which is listed itself.
_CAN_APPLY = frozenset({"fired", "unknown"})


@dataclass(frozen=True)
class Period:
    """A stretch of days in which the same provisions are in force; `end` None is open-ended."""

    start: datetime.date
    end: datetime.date | None

    @property
    def sample(self) -> datetime.date:
        """A day well inside the period (its middle; a year in, for the open-ended last one)."""
        if self.end is None:
            return self.start + datetime.timedelta(days=365)
        return self.start + (self.end - self.start) // 2

    def label(self) -> str:
        return f"{self.start.isoformat()} – {self.end.isoformat() if self.end else '…'}"


@dataclass(frozen=True)
class Cell:
    """One cell of the conduct space and the provisions that can apply in it, per election kind."""

    status: str
    period: int
    stage: str
    act_kind: str
    provisions: Mapping[str, tuple[str, ...]]  # election kind → provisions that can apply

    @property
    def gap_kinds(self) -> tuple[str, ...]:
        """The election kinds for which no provision can apply."""
        return tuple(kind for kind, provisions in self.provisions.items() if not provisions)

    @property
    def is_gap(self) -> bool:
        return bool(self.gap_kinds)

    @property
    def covering(self) -> tuple[str, ...]:
        """Every provision that can apply for some election kind."""
        return tuple(sorted({p for provisions in self.provisions.values() for p in provisions}))


@dataclass(frozen=True)
class GapMatrix:
    """The whole conduct space of one rulebook."""

    rulebook_hash: str
    periods: tuple[Period, ...]
    statuses: tuple[str, ...]
    act_kinds: tuple[str, ...]
    election_kinds: tuple[str, ...]
    cells: tuple[Cell, ...]

    def gaps(self, statuses: Iterable[str] | None = None) -> tuple[Cell, ...]:
        wanted = set(statuses) if statuses is not None else set(self.statuses)
        return tuple(c for c in self.cells if c.is_gap and c.status in wanted)

    def count_by_status(self) -> dict[str, int]:
        counts = dict.fromkeys(self.statuses, 0)
        for cell in self.cells:
            counts[cell.status] += cell.is_gap
        return counts

    def to_dict(self) -> dict[str, Any]:
        return {
            "rulebook": self.rulebook_hash,
            "periode": [{"mulai": p.start.isoformat(), "selesai": p.end.isoformat() if p.end else None} for p in self.periods],
            "tahap": list(STAGES),
            "status": list(self.statuses),
            "jenis_tindakan": list(self.act_kinds),
            "jenis_pemilu": list(self.election_kinds),
            "celah_per_status": self.count_by_status(),
            "sel": [
                {
                    "status": c.status,
                    "periode": c.period,
                    "tahap": c.stage,
                    "jenis_tindakan": c.act_kind,
                    "ketentuan": c.covering,
                    "celah_untuk": list(c.gap_kinds),
                }
                for c in self.cells
            ],
        }


class _CellFacts:
    """The facts of one sample: the acts of every kind on one day, everything else unknown."""

    def __init__(self, status: str, election: Mapping[str, object], date: datetime.date, act_kinds: Sequence[str]) -> None:
        self.incident_id = "celah"
        self.report_date = None
        self._status = status
        self._election = election
        self._date = date
        self._kinds = act_kinds
        self.act_dates = tuple(date for _ in act_kinds)

    def fact(self, path: tuple[str, ...], act_index: int) -> object:
        root, name = path
        if root == "responden":
            return self._status if name == "status_kepegawaian" else [] if name == "sanksi_sebelumnya" else UNKNOWN
        if root == "pemilu":
            return self._election.get(name, UNKNOWN)
        if name == "tanggal":
            return self._date
        if name == "jenis":
            return self._kinds[act_index]
        return DEFAULTS.get(name, UNKNOWN)


def periods(rulebook: Rulebook, since: datetime.date | None = None) -> tuple[Period, ...]:
    """The periods in which the set of instruments and provisions in force is constant, from `since`
    (default: the first day an instrument is in force)."""
    bounds: set[datetime.date] = set()
    for instrument in rulebook.checked.instruments.values():
        bounds.update(d.value for d in (instrument.in_force, instrument.repealed_on) if d is not None)
    for compiled in rulebook.plan.provisions:
        bounds.add(compiled.start)
        if compiled.end is not None:
            bounds.add(compiled.end + datetime.timedelta(days=1))
    ordered = sorted(b for b in bounds if since is None or b > since)
    first = since if since is not None else ordered.pop(0)
    starts = [first, *ordered]
    return tuple(
        Period(start, starts[i + 1] - datetime.timedelta(days=1) if i + 1 < len(starts) else None)
        for i, start in enumerate(starts)
    )


def _election(date: datetime.date, kind: str, offsets: tuple[int, int, int, int, int]) -> dict[str, object]:
    days = [date + datetime.timedelta(days=d) for d in offsets]
    keys = ("tanggal_pendaftaran", "tanggal_penetapan", "kampanye_mulai", "kampanye_selesai", "tanggal_pemungutan")
    return {"jenis": kind, **dict(zip(keys, days, strict=True))}


def compute(
    rulebook: Rulebook,
    *,
    since: datetime.date | None = None,
    statuses: Sequence[str] = STATUS_KEPEGAWAIAN.values,
    act_kinds: Sequence[str] = JENIS_TINDAKAN.values,
    election_kinds: Sequence[str] = JENIS_PEMILU.values,
) -> GapMatrix:
    """The gap matrix of a rulebook (see the module's docstring)."""
    spans = periods(rulebook, since)
    cells = []
    for status in statuses:
        for index, period in enumerate(spans):
            for stage in STAGES:
                found: dict[str, dict[str, set[str]]] = {kind: {k: set() for k in election_kinds} for kind in act_kinds}
                for election_kind in election_kinds:
                    for offsets in _TIMELINES[stage]:
                        facts = _CellFacts(status, _election(period.sample, election_kind, offsets), period.sample, act_kinds)
                        for outcome in rulebook.outcomes(facts):
                            if outcome.status in _CAN_APPLY:
                                found[act_kinds[outcome.act]][election_kind].add(outcome.provision)
                for kind in act_kinds:
                    provisions = {k: tuple(sorted(v)) for k, v in found[kind].items()}
                    cells.append(Cell(status, index, stage, kind, provisions))
    return GapMatrix(rulebook.content_hash, spans, tuple(statuses), tuple(act_kinds), tuple(election_kinds), tuple(cells))

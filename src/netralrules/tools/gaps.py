"""The conduct space and where the rulebook covers it: rulebook → gap matrix.

For every act kind of the vocabulary × respondent status × period in which the set of provisions
in force is constant × election stage × election kind, the act is evaluated with the engine's own
three-valued logic and every other fact unknown, except the facts with a documented default
(`tindakan.kewajiban_disangkakan` is `tidak_ada` unless stated, docs/incident.md: otherwise the
general duties of PP 94/2021 Pasal 3 would seem to cover every cell). A provision *can apply* in a
cell when it fires or stays undecided there; a cell where none can (every provision false, not
binding the respondent, or not in force) is a **gap**: a report of that conduct would be "no
violation" without any provision having been considered.

A gap cell is *declared* when gap declarations of the rulebook (`celah`, `CheckedRulebook.gaps`)
cover it, for the whole period, for every election kind in which it is a gap; otherwise it is
*undeclared*: the rulebook is silent where it should say why it is silent. A declaration that
touches no gap cell at all is *stale*.

An election stage is placed by giving the election dates around the act's date (`_TIMELINES`):
several timelines per stage, so that conditions measured from the election dates (six months
before penetapan, the campaign days) are met in some sample when they can be met in that stage.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from netralrules.diagnostics import Text
from netralrules.evaluation.coverage import DEFAULTS, CellFacts, can_apply
from netralrules.facts.schema import ASN_STATUSES, JENIS_PEMILU, JENIS_TINDAKAN, STAGES, STATUS_KEPEGAWAIAN
from netralrules.rulebook import Rulebook
from netralrules.syntax.ast import GapDeclaration

# ASN_STATUSES, DEFAULTS and STAGES (imported above, and so exported here): the six stages of an election, in order, as gap
# declarations name them (`tahap`).
__all__ = [
    "ASN_STATUSES",
    "DEFAULTS",
    "STAGES",
    "STAGE_LABELS",
    "Cell",
    "GapMatrix",
    "Period",
    "UndeclaredRow",
    "compute",
    "periods",
]
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
_LAST_BOUND = datetime.date(9990, 1, 1)


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


def _covers_period(decl: GapDeclaration, act_kind: str, status: str, period: Period, stage: str, election_kind: str) -> bool:
    """Whether a declaration covers a cell on every day of its period."""
    if not decl.covers(act_kind, status, period.start, stage, election_kind):
        return False
    if period.end is None:
        return decl.end is None
    return decl.covers(act_kind, status, period.end, stage, election_kind)


def _touches(decl: GapDeclaration, act_kind: str, status: str, period: Period, stage: str, election_kind: str) -> bool:
    """Whether a declaration covers a cell on some day of its period."""
    day = max(period.start, decl.start)
    if period.end is not None and day > period.end:
        return False
    return decl.covers(act_kind, status, day, stage, election_kind)


@dataclass(frozen=True)
class Cell:
    """One cell of the conduct space and the provisions that can apply in it, per election kind."""

    status: str
    period: int
    stage: str
    act_kind: str
    provisions: Mapping[str, tuple[str, ...]]  # election kind → provisions that can apply
    # election kind in which the cell is a gap → the gap declarations covering it for its whole period
    declared: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def gap_kinds(self) -> tuple[str, ...]:
        """The election kinds for which no provision can apply."""
        return tuple(kind for kind, provisions in self.provisions.items() if not provisions)

    @property
    def is_gap(self) -> bool:
        return bool(self.gap_kinds)

    @property
    def is_declared(self) -> bool:
        """A gap that declarations cover in every election kind in which it is a gap."""
        return self.is_gap and all(self.declared.get(kind) for kind in self.gap_kinds)

    @property
    def is_undeclared(self) -> bool:
        return self.is_gap and not self.is_declared

    @property
    def declarations(self) -> tuple[str, ...]:
        """The ids of the declarations covering the cell for some election kind in which it is a gap."""
        return tuple(sorted({d for kind in self.gap_kinds for d in self.declared.get(kind, ())}))

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
    # The rulebook's gap declarations (`celah`), by id, and those that touch no gap cell (stale).
    declarations: Mapping[str, GapDeclaration] = field(default_factory=dict)
    stale: tuple[str, ...] = ()

    def gaps(self, statuses: Iterable[str] | None = None) -> tuple[Cell, ...]:
        wanted = set(statuses) if statuses is not None else set(self.statuses)
        return tuple(c for c in self.cells if c.is_gap and c.status in wanted)

    def count_by_status(self) -> dict[str, int]:
        counts = dict.fromkeys(self.statuses, 0)
        for cell in self.cells:
            counts[cell.status] += cell.is_gap
        return counts

    def count_declared_by_status(self) -> dict[str, tuple[int, int]]:
        """Per status, the gap cells that are declared and those that are not."""
        counts = {status: (0, 0) for status in self.statuses}
        for cell in self.cells:
            if cell.is_gap:
                declared, undeclared = counts[cell.status]
                counts[cell.status] = (declared + cell.is_declared, undeclared + cell.is_undeclared)
        return counts

    def undeclared_rows(self, statuses: Iterable[str] = ASN_STATUSES) -> tuple[UndeclaredRow, ...]:
        """The undeclared gap cells of the given statuses, one row per status and act kind, in the
        order of the matrix."""
        wanted = set(statuses)
        rows: dict[tuple[str, str], list[Cell]] = {}
        for cell in self.cells:
            if cell.status in wanted and cell.is_undeclared:
                rows.setdefault((cell.status, cell.act_kind), []).append(cell)
        out = []
        for (status, act_kind), cells in rows.items():
            indexes = tuple(sorted({c.period for c in cells}))
            stages = tuple(s for s in STAGES if any(c.stage == s for c in cells))
            kinds = {k for c in cells for k in c.gap_kinds if not c.declared.get(k)}
            elections = tuple(k for k in self.election_kinds if k in kinds)
            out.append(UndeclaredRow(status, act_kind, indexes, stages, elections))
        return tuple(out)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rulebook": self.rulebook_hash,
            "periode": [{"mulai": p.start.isoformat(), "selesai": p.end.isoformat() if p.end else None} for p in self.periods],
            "tahap": list(STAGES),
            "status": list(self.statuses),
            "jenis_tindakan": list(self.act_kinds),
            "jenis_pemilu": list(self.election_kinds),
            "celah_per_status": self.count_by_status(),
            "celah_dinyatakan_per_status": {s: n[0] for s, n in self.count_declared_by_status().items()},
            "celah_tidak_dinyatakan_per_status": {s: n[1] for s, n in self.count_declared_by_status().items()},
            "deklarasi_celah": [
                {"id": d.id, "jenis": str(d.kind), "alasan": d.reason, "basi": d.id in self.stale}
                for d in self.declarations.values()
            ],
            "sel": [
                {
                    "status": c.status,
                    "periode": c.period,
                    "tahap": c.stage,
                    "jenis_tindakan": c.act_kind,
                    "ketentuan": c.covering,
                    "celah_untuk": list(c.gap_kinds),
                    "celah_dinyatakan": c.is_declared if c.is_gap else None,
                    "deklarasi_celah": list(c.declarations),
                }
                for c in self.cells
            ],
        }


@dataclass(frozen=True)
class UndeclaredRow:
    """The undeclared gap cells of one status and act kind: in which periods (indexes into
    `GapMatrix.periods`), stages and election kinds."""

    status: str
    act_kind: str
    periods: tuple[int, ...]
    stages: tuple[str, ...]
    election_kinds: tuple[str, ...]


def periods(
    rulebook: Rulebook, since: datetime.date | None = None, declarations: Iterable[GapDeclaration] = ()
) -> tuple[Period, ...]:
    """The periods in which the set of instruments and provisions in force is constant, from `since`
    (default: the first day an instrument is in force), also split where a gap declaration starts
    or ends, so that a declaration covers a period wholly or not at all."""
    bounds: set[datetime.date] = set()
    for decl in declarations:
        # Not at the end of the calendar: the samples of a period lie up to 500 days after its start.
        ends = (decl.start, decl.end + datetime.timedelta(days=1) if decl.end is not None and decl.end < _LAST_BOUND else None)
        bounds.update(d for d in ends if d is not None and d < _LAST_BOUND)
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
    declarations: Mapping[str, GapDeclaration] | None = None,
) -> GapMatrix:
    """The gap matrix of a rulebook (see the module's docstring). `declarations` are the gap
    declarations to read (default: the rulebook's own, `rulebook.checked.gaps`)."""
    decls = dict(rulebook.checked.gaps if declarations is None else declarations)
    spans = periods(rulebook, since, decls.values())
    cells = []
    for status in statuses:
        for index, period in enumerate(spans):
            for stage in STAGES:
                found: dict[str, dict[str, set[str]]] = {kind: {k: set() for k in election_kinds} for kind in act_kinds}
                for election_kind in election_kinds:
                    for offsets in _TIMELINES[stage]:
                        facts = CellFacts(status, _election(period.sample, election_kind, offsets), period.sample, act_kinds)
                        for act, provisions_here in enumerate(can_apply(rulebook, facts)):
                            found[act_kinds[act]][election_kind] |= provisions_here
                for kind in act_kinds:
                    provisions = {k: tuple(sorted(v)) for k, v in found[kind].items()}
                    declared = {
                        ek: tuple(d.id for d in decls.values() if _covers_period(d, kind, status, period, stage, ek))
                        for ek, covering in provisions.items()
                        if not covering
                    }
                    cells.append(Cell(status, index, stage, kind, provisions, declared))
    stale = _stale(decls, cells, spans, statuses)
    return GapMatrix(
        rulebook.content_hash,
        spans,
        tuple(statuses),
        tuple(act_kinds),
        tuple(election_kinds),
        tuple(cells),
        decls,
        stale,
    )


def _stale(
    decls: Mapping[str, GapDeclaration], cells: Sequence[Cell], spans: Sequence[Period], statuses: Sequence[str]
) -> tuple[str, ...]:
    """Declarations that touch no gap cell, among those the matrix could show (a status it has, and
    dates that reach its first period): another `--status` or `--since` does not make them stale."""
    out = []
    for decl in decls.values():
        if not set(decl.statuses) & set(statuses) or (decl.end is not None and spans and decl.end < spans[0].start):
            continue
        touched = any(_touches(decl, c.act_kind, c.status, spans[c.period], c.stage, kind) for c in cells for kind in c.gap_kinds)
        if not touched:
            out.append(decl.id)
    return tuple(out)

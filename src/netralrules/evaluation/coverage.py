"""Coverage: compiled rulebook + one act's cell → which provisions can apply to it at all.

A *cell* of the conduct space is what places an act before any detail is known: the respondent's
employment status, the act's kind and date, and the election (its kind and key dates, hence the
stage). The act is evaluated with the engine's own three-valued logic and every other fact
unknown, except the facts with a documented default (`tindakan.kewajiban_disangkakan` is
`tidak_ada` unless stated, docs/incident.md: otherwise the general duties of PP 94/2021 Pasal 3
would seem to cover every cell). A provision *can apply* when it fires or stays undecided there; a
cell where none can (each is false, does not bind the respondent, or is not in force) is a *gap*.

The same computation serves the decision (an act in a gap is *not assessed*, never "no
violation") and the gap matrix of the whole conduct space (`tools/gaps.py`).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from netralrules.compiler import CompiledRulebook, FactReader
from netralrules.diagnostics import Text
from netralrules.evaluation.evaluator import binds_status, evaluate_plan
from netralrules.evaluation.kinds import Assessment as AssessmentStatus
from netralrules.evaluation.kinds import Status
from netralrules.evaluation.program import evaluate_fast
from netralrules.facts.schema import ASN_STATUSES
from netralrules.syntax import ast
from netralrules.values import UNKNOWN

# Facts that have a documented value when a report does not state them.
DEFAULTS: Mapping[str, object] = {"kewajiban_disangkakan": "tidak_ada"}
# A defeated provision is covered by the exception that fired, which can apply itself.
CAN_APPLY = frozenset({Status.FIRED, Status.UNKNOWN, Status.DEFEATED})
_MEMO_CELLS = 4096
ELECTION_KEYS = ("jenis", "tanggal_pendaftaran", "tanggal_penetapan", "kampanye_mulai", "kampanye_selesai", "tanggal_pemungutan")


@dataclass(frozen=True)
class Cell:
    """What places an act in the conduct space."""

    status: object  # the respondent's employment status (UNKNOWN when not stated)
    act_kind: object
    date: datetime.date
    election: tuple[object, ...]  # the values of ELECTION_KEYS

    @property
    def election_kind(self) -> str | None:
        kind = self.election[0]
        return kind if isinstance(kind, str) else None

    @property
    def stage(self) -> str | None:
        return matrix_stage(self.date, dict(zip(ELECTION_KEYS, self.election, strict=True)))


class CellFacts:
    """The facts of one cell: acts of the given kinds on one day, everything else unknown (or its default)."""

    def __init__(self, status: object, election: Mapping[str, object], date: datetime.date, act_kinds: Sequence[object]) -> None:
        self.incident_id = "celah"
        self.report_date = None
        self._status = status
        self._election = election
        self._kinds = act_kinds
        self._date = date
        self.act_dates = tuple(date for _ in act_kinds)

    def fact(self, path: tuple[str, ...], act_index: int) -> object:
        root, name = path[0], path[-1]
        if root == "responden":
            if name == "status_kepegawaian":
                return self._status
            # No prior sanction is the default of the incident model too (`sanksi_sebelumnya: []`).
            return [] if name == "sanksi_sebelumnya" else UNKNOWN
        if root == "pemilu":
            return self._election.get(name, UNKNOWN)
        if len(path) != 2:
            return UNKNOWN
        if name == "tanggal":
            return self._date
        if name == "jenis":
            return self._kinds[act_index]
        return DEFAULTS.get(name, UNKNOWN)


def can_apply(rulebook: CompiledRulebook, facts: CellFacts) -> list[set[str]]:
    """For each act of `facts`, the provisions that can apply to it."""
    found: list[set[str]] = [set() for _ in facts.act_dates]
    fast = evaluate_fast(rulebook.plan, facts, facts.act_dates)  # the compiled program, if there is one
    for outcome in (fast if fast is not None else evaluate_plan(rulebook.plan, facts, facts.act_dates)).outcomes:
        if outcome.status in CAN_APPLY:
            found[outcome.act].add(outcome.provision)
    return found


def cell_of(facts: FactReader, act: int, date: datetime.date) -> Cell:
    """The cell of one act of an incident (`facts` reads as evaluation does)."""
    read = facts.fact
    election = tuple(read(("pemilu", key), act) for key in ELECTION_KEYS)
    return Cell(read(("responden", "status_kepegawaian"), act), read(("tindakan", "jenis"), act), date, election)


def covering(rulebook: CompiledRulebook, cell: Cell) -> tuple[str, ...]:
    """The provisions that can apply in a cell (none: the cell is a gap). Remembered per rulebook:
    the reports of one election share their cells (the same day, kind of act and status)."""
    cache: dict[Cell, tuple[str, ...]] = rulebook.plan.memo.setdefault("coverage", {})
    try:
        found = cache.get(cell)
    except TypeError:  # a value the incident model would not produce (unhashable): no memo
        found, cache = None, {}
    if found is None:
        election = {k: v for k, v in zip(ELECTION_KEYS, cell.election, strict=True) if v is not UNKNOWN}
        found = tuple(sorted(can_apply(rulebook, CellFacts(cell.status, election, cell.date, (cell.act_kind,)))[0]))
        if len(cache) >= _MEMO_CELLS:
            cache.clear()  # bounded: a long batch over many days must not grow it without end
        cache[cell] = found
    return found


def matrix_stage(date: datetime.date, election: Mapping[str, object]) -> str | None:
    """The election stage of the gap matrix (facts.schema.STAGES) on a date, or None when the
    election's dates do not place it."""

    def on(key: str) -> datetime.date | None:
        value = election.get(key)
        return value if isinstance(value, datetime.date) else None

    registration, penetapan = on("tanggal_pendaftaran"), on("tanggal_penetapan")
    start, end, vote = on("kampanye_mulai"), on("kampanye_selesai"), on("tanggal_pemungutan")
    if vote is not None and date > vote:
        return "sesudah_pemungutan"
    if start is not None and end is not None and start <= date <= end:
        return "masa_kampanye"
    if end is not None and date > end:
        return "masa_tenang"
    if penetapan is not None and date >= penetapan:
        return "sesudah_penetapan"
    if registration is not None:
        return "bakal_calon" if date >= registration else "sebelum_pendaftaran"
    return None


@dataclass(frozen=True)
class ActAssessment:
    """Whether one act was assessed, and if not, why.

    `dinilai`: some provision fired, stayed undecided, or could apply and was found not to;
    `tidak_dinilai`: the act of an ASN respondent falls in a gap (no provision can apply to it);
    `di_luar_asn`: the same for a respondent who is not ASN, whose conduct the ASN rules do not govern."""

    act: int
    status: AssessmentStatus
    gaps: tuple[str, ...] = ()  # the declared gaps (`celah`) that cover the act's cell
    gap_kind: str | None = None  # the first declaration's kind (tidak_diatur, diperdebatkan, belum_dikodekan)
    reason: Text | None = None

    @property
    def assessed(self) -> bool:
        return self.status is AssessmentStatus.ASSESSED


def undeclared_reason(cell: Cell) -> Text:
    """The reason of a gap no declaration covers."""
    kind = cell.act_kind if isinstance(cell.act_kind, str) else "?"
    status = cell.status if isinstance(cell.status, str) else "?"
    day = cell.date.isoformat()
    return Text(
        f"tidak ada ketentuan dalam buku aturan yang mencakup tindakan {kind} oleh {status} pada {day}",
        f"no provision in the rulebook covers the act {kind} by a {status} on {day}",
    )


def assess(
    rulebook: CompiledRulebook,
    facts: FactReader,
    act: int,
    date: datetime.date,
    declarations: Iterable[ast.GapDeclaration] = (),
) -> ActAssessment:
    """The assessment of an act none of whose provisions fired, stayed undecided or was defeated:
    assessed when some provision could apply to its cell (it was considered and did not apply),
    otherwise not assessed, with the declared gaps that cover it."""
    cell = cell_of(facts, act, date)
    if covering(rulebook, cell):
        return ActAssessment(act, AssessmentStatus.ASSESSED)
    status = cell.status if isinstance(cell.status, str) else None
    outside = status is not None and status not in ASN_STATUSES
    verdict = AssessmentStatus.OUTSIDE_ASN if outside else AssessmentStatus.NOT_ASSESSED
    declared: list[ast.GapDeclaration] = []
    if status is not None and isinstance(cell.act_kind, str):
        stage, kind = cell.stage, cell.election_kind
        declared = [d for d in declarations if d.covers(cell.act_kind, status, date, stage, kind)]
    if declared:
        first = declared[0]
        reason = Text(" ".join(first.reason.split()), " ".join(first.reason.split()))
        return ActAssessment(act, verdict, tuple(d.id for d in declared), str(first.kind), reason)
    return ActAssessment(act, verdict, (), None, undeclared_reason(cell))


def assessment_json(a: ActAssessment) -> dict[str, Any]:
    """An act's assessment as JSON (keys in Indonesian, like the rest of the decision)."""
    return {
        "status": a.status,
        "celah": list(a.gaps),
        "jenis_celah": a.gap_kind,
        "alasan": a.reason.id if a.reason is not None else None,
        "alasan_en": a.reason.en if a.reason is not None else None,
    }


@dataclass(frozen=True)
class Scope:
    """Whether the ASN rules govern the respondent. For a respondent who is not ASN (a village head,
    an honorer), the provisions of the rulebook that can bind that status: what does govern the
    conduct where the rulebook knows (UU 7/2017 Pasal 490 and 494 for village heads, say)."""

    status: str
    asn: bool
    governing: tuple[str, ...] = ()


def scope_of(rulebook: CompiledRulebook, facts: FactReader) -> Scope | None:
    """The respondent's scope, None when the status is not known."""
    status = facts.fact(("responden", "status_kepegawaian"), 0)
    if not isinstance(status, str):
        return None
    if status in ASN_STATUSES:
        return Scope(status, True)
    provisions = rulebook.checked.provisions
    return Scope(status, False, tuple(sorted(pid for pid, p in provisions.items() if binds_status(p, status))))


def scope_json(s: Scope | None) -> dict[str, Any] | None:
    if s is None:
        return None
    return {"status": s.status, "asn": s.asn, "ketentuan_yang_mengatur": list(s.governing)}

"""Evaluate: plan + incident facts (+ tracer) → findings per act and a determination.

For each act, the law applied is the law in force on the act's date. A provision fires when it is
in force, applies to the respondent, its condition is true, and no exception to it fired.
Nothing unknown is read as false: an undecidable provision is reported as such, with its reason.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Sequence
from dataclasses import dataclass, field

from netralrules.compiler import CompiledProvision, Context, FactReader, Plan, subjects_node, truth
from netralrules.evaluation.kinds import Proof, Status
from netralrules.syntax import ast
from netralrules.trace import FactRead, ProvisionResult, Tracer
from netralrules.values import UNKNOWN

# Subjects named after an employment status, and the statuses each covers.
_STATUS_SUBJECTS: dict[str, frozenset[str]] = {
    "ASN": frozenset({"PNS", "CPNS", "PPPK"}),
    "PNS": frozenset({"PNS"}),
    "CPNS": frozenset({"CPNS"}),
    "PPPK": frozenset({"PPPK"}),
    "kepala_daerah": frozenset({"kepala_daerah"}),
    "pejabat_negara": frozenset({"pejabat_negara"}),
    "kepala_desa": frozenset({"kepala_desa"}),
}
# Subjects that are ASN officials: whoever is known not to be ASN is not one of them, whatever the
# facts about posts say (a village head is no `pejabat_asn`).
_ASN_OFFICIALS = frozenset({"pejabat_struktural", "pejabat_asn", "pejabat_fungsional"})
TIER_ORDER: tuple[ast.Tier, ...] = tuple(ast.Tier)  # lightest first

# The statuses as module globals: this module makes and compares them once per provision per act,
# and on Python 3.11 reading a member off its class (`Status.FIRED`) costs several times a global's
# lookup (EnumType defines __getattr__, which slows every attribute read on the class).
_FIRED, _NOT_FIRED, _UNKNOWN = Status.FIRED, Status.NOT_FIRED, Status.UNKNOWN
_NOT_APPLICABLE, _NOT_IN_FORCE, _DEFEATED = Status.NOT_APPLICABLE, Status.NOT_IN_FORCE, Status.DEFEATED
_DISIPLIN = ast.Category.DISIPLIN
# The reason of a provision left undecided because its date arithmetic left the calendar.
OUT_OF_RANGE_REASON = "perhitungan tanggal di luar kalender (tahun 1-9999)"


@dataclass(frozen=True)
class Outcome:
    """What happened to one provision for one act."""

    act: int
    provision: str
    status: Status
    reason: str = ""
    defeated_by: tuple[str, ...] = ()
    waiting_for: tuple[str, ...] = ()  # undecided exceptions that could still defeat it


@dataclass(frozen=True)
class OtherReading:
    """Another reading of a finding's tier (`bacaan_lain`), with its basis and sanction options."""

    tier: ast.Tier
    basis: ast.Citation
    sanction_options: tuple[str, ...] = ()


@dataclass(frozen=True)
class Finding:
    """A provision that fired for an act, with everything a reviewer needs to cite it."""

    act: int
    provision: str
    citation: ast.Citation
    text: str
    category: ast.Category
    tier: ast.Tier | None
    tier_basis: ast.Citation | None
    sanction_options: tuple[str, ...]
    penalties: tuple[ast.Penalty, ...]
    note: str | None
    unresolved: bool = False
    # Where the sources disagree on the tier: each other reading (tier, basis, sanction options).
    other_readings: tuple[OtherReading, ...] = ()
    # Set from the incident after evaluation (evaluation/attribution.py); alleged until shown proven.
    proof: Proof = Proof.ALLEGED
    penalty_joiners: tuple[str, ...] = ()  # the statute's "dan" / "dan/atau" between the penalties


@dataclass(frozen=True)
class Evaluation:
    outcomes: tuple[Outcome, ...]
    findings: tuple[Finding, ...]
    unresolved: tuple[Outcome, ...] = field(default=())


def evaluate_plan(plan: Plan, facts: FactReader, act_dates: Sequence[datetime.date], tracer: Tracer | None = None) -> Evaluation:
    """Evaluate every provision for every act."""
    outcomes: list[Outcome] = []
    findings: list[Finding] = []
    facts = _Remembered(facts)
    for act, date in enumerate(act_dates):
        definitions = plan.definitions if tracer is not None or not plan.untraced_definitions else plan.untraced_definitions
        ctx = Context(facts=facts, act=act, tracer=tracer, definitions=definitions)
        by_id: dict[str, Outcome] = {}
        for compiled in plan.provisions:  # exceptions come before what they except
            outcome = _provision(compiled, ctx, date, [by_id[e] for e in plan.exceptions.get(compiled.node, ())])
            by_id[compiled.node] = outcome
            if tracer is not None:
                tracer.record(ProvisionResult(act, outcome.provision, outcome.status, outcome.reason, outcome.defeated_by))
        _settle_conflicts(plan, by_id)
        for compiled in plan.provisions:
            outcome = by_id[compiled.node]
            outcomes.append(outcome)
            if outcome.status is _FIRED:
                findings.append(_finding(plan, compiled, act))
    unresolved = tuple(o for o in outcomes if o.status is _UNKNOWN)
    return Evaluation(tuple(outcomes), tuple(findings), unresolved)


class _Remembered:
    """The incident's facts, each read from the incident once: every provision asks for the
    respondent's status, and facts do not change during an evaluation."""

    def __init__(self, facts: FactReader) -> None:
        self.facts = facts
        self.seen: dict[tuple[tuple[str, ...], int], object] = {}

    def fact(self, path: tuple[str, ...], act_index: int) -> object:
        key = (path, act_index)
        if key in self.seen:
            return self.seen[key]
        value = self.seen[key] = self.facts.fact(path, act_index)
        return value


def _provision(compiled: CompiledProvision, ctx: Context, date: datetime.date, exceptions: list[Outcome]) -> Outcome:
    prov = compiled.provision
    pid = compiled.node
    act = ctx.act
    if date < compiled.start or (compiled.end is not None and date > compiled.end):
        return Outcome(act, pid, _NOT_IN_FORCE, _in_force_text(compiled.start, compiled.end))
    applies = _applies(prov, ctx, pid)
    if applies is False:
        return Outcome(act, pid, _NOT_APPLICABLE, "subjek: " + ", ".join(s.name for s in prov.subjects))
    condition = compiled.untraced if ctx.tracer is None and compiled.untraced is not None else compiled.condition
    ctx.out_of_range = False
    value = truth(condition(ctx))
    if value is False:
        return Outcome(act, pid, _NOT_FIRED, "syarat tidak terpenuhi")
    # Exceptions were evaluated first (exception order); a fired one defeats this provision.
    fired = tuple(o.provision for o in exceptions if o.status is _FIRED)
    if fired:
        return Outcome(act, pid, _DEFEATED, "dikecualikan oleh " + ", ".join(fired), fired)
    if value is None or applies is None:
        why = "fakta yang diperlukan belum diketahui" if value is None else _subject_open(prov, ctx, pid)
        if value is None and ctx.out_of_range:
            why = OUT_OF_RANGE_REASON
        return Outcome(act, pid, _UNKNOWN, why)
    pending = tuple(o.provision for o in exceptions if o.status is _UNKNOWN)
    if pending:
        return Outcome(act, pid, _UNKNOWN, "pengecualian belum dapat ditentukan: " + ", ".join(pending), waiting_for=pending)
    return Outcome(act, pid, _FIRED)


def _settle_conflicts(plan: Plan, by_id: dict[str, Outcome]) -> None:
    """Two provisions of different instruments that both fire for one act, in the same category
    but with different tiers, conflict. The rulebook's declared principles (`asas_konflik`), in
    their order, say which prevails: lex superior (the higher-ranked instrument; `peringkat` 1 is
    highest), lex posterior (the later instrument). Lex specialis is what `mengecualikan` declares,
    already applied. A conflict no principle settles is left standing for the reviewer."""
    principles = plan.rulebook.principles
    if not principles:
        return
    fired = [c for c in plan.provisions if by_id[c.node].status is _FIRED]
    for i, a in enumerate(fired):
        for b in fired[i + 1 :]:
            if by_id[a.node].status is not _FIRED or by_id[b.node].status is not _FIRED:
                continue
            oa, ob = a.provision.outcome, b.provision.outcome
            if oa is None or ob is None or a.instrument.id.name == b.instrument.id.name:
                continue
            if oa.category != ob.category or oa.tier == ob.tier:
                continue
            settled = _prevail(a, b, principles)
            if settled is not None:
                winner, loser, principle = settled
                old = by_id[loser.node]
                by_id[loser.node] = Outcome(
                    old.act, old.provision, _DEFEATED, f"kalah menurut asas {principle} terhadap {winner.node}", (winner.node,)
                )


def _prevail(
    a: CompiledProvision, b: CompiledProvision, principles: tuple[str, ...]
) -> tuple[CompiledProvision, CompiledProvision, str] | None:
    for principle in principles:
        if principle == "lex_superior":
            ra, rb = a.instrument.rank, b.instrument.rank
            if ra is not None and rb is not None and ra != rb:
                return (a, b, principle) if ra < rb else (b, a, principle)
        elif principle == "lex_posterior" and a.start != b.start:
            return (a, b, principle) if a.start > b.start else (b, a, principle)
    return None


def _read(ctx: Context, path: tuple[str, str], pid: str) -> object:
    """A fact read to decide a provision's subjects; traced, recorded at `<pid>@subjek` (the node is
    made only then: untraced, this runs for most provisions of every act)."""
    value = ctx.facts.fact(path, ctx.act)
    if ctx.tracer is not None:
        ctx.tracer.record(FactRead(ctx.act, subjects_node(pid), path, value))
    return value


@functools.lru_cache(maxsize=1024)
def _in_force_text(start: datetime.date, end: datetime.date | None) -> str:
    return f"berlaku {start.isoformat()} sampai {end.isoformat() if end else '…'}"


def _applies(prov: ast.Provision, ctx: Context, pid: str) -> bool | None:
    if not prov.subjects:
        return True
    if ctx.tracer is None:
        # Untraced, the answer depends only on the subjects: provisions binding the same people
        # share it (traced, each provision records its own reads).
        key = _subjects_key(prov)
        if key not in ctx.memo:
            ctx.memo[key] = _subjects_apply(prov, ctx, pid)
        return ctx.memo[key]  # type: ignore[return-value]
    return _subjects_apply(prov, ctx, pid)


SUBJECT_OPEN = "apakah responden termasuk subjek ketentuan ini belum dapat ditentukan: "


def _subject_open(prov: ast.Provision, ctx: Context, pid: str) -> str:
    """Why the subjects leave a provision undecided: the status is not known, or it is known and a
    subject the facts have not settled (a structural official, say) could still bind."""
    if _read(ctx, ("responden", "status_kepegawaian"), pid) is UNKNOWN:
        return "status kepegawaian belum diketahui"
    return SUBJECT_OPEN + ", ".join(s.name for s in prov.subjects)


def binds_status(prov: ast.Provision, status: str) -> bool:
    """Whether a provision can bind a respondent of this employment status (no subjects: anyone;
    a subject the facts do not map to a status, such as `pejabat_struktural`, only an ASN)."""
    if not prov.subjects:
        return True
    for subject in prov.subjects:
        covered = _STATUS_SUBJECTS.get(subject.name, _STATUS_SUBJECTS["ASN"])
        if status in covered:
            return True
    return False


def _subjects_key(prov: ast.Provision) -> str:
    # Not a definition name (those have no `@`), so it cannot collide with one in `ctx.memo`.
    return "@subjek:" + ",".join(s.name for s in prov.subjects)


def _subjects_apply(prov: ast.Provision, ctx: Context, pid: str) -> bool | None:
    status = _read(ctx, ("responden", "status_kepegawaian"), pid)
    results: list[bool | None] = []
    for subject in prov.subjects:
        if subject.name in _STATUS_SUBJECTS:
            results.append(None if status is UNKNOWN else status in _STATUS_SUBJECTS[subject.name])
        elif subject.name in _ASN_OFFICIALS and status is not UNKNOWN and status not in _STATUS_SUBJECTS["ASN"]:
            results.append(False)
        elif subject.name in {"pejabat_struktural", "pejabat_asn"}:
            flag = _read(ctx, ("responden", subject.name), pid)
            results.append(None if flag is UNKNOWN else bool(flag))
        elif subject.name == "pejabat_fungsional":
            kind = _read(ctx, ("responden", "jenis_jabatan"), pid)
            results.append(None if kind is UNKNOWN else kind == "fungsional")
        else:
            results.append(None)  # no mapping from facts to this subject yet: undecided, not false
    if any(r is True for r in results):
        return True
    return None if any(r is None for r in results) else False


def _finding(plan: Plan, compiled: CompiledProvision, act: int) -> Finding:
    prov = compiled.provision
    outcome = prov.outcome
    assert outcome is not None and prov.citation is not None
    options: tuple[str, ...] = prov.sanctions.options if prov.sanctions else ()
    if not options and outcome.tier is not None:
        basis = outcome.tier_basis or prov.citation
        table = plan.rulebook.sanction_tables.get((basis.instrument.name, outcome.tier))
        if table is not None and table.sanctions is not None:
            options = table.sanctions.options
    readings = tuple(
        OtherReading(r.tier, r.basis, _table_options(plan, (r.basis, outcome.tier_basis or prov.citation), r.tier))
        for r in outcome.other_readings
    )
    return Finding(
        act=act,
        provision=compiled.node,
        citation=prov.citation,
        text=prov.text or "",
        category=outcome.category,
        tier=outcome.tier,
        tier_basis=outcome.tier_basis,
        sanction_options=options,
        penalties=outcome.penalties,
        penalty_joiners=outcome.joiners,
        note=prov.note,
        # A disciplinary outcome without a tier: the regulation states none (say so, do not guess).
        unresolved=outcome.category == _DISIPLIN and outcome.tier is None,
        other_readings=readings,
    )


def _table_options(plan: Plan, bases: tuple[ast.Citation, ...], tier: ast.Tier) -> tuple[str, ...]:
    """The sanction options of a tier from the first basis instrument with a sanction table for it
    (another reading's own basis, then the instrument the provision's tier rests on)."""
    for basis in bases:
        table = plan.rulebook.sanction_tables.get((basis.instrument.name, tier))
        if table is not None and table.sanctions is not None:
            return table.sanctions.options
    return ()

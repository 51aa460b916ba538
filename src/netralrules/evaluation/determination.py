"""Determination: findings per act → one decision per incident, with separate tracks.

Ethics (sanksi moral), discipline (one tier: the heaviest), dismissal and election crime are
distinct outputs and are never folded into one maximum. Where the law states no tier, or a fact
that decides the outcome is unknown, the decision says so instead of guessing.
"""

from __future__ import annotations

import dataclasses
import datetime
import itertools
import math
from collections.abc import Callable, Container, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from netralrules.evaluation.evaluator import TIER_ORDER, Evaluation, Finding, Outcome
from netralrules.evaluation.kinds import DeterminationStatus
from netralrules.syntax import ast
from netralrules.syntax.ast import Category, Tier
from netralrules.values import UNKNOWN

# PP 94/2021 itself does not say which provision holds these two long-standing rules; the
# citation is not confirmed against the official text of PP 94/2021, and the decision says so.
HEAVIEST_RULE = "beberapa pelanggaran disiplin: dijatuhi satu hukuman disiplin yang terberat (pasal belum dipastikan)"
REPEAT_RULE = "pengulangan pelanggaran yang sifatnya sama: hukuman lebih berat dari yang terakhir (pasal belum dipastikan)"
# How the repeat rule was applied (each a fixed text, or a fixed prefix followed by data: explain/words.py
# translates them). The order of sanction types comes from the rulebook's sanction tables, never from here.
REPEAT_LAST = "hukuman terakhir: "
REPEAT_MINIMUM = "jenis hukuman paling ringan yang memenuhi tingkat temuan dan aturan pengulangan: "
REPEAT_NO_EFFECT = "hukuman terakhir lebih ringan dari jenis terendah tingkat temuan; pengulangan tidak mengubah hukuman: "
REPEAT_NOT_SAME = "sanksi sebelumnya tidak sama sifatnya dengan pelanggaran ini: aturan pengulangan tidak berlaku"
REPEAT_NATURE_UNSTATED = (
    "belum dinyatakan apakah pelanggaran ini sama sifatnya dengan pelanggaran yang pernah dihukum (isian sifat_sama "
    "atau ketentuan; teks sifat tidak dibaca): pengaruh aturan pengulangan belum dapat ditentukan"
)
REPEAT_IF_SAME = "jika sifatnya sama, jenis hukuman paling ringan: "
REPEAT_LAST_UNPLACED = "jenis hukuman terakhir belum dapat ditempatkan dalam urutan jenis hukuman: "
REPEAT_NONE_HEAVIER = "tidak ada jenis hukuman yang lebih berat dari hukuman terakhir: "
REPEAT_UNMATCHED = "jenis hukuman sebelumnya tidak ada dalam daftar jenis hukuman buku aturan: "
REPEAT_OTHER_REGIME = "jenis hukuman sebelumnya menurut instrumen lain; hanya tingkatnya yang dapat dibandingkan: "
REPEAT_TIER_MISMATCH = "tingkat sanksi sebelumnya tidak sesuai dengan jenis hukumannya: "
REPEAT_UNKNOWN_PROVISION = "ketentuan sanksi sebelumnya tidak dikenal buku aturan: "
REPEAT_NO_LADDER = (
    "jenis hukuman ketentuan ini tidak mengikuti satu tabel hukuman buku aturan: "
    "pengaruh aturan pengulangan belum dapat ditentukan"
)
PRIOR = "responden.sanksi_sebelumnya"  # the fact the repeat rule reads; item fields as `…[0].sifat_sama`
# PP 42/2004: besides the sanksi moral a PNS may receive a tindakan
# administratif, i.e. a hukuman disiplin; the article number is not confirmed. Neither replaces the other.
ALONGSIDE_RULE = (
    "sanksi moral dijatuhkan di samping hukuman disiplin, bukan sebagai gantinya "
    "(PP 42/2004: tindakan administratif selain sanksi moral; pasal belum dipastikan)"
)

# The members every determination reads, as module globals: on Python 3.11 reading a member off its
# class costs several times a global's lookup (see evaluator.py), and this runs once per incident.
_DETERMINED, _UNRESOLVED, _NONE = DeterminationStatus.DETERMINED, DeterminationStatus.UNRESOLVED, DeterminationStatus.NONE
_ETIK, _DISIPLIN, _BERAT = Category.ETIK, Category.DISIPLIN, Tier.BERAT
_OTHER_TRACKS = (Category.PEMBERHENTIAN, Category.PIDANA, Category.ADMINISTRATIF)  # after etik and disiplin


@dataclass(frozen=True)
class Track:
    """One kind of consequence (etik, disiplin, pemberhentian, pidana) and how it was decided."""

    category: Category
    status: DeterminationStatus
    tier: Tier | None = None
    provisions: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    # Set by the repeat rule (disiplin): the lightest sanction type that satisfies both the findings'
    # tier and "heavier than the last sanction", and the options it leaves (None: the findings' own).
    minimum_sanction: str | None = None
    sanction_options: tuple[str, ...] | None = None
    deciding_facts: tuple[str, ...] = ()  # unknown facts that would settle an unresolved track
    # Where the sources disagree on the tier of a finding the track rests on: the other tiers the
    # track would have under the other readings (the track is then unresolved, `diperdebatkan`).
    contested_tiers: tuple[Tier, ...] = ()

    @property
    def contested(self) -> bool:
        return bool(self.contested_tiers)


# A track no finding rests on: the same for every decision (frozen), made once per category.
_EMPTY = {category: Track(category, _NONE) for category in Category}

_T = TypeVar("_T")


def replaced(item: _T, **changes: object) -> _T:
    """A copy of a frozen dataclass instance with some fields changed: `dataclasses.replace`
    without its cost (it looks up every field and runs `__init__`; 5-10× slower than copying the
    instance's dict, and run for tracks and findings of every decision). For a class with a
    `__post_init__` or without an instance dict, `dataclasses.replace` itself."""
    cls = type(item)
    if hasattr(cls, "__post_init__") or not hasattr(item, "__dict__"):
        return dataclasses.replace(item, **changes)  # type: ignore[type-var]
    copied = cls.__new__(cls)
    copied.__dict__.update(item.__dict__)
    copied.__dict__.update(changes)
    return copied


# One regime's sanction types, lightest first: its tables ringan → sedang → berat, each in the order written.
Ladder = tuple[tuple[str, Tier], ...]


def ladders(tables: Mapping[tuple[str, str], ast.SanctionTable]) -> dict[str, Ladder]:
    """The ordered ladder of sanction types per instrument, from the rulebook's sanction tables."""
    out: dict[str, Ladder] = {}
    for instrument in sorted({name for name, _ in tables}):
        rungs: list[tuple[str, Tier]] = []
        for tier in TIER_ORDER:
            table = tables.get((instrument, tier))
            if table is not None and table.sanctions is not None:
                rungs.extend((s, tier) for s in table.sanctions.options)
        out[instrument] = tuple(rungs)
    return out


@dataclass(frozen=True)
class Determination:
    tracks: tuple[Track, ...]
    unresolved: tuple[Outcome, ...] = field(default=())


def stage(date: datetime.date, election: Mapping[str, object]) -> str:
    """The election stage on a date, from the election's key dates (`tidak_diketahui` if they are not known)."""
    penetapan = election.get("tanggal_penetapan", UNKNOWN)
    start = election.get("kampanye_mulai", UNKNOWN)
    end = election.get("kampanye_selesai", UNKNOWN)
    voting = election.get("tanggal_pemungutan", UNKNOWN)
    if isinstance(penetapan, datetime.date) and date < penetapan:
        return "sebelum_penetapan"  # the respondent's favourite is still a bakal calon
    if isinstance(voting, datetime.date) and date > voting:
        return "sesudah_pemungutan"
    if isinstance(start, datetime.date) and isinstance(end, datetime.date):
        if start <= date <= end:
            return "masa_kampanye"
        if date > end:
            return "sesudah_kampanye"
    if isinstance(penetapan, datetime.date):
        return "sesudah_penetapan"
    return "tidak_diketahui"


def determine(
    evaluation: Evaluation,
    prior_sanctions: Sequence[Mapping[str, Any]] = (),
    outcomes: Mapping[str, ast.Outcome] | None = None,
    sanction_ladders: Mapping[str, Ladder] | None = None,
) -> Determination:
    """One determination per incident, with the tracks kept apart. `outcomes` (provision id → its
    outcome) lets undecided provisions hold a track open when they could make it heavier, and names
    the provisions a prior sanction may cite. `sanction_ladders` (`ladders` of the rulebook's tables)
    orders the sanction types for the repeat rule."""
    findings = evaluation.findings
    pending = [
        (o.provision, outcomes[o.provision]) for o in evaluation.unresolved if outcomes is not None and o.provision in outcomes
    ]
    ethics = _plain(_ETIK, findings)
    known = outcomes  # the provision ids a prior sanction may cite (its keys; no set made per decision)
    ladders_ = sanction_ladders or {}
    discipline = _contested(
        _discipline(findings, prior_sanctions, pending, ladders_, known),
        findings,
        lambda read: _discipline(read, prior_sanctions, pending, ladders_, known),
    )
    if ethics.status is _DETERMINED and discipline.provisions:
        ethics = Track(ethics.category, ethics.status, provisions=ethics.provisions, reasons=(ALONGSIDE_RULE,))
    tracks = [ethics, discipline, *(_plain(category, findings) for category in _OTHER_TRACKS)]
    return Determination(tuple(tracks), evaluation.unresolved)


def _ids(findings: Sequence[Finding]) -> tuple[str, ...]:
    return tuple(sorted({f.provision for f in findings}))


def _plain(category: Category, findings: Sequence[Finding]) -> Track:
    mine = [f for f in findings if f.category == category]
    if not mine:
        return _EMPTY[category]
    return Track(category, _DETERMINED, provisions=_ids(mine))


def _discipline(
    findings: Sequence[Finding],
    prior: Sequence[Mapping[str, Any]],
    pending: Sequence[tuple[str, ast.Outcome]] = (),
    sanction_ladders: Mapping[str, Ladder] | None = None,
    known: Container[str] | None = None,
) -> Track:
    mine = [f for f in findings if f.category == _DISIPLIN]
    # An undecided disciplinary provision could still apply; if it could be heavier than what is
    # found (or its tier is not stated), the tier cannot be settled yet.
    known_tier = max((TIER_ORDER.index(f.tier) for f in mine if f.tier is not None), default=-1)
    open_ = sorted(
        {pid for pid, o in pending if o.category == _DISIPLIN and (o.tier is None or TIER_ORDER.index(o.tier) > known_tier)}
    )
    if not mine:
        if open_:
            return Track(_DISIPLIN, _UNRESOLVED, None, (), ("belum dapat ditentukan: " + ", ".join(open_),))
        return Track(_DISIPLIN, _NONE)
    tiers = [f.tier for f in mine if f.tier is not None]
    untiered = [f.provision for f in mine if f.tier is None]
    reasons: list[str] = []
    heaviest = max(tiers, key=TIER_ORDER.index) if tiers else None
    if len(mine) > 1:
        reasons.append(HEAVIEST_RULE)
    extra: dict[str, Any] = {}
    repeat_open = False
    if heaviest is not None and prior:
        setting = [f for f in mine if f.tier == heaviest]
        provisions = frozenset(f.provision for f in mine)
        r = _repeat(setting, heaviest, prior, sanction_ladders or {}, provisions, known)
        reasons.extend(r.reasons)
        heaviest, repeat_open = r.tier, r.open
        extra = {"minimum_sanction": r.minimum, "sanction_options": r.options, "deciding_facts": r.deciding}
    if untiered and (heaviest is None or heaviest != _BERAT):
        reasons.append("peraturan tidak menyebut tingkat hukuman untuk: " + ", ".join(sorted(set(untiered))))
        return Track(_DISIPLIN, _UNRESOLVED, heaviest, _ids(mine), tuple(reasons), **extra)
    if open_ and heaviest != _BERAT:
        reasons.append("ketentuan yang belum dapat ditentukan dapat menghasilkan tingkat lebih berat: " + ", ".join(open_))
        return Track(_DISIPLIN, _UNRESOLVED, heaviest, _ids(mine), tuple(reasons), **extra)
    status = _UNRESOLVED if repeat_open else _DETERMINED
    return Track(_DISIPLIN, status, heaviest, _ids(mine), tuple(reasons), **extra)


@dataclass(frozen=True)
class _Repeat:
    """What the repeat rule does to a tier: the tier that follows, why, and what is still open."""

    tier: Tier
    reasons: tuple[str, ...]
    minimum: str | None = None
    options: tuple[str, ...] | None = None
    open: bool = False
    deciding: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Prior:
    """One prior sanction placed on the ladder: `low`..`high` bound the index of the lightest type
    heavier than it (a known type gives one value; a known tier only, that tier's span)."""

    index: int
    low: int
    high: int
    same: bool | None  # of the same nature as the violation now; None: not stated
    date: datetime.date | None
    placed: bool  # its type is on the ladder


def _span(ladder: Ladder, tier: str, otherwise: tuple[int, int]) -> tuple[int, int]:
    """The bounds of "the type after one of this tier" on the ladder (`otherwise` if it has none)."""
    at = [k for k, (_, t) in enumerate(ladder) if t == tier]
    return (at[0] + 1, at[-1] + 1) if at else otherwise


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _repeat(
    setting: Sequence[Finding],
    tier: Tier,
    prior: Sequence[Mapping[str, Any]],
    sanction_ladders: Mapping[str, Ladder],
    provisions: frozenset[str],
    known: Container[str] | None,
) -> _Repeat:
    """The repeat rule ("heavier than the last sanction imposed", for a violation of the same nature)
    on the findings that set the tier. The last sanction is the most recent one; when the dates do
    not say which that is, every undated one may be. The lightest type allowed is the heavier of the
    tier's lightest type and the type after the last sanction's, on the regime's ladder."""
    regimes = {(f.tier_basis or f.citation).instrument.name for f in setting}
    ladder = sanction_ladders.get(next(iter(regimes))) if len(regimes) == 1 else None
    reasons: list[str] = [REPEAT_RULE]
    if ladder is not None:
        mine = tuple(s for s, t in ladder if t == tier)
        if not mine or any(f.sanction_options != mine for f in setting):
            ladder = None  # the provision names its own sanction types (PPPK: set by the agency)
    placed: list[_Prior] = []
    matched: set[int] = set()
    size = len(ladder) if ladder is not None else 0
    for i, p in enumerate(prior):
        jenis, tingkat = p.get("jenis_hukuman"), p.get("tingkat")
        low, high, on_ladder = 1, size, False
        if ladder is not None and isinstance(tingkat, str) and tingkat in TIER_ORDER:
            low, high = _span(ladder, tingkat, (low, high))
        if isinstance(jenis, str):
            at = [k for k, (s, _) in enumerate(ladder or ()) if _norm(s) == _norm(jenis)]
            elsewhere = sorted(
                name for name, rungs in sanction_ladders.items() if any(_norm(s) == _norm(jenis) for s, _ in rungs)
            )
            if at:
                k = at[0]
                assert ladder is not None
                if isinstance(tingkat, str) and tingkat in TIER_ORDER and tingkat != ladder[k][1]:
                    reasons.append(REPEAT_TIER_MISMATCH + f"{jenis} ({ladder[k][1]} ≠ {tingkat})")
                    low, high = 1, size
                else:
                    low = high = k + 1
                    on_ladder = True
            elif elsewhere:
                matched.add(i)  # a type of another regime: no fact to ask for, the comparison is open
                reasons.append(REPEAT_OTHER_REGIME + f"{jenis} ({', '.join(elsewhere)})")
                if ladder is not None and not (isinstance(tingkat, str) and tingkat in TIER_ORDER):
                    other = sanction_ladders[elsewhere[0]]
                    t = next(t for s, t in other if _norm(s) == _norm(jenis))
                    low, high = _span(ladder, t, (low, high))
            else:
                reasons.append(REPEAT_UNMATCHED + repr(jenis))
        same = p.get("sifat_sama") if isinstance(p.get("sifat_sama"), bool) else None
        ketentuan = p.get("ketentuan")
        if same is None and isinstance(ketentuan, str):
            if known is not None and ketentuan not in known:
                reasons.append(REPEAT_UNKNOWN_PROVISION + ketentuan)
            elif ketentuan in provisions:
                same = True
        date = p.get("tanggal")
        placed.append(_Prior(i, low, high, same, date if isinstance(date, datetime.date) else None, on_ladder))
    relevant = [p for p in placed if p.same is not False]
    if not relevant:
        return _Repeat(tier, (*reasons, REPEAT_NOT_SAME))
    if ladder is None:
        return _Repeat(tier, (*reasons, REPEAT_NO_LADDER), options=(), open=True)
    floor = next(k for k, (_, t) in enumerate(ladder) if t == tier)
    dated = all(p.date is not None for p in placed)
    latest = max((p.date for p in placed if p.date is not None), default=None)
    last = [p for p in placed if p.date == latest] if dated else placed
    low, high = min(p.low for p in last), max(p.high for p in last)
    if high <= floor:  # every candidate for the last sanction is lighter than the tier's lightest type
        return _Repeat(tier, (*reasons, REPEAT_NO_EFFECT + ladder[floor][0]), minimum=ladder[floor][0])
    if low == high and last[0].placed:
        reasons.append(REPEAT_LAST + ladder[low - 1][0])
    if not any(p.same for p in relevant):
        if low == high and low < size:
            reasons.append(REPEAT_IF_SAME + ladder[max(floor, low)][0])
        facts = [f"{PRIOR}[{p.index}].sifat_sama" for p in relevant]
        return _Repeat(tier, (*reasons, REPEAT_NATURE_UNSTATED), options=(), open=True, deciding=tuple(facts))
    if low != high:
        bound = ladder[min(max(floor, low), size - 1)][1]
        unplaced = [p for p in last if p.low != p.high]
        deciding = [f"{PRIOR}[{p.index}].jenis_hukuman" for p in unplaced if p.index not in matched]
        if not dated:
            deciding += [f"{PRIOR}[{p.index}].tanggal" for p in placed if p.date is None]
        reasons.append(REPEAT_LAST_UNPLACED + ", ".join(f"{PRIOR}[{p.index}]" for p in unplaced))
        return _Repeat(bound, tuple(reasons), options=(), open=True, deciding=tuple(sorted(set(deciding))))
    if low >= size:
        return _Repeat(ladder[-1][1], (*reasons, REPEAT_NONE_HEAVIER + ladder[-1][0]), options=(), open=True)
    m = max(floor, low)
    raised = ladder[m][1]
    options = tuple(s for s, t in ladder[m:] if t == raised)
    return _Repeat(raised, (*reasons, REPEAT_MINIMUM + ladder[m][0]), minimum=ladder[m][0], options=options)


def _contested(track: Track, findings: Sequence[Finding], decide: Callable[[Sequence[Finding]], Track]) -> Track:
    """A discipline track resting on a finding whose tier the sources dispute (`bacaan_lain`) is
    unresolved when another reading would give the track another tier: the track is decided again
    (`decide`, with every rule of the determination) under each combination of readings, and the
    reasons name each reading with its basis (`diperdebatkan (…): sedang menurut …, berat menurut …`)."""
    if track.tier is None or not any(f.other_readings for f in findings):
        return track
    provisions = frozenset(track.provisions)
    mine = [f for f in findings if f.category == _DISIPLIN and f.provision in provisions and f.tier is not None]
    contested = [f for f in mine if f.other_readings]
    if not contested:
        return track
    tiers: set[Tier] = set()
    if _combinations(contested) <= _MAX_READING_COMBINATIONS:
        for choice in itertools.product(*(_readings(f) for f in contested)):
            chosen = dict(zip((id(f) for f in contested), choice, strict=True))
            tier = decide([chosen.get(id(f), f) for f in findings]).tier
            if tier is not None:
                tiers.add(tier)
    else:  # too many to decide one by one: the lightest and the heaviest the findings allow
        low = max((min(_tiers(f), key=TIER_ORDER.index) for f in mine), key=TIER_ORDER.index)
        high = max((t for f in mine for t in _tiers(f)), key=TIER_ORDER.index)
        tiers.update(TIER_ORDER[TIER_ORDER.index(low) : TIER_ORDER.index(high) + 1])
    others = tuple(t for t in TIER_ORDER if t in tiers and t != track.tier)
    if not others:
        return track  # another finding (or the repeat rule) settles the tier whichever reading is taken
    reasons = list(track.reasons)
    for f in sorted({f.provision: f for f in contested}.values(), key=lambda f: f.provision):
        readings = [(f.tier, f.tier_basis or f.citation), *((r.tier, r.basis) for r in f.other_readings)]
        reasons.append(f"diperdebatkan ({f.provision}): " + ", ".join(f"{t} menurut {_cite(c)}" for t, c in readings))
    return dataclasses.replace(track, status=_UNRESOLVED, reasons=tuple(reasons), contested_tiers=others)


# Beyond this many combinations of readings the track is not decided once per combination.
_MAX_READING_COMBINATIONS = 256


def _combinations(contested: Sequence[Finding]) -> int:
    return math.prod(1 + len(f.other_readings) for f in contested)


def _readings(f: Finding) -> tuple[Finding, ...]:
    """A finding as each of its readings gives it: as written, then under each other reading."""
    return (
        f,
        *(
            dataclasses.replace(f, tier=r.tier, tier_basis=r.basis, sanction_options=r.sanction_options, other_readings=())
            for r in f.other_readings
        ),
    )


def _tiers(f: Finding) -> tuple[Tier, ...]:
    """A finding's tier under each reading, the first reading first."""
    return tuple(t for t in (f.tier, *(r.tier for r in f.other_readings)) if t is not None)


def _cite(c: ast.Citation) -> str:
    """A citation as the rules language writes it (`PP_94_2021 pasal 14 huruf i`)."""
    return " ".join([c.instrument.name, *(f"{p.kind} {p.value}" for p in c.parts)])


def citation_json(c: ast.Citation | None) -> dict[str, Any] | None:
    """A citation as JSON: the instrument, each part, and `urutan`, the order the parts nest in
    (statutes nest both `huruf n angka 2` and `angka 12 huruf a`; JSON objects keep no order)."""
    if c is None:
        return None
    out: dict[str, Any] = {"instrumen": c.instrument.name}
    out.update({p.kind: p.value for p in c.parts})
    out["urutan"] = [p.kind for p in c.parts]
    return out


def track_sanctions(track: Track, findings: Sequence[Finding]) -> tuple[str, ...]:
    """The sanction options of a track: those of the findings that set its tier (one sanction, the
    heaviest, is imposed for several violations); of all its findings when it has no tier; those
    the repeat rule left when it applied (the minimum type and the heavier types of its tier; none
    while its effect is undetermined). In order of act and provision, without repeats."""
    if track.sanction_options is not None:
        return track.sanction_options
    provisions = frozenset(track.provisions)
    mine = sorted(
        (f for f in findings if f.category == track.category and f.provision in provisions),
        key=lambda f: (f.act, f.provision),
    )
    setting = mine if track.tier is None else [f for f in mine if f.tier == track.tier]
    options = [s for f in setting for s in f.sanction_options]
    if track.contested:  # those of every reading of a contested tier the track could take
        options += [s for f in mine for r in f.other_readings if r.tier in track.contested_tiers for s in r.sanction_options]
        options += [s for f in mine if f.tier in track.contested_tiers for s in f.sanction_options]
    return tuple(dict.fromkeys(options))


def source_json(s: ast.Source) -> dict[str, Any]:
    """A source (`sumber`) as JSON: the document, its link and date (ISO), and its reliability."""
    return {
        "dokumen": s.document,
        "tautan": s.url,
        "tanggal": s.date.value.isoformat() if s.date is not None else None,
        "keandalan": s.reliability,
    }

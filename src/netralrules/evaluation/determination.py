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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from netralrules.evaluation.evaluator import TIER_ORDER, Evaluation, Finding, Outcome
from netralrules.evaluation.kinds import DeterminationStatus
from netralrules.syntax import ast
from netralrules.syntax.ast import Category, Tier
from netralrules.values import UNKNOWN

# PP 94/2021 itself does not say which provision holds these two long-standing rules; the
# citation is not confirmed against the official text of PP 94/2021, and the decision says so.
HEAVIEST_RULE = "beberapa pelanggaran disiplin: dijatuhi satu hukuman disiplin yang terberat (pasal belum dipastikan)"
REPEAT_RULE = "pengulangan pelanggaran yang sifatnya sama: hukuman lebih berat dari yang terakhir (pasal belum dipastikan)"
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
    # Where the sources disagree on the tier of a finding the track rests on: the other tiers the
    # track would have under the other readings (the track is then unresolved, `diperdebatkan`).
    contested_tiers: tuple[Tier, ...] = ()

    @property
    def contested(self) -> bool:
        return bool(self.contested_tiers)


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
) -> Determination:
    """One determination per incident, with the tracks kept apart. `outcomes` (provision id → its
    outcome) lets undecided provisions hold a track open when they could make it heavier."""
    findings = evaluation.findings
    pending = [
        (o.provision, outcomes[o.provision]) for o in evaluation.unresolved if outcomes is not None and o.provision in outcomes
    ]
    ethics = _plain(_ETIK, findings)
    discipline = _contested(
        _discipline(findings, prior_sanctions, pending), findings, lambda read: _discipline(read, prior_sanctions, pending)
    )
    if ethics.status is _DETERMINED and discipline.provisions:
        ethics = Track(ethics.category, ethics.status, provisions=ethics.provisions, reasons=(ALONGSIDE_RULE,))
    tracks = [ethics, discipline, *(_plain(category, findings) for category in _OTHER_TRACKS)]
    return Determination(tuple(tracks), evaluation.unresolved)


def _ids(findings: Sequence[Finding]) -> tuple[str, ...]:
    return tuple(sorted({f.provision for f in findings}))


def _plain(category: Category, findings: Sequence[Finding]) -> Track:
    mine = [f for f in findings if f.category == category]
    return Track(category, _DETERMINED if mine else _NONE, provisions=_ids(mine))


def _discipline(
    findings: Sequence[Finding], prior: Sequence[Mapping[str, Any]], pending: Sequence[tuple[str, ast.Outcome]] = ()
) -> Track:
    mine = [f for f in findings if f.category == _DISIPLIN]
    # An undecided disciplinary provision could still apply; if it could be heavier than what is
    # found (or its tier is not stated), the tier cannot be settled yet.
    known = max((TIER_ORDER.index(f.tier) for f in mine if f.tier is not None), default=-1)
    open_ = sorted(
        {pid for pid, o in pending if o.category == _DISIPLIN and (o.tier is None or TIER_ORDER.index(o.tier) > known)}
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
    last = _last_prior_tier(prior)
    if heaviest is not None and last is not None:
        reasons.append(REPEAT_RULE)
        if TIER_ORDER.index(heaviest) <= TIER_ORDER.index(last):
            heavier = TIER_ORDER[min(TIER_ORDER.index(last) + 1, len(TIER_ORDER) - 1)]
            if heavier == last:
                reasons.append(f"hukuman terakhir sudah tingkat {last}; tidak ada tingkat yang lebih berat")
            heaviest = heavier
    if untiered and (heaviest is None or heaviest != _BERAT):
        reasons.append("peraturan tidak menyebut tingkat hukuman untuk: " + ", ".join(sorted(set(untiered))))
        return Track(_DISIPLIN, _UNRESOLVED, heaviest, _ids(mine), tuple(reasons))
    if open_ and heaviest != _BERAT:
        reasons.append("ketentuan yang belum dapat ditentukan dapat menghasilkan tingkat lebih berat: " + ", ".join(open_))
        return Track(_DISIPLIN, _UNRESOLVED, heaviest, _ids(mine), tuple(reasons))
    return Track(_DISIPLIN, _DETERMINED, heaviest, _ids(mine), tuple(reasons))


def _contested(track: Track, findings: Sequence[Finding], decide: Callable[[Sequence[Finding]], Track]) -> Track:
    """A discipline track resting on a finding whose tier the sources dispute (`bacaan_lain`) is
    unresolved when another reading would give the track another tier: the track is decided again
    (`decide`, with every rule of the determination) under each combination of readings, and the
    reasons name each reading with its basis (`diperdebatkan (…): sedang menurut …, berat menurut …`)."""
    mine = [f for f in findings if f.category == _DISIPLIN and f.provision in track.provisions and f.tier is not None]
    contested = [f for f in mine if f.other_readings]
    if track.tier is None or not contested:
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
    return Track(track.category, _UNRESOLVED, track.tier, track.provisions, tuple(reasons), others)


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


def _last_prior_tier(prior: Sequence[Mapping[str, Any]]) -> Tier | None:
    """The tier of the most recent prior disciplinary sanction for neutrality, if any."""
    dated = [p for p in prior if isinstance(p.get("tanggal"), datetime.date) and p.get("tingkat") in TIER_ORDER]
    same_nature = [p for p in dated if str(p.get("sifat", "")).lower() in {"netralitas", "netralitas asn"}]
    if not same_nature:
        return None
    return Tier(max(same_nature, key=lambda p: p["tanggal"])["tingkat"])


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
    heaviest, is imposed for several violations); of all its findings when it has no tier; none
    when its tier was raised for a repeated violation above every finding (no finding names the
    options of the raised tier). In order of act and provision, without repeats."""
    mine = sorted(
        (f for f in findings if f.category == track.category and f.provision in track.provisions),
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

"""Two versions of a rulebook over a folder of incidents → every incident whose outcome changes,
with the provisions responsible. Pure: files are read, nothing is written or printed.

An outcome is the determination per track (etik, disiplin, pemberhentian, pidana, administratif):
its status, tier, the provisions it rests on and the sanction options of their findings. A
provision is responsible for a change in an incident when it changed between the versions (its
own text, condition, outcome, …, or a definition, sanction table or instrument it relies on) and
its condition was evaluated for that incident in either version, or when its result for one of
the incident's acts differs between the versions.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from netralrules.checker import CheckedRulebook
from netralrules.checker.procedures import all_sources
from netralrules.compiler import children_of
from netralrules.evaluation.determination import citation_json, track_sanctions
from netralrules.evaluation.kinds import DeterminationStatus, Status
from netralrules.explain.words import cite
from netralrules.facts import IncidentError
from netralrules.rulebook import Decision, Rulebook, load_rulebook
from netralrules.syntax import ast

INCIDENT_SUFFIXES = (".json", ".yaml", ".yml")
# Statuses for which a provision's condition was evaluated for an act.
_CONSIDERED = frozenset({Status.FIRED, Status.NOT_FIRED, Status.DEFEATED, Status.UNKNOWN})


# A provision's fields, named by the keyword that writes them in the rules language.
FIELD_WORDS = {
    "id": "ketentuan",
    "citation": "rujukan",
    "text": "teks",
    "subjects": "untuk",
    "validity": "berlaku",
    "excepts": "mengecualikan",
    "condition": "jika",
    "outcome": "maka",
    "sanctions": "sanksi",
    "note": "catatan",
}


# A gap declaration's fields, named by the keyword that writes them.
GAP_FIELD_WORDS = {
    "kind": "jenis",
    "act_kinds": "jenis_tindakan",
    "statuses": "untuk",
    "start": "berlaku",
    "end": "berlaku",
    "stages": "tahap",
    "election_kinds": "jenis_pemilu",
    "reason": "alasan",
    "sources": "sumber",
}


@dataclass(frozen=True)
class GapChange:
    """How one gap declaration (`celah`) differs between the versions: `baru`, `dihapus`, or the
    parts of it that changed, by keyword. A changed declaration changes what an act not assessed
    is told, and which acts the rulebook says it is silent on."""

    gap: str
    changes: tuple[str, ...]


# A procedure's parts, named by the keyword that writes them.
PROCEDURE_FIELD_WORDS = {
    "validity": "berlaku",
    "steps": "langkah",
    "team": "tim_pemeriksa",
    "limits": "batas_waktu",
    "remedies": "upaya_administratif",
    "open_points": "terbuka",
    "note": "catatan",
    "sources": "sumber",
}


@dataclass(frozen=True)
class ProcedureChange:
    """How one procedure (`prosedur`, by instrument) differs between the versions: `baru`,
    `dihapus`, or the parts that changed, by keyword (`langkah`, `batas_waktu`, …; the sources of
    its items count as `sumber`). A changed procedure changes the decision's `prosedur` section."""

    instrument: str
    changes: tuple[str, ...]


@dataclass(frozen=True)
class ProvisionChange:
    """How one provision differs between the versions: `baru` (added), `dihapus` (removed), or
    the parts of it that changed, named by their keyword (`teks`, `jika`, `maka`, …), and what it
    relies on that changed (`definisi X`, `hukuman INSTRUMEN tingkat T`, `instrumen X`)."""

    provision: str
    citation: str
    changes: tuple[str, ...]


@dataclass(frozen=True)
class TrackOutcome:
    status: DeterminationStatus
    tier: ast.Tier | None
    provisions: tuple[str, ...]
    sanctions: tuple[str, ...]


@dataclass(frozen=True)
class TrackChange:
    category: ast.Category
    old: TrackOutcome
    new: TrackOutcome


@dataclass(frozen=True)
class Responsible:
    """A provision responsible for a change, with its result per act in each version."""

    provision: str
    citation: str
    changes: tuple[str, ...]
    old_status: tuple[str, ...]
    new_status: tuple[str, ...]


@dataclass(frozen=True)
class AssessmentChange:
    """An act assessed under one version and not under the other (a gap opened or closed)."""

    act: int
    old: str
    new: str


@dataclass(frozen=True)
class IncidentChange:
    path: str
    incident_id: str
    tracks: tuple[TrackChange, ...]
    responsible: tuple[Responsible, ...]
    assessments: tuple[AssessmentChange, ...] = ()


@dataclass(frozen=True)
class IncidentFailure:
    """An incident file that could not be evaluated: its path, the error codes and a message."""

    path: str
    codes: tuple[str, ...]
    message: str
    message_en: str


@dataclass(frozen=True)
class RulebookDiff:
    """The result of `diff_rulebooks`; `to_dict()` gives stable JSON-ready data."""

    old_hash: str
    new_hash: str
    provisions: tuple[ProvisionChange, ...]
    incidents: int
    changes: tuple[IncidentChange, ...]
    failures: tuple[IncidentFailure, ...]
    gaps: tuple[GapChange, ...] = ()
    procedures: tuple[ProcedureChange, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.changes)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data with the decision JSON's Indonesian keys; the same diff, the same dict."""

        def track(t: TrackOutcome) -> dict[str, Any]:
            return {"status": t.status, "tingkat": t.tier, "ketentuan": list(t.provisions), "pilihan_sanksi": list(t.sanctions)}

        return {
            "rulebook_lama": self.old_hash,
            "rulebook_baru": self.new_hash,
            "ketentuan_berubah": [
                {"ketentuan": p.provision, "rujukan": p.citation, "perubahan": list(p.changes)} for p in self.provisions
            ],
            "celah_berubah": [{"celah": g.gap, "perubahan": list(g.changes)} for g in self.gaps],
            "prosedur_berubah": [{"prosedur": p.instrument, "perubahan": list(p.changes)} for p in self.procedures],
            "insiden_dinilai": self.incidents,
            "hasil_berubah": [
                {
                    "berkas": c.path,
                    "insiden": c.incident_id,
                    "penetapan": [{"kategori": t.category, "lama": track(t.old), "baru": track(t.new)} for t in c.tracks],
                    "penilaian": [{"tindakan": a.act, "lama": a.old, "baru": a.new} for a in c.assessments],
                    "penyebab": [
                        {
                            "ketentuan": r.provision,
                            "rujukan": r.citation,
                            "perubahan": list(r.changes),
                            "hasil_lama": list(r.old_status),
                            "hasil_baru": list(r.new_status),
                        }
                        for r in c.responsible
                    ],
                }
                for c in self.changes
            ],
            "gagal": [
                {"berkas": f.path, "kode": list(f.codes), "pesan": f.message, "pesan_en": f.message_en} for f in self.failures
            ],
        }


def diff_rulebooks(
    old: Rulebook | str | Path | Iterable[str | Path],
    new: Rulebook | str | Path | Iterable[str | Path],
    incidents: str | Path | Iterable[str | Path],
) -> RulebookDiff:
    """Evaluate every incident file (JSON or YAML, folders searched recursively) under both
    rulebooks and list the incidents whose outcome changes, with the provisions responsible.

    Rulebooks are given loaded or as paths (a broken one raises `NetralrulesError` with its
    diagnostics). A bad incident file does not stop the run: it is listed in `failures` with its
    error codes. The order of everything is fixed (paths, then provision ids)."""
    old_rb = old if isinstance(old, Rulebook) else load_rulebook(old)
    new_rb = new if isinstance(new, Rulebook) else load_rulebook(new)
    provisions = provision_changes(old_rb.checked, new_rb.checked)
    by_id = {p.provision: p for p in provisions}
    changes: list[IncidentChange] = []
    failures: list[IncidentFailure] = []
    files = incident_files(incidents)
    evaluated = 0
    for path in files:
        try:
            data = _read(path)
            before = old_rb.evaluate(data, explain=False, source=str(path))
            after = new_rb.evaluate(data, explain=False, source=str(path))
        except _Unreadable as error:
            failures.append(IncidentFailure(str(path), (error.code,), *error.messages))
            continue
        except IncidentError as error:
            codes = tuple(sorted({p.code for p in error.problems}))
            failures.append(
                IncidentFailure(
                    str(path),
                    codes,
                    "; ".join(p.describe("id") for p in error.problems),
                    "; ".join(p.describe("en") for p in error.problems),
                )
            )
            continue
        evaluated += 1
        change = _compare(str(path), before, after, by_id, old_rb, new_rb)
        if change is not None:
            changes.append(change)
    return RulebookDiff(
        old_rb.content_hash,
        new_rb.content_hash,
        provisions,
        evaluated,
        tuple(changes),
        tuple(failures),
        gap_changes(old_rb.checked, new_rb.checked),
        procedure_changes(old_rb.checked, new_rb.checked),
    )


def incident_files(paths: str | Path | Iterable[str | Path]) -> list[Path]:
    """The incident files under `paths` (files as given; folders searched for *.json, *.yaml,
    *.yml), sorted, without repeats."""
    chosen = [Path(paths)] if isinstance(paths, (str, Path)) else [Path(p) for p in paths]
    found: set[Path] = set()
    for p in chosen:
        if p.is_dir():
            found.update(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in INCIDENT_SUFFIXES)
        else:
            found.add(p)
    return sorted(found, key=lambda f: f.as_posix())


class _Unreadable(Exception):
    def __init__(self, code: str, message: str, message_en: str) -> None:
        super().__init__(message)
        self.code = code
        self.messages = (f"{message} [{code}]", f"{message_en} [{code}]")


def _read(path: Path) -> bytes:
    from netralrules.facts import IncidentError
    from netralrules.facts.loading import read_incident_file

    try:
        return read_incident_file(path)  # with a cap, the one limit of an incident
    except IncidentError as error:
        problem = error.problems[0]
        raise _Unreadable(problem.code, problem.message.id, problem.message.en) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise _Unreadable("E0001", f"berkas tidak dapat dibaca: {reason}", f"cannot read the file: {reason}") from None


# ---- what changed in the rulebook -----------------------------------------------------------


def provision_changes(old: CheckedRulebook, new: CheckedRulebook) -> tuple[ProvisionChange, ...]:
    """Every provision that differs between two rulebooks, itself or in what it relies on
    (spans and layout do not count: the AST compares without them)."""
    changed_defs = {n for n in set(old.definitions) | set(new.definitions) if old.definitions.get(n) != new.definitions.get(n)}
    changed_tables = {
        k for k in set(old.sanction_tables) | set(new.sanction_tables) if old.sanction_tables.get(k) != new.sanction_tables.get(k)
    }
    changed_instruments = {
        n for n in set(old.instruments) | set(new.instruments) if old.instruments.get(n) != new.instruments.get(n)
    }
    out = []
    for pid in sorted(set(old.provisions) | set(new.provisions)):
        before, after = old.provisions.get(pid), new.provisions.get(pid)
        if before is None or after is None:
            changes: list[str] = ["baru" if before is None else "dihapus"]
        else:
            changes = [
                FIELD_WORDS.get(f.name, f.name)
                for f in dataclasses.fields(after)
                if f.compare and getattr(before, f.name) != getattr(after, f.name)
            ]
        for version, rulebook in ((after, new), (before, old)):
            if version is None:
                continue
            changes += [f"definisi {d}" for d in sorted(definitions_used(version, rulebook) & changed_defs)]
            instrument = version.citation.instrument.name if version.citation is not None else None
            if instrument in changed_instruments:
                changes.append(f"instrumen {instrument}")
            outcome = version.outcome
            if outcome is not None and outcome.tier is not None and instrument is not None:
                basis = outcome.tier_basis.instrument.name if outcome.tier_basis is not None else instrument
                if (basis, outcome.tier) in changed_tables:
                    changes.append(f"hukuman {basis} tingkat {outcome.tier}")
        if changes:
            shown = after or before
            assert shown is not None
            out.append(ProvisionChange(pid, cite(citation_json(shown.citation)), tuple(dict.fromkeys(changes))))
    return tuple(out)


def gap_changes(old: CheckedRulebook, new: CheckedRulebook) -> tuple[GapChange, ...]:
    """Every gap declaration added, removed or changed (spans do not count)."""
    out = []
    for gid in sorted(set(old.gaps) | set(new.gaps)):
        before, after = old.gaps.get(gid), new.gaps.get(gid)
        if before is None or after is None:
            out.append(GapChange(gid, ("baru" if before is None else "dihapus",)))
            continue
        changed = [
            GAP_FIELD_WORDS.get(f.name, f.name)
            for f in dataclasses.fields(after)
            if f.compare and getattr(before, f.name) != getattr(after, f.name)
        ]
        if changed:
            out.append(GapChange(gid, tuple(dict.fromkeys(changed))))
    return tuple(out)


def procedure_changes(old: CheckedRulebook, new: CheckedRulebook) -> tuple[ProcedureChange, ...]:
    """Every procedure added, removed or changed (spans do not count; the sources of its items do)."""
    out = []
    for name in sorted(set(old.procedures) | set(new.procedures)):
        before, after = old.procedures.get(name), new.procedures.get(name)
        if before is None or after is None:
            out.append(ProcedureChange(name, ("baru" if before is None else "dihapus",)))
            continue
        changed = [
            PROCEDURE_FIELD_WORDS.get(f.name, f.name)
            for f in dataclasses.fields(after)
            if f.compare and f.name != "id" and getattr(before, f.name) != getattr(after, f.name)
        ]
        if tuple(all_sources(before)) != tuple(all_sources(after)):
            changed.append("sumber")
        if changed:
            out.append(ProcedureChange(name, tuple(dict.fromkeys(changed))))
    return tuple(out)


def definitions_used(provision: ast.Provision, rulebook: CheckedRulebook) -> set[str]:
    """The definitions a provision's condition uses, directly or through other definitions."""
    used: set[str] = set()
    stack: list[ast.Expr] = [provision.condition] if provision.condition is not None else []
    while stack:
        expr = stack.pop()
        if isinstance(expr, ast.Name) and len(expr.parts) == 1 and expr.parts[0] in rulebook.definitions:
            name = expr.parts[0]
            if name not in used:
                used.add(name)
                stack.append(rulebook.definitions[name].expr)
        stack.extend(children_of(expr))
    return used


# ---- what changed for one incident ----------------------------------------------------------


def track_outcomes(decision: Decision) -> dict[ast.Category, TrackOutcome]:
    """The outcome of each track of a decision, sanction options included."""
    out = {}
    for t in decision.determination.tracks:
        sanctions = track_sanctions(t, decision.evaluation.findings)
        out[t.category] = TrackOutcome(t.status, t.tier, tuple(t.provisions), sanctions)
    return out


def _results(decision: Decision) -> dict[str, tuple[str, ...]]:
    """Per provision, its result for each act: the status, and for a finding its tier."""
    tiers = {(f.act, f.provision): f.tier for f in decision.evaluation.findings}
    out: dict[str, list[str]] = {}
    for o in sorted(decision.evaluation.outcomes, key=lambda o: (o.provision, o.act)):
        tier = tiers.get((o.act, o.provision))
        out.setdefault(o.provision, []).append(f"{o.status} {tier}" if tier else o.status)
    return {pid: tuple(results) for pid, results in out.items()}


def _considered(decision: Decision) -> set[str]:
    return {o.provision for o in decision.evaluation.outcomes if o.status in _CONSIDERED}


def _compare(
    path: str, before: Decision, after: Decision, changed: Mapping[str, ProvisionChange], old: Rulebook, new: Rulebook
) -> IncidentChange | None:
    old_tracks, new_tracks = track_outcomes(before), track_outcomes(after)
    none = TrackOutcome(DeterminationStatus.NONE, None, (), ())
    tracks = tuple(
        TrackChange(c, old_tracks.get(c, none), new_tracks.get(c, none))
        for c in _ordered(list(old_tracks) + [c for c in new_tracks if c not in old_tracks])
        if old_tracks.get(c, none) != new_tracks.get(c, none)
    )
    # An act that falls in a gap under one version and not the other changed, even with no track
    # changing: "not assessed" becoming "no violation" is a change a reviewer must see.
    assessments = tuple(
        AssessmentChange(a.act, a.status, b.status)
        for a, b in zip(before.assessments, after.assessments, strict=True)
        if a.status != b.status
    )
    if not tracks and not assessments:
        return None
    old_results, new_results = _results(before), _results(after)
    considered = _considered(before) | _considered(after)
    responsible = []
    for pid in sorted(set(old_results) | set(new_results)):
        differs = old_results.get(pid, ()) != new_results.get(pid, ())
        if not (differs or (pid in changed and pid in considered)):
            continue
        rulebook = new if pid in new.checked.provisions else old
        citation = cite(citation_json(rulebook.checked.provisions[pid].citation))
        responsible.append(
            Responsible(
                pid, citation, changed[pid].changes if pid in changed else (), old_results.get(pid, ()), new_results.get(pid, ())
            )
        )
    return IncidentChange(path, after.incident_id, tracks, tuple(responsible), assessments)


def _ordered(categories: Sequence[ast.Category]) -> list[ast.Category]:
    order = list(ast.Category)
    return sorted(set(categories), key=lambda c: (order.index(c) if c in order else len(order), c))

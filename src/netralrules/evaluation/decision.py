"""The decision: what evaluating one incident against one rulebook gives, and its stable JSON.

The record is made by `evaluation.pipeline.decide`; the explanation graph is attached afterwards
by `explain` (so evaluation without explanation never builds it).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from netralrules.evaluation.coverage import ActAssessment, Scope, assessment_json, scope_json
from netralrules.evaluation.determination import Determination, citation_json, track_sanctions
from netralrules.evaluation.evaluator import Evaluation, Finding, Outcome
from netralrules.evaluation.kinds import Assessment
from netralrules.evaluation.procedure import compact_procedure
from netralrules.evaluation.referral import Referral, referral_json
from netralrules.jsontext import pretty
from netralrules.version import VERSION

if TYPE_CHECKING:
    # Type only: the explanation is built by a later stage and attached to the decision.
    from netralrules.explain.graph import Explanation

ENGINE_VERSION = VERSION  # recorded in every decision (`mesin.versi`); version.py says where it comes from


class IncidentFacts(Protocol):
    """What evaluation needs of an incident (the pydantic model provides it)."""

    @property
    def incident_id(self) -> str: ...

    @property
    def act_dates(self) -> Sequence[datetime.date]: ...

    def fact(self, path: tuple[str, ...], act_index: int) -> object: ...


@dataclass(frozen=True)
class Decision:
    """The outcome for one incident: findings per act, the determination per track, what stays
    unresolved and why, and (if asked for) the explanation graph."""

    incident_id: str
    rulebook_hash: str
    act_dates: tuple[datetime.date, ...]
    stages: tuple[str, ...]
    evaluation: Evaluation
    determination: Determination
    missing_facts: tuple[tuple[int, str, tuple[str, ...]], ...]  # (act, provision, fact paths)
    explanation: Explanation | None = None  # when evaluated with explain=True
    referral: Referral | None = None  # to whom the case is referred (KASN, BKN), by date
    assessments: tuple[ActAssessment, ...] = ()  # per act: assessed, not assessed (a gap), outside the ASN rules
    scope: Scope | None = None  # whether the ASN rules govern the respondent (None: status unknown)
    # Per act, the id and name of the election it concerns, when the incident lists several
    # elections; empty otherwise, and then the JSON names none (single-election output unchanged).
    elections: tuple[tuple[str, str | None], ...] = ()
    # What must happen next (`prosedur`, evaluation/procedure.py), as JSON; None: no procedure applies.
    procedure: dict[str, Any] | None = None

    @property
    def not_assessed(self) -> tuple[ActAssessment, ...]:
        """The acts no provision covers: the decision is incomplete while any is left."""
        return tuple(a for a in self.assessments if not a.assessed)

    def to_dict(self, *, include_explanation: bool = True, all_outcomes: bool = True) -> dict[str, Any]:
        """A JSON-ready dict; the same decision always gives the same dict. The explanation graph
        (node-link) is included under `penjelasan` when the decision was made with one. Without
        `all_outcomes` (batch output's compact default) each act leaves out the outcome of every
        provision considered (`ketentuan_dipertimbangkan`), the procedure keeps its data without its
        prose and sources, and `ringkas: true` says so; the findings, the determination, the
        assessments and the unresolved items stay whole."""
        # Findings and outcomes grouped by act once: filtering them again for every act made the
        # JSON of a large incident quadratic in its acts.
        findings: dict[int, list[dict[str, Any]]] = {}
        for f in self.evaluation.findings:
            findings.setdefault(f.act, []).append(_finding_json(f))
        outcomes: dict[int, list[dict[str, Any]]] = {}
        for o in self.evaluation.outcomes if all_outcomes else ():
            outcomes.setdefault(o.act, []).append(_outcome_json(o))
        acts = []
        for i, date in enumerate(self.act_dates):
            act: dict[str, Any] = {
                "indeks": i,
                "tanggal": date.isoformat(),
                "tahap_pemilu": self.stages[i],
                "penilaian": assessment_json(self.assessments[i]) if i < len(self.assessments) else None,
                "temuan": findings.get(i, []),
            }
            if all_outcomes:
                act["ketentuan_dipertimbangkan"] = outcomes.get(i, [])
            if i < len(self.elections):
                act["pemilu"] = {"id": self.elections[i][0], "nama": self.elections[i][1]}
            acts.append(act)
        missing = {(act, provision): paths for act, provision, paths in reversed(self.missing_facts)}
        out: dict[str, Any] = {
            "mesin": {"nama": "netralrules", "versi": ENGINE_VERSION},
            "rulebook": self.rulebook_hash,
            "insiden": self.incident_id,
            "tindakan": acts,
            "penetapan": [
                {
                    "kategori": t.category,
                    "status": t.status,
                    "tingkat": t.tier,
                    "ketentuan": list(t.provisions),
                    "alasan": list(t.reasons),
                    "jenis_minimum": t.minimum_sanction,
                    "pilihan_sanksi": list(track_sanctions(t, self.evaluation.findings)),
                    "fakta_penentu": list(t.deciding_facts),
                    "diperdebatkan": t.contested,
                    "tingkat_lain": list(t.contested_tiers),
                }
                for t in self.determination.tracks
            ],
            "kelengkapan": {
                "lengkap": not self.not_assessed,
                "tidak_dinilai": [a.act for a in self.not_assessed if a.status is Assessment.NOT_ASSESSED],
                "di_luar_asn": [a.act for a in self.not_assessed if a.status is Assessment.OUTSIDE_ASN],
            },
            "lingkup": scope_json(self.scope),
            "pengawasan": referral_json(self.referral) if self.referral is not None else None,
            "prosedur": self.procedure if all_outcomes or self.procedure is None else compact_procedure(self.procedure),
            "belum_terselesaikan": [
                {**_outcome_json(o), "tindakan": o.act, "fakta_penentu": list(missing.get((o.act, o.provision), ()))}
                for o in self.determination.unresolved
            ],
        }
        if not all_outcomes:
            out["ringkas"] = True
        if include_explanation and self.explanation is not None:
            out["penjelasan"] = self.explanation.to_data()
        return out

    def to_json(self, *, include_explanation: bool = True) -> str:
        return pretty(self.to_dict(include_explanation=include_explanation))


def _finding_json(f: Finding) -> dict[str, Any]:
    return {
        "ketentuan": f.provision,
        "rujukan": citation_json(f.citation),
        "teks": f.text,
        "kategori": f.category,
        "tingkat": f.tier,
        "dasar_tingkat": citation_json(f.tier_basis),
        "pilihan_sanksi": list(f.sanction_options),
        "catatan": f.note,
        "tingkat_tidak_diatur": f.unresolved,
        "tingkat_lain": [
            {"tingkat": r.tier, "dasar_tingkat": citation_json(r.basis), "pilihan_sanksi": list(r.sanction_options)}
            for r in f.other_readings
        ],
        "pembuktian": f.proof,
    }


def _outcome_json(o: Outcome) -> dict[str, Any]:
    return {"ketentuan": o.provision, "status": o.status, "alasan": o.reason, "dikecualikan_oleh": list(o.defeated_by)}

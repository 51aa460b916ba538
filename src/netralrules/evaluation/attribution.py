"""Attribution and proof: evaluation + incident facts → evaluation of what the respondent did, and
how far each finding is proven.

A provision is breached by the respondent's own conduct. A report often turns on who acted (an
account run by a spouse, a photo taken without consent): an act the incident says the respondent
did not do (`tindakan.dilakukan_sendiri` false) is not attributed, and what fired for it is
undecided, with that reason, until who did it, and the respondent's part, is examined. An act
counts as proven when it is verified (`tindakan.terverifikasi`) or one of its evidence items is
(`bukti[].terverifikasi`); otherwise its findings are alleged (`dugaan`), and the determination
says which acts still need verification.
"""

from __future__ import annotations

from collections.abc import Sequence

from netralrules.compiler import FactReader
from netralrules.evaluation.determination import Determination, replaced
from netralrules.evaluation.evaluator import Evaluation, Finding, Outcome
from netralrules.evaluation.kinds import Proof, Status

NOT_BY_RESPONDENT = "tindakan tidak dilakukan sendiri oleh responden: siapa pelakunya, dan peran responden, menentukan"
ALLEGED = "dugaan, belum terverifikasi (tindakan maupun buktinya): tindakan "
WHO_DID_IT = "tindakan.dilakukan_sendiri"
# The act's facts this stage reads itself, outside any provision.
READ_HERE = frozenset({"dilakukan_sendiri", "terverifikasi", "bukti"})


def not_by_respondent(facts: FactReader, acts: int) -> frozenset[int]:
    """The acts the incident says the respondent did not do."""
    return frozenset(i for i in range(acts) if facts.fact(("tindakan", "dilakukan_sendiri"), i) is False)


def proof_of(facts: FactReader, act: int) -> Proof:
    """Proven when the act or one of its evidence items is verified; alleged otherwise."""
    if facts.fact(("tindakan", "terverifikasi"), act) is True:
        return Proof.PROVEN
    evidence = facts.fact(("tindakan", "bukti"), act)
    if isinstance(evidence, list) and any(isinstance(e, dict) and e.get("terverifikasi") is True for e in evidence):
        return Proof.PROVEN
    return Proof.ALLEGED


def attribute(evaluation: Evaluation, facts: FactReader, acts: int) -> Evaluation:
    """The evaluation with what fired for an act not done by the respondent left undecided, and
    every finding marked proven or alleged."""
    others = not_by_respondent(facts, acts)
    proofs = {i: proof_of(facts, i) for i in {f.act for f in evaluation.findings}}
    # A finding is made alleged (the default): only a proven one is copied.
    findings = tuple(
        f if f.proof is proofs[f.act] else replaced(f, proof=proofs[f.act]) for f in evaluation.findings if f.act not in others
    )
    if not others:  # every act is the respondent's own: the outcomes stand as they are
        return Evaluation(evaluation.outcomes, findings, evaluation.unresolved)
    outcomes: list[Outcome] = []
    for o in evaluation.outcomes:
        if o.act in others and o.status is Status.FIRED:
            o = replaced(o, status=Status.UNKNOWN, reason=NOT_BY_RESPONDENT)
        outcomes.append(o)
    unresolved = tuple(o for o in outcomes if o.status is Status.UNKNOWN)
    return Evaluation(tuple(outcomes), findings, unresolved)


def flag_alleged(determination: Determination, findings: Sequence[Finding]) -> Determination:
    """Each track resting on an alleged finding says which acts still need verification."""
    # The alleged findings' acts per provision, once: testing every finding against every track's
    # provisions (a tuple) grew with findings × provisions.
    alleged: dict[str, set[int]] = {}
    for f in findings:
        if f.proof is Proof.ALLEGED:
            alleged.setdefault(f.provision, set()).add(f.act + 1)
    tracks = []
    for t in determination.tracks:
        acts = sorted({act for p in t.provisions if p in alleged for act in alleged[p]})
        if acts:
            t = replaced(t, reasons=(*t.reasons, ALLEGED + ", ".join(map(str, acts))))
        tracks.append(t)
    if not alleged:  # no track changed
        return determination
    return replaced(determination, tracks=tuple(tracks))

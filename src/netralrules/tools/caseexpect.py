"""Rule cases: the expectations on the determination's tracks (etik, disiplin, pemberhentian,
pidana, administratif), and why a provision expectation failed (the conditions that decided it, as
`netralrules evaluate --why-not` shows them). `casetest.py` runs the cases; the format of a track
expectation is in its docstring."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from netralrules.evaluation.decision import Decision, IncidentFacts
from netralrules.evaluation.determination import Track
from netralrules.evaluation.kinds import DeterminationStatus, Status
from netralrules.explain.report import ClauseItem, ConditionItem, FactItem
from netralrules.explain.words import value_text
from netralrules.rulebook import Rulebook
from netralrules.syntax import ast
from netralrules.syntax.formatter import format_citation, format_penalties

TRACKS: tuple[str, ...] = tuple(c.value for c in ast.Category)
# What a track's status is called in a case (`ada` = decided: the track applies).
TRACK_STATUS = {
    DeterminationStatus.DETERMINED: "ada",
    DeterminationStatus.NONE: "tidak_ada",
    DeterminationStatus.UNRESOLVED: "belum_dapat_ditentukan",
}
TRACK_KEYS = ("status", "tingkat", "ketentuan", "ancaman", "menurut")
_TIERS = tuple(t.value for t in ast.Tier)


def track_problems(key: str, wanted: object, decision: Decision, rulebook: Rulebook) -> list[str]:
    """The differences between what a case expects of one track and what the decision says."""
    track = next(t for t in decision.determination.tracks if t.category == key)
    status = TRACK_STATUS[track.status]
    if not isinstance(wanted, Mapping):
        # A word: the status; for disiplin also a tier (then the track must be decided at that tier).
        if key == ast.Category.DISIPLIN and str(wanted) in _TIERS:
            actual = track.tier if track.status is DeterminationStatus.DETERMINED and track.tier else status
            return [] if str(wanted) == actual else [_differs(key, str(wanted), actual or status, track)]
        if str(wanted) not in TRACK_STATUS.values():
            return [_bad_value(key)]
        return [] if str(wanted) == status else [_differs(key, str(wanted), status, track)]
    problems = (
        [
            f"{key}: kunci tidak dikenal: {', '.join(sorted(map(str, set(wanted) - set(TRACK_KEYS))))} "
            f"(yang sah: {', '.join(TRACK_KEYS)})"
        ]
        if set(wanted) - set(TRACK_KEYS)
        else []
    )
    if "status" in wanted and str(wanted["status"]) != status:
        problems.append(_differs(key, str(wanted["status"]), status, track))
    if "tingkat" in wanted and str(wanted["tingkat"]) != (track.tier or "tidak_ada"):
        problems.append(f"{key}: tingkat diharapkan {wanted['tingkat']}, ternyata {track.tier or 'tidak ada'}")
    for pid in _listed(wanted.get("ketentuan")):
        if pid not in rulebook.checked.provisions:
            problems.append(f"{key}: ketentuan `{pid}` tidak ada dalam rulebook")
        elif pid not in track.provisions:
            problems.append(f"{key}: diharapkan bersandar pada `{pid}`, ternyata {_shown(track.provisions)}")
    outcomes = [o for pid in track.provisions if (o := rulebook.checked.provisions[pid].outcome) is not None]
    for field, render in (("ancaman", _penalties), ("menurut", _basis)):
        seen = sorted({text for o in outcomes if (text := render(o))})
        for text in _listed(wanted.get(field)):
            if " ".join(text.split()) not in seen:
                problems.append(f"{key}: {field} diharapkan `{text}`, ternyata {_shown(seen)}")
    return problems


def _penalties(outcome: ast.Outcome) -> str:
    return format_penalties(outcome)


def _basis(outcome: ast.Outcome) -> str:
    return format_citation(outcome.penalty_basis) if outcome.penalty_basis is not None else ""


def _listed(value: object) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def _shown(items: Sequence[str]) -> str:
    return ", ".join(f"`{i}`" for i in items) or "tidak ada"


def _differs(key: str, wanted: str, actual: str, track: Track) -> str:
    because = f" (dari {_shown(track.provisions)})" if track.provisions else ""
    reasons = f"; {'; '.join(track.reasons)}" if track.reasons else ""
    return f"{key}: diharapkan {wanted}, ternyata {actual}{because}{reasons}"


def _bad_value(key: str) -> str:
    words = ", ".join(TRACK_STATUS.values())
    if key == ast.Category.DISIPLIN:
        words = f"{', '.join(_TIERS)}, {words}"
    return f"{key}: tulis salah satu dari {words}, atau `{{status: …, ketentuan: […]}}`"


# ---- why a provision expectation failed -------------------------------------------------------


def why(rulebook: Rulebook, incident: IncidentFacts, provisions: Sequence[str]) -> list[str]:
    """For each provision whose expectation failed, per act, what decided it: the smallest set of
    unmet conditions (false or unknown) with the facts they read, or for a provision that fired
    or did not bind the respondent, the facts it read."""
    decision = rulebook.decide(incident)
    report = rulebook.report_for(decision, incident, list(provisions))
    multi = len(incident.act_dates) > 1
    lines: list[str] = []
    for c in report.asked:
        lines.extend(_clause_why(c, multi))
    return lines


def wanted_tier(key: str, wanted: object) -> str | None:
    """The track, or for disiplin the tier, a failing expectation wanted reached ("" for a track
    with no tier; None when it wanted the track absent or unsettled, where no why-not helps)."""
    status = wanted.get("tingkat", wanted.get("status", "ada")) if isinstance(wanted, Mapping) else wanted
    if str(status) in _TIERS:
        return str(status)
    return "" if str(status) == "ada" else None


def why_tracks(rulebook: Rulebook, incident: IncidentFacts, wanted: Mapping[str, str]) -> list[str]:
    """For each track (or disciplinary tier) a failing expectation wanted and the decision did not
    reach (`wanted`: track → tier, "" for any), what its nearest provisions lack (at most two,
    fewest unmet conditions first), as `netralrules evaluate --why-not` lists them."""
    report = rulebook.report_for(rulebook.decide(incident), incident)
    multi = len(incident.act_dates) > 1
    lines: list[str] = []
    for gap in report.why_not:
        tier = wanted.get(gap.category)
        if tier is None or (tier and gap.tier != tier):
            continue
        track = f"{gap.category}" + (f" tingkat {gap.tier}" if gap.tier is not None else "")
        for c in (gap.candidates or gap.elsewhere)[:2]:
            lines.extend(f"{track}: {line}" for line in _clause_why(c, multi))
    return lines


def _clause_why(c: ClauseItem, multi: bool) -> list[str]:
    where = f"`{c.provision}`" + (f", tindakan {c.act + 1}" if multi else "")
    head = f"sebab / because ({where}): "
    if c.unmet:
        return [head + _condition(u) for u in c.unmet]
    detail = f"{c.detail.id}; " if c.detail is not None else ""
    if c.status is Status.FIRED:
        return [f"{head}semua syarat terpenuhi / every condition held; fakta: {_facts(c.facts_seen)}"]
    return [f"{head}{detail}fakta: {_facts(c.facts_seen)}"]


def _condition(u: ConditionItem) -> str:
    text = u.text.id if u.definition is None else f"{u.definition} (definisi: {u.text.id})"
    kind = "syarat tidak terpenuhi" if u.value == "false" else "syarat belum dapat ditentukan"
    shown = f"{kind}: `{text}` [{value_text(u.value == 'true', u.value != 'unknown', 'id')}]"
    return shown + (f" (fakta: {_facts(u.facts)})" if u.facts else "")


def _facts(facts: Sequence[FactItem]) -> str:
    return "; ".join(f"`{f.path} = {value_text(f.value, f.known, 'id')}`" for f in facts) or "tidak ada"


def expected_provisions(expected: Mapping[str, Any], provision_keys: Sequence[str]) -> set[str]:
    """Every provision id a case's expectations name (its provision lists and its tracks' `ketentuan`)."""
    named = {str(p) for key in provision_keys for p in _listed(expected.get(key))}
    for key in TRACKS:
        value = expected.get(key)
        if isinstance(value, Mapping):
            named.update(_listed(value.get("ketentuan")))
    return named

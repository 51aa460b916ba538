"""Two explanations of one incident (before and after a what-if change) → what changed.

Compared by node id, which is stable across runs (explain/graph.py): the determination per track
(status and tier), the status of every provision per act, the value of every traced condition and
the value of every fact read. A node present on one side only (a fact read only after the change)
counts as changed, with `-` on the other side.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from netralrules.diagnostics import Text
from netralrules.evaluation.kinds import DeterminationStatus
from netralrules.explain.graph import Explanation, NodeKind
from netralrules.explain.ordering import citation_key
from netralrules.explain.words import CATEGORIES, STATUSES, TIERS, TRACK_STATUSES, VALUES, cite, node_text, pick, say, value_text

ABSENT = "-"


@dataclass(frozen=True)
class Change:
    """One thing that changed: for a track `act` is None; `key` is its id (category, provision,
    condition node, fact path), `label` names it for a reader (a citation, a condition's text);
    `before`/`after` are what it was and became, in words (`-`: absent on that side)."""

    kind: str  # track, provision, condition, fact
    act: int | None
    key: str
    label: Text
    before: Text
    after: Text


@dataclass(frozen=True)
class ExplanationDiff:
    tracks: tuple[Change, ...]
    provisions: tuple[Change, ...]
    conditions: tuple[Change, ...]
    facts: tuple[Change, ...]

    @property
    def empty(self) -> bool:
        return not (self.tracks or self.provisions or self.conditions or self.facts)


_same = Text.same


def _track(attrs: dict[str, Any] | None) -> Text:
    status = DeterminationStatus.NONE if attrs is None else DeterminationStatus(attrs["status"])
    tier = attrs.get("tier") if attrs is not None else None

    def words(lang: str) -> str:
        shown = pick(TRACK_STATUSES, status, lang)
        return f"{shown}, {say('tier', lang)} {pick(TIERS, tier, lang)}" if tier else shown

    return Text.build(words)


def _word(table: dict[str, Text], code: str) -> Text:
    return Text.build(lambda lang: pick(table, code, lang)) if code != ABSENT else _same(ABSENT)


def compare(before: Explanation, after: Explanation) -> ExplanationDiff:
    """What differs between two explanations of the same incident."""
    a, b = before.data, after.data

    def nodes(kind: NodeKind) -> list[str]:
        return sorted(set(before.nodes(kind)) | set(after.nodes(kind)))

    tracks = []
    for node in nodes(NodeKind.DETERMINATION):
        old, new = (dict(g.nodes[node]) if node in g else None for g in (a, b))
        if _track(old) != _track(new):
            category = str((old or new or {})["category"])
            tracks.append(Change("track", None, category, _word(CATEGORIES, category), _track(old), _track(new)))
    provisions = []
    for node in sorted(
        nodes(NodeKind.CLAUSE),
        key=lambda n: (int((a.nodes[n] if n in a else b.nodes[n])["act"]), citation_key(a.nodes[n] if n in a else b.nodes[n])),
    ):
        old_status = str(a.nodes[node]["status"]) if node in a else ABSENT
        new_status = str(b.nodes[node]["status"]) if node in b else ABSENT
        if old_status != new_status:
            attrs = a.nodes[node] if node in a else b.nodes[node]
            label = Text.build(functools.partial(cite, attrs.get("citation")))
            provisions.append(
                Change(
                    "provision",
                    int(attrs["act"]),
                    str(attrs["provision"]),
                    label,
                    _word(STATUSES, old_status),
                    _word(STATUSES, new_status),
                )
            )
    conditions = []
    for node in nodes(NodeKind.CONDITION):
        old_value = str(a.nodes[node]["value"]) if node in a else ABSENT
        new_value = str(b.nodes[node]["value"]) if node in b else ABSENT
        if old_value != new_value:
            attrs = a.nodes[node] if node in a else b.nodes[node]
            label = node_text(attrs)
            conditions.append(
                Change(
                    "condition", int(attrs["act"]), str(attrs["node"]), label, _word(VALUES, old_value), _word(VALUES, new_value)
                )
            )
    facts = []
    for node in nodes(NodeKind.FACT):
        old = a.nodes[node] if node in a else None
        new = b.nodes[node] if node in b else None
        if (old or {}).get("value") != (new or {}).get("value") or (old is None) != (new is None):
            fact = old or new
            assert fact is not None
            facts.append(
                Change("fact", int(fact["act"]), str(fact["path"]), _same(str(fact["path"])), _fact_text(old), _fact_text(new))
            )
    return ExplanationDiff(tuple(tracks), tuple(provisions), tuple(conditions), tuple(facts))


def _fact_text(attrs: Any) -> Text:
    if attrs is None:
        return _same(ABSENT)
    return Text.build(lambda lang: value_text(attrs["value"], attrs["known"], lang))

"""The report: explanation graph → a structured account of one decision that reviewers can sign.

`build_report(explanation, …)` reads the graph (explain/graph.py) and returns a frozen `Report`.
Renderers turn a report into text: `explain/narrative.py` (plain text in Indonesian or English, and
Markdown); an HTML renderer can be written on the same structure. No renderer reads the graph.

The structure (every list is in a fixed order, so equal decisions give equal reports):

`Report`
  - `incident_id` (str | None), `rulebook` (content hash)
  - `acts: tuple[ActSection]` — per act: `index` (0-based), `date`, `stage` (decision.stage code),
    `instruments` (names in force that day, with `titles`), `not_in_force` (instrument name →
    `Text` of its validity: why the rulebook's other instruments were not applied), `facts`
    (`FactItem`s read while evaluating that act, known and unknown)
  - `findings: tuple[FindingSection]` — per fired provision per act: citation, statutory `text`,
    `category`, `tier`, `tier_basis`, `sanction_options` and `sanction_basis`, `penalties`, `note`,
    `facts_seen`, `sources` (the numbers of its sources in the annex)
  - `tracks: tuple[TrackSection]` — the determination per track that is not `none`: `status`, `tier`,
    `based_on` (citations with their act), `reasons` (`Text`s: heaviest of several, repeat offence,
    escalation, single finding)
  - `not_applied: tuple[ClauseItem]` — every clause that did not fire, with `status`, `detail`
    (why, as `Text`), `unmet` (the smallest set of unmet conditions, `ConditionItem`s, each with
    its text in the rules language, its value and the facts it read) and `facts_seen`
  - `unresolved: tuple[ClauseItem]` and `unresolved_tracks: tuple[TrackSection]`
  - `missing_facts: tuple[MissingFact]` — facts whose being unknown holds an outcome open, ordered
    by how much they decide (see `MissingFact`)
  - `why_not: tuple[TierGap]` — per tier or track not reached, the nearest provisions that would
    have given it, with what they lack
  - `asked: tuple[ClauseItem]` — the provisions a reviewer asked about (`--why-not`), per act
  - `open_questions: tuple[OpenQuestion]` — the notes of the provisions that touched this case
    (fired, defeated or undecided) whose sources are less than verified, and the rules of the
    determination whose article is not confirmed
  - `referral: ReferralSection | None` — to whom the case is referred (KASN, BKN) on the reference
    date, or why that is contested; None when the rulebook declares no supervisory body
  - `sources: tuple[SourceItem]` — the annex of sources: every source (`sumber`) of the provisions
    that touched this case, of the sanction tables their findings use, of their instruments and of
    the supervisory bodies named, each once, numbered

Every phrase a reader sees that comes from the data is a `Text` (Indonesian `id`, English `en`);
statuses, tiers and categories stay codes, translated by `explain/words.py`. `Report.to_dict()`
gives it as JSON-ready data.
"""

from __future__ import annotations

import dataclasses
import datetime
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar, assert_never

from netralrules.diagnostics import Text
from netralrules.evaluation.determination import HEAVIEST_RULE, REPEAT_RULE
from netralrules.evaluation.evaluator import TIER_ORDER
from netralrules.evaluation.kinds import DeterminationStatus, Status
from netralrules.explain.graph import ActInfo, Explanation, NodeKind, clause_id
from netralrules.explain.ordering import citation_key
from netralrules.explain.render.procedure import procedure_sources
from netralrules.explain.words import (
    CATEGORIES,
    TEXT,
    TIERS,
    cite,
    code_word,
    date_text,
    fact_title,
    instrument_name,
    instrument_names,
    node_text,
    pick,
    reason_text,
    say,
)
from netralrules.syntax.ast import RELIABILITY_LEVELS, Category, Tier

# Reliability levels of a source that leave a doubt (every level but `terverifikasi`).
DOUBTFUL = tuple(level for level in RELIABILITY_LEVELS if level != "terverifikasi")
# The determination's rules whose article is not confirmed (evaluation/determination.py says so).
_UNCONFIRMED_RULES = (HEAVIEST_RULE, REPEAT_RULE)
# What the annex says a statement supports, besides provisions: an instrument, a supervisory body.
_INSTRUMENT = ("instrumen", "instrument")
_BODY = ("lembaga pengawas", "supervisory body")
_SANCTIONS = ("jenis hukuman", "types of penalty")


def _text(key: str) -> Text:
    return TEXT[key]


def _both(fn: Any, *args: Any) -> Text:
    return Text.build(lambda lang: str(fn(*args, lang)))


def _escalated(lower: str, higher: str) -> Text:
    return Text.build(lambda lang: say("escalated", lang).format(pick(TIERS, lower, lang), pick(TIERS, higher, lang)))


_E = TypeVar("_E", Category, Tier)


def _optional(kind: type[_E], value: Any) -> _E | None:
    """A graph attribute as its enum (the attributes hold members, or strings when read back)."""
    return None if value is None else kind(value)


@dataclass(frozen=True)
class FactItem:
    """A fact read for an act: its path, its value (JSON-safe) and whether it is known."""

    path: str
    value: Any
    known: bool
    # Its phrase in both languages: the schema's title of a fact, the label of a definition.
    label: Text | None = None


@dataclass(frozen=True)
class ConditionItem:
    """One unmet condition: its text in the rules language, its value (`false` or `unknown`), the
    definition it is (when it is one) and the facts it read."""

    node: str
    text: Text
    value: str
    definition: str | None
    facts: tuple[FactItem, ...]
    label: str | None = None  # the definition's label (`masa kampanye`), when it is one


@dataclass(frozen=True)
class ClauseItem:
    """One provision for one act that did not fire (or was asked about)."""

    act: int
    provision: str
    citation: Text
    status: Status
    detail: Text | None
    unmet: tuple[ConditionItem, ...]
    facts_seen: tuple[FactItem, ...]
    deciding: tuple[str, ...]
    category: Category | None
    tier: Tier | None
    text: str
    instrument: str = ""  # the rulebook's name of its instrument (`PP_53_2010`)
    subjects: tuple[str, ...] = ()  # whom it binds (`untuk`)
    in_force: tuple[str, str | None] | None = None  # its period (ISO dates; end None: open)
    apart: Text | None = None  # what tells it from provisions with the same citation (its tier, …)


@dataclass(frozen=True)
class ActSection(ActInfo):
    """An act (date, stage, instruments in force) with what the report says of it besides."""

    titles: tuple[tuple[str, str], ...] = ()
    not_in_force: tuple[tuple[str, Text], ...] = ()
    facts: tuple[FactItem, ...] = ()
    # Facts of the act the incident states that no provision read (`jam_kerja`, say): shown, so a
    # reviewer sees they were reported and what they did not change.
    unread: tuple[FactItem, ...] = ()


@dataclass(frozen=True)
class FindingSection:
    act: int
    provision: str
    citation: Text
    text: str
    category: Category
    tier: Tier | None
    tier_basis: Text | None
    sanction_options: tuple[str, ...]
    sanction_basis: Text | None
    penalties: tuple[tuple[tuple[str, Any], ...], ...]
    note: str | None
    facts_seen: tuple[FactItem, ...]
    sources: tuple[int, ...] = ()  # numbers in the annex of sources (Report.sources)
    proof: str = "dugaan"  # `terbukti` or `dugaan` (evaluation/attribution.py)
    penalty_joiners: tuple[str, ...] = ()  # the statute's "dan" / "dan/atau" between the penalties
    # Where the sources disagree on the tier: each other reading, with its basis and sanction options.
    other_readings: tuple[ReadingSection, ...] = ()


@dataclass(frozen=True)
class ReadingSection:
    """Another reading of a finding's contested tier (`bacaan_lain`)."""

    tier: Tier
    basis: Text
    sanction_options: tuple[str, ...]


@dataclass(frozen=True)
class TrackSection:
    category: Category
    status: DeterminationStatus
    tier: Tier | None
    based_on: tuple[tuple[int, Text], ...]
    reasons: tuple[Text, ...]
    # The repeat rule (disiplin): the lightest sanction type allowed and the options it leaves (None:
    # the rule did not set them), and the unknown facts that would settle the track.
    minimum_sanction: str | None = None
    sanction_options: tuple[str, ...] | None = None
    deciding_facts: tuple[str, ...] = ()
    # The other tiers the track could take under the other readings of a contested tier.
    contested_tiers: tuple[Tier, ...] = ()


@dataclass(frozen=True)
class MissingFact:
    """An unknown fact that holds outcomes open. `path` is written as `--set` takes it
    (`tindakan[1].sasaran` when the incident has several acts). `needed_by`: the undecided
    provisions (act, provision, citation) that read it. `settles`: those it would decide alone,
    whatever value it took (None when not computed: it needs the incident, see
    `netralrules.explain.whatif.rank_missing_facts`). Order: most settled, then most needed, then path."""

    path: str
    needed_by: tuple[tuple[int, str, Text], ...]
    settles: tuple[tuple[int, str, Text], ...] | None = None


@dataclass(frozen=True)
class TierGap:
    """A tier (disiplin) or track (other categories) that the decision did not reach; `candidates`
    the provisions that would give it which were evaluated, nearest first (fewest unmet
    conditions), `elsewhere` those not in force or not applicable to the respondent."""

    category: Category
    tier: Tier | None
    candidates: tuple[ClauseItem, ...]
    elsewhere: tuple[ClauseItem, ...]


@dataclass(frozen=True)
class OpenQuestion:
    """A legal doubt touching the case: the note of a provision whose sources are less than
    verified, with those sources' `reliability` levels (codes of ast.RELIABILITY_LEVELS) and the acts
    it touched. `provision` is None for the rules of the determination itself (heaviest of
    several, repeat offence), whose article is not confirmed."""

    provision: str | None
    citation: Text | None
    reliability: tuple[str, ...]
    text: str
    acts: tuple[int, ...]


@dataclass(frozen=True)
class SourceItem:
    """One entry of the annex of sources: its `number` (from 1), the document, its link and date
    (ISO) when known, its `reliability` (a code of ast.RELIABILITY_LEVELS; explain/words.py says it
    in words) and what it `supports`: citations of provisions, instruments, supervisory bodies."""

    number: int
    document: str
    url: str | None
    date: str | None
    reliability: str
    supports: tuple[Text, ...]


@dataclass(frozen=True)
class ReferralBody:
    """A supervisory body as the rulebook declares it (`lembaga_pengawas`)."""

    name: str
    title: str | None
    start: str | None  # ISO date, None when the rulebook leaves the start open
    end: str | None
    chain: tuple[str, ...]
    note: str | None


@dataclass(frozen=True)
class ReferralSection:
    """To whom the case is referred (src/netralrules/evaluation/referral.py): the reference `date` and its
    `basis` (tanggal_laporan or tanggal_tindakan_terakhir), `status` (determined, unresolved when
    the bodies' periods overlap, none) and the bodies serving on that date."""

    date: datetime.date
    basis: str
    status: DeterminationStatus
    bodies: tuple[ReferralBody, ...]


@dataclass(frozen=True)
class ScopeSection:
    """A respondent who is not ASN: the ASN rules do not govern the conduct; what does, where the
    rulebook knows (the provisions that can bind the status, by citation)."""

    status: str
    governing: tuple[tuple[str, Text], ...]  # (provision, citation)


@dataclass(frozen=True)
class Report:
    incident_id: str | None
    rulebook: str
    acts: tuple[ActSection, ...]
    findings: tuple[FindingSection, ...]
    tracks: tuple[TrackSection, ...]
    not_applied: tuple[ClauseItem, ...]
    unresolved: tuple[ClauseItem, ...]
    unresolved_tracks: tuple[TrackSection, ...]
    missing_facts: tuple[MissingFact, ...]
    why_not: tuple[TierGap, ...]
    asked: tuple[ClauseItem, ...]
    open_questions: tuple[OpenQuestion, ...]
    referral: ReferralSection | None = None
    sources: tuple[SourceItem, ...] = ()
    scope: ScopeSection | None = None  # None: an ASN respondent, or the status is not known
    procedure: dict[str, Any] | None = None  # the decision's `prosedur` (evaluation/procedure.py)

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data (`Text` as {"id", "en"}, dates ISO)."""
        return as_data(self)  # type: ignore[no-any-return]


def as_data(value: Any) -> Any:
    """A report (or any part of it, or an ExplanationDiff) as JSON-ready data."""
    if isinstance(value, Text):
        return {"id": value.id, "en": value.en}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: as_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [as_data(v) for v in value]
    if isinstance(value, dict):
        return {str(k): as_data(v) for k, v in value.items()}
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


class _Reader:
    def __init__(self, explanation: Explanation) -> None:
        self.e = explanation
        self.g = explanation.data
        provisions: dict[str, dict[str, Mapping[str, Any]]] = {}
        self.labels: dict[str, str] = {}
        for n in explanation.nodes(NodeKind.CLAUSE):
            a = self.g.nodes[n]
            provisions.setdefault(cite(a.get("citation"), "id"), {}).setdefault(str(a["provision"]), a)
        for n in explanation.nodes(NodeKind.CONCEPT):
            a = self.g.nodes[n]
            self.labels.setdefault(str(a["name"]), str(a.get("label") or a["name"]))
        # Provisions that share a citation, each with what tells it apart from the others.
        self._ids: dict[str, Text] | None = None
        self._id_pattern: re.Pattern[str] | None = None
        self._apart: dict[str, Text] = {}
        for group in provisions.values():
            if len(group) > 1:
                self._apart.update(distinguish(group))

    def note(self, text: str, lang: str = "id") -> str:
        """A legal note (or an engine's reason) as the report shows it: on one line, a provision named
        by its id (`skb2022.disiplin.6`) named by its citation, an instrument (`PP_94_2021`) as a
        lawyer names it."""
        if self._ids is None:
            ids: dict[str, Text] = {}
            for n in self.e.nodes(NodeKind.CLAUSE):
                a = self.g.nodes[n]
                ids.setdefault(str(a["provision"]), self.cite_node(a))
            names = "|".join(re.escape(i) for i in sorted(ids, key=len, reverse=True))
            self._ids = ids
            self._id_pattern = re.compile(rf"(?<![\w.])(?:{names})(?![\w])") if names else None
        shown = " ".join(text.split())
        if self._id_pattern is not None:
            found = self._ids
            shown = self._id_pattern.sub(lambda m: found[m.group(0)].get(lang), shown)
        return instrument_names(shown)

    def facts(self, ids: Iterable[str]) -> tuple[FactItem, ...]:
        out = []
        for fid in ids:
            a = self.g.nodes[fid]
            if a["kind"] == NodeKind.FACT:
                out.append(FactItem(str(a["path"]), a["value"], bool(a["known"]), fact_title(str(a["path"]))))
            elif a["kind"] == NodeKind.CONCEPT:
                label = str(a.get("label") or a["name"])
                out.append(FactItem(str(a["name"]), a["value"], bool(a["known"]), Text(f"«{label}»", f"«{label}»")))
        return tuple(out)

    def cite_node(self, attrs: Mapping[str, Any]) -> Text:
        """The citation as a reviewer reads it. Several provisions may share one citation (the tiers of
        PP 94/2021 Pasal 3 huruf d by impact; SKB 2022 items cited by the PP 94 norm they apply), so a
        shared citation also says what tells them apart (`distinguish`), never the same label twice."""
        text = _both(cite, attrs.get("citation"))
        apart = self._apart.get(str(attrs.get("provision")))
        if apart is not None:
            return Text.build(lambda lang: f"{text.get(lang)} ({apart.get(lang)})")
        return text

    def cite_ids(self, act: int, provisions: Sequence[str]) -> Text:
        known = sorted((self.g.nodes[clause_id(act, p)] for p in provisions if clause_id(act, p) in self.g), key=citation_key)
        rest = sorted(p for p in provisions if clause_id(act, p) not in self.g)
        return Text.build(lambda lang: ", ".join([cite(c.get("citation"), lang) for c in known] + rest))

    def clauses(self, act: int | None = None) -> list[dict[str, Any]]:
        found = [self.e.attrs(n) for n in self.e.nodes(NodeKind.CLAUSE, act)]
        return sorted(found, key=lambda c: (c["act"], citation_key(c)))

    def detail(self, c: Mapping[str, Any]) -> Text | None:
        act = int(c["act"])
        status = Status(c["status"])
        match status:
            case Status.DEFEATED:
                who = self.cite_ids(act, c["defeated_by"])
                return Text.build(lambda lang: f"{say('overridden_by', lang)} {who.get(lang)}")
            case Status.UNKNOWN if c["waiting_for"]:
                who = self.cite_ids(act, c["waiting_for"])
                return Text.build(lambda lang: f"{say('waiting_for', lang)} {who.get(lang)}")
            case Status.NOT_FIRED:
                return None
            case Status.FIRED | Status.UNKNOWN | Status.NOT_APPLICABLE | Status.NOT_IN_FORCE:
                return _both(reason_text, str(c["reason"])) if c["reason"] else None
            case _:
                assert_never(status)

    def condition(self, item: Mapping[str, Any]) -> ConditionItem:
        definition = item.get("definition")
        return ConditionItem(
            str(item["node"]),
            node_text(item),
            str(item["value"]),
            definition,
            self.facts(item["facts"]),
            self.labels.get(str(definition), str(definition)) if definition else None,
        )

    def clause(self, c: Mapping[str, Any]) -> ClauseItem:
        return ClauseItem(
            act=int(c["act"]),
            provision=str(c["provision"]),
            citation=self.cite_node(c),
            status=Status(c["status"]),
            detail=self.detail(c),
            unmet=tuple(self.condition(u) for u in c.get("unmet", [])),
            facts_seen=self.facts(c["facts_seen"]),
            deciding=tuple(str(self.g.nodes[f]["path"]) for f in c.get("deciding_facts", [])),
            category=_optional(Category, c.get("category")),
            tier=_optional(Tier, c.get("tier")),
            text=str(c.get("text") or ""),
            instrument=str(c.get("instrument") or ""),
            subjects=tuple(str(x) for x in c.get("subjects") or ()),
            in_force=(str(c["in_force"][0]), c["in_force"][1]) if c.get("in_force") else None,
            apart=self._apart.get(str(c["provision"])),
        )


def build_report(
    explanation: Explanation,
    *,
    incident_id: str | None = None,
    asked: Sequence[str] = (),
    missing: Sequence[MissingFact] | None = None,
) -> Report:
    """The report of one decision from its explanation graph. `asked`: provision ids a reviewer
    asked "why not" about (unknown ids are the caller's to reject: see `provision_ids`).
    `missing`: the ranked missing facts if the caller computed them with the incident at hand;
    otherwise they are ranked from the graph alone (`settles` None)."""
    r = _Reader(explanation)
    clauses = r.clauses()
    tracks = _tracks(r)
    referral = referral_section(explanation)
    annex = source_annex(explanation)
    return Report(
        incident_id=incident_id,
        rulebook=str(explanation.data.graph.get("rulebook", "")),
        acts=tuple(_act(r, a.index) for a in explanation.acts),
        findings=_findings(r, annex),
        tracks=tracks,
        not_applied=tuple(r.clause(c) for c in clauses if c["status"] != Status.FIRED),
        unresolved=tuple(r.clause(c) for c in clauses if c["status"] == Status.UNKNOWN),
        unresolved_tracks=tuple(t for t in tracks if t.status is DeterminationStatus.UNRESOLVED),
        missing_facts=with_track_facts(tuple(missing) if missing is not None else missing_from_graph(explanation), explanation),
        why_not=_gaps(r, clauses),
        asked=tuple(r.clause(c) for p in asked for c in clauses if c["provision"] == p),
        open_questions=_open_questions(r, clauses),
        referral=referral,
        sources=annex,
        scope=scope_section(explanation),
        procedure=explanation.data.graph.get("prosedur"),
    )


def citation_labels(explanation: Explanation) -> dict[str, Text]:
    """Each provision's citation as the report writes it, with what tells apart provisions that
    share one citation (`Pasal 3 huruf d PP 94/2021 (tingkat berat)`), for the HTML page."""
    r = _Reader(explanation)
    out: dict[str, Text] = {}
    for n in explanation.nodes(NodeKind.CLAUSE):
        a = explanation.data.nodes[n]
        out.setdefault(str(a["provision"]), r.cite_node(a))
    return out


def scope_section(explanation: Explanation) -> ScopeSection | None:
    """The respondent's scope recorded on the graph, when it is not ASN."""
    s = explanation.data.graph.get("lingkup")
    if not s or s.get("asn") is not False:
        return None
    cited = {str(explanation.data.nodes[n]["provision"]): n for n in explanation.nodes(NodeKind.CLAUSE)}
    governing = []
    for pid in s["ketentuan_yang_mengatur"]:
        node = cited.get(pid)
        attrs = explanation.attrs(node) if node is not None else {}
        governing.append((str(pid), _both(cite, attrs.get("citation")) if attrs else Text(str(pid), str(pid))))
    return ScopeSection(str(s["status"]), tuple(governing))


def referral_section(explanation: Explanation) -> ReferralSection | None:
    """The referral recorded on the explanation graph (evaluation/pipeline.py), if the rulebook declares bodies."""
    r = explanation.data.graph.get("pengawasan")
    if not r:
        return None
    bodies = tuple(
        ReferralBody(
            str(b["nama"]),
            b.get("judul"),
            b.get("berlaku_sejak"),
            b.get("berlaku_sampai"),
            tuple(b.get("alur") or ()),
            b.get("catatan"),
        )
        for b in r["lembaga"]
    )
    return ReferralSection(
        datetime.date.fromisoformat(r["tanggal_acuan"]), str(r["dasar_tanggal"]), DeterminationStatus(r["status"]), bodies
    )


def provision_ids(explanation: Explanation) -> tuple[str, ...]:
    """Every provision id the explanation knows (to check a `why_not` request against)."""
    return tuple(sorted({str(explanation.data.nodes[n]["provision"]) for n in explanation.nodes(NodeKind.CLAUSE)}))


def _act(r: _Reader, index: int) -> ActSection:
    info = r.e.acts[index]
    titles = r.g.graph.get("instruments", {})
    not_in_force: dict[str, Text] = {}
    for c in r.clauses(index):
        if c["status"] == Status.NOT_IN_FORCE and c["instrument"] not in info.instruments:
            not_in_force.setdefault(str(c["instrument"]), _both(reason_text, str(c["reason"])))
    return ActSection(
        index,
        info.date,
        info.stage,
        info.instruments,
        info.assessment,
        info.assessment_reason,
        info.gaps,
        info.gap_kind,
        info.election,
        titles=tuple((name, str(titles[name])) for name in info.instruments if titles.get(name)),
        not_in_force=tuple(sorted(not_in_force.items())),
        facts=r.facts(sorted(r.e.nodes(NodeKind.FACT, index))),
        unread=tuple(
            FactItem(str(p), v, True, fact_title(str(p))) for p, v in r.g.graph.get("fakta_lain", {}).get(str(index), ())
        ),
    )


def _findings(r: _Reader, annex: Sequence[SourceItem] = ()) -> tuple[FindingSection, ...]:
    found = sorted((r.e.attrs(n) for n in r.e.nodes(NodeKind.FINDING)), key=lambda f: (f["act"], citation_key(f)))
    out = []
    for f in found:
        clause = r.g.nodes[clause_id(f["act"], f["provision"])]
        out.append(
            FindingSection(
                act=int(f["act"]),
                provision=str(f["provision"]),
                citation=r.cite_node(f),
                text=str(f["text"]),
                category=Category(f["category"]),
                tier=_optional(Tier, f["tier"]),
                tier_basis=_both(cite, f["tier_basis"]) if f["tier_basis"] else None,
                sanction_options=tuple(f["sanction_options"]),
                sanction_basis=_both(cite, f["sanction_basis"]) if f["sanction_basis"] else None,
                penalties=tuple(tuple(sorted(p.items())) for p in f["penalties"]),
                penalty_joiners=tuple(f.get("penalty_joiners") or ()),
                note=r.note(str(f["note"])) if f["note"] else None,
                facts_seen=r.facts(clause["facts_seen"]),
                sources=_numbers(annex, clause.get("sources") or ()),
                proof=str(f.get("proof", "dugaan")),
                other_readings=tuple(
                    ReadingSection(Tier(x["tier"]), _both(cite, x["basis"]), tuple(x["sanction_options"]))
                    for x in f.get("other_readings") or ()
                ),
            )
        )
    return tuple(out)


def _tracks(r: _Reader) -> tuple[TrackSection, ...]:
    order = list(Category)
    nodes = sorted(
        r.e.nodes(NodeKind.DETERMINATION),
        key=lambda n: (order.index(c) if (c := r.g.nodes[n]["category"]) in order else len(order), n),
    )
    out = []
    for node in nodes:
        t = r.g.nodes[node]
        sources = sorted(
            (r.g.nodes[u] for u, _ in r.g.in_edges(node) if r.g.nodes[u]["kind"] == NodeKind.FINDING),
            key=lambda f: (f["act"], citation_key(f)),
        )
        reasons = [Text(*(r.note(reason_text(str(x), lang), lang) for lang in ("id", "en"))) for x in t["reasons"]]
        if t["escalated"]:
            reasons.append(_escalated(t["heaviest_finding_tier"], t["tier"]))
        # Only a track with tiers (disiplin) speaks of one: a criminal or dismissal track has none.
        if not reasons and len(sources) == 1 and t["tier"] is not None:
            reasons.append(_text("single"))
        out.append(
            TrackSection(
                Category(t["category"]),
                DeterminationStatus(t["status"]),
                _optional(Tier, t["tier"]),
                tuple((int(f["act"]), r.cite_node(f)) for f in sources),
                tuple(reasons),
                t.get("minimum_sanction"),
                tuple(t["sanction_options"]) if t.get("sanction_options") is not None else None,
                tuple(t.get("deciding_facts") or ()),
                tuple(Tier(x) for x in t.get("contested_tiers") or ()),
            )
        )
    return tuple(out)


def missing_from_graph(explanation: Explanation) -> tuple[MissingFact, ...]:
    """The missing facts ranked from the graph alone: by how many undecided provisions read them."""
    r = _Reader(explanation)
    several = len(explanation.acts) > 1
    needed: dict[str, list[tuple[int, str, Text]]] = {}
    for c in r.clauses():
        if c["status"] != Status.UNKNOWN:
            continue
        for f in c.get("deciding_facts", []):
            needed.setdefault(set_path(str(r.g.nodes[f]["path"]), int(c["act"]), several), []).append(
                (int(c["act"]), str(c["provision"]), r.cite_node(c))
            )
    return rank_missing({p: (tuple(v), None) for p, v in needed.items()})


def with_track_facts(missing: Sequence[MissingFact], explanation: Explanation) -> tuple[MissingFact, ...]:
    """The missing facts, then those that would settle a track no provision holds open (the nature or
    type of a prior sanction, for the repeat rule), each needed by the findings of the track."""
    r = _Reader(explanation)
    seen = {m.path for m in missing}
    extra = []
    for node in sorted(r.e.nodes(NodeKind.DETERMINATION)):
        t = r.g.nodes[node]
        findings = sorted(
            (r.g.nodes[u] for u, _ in r.g.in_edges(node) if r.g.nodes[u]["kind"] == NodeKind.FINDING),
            key=lambda f: (f["act"], citation_key(f)),
        )
        needed = tuple((int(f["act"]), str(f["provision"]), r.cite_node(f)) for f in findings)
        for path in t.get("deciding_facts") or ():
            if path not in seen:
                seen.add(path)
                extra.append(MissingFact(path, needed))
    return (*missing, *extra)


def rank_missing(
    facts: Mapping[str, tuple[tuple[tuple[int, str, Text], ...], tuple[tuple[int, str, Text], ...] | None]],
) -> tuple[MissingFact, ...]:
    """Order: most provisions settled alone, then most provisions needing it, then path."""
    items = [MissingFact(path, needed, settles) for path, (needed, settles) in facts.items()]
    return tuple(sorted(items, key=lambda m: (-len(m.settles or ()), -len(m.needed_by), m.path)))


def set_path(path: str, act: int, several_acts: bool) -> str:
    """A fact path as `--set` takes it: an act's fact carries its index when there are several acts."""
    root, _, rest = path.partition(".")
    return f"{root}[{act}].{rest}" if root == "tindakan" and several_acts else path


def _gaps(r: _Reader, clauses: Sequence[Mapping[str, Any]]) -> tuple[TierGap, ...]:
    """Per tier or track not reached: disiplin tiers heavier than the one determined (all three
    when none is), and every other category with no determination."""
    tracks = {str(r.g.nodes[n]["category"]): r.g.nodes[n] for n in r.e.nodes(NodeKind.DETERMINATION)}
    wanted: list[tuple[Category, Tier | None]] = []
    discipline = tracks.get(Category.DISIPLIN)
    reached = TIER_ORDER.index(discipline["tier"]) if discipline and discipline["tier"] in TIER_ORDER else -1
    wanted.extend((Category.DISIPLIN, t) for t in TIER_ORDER[reached + 1 :])
    wanted.extend((c, None) for c in Category if c is not Category.DISIPLIN and c not in tracks)
    out = []
    for category, tier in wanted:
        mine = [c for c in clauses if c.get("category") == category and (tier is None or c.get("tier") == tier)]
        evaluated = [c for c in mine if c["status"] in (Status.NOT_FIRED, Status.UNKNOWN, Status.DEFEATED)]
        evaluated.sort(key=lambda c: (len(c.get("unmet", [])), c["act"], citation_key(c)))
        rest = [c for c in mine if c["status"] in (Status.NOT_APPLICABLE, Status.NOT_IN_FORCE)]
        out.append(TierGap(category, tier, tuple(r.clause(c) for c in evaluated), tuple(r.clause(c) for c in rest)))
    return tuple(out)


def _open_questions(r: _Reader, clauses: Sequence[Mapping[str, Any]]) -> tuple[OpenQuestion, ...]:
    found: dict[str | None, tuple[Mapping[str, Any] | None, tuple[str, ...], str, set[int]]] = {}
    for c in clauses:
        if c["status"] not in (Status.FIRED, Status.DEFEATED, Status.UNKNOWN) or not c.get("note"):
            continue
        levels = {str(x["keandalan"]) for x in c.get("sources") or ()}
        doubtful = tuple(level for level in DOUBTFUL if level in levels)
        if doubtful:
            text = r.note(str(c["note"]))
            found.setdefault(str(c["provision"]), (c, doubtful, text, set()))[3].add(int(c["act"]))
    out = [
        OpenQuestion(provision, r.cite_node(holder) if holder is not None else None, doubtful, text, tuple(sorted(acts)))
        for provision, (holder, doubtful, text, acts) in found.items()
    ]
    rules = {str(reason) for node in r.e.nodes(NodeKind.DETERMINATION) for reason in r.g.nodes[node]["reasons"]}
    out.extend(OpenQuestion(None, None, ("belum_dipastikan",), rule, ()) for rule in _UNCONFIRMED_RULES if rule in rules)
    return tuple(sorted(out, key=lambda q: (q.provision is None, citation_key(_clause_of(r, q)), q.text)))


def _clause_of(r: _Reader, q: OpenQuestion) -> Mapping[str, Any]:
    if q.provision is None or not q.acts:
        return {}
    return r.g.nodes[clause_id(q.acts[0], q.provision)]


def source_annex(explanation: Explanation) -> tuple[SourceItem, ...]:
    """The annex of sources: the sources of the provisions that touched the case (fired, defeated
    or undecided), in the order of the report (act, then the regulation's order), then those of
    the sanction tables of the findings, then those of their instruments, then those of the
    supervisory bodies of the referral, then those of the procedure's items. A source given for
    several of them is listed once, with everything it supports."""
    r = _Reader(explanation)
    entries: dict[tuple[Any, ...], tuple[dict[str, Any], list[Text]]] = {}

    def add(sources: Iterable[Mapping[str, Any]], support: Text) -> None:
        for x in sources:
            supports = entries.setdefault(_source_key(x), (dict(x), []))[1]
            if support not in supports:
                supports.append(support)

    touched = [c for c in r.clauses() if c["status"] in ("fired", "defeated", "unknown")]
    for c in touched:
        add(c.get("sources") or (), r.cite_node(c))
    by_finding = r.g.graph.get("sanction_sources", {})
    for fid in sorted(by_finding, key=lambda n: (r.g.nodes[n]["act"], citation_key(r.g.nodes[n]))):
        basis = r.g.nodes[fid]["sanction_basis"]
        label = Text(*(f"{_SANCTIONS[i]}: {cite(basis, lang)}" for i, lang in enumerate(("id", "en"))))
        add(by_finding[fid], label)
    by_instrument = r.g.graph.get("instrument_sources", {})
    for name in dict.fromkeys(str(c["instrument"]) for c in touched):
        shown = instrument_name(name)
        add(by_instrument.get(name, ()), Text(f"{shown} ({_INSTRUMENT[0]})", f"{shown} ({_INSTRUMENT[1]})"))
    referral = r.g.graph.get("pengawasan") or {}
    for body in referral.get("lembaga", ()):
        add(body.get("sumber") or (), Text(f"{body['nama']} ({_BODY[0]})", f"{body['nama']} ({_BODY[1]})"))
    for sources, support in procedure_sources(r.g.graph.get("prosedur")):
        add(sources, support)
    return tuple(
        SourceItem(i, str(x["dokumen"]), x.get("tautan"), x.get("tanggal"), str(x["keandalan"]), tuple(supports))
        for i, (x, supports) in enumerate(entries.values(), 1)
    )


def _source_key(x: Mapping[str, Any]) -> tuple[Any, ...]:
    return (x["dokumen"], x.get("tautan"), x.get("tanggal"), x["keandalan"])


def _numbers(annex: Sequence[SourceItem], sources: Iterable[Mapping[str, Any]]) -> tuple[int, ...]:
    """The annex numbers of a provision's sources."""
    wanted = {_source_key(x) for x in sources}
    return tuple(item.number for item in annex if (item.document, item.url, item.date, item.reliability) in wanted)


def category_word(category: Category, tier: Tier | None, lang: str) -> str:
    """`disiplin berat`, `pidana`: a track and tier as the report names it."""
    word = pick(CATEGORIES, category, lang)
    return f"{word} {pick(TIERS, tier, lang)}" if tier else word


_APART: dict[str, Text] = {
    "tier": Text("tingkat {0}", "{0} tier"),
    "subjects": Text("bagi {0}", "for {0}"),
    "anyone": Text("tanpa batasan subjek", "for any respondent"),
    "from": Text("versi berlaku sejak {0}", "version in force from {0}"),
    "period": Text("versi berlaku {0} – {1}", "version in force {0} – {1}"),
    "via": Text("lewat {0}", "via {0}"),
    "text": Text("«{0}»", "«{0}»"),
    "nth": Text("ketentuan ke-{0} dengan rujukan ini", "provision {0} with this citation"),
}


def distinguish(group: Mapping[str, Mapping[str, Any]]) -> dict[str, Text]:
    """What tells apart provisions that share one citation, for each: their tier (`Pasal 3 huruf d`
    by impact), whom they bind (PNS against PPPK), their period (versions of one article), the
    instrument that applies them (PP 49/2018 applying PP 94/2021), or the start of their text.
    Only what differs within the group is said; if two are still alike, they are numbered."""

    def period(a: Mapping[str, Any], lang: str) -> str:
        start, end = (a.get("in_force") or (None, None))[:2]
        if start is None:
            return ""
        first = date_text(datetime.date.fromisoformat(str(start)), lang)
        if end is None:
            return _APART["from"].get(lang).format(first)
        return _APART["period"].get(lang).format(first, date_text(datetime.date.fromisoformat(str(end)), lang))

    def via(a: Mapping[str, Any], lang: str) -> str:
        cited = (a.get("citation") or {}).get("instrumen")
        own = a.get("instrument")
        return _APART["via"].get(lang).format(instrument_name(str(own))) if own and own != cited else ""

    def snippet(a: Mapping[str, Any], lang: str) -> str:
        text = re.sub(r"^\([^)]*\)\s*", "", " ".join(str(a.get("text") or "").split()))
        words = text.split(" ")
        short = " ".join(words[:7]) + (" …" if len(words) > 7 else "")
        return _APART["text"].get(lang).format(short) if short else ""

    features: list[Any] = [
        lambda a, lang: _APART["tier"].get(lang).format(pick(TIERS, a["tier"], lang)) if a.get("tier") else "",
        lambda a, lang: (
            _APART["subjects"].get(lang).format(", ".join(code_word(x) for x in a.get("subjects") or ()))
            if a.get("subjects")
            else _APART["anyone"].get(lang)  # no `untuk`: it binds whoever its conditions name
        ),
        period,
        via,
        snippet,
    ]
    ids = sorted(group)

    def apart(chosen: Sequence[Any]) -> bool:
        keys = [tuple(f(group[p], "id") for f in chosen) for p in ids]
        return len(set(keys)) == len(ids) and all(any(k) for k in keys)

    # The fewest features that tell them all apart (one, else two); otherwise every one that varies.
    chosen: list[Any] = next(
        (list(c) for size in (1, 2) for c in itertools.combinations(features, size) if apart(c)),
        [],
    )
    if not chosen:
        for feature in features:
            if len({feature(group[p], "id") for p in ids}) > 1:
                chosen.append(feature)
                if apart(chosen):
                    break

    def said(p: str, lang: str) -> str:
        return "; ".join(x for f in chosen if (x := f(group[p], lang)))

    labels = {p: Text(said(p, "id"), said(p, "en")) for p in ids}
    seen: dict[str, int] = {}
    for p in ids:
        seen[labels[p].id] = seen.get(labels[p].id, 0) + 1
    counter: dict[str, int] = {}
    out = {}
    for p in ids:
        label = labels[p]
        if seen[label.id] > 1 or not label.id:
            counter[label.id] = counter.get(label.id, 0) + 1
            n = counter[label.id]
            nth = _APART["nth"].format(n)
            label = Text(*("; ".join(x for x in (label.get(lang), nth.get(lang)) if x) for lang in ("id", "en")))
        out[p] = label
    return out

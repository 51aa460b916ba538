"""Decision → the content of the HTML report (`Page`), as plain data with no markup.

The page is built from what a decision already carries: its JSON (`Decision.to_dict`), the
explanation graph and the narrative of `explain.views`. The renderer only lays the page out and
escapes it, so a richer report structure can later fill the same `Page` without touching the HTML.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, assert_never

from netralrules.diagnostics import Text, check_lang
from netralrules.evaluation.decision import Decision
from netralrules.evaluation.determination import Track, track_sanctions
from netralrules.evaluation.kinds import Assessment, DeterminationStatus, Status
from netralrules.explain.graph import (
    DECISION,
    EVALUATED,
    EdgeKind,
    Explanation,
    NodeKind,
    clause_id,
    determination_id,
    finding_id,
)
from netralrules.explain.ordering import citation_key
from netralrules.explain.render.narrative import assessment_text, referral_summary, scope_text, source_details
from netralrules.explain.render.procedure import WORDS as PROCEDURE_WORDS
from netralrules.explain.render.procedure import Line, procedure_lines, procedure_open_lines
from netralrules.explain.render.views import narrative
from netralrules.explain.report import (
    ClauseItem,
    SourceItem,
    build_report,
    citation_labels,
    referral_section,
    scope_section,
    source_annex,
)
from netralrules.explain.words import (
    CATEGORIES,
    PROOFS,
    STAGES,
    STATUSES,
    TIERS,
    TRACK_STATUSES,
    VALUES,
    cite,
    code_word,
    condition_words,
    date_text,
    election_label,
    instrument_name,
    node_text,
    penalties_text,
    pick,
    reason_text,
    sanction_text,
    say,
    value_text,
)
from netralrules.syntax.ast import Category

# Phrases of the HTML page that the narrative does not have (Indonesian, English).
WORDS: dict[str, Text] = {
    "title": Text("Laporan penjelasan keputusan netralitas ASN", "ASN neutrality decision: explanation report"),
    "incident": Text("Perkara", "Incident"),
    "rulebook": Text("Buku aturan (hash isi)", "Rulebook (content hash)"),
    "engine": Text("Mesin", "Engine"),
    "summary": Text("Ringkasan keputusan", "Decision summary"),
    "complete": Text("Keputusan lengkap: semua jalur ditetapkan.", "The decision is complete: every track is determined."),
    "incomplete": Text(
        "Keputusan belum lengkap: ada hal yang belum dapat ditentukan.",
        "The decision is incomplete: some points cannot be decided yet.",
    ),
    "no_tracks": Text("Tidak ada sanksi yang dijatuhkan.", "No sanction is imposed."),
    "track": Text("Jalur", "Track"),
    "status": Text("Status", "Status"),
    "tier": Text("Tingkat", "Tier"),
    "provisions": Text("Ketentuan", "Provisions"),
    "sanctions": Text("Pilihan jenis hukuman", "Sanction options"),
    "unresolved": Text("Hal yang belum terselesaikan", "Unresolved points"),
    "considered": Text("Ketentuan yang dipertimbangkan", "Provisions considered"),
    "act": Text("Tindakan", "Act"),
    "why": Text("Syarat dan nilainya", "Conditions and their values"),
    "facts": Text("Fakta yang dilihat", "Facts seen"),
    "no_facts": Text("Tidak ada fakta yang dibaca.", "No fact was read."),
    "in_force": Text("Berlaku", "In force"),
    "until_now": Text("sekarang", "now"),
    "subjects": Text("Subjek", "Subjects"),
    "excepted_by": Text("Dikecualikan oleh ketentuan", "Excepted by"),
    "graph": Text("Graf penjelasan", "Explanation graph"),
    "graph_note": Text(
        "Dari fakta (kiri) ke keputusan (kanan); klik ketentuan untuk membuka rinciannya. Ketentuan yang tidak "
        "berlaku pada tanggal tindakan atau bagi responden tidak digambar.",
        "From the facts (left) to the decision (right); click a provision to open its details. Provisions not in "
        "force on the date of the act or not applying to the respondent are not drawn.",
    ),
    "narrative": Text("Uraian (teks)", "Narrative (text)"),
    "data": Text("Data keputusan (JSON)", "Decision data (JSON)"),
    "incident_data": Text("Data perkara", "Incident data"),
    "expand": Text("Buka semua", "Expand all"),
    "collapse": Text("Tutup semua", "Collapse all"),
    "print": Text("Cetak", "Print"),
    "exception": Text("pengecualian", "exception"),
    "definition": Text("definisi", "definition"),
    "value": Text("nilai", "value"),
    "none": Text("Tidak ada.", "None."),
    "signature": Text("Diperiksa oleh (nama, jabatan, tanggal, tanda tangan)", "Reviewed by (name, position, date, signature)"),
}


def word(key: str, lang: str) -> str:
    return pick(WORDS, key, lang)


@dataclass(frozen=True)
class Tree:
    """One line of a clause's reasoning: a condition, a definition, a fact or an exception, with
    its value (`true`/`false`/`unknown`, or "" for a plain value) and what it rests on."""

    label: str
    value: str
    value_text: str
    kind: NodeKind
    children: tuple[Tree, ...] = ()


@dataclass(frozen=True)
class FindingView:
    category: str
    tier: str
    sanctions: tuple[str, ...]
    sanction_basis: str
    penalties: tuple[str, ...]
    proof: str = "dugaan"
    proof_text: str = ""
    # Other readings of a contested tier: the tier with its basis, and its sanction options.
    readings: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True)
class ClauseView:
    anchor: str
    act: int
    provision: str
    citation: str
    status: Status
    status_text: str
    detail: str
    text: str
    instrument: str
    in_force: str
    subjects: str
    note: str
    finding: FindingView | None
    why: tuple[Tree, ...]
    facts: tuple[tuple[str, str, bool], ...]  # (path, value shown, known)
    sources: tuple[int, ...] = ()  # numbers in the annex of sources (Page.sources)


@dataclass(frozen=True)
class TrackView:
    category: str
    status: DeterminationStatus
    status_text: str
    tier: str
    provisions: tuple[str, ...]
    sanctions: tuple[str, ...]
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class ActView:
    index: int
    heading: str
    instruments: str
    clauses: tuple[ClauseView, ...]
    assessment: str = "dinilai"
    assessment_text: str = ""  # for an act not assessed: what and why, in words


@dataclass(frozen=True)
class SourceView:
    """One entry of the annex of sources: its number, the document, and the lines under it (link
    and date, reliability in words, what it supports). The link is shown as text, never fetched."""

    number: int
    document: str
    details: tuple[str, ...]


@dataclass(frozen=True)
class Page:
    """Everything the HTML report shows, in the order it shows it; plain text, never markup."""

    lang: str
    incident_id: str
    rulebook_hash: str
    engine: str
    complete: bool
    tracks: tuple[TrackView, ...]
    unresolved: tuple[str, ...]
    referral: str | None  # to whom the case is referred (KASN, BKN), or why that is contested
    acts: tuple[ActView, ...]
    narrative: str
    explanation: Explanation | None
    incident: Mapping[str, Any] | None
    decision_json: str
    sources: tuple[SourceView, ...] = ()
    not_assessed: tuple[str, ...] = ()  # one line per act not assessed (a gap, or outside the ASN rules)
    scope: str | None = None  # a respondent who is not ASN: outside the ASN rules, and what governs
    procedure: tuple[Line, ...] = ()  # what must happen next (explain/render/procedure.py)
    # Each instrument in force for an act, once, with its full title (running text uses short names).
    legal_basis: tuple[str, ...] = ()


def build_page(decision: Decision, lang: str = "id", incident: Mapping[str, Any] | None = None) -> Page:
    """The content of the report for one decision (made with `explain=True`)."""
    lang = check_lang(lang)
    data = decision.to_dict(include_explanation=False)
    e: Explanation | None = decision.explanation
    unresolved = [_unresolved_line(u, e, lang) for u in data["belum_terselesaikan"]]
    annex = source_annex(e) if e is not None else ()
    unresolved += [
        f"{pick(CATEGORIES, t['kategori'], lang).capitalize()}: "
        + "; ".join(reason_text(r, lang) for r in t["alasan"])
        + (f". {say('deciding', lang)}: {', '.join(t['fakta_penentu'])}." if t["fakta_penentu"] else "")
        for t in data["penetapan"]
        if t["status"] == DeterminationStatus.UNRESOLVED
    ]
    words = _Words(e, lang) if e is not None else None
    acts = tuple(_act(e, a.index, lang, annex, words) for a in e.acts) if e is not None and words is not None else ()
    not_assessed = tuple(
        f"{say('act', lang)} {a.index + 1}: {a.assessment_text}" for a in acts if a.assessment != Assessment.ASSESSED
    )
    scope = scope_section(e) if e is not None else None
    return Page(
        lang=lang,
        incident_id=str(data["insiden"]),
        rulebook_hash=str(data["rulebook"]),
        engine=f"{data['mesin']['nama']} {data['mesin']['versi']}",
        complete=not unresolved and not not_assessed,
        tracks=tuple(
            _track(t, decision, e, lang) for t in decision.determination.tracks if t.status is not DeterminationStatus.NONE
        ),
        unresolved=tuple(unresolved),
        referral=referral_summary(r, lang) if e is not None and (r := referral_section(e)) is not None else None,
        acts=acts,
        narrative=narrative(e, lang) if e is not None else "",
        explanation=e,
        incident=incident,
        decision_json=decision.to_json(include_explanation=False),
        sources=tuple(SourceView(i.number, " ".join(i.document.split()), tuple(source_details(i, lang))) for i in annex),
        not_assessed=not_assessed,
        scope=scope_text(scope, lang) if scope is not None else None,
        procedure=_procedure(data.get("prosedur"), lang),
        legal_basis=_legal_basis(e) if e is not None else (),
    )


def _procedure(data: Any, lang: str) -> tuple[Line, ...]:
    """The procedure block, with what the law leaves open about it at its end (the page has no
    separate section of open legal questions)."""
    lines = procedure_lines(data, lang)
    points = procedure_open_lines(data, lang)
    if points:
        lines.append(Line(0, f"{PROCEDURE_WORDS['open'].get(lang)}:"))
        lines += [Line(1, point, True) for point in points]
    return tuple(lines)


class _Words:
    """What the page says in the report's words: citations told apart (explain/report.py) and the
    unmet conditions of each provision in words, with their values."""

    def __init__(self, e: Explanation, lang: str) -> None:
        self.lang = lang
        self.labels = citation_labels(e)
        self.clauses: dict[tuple[int, str], ClauseItem] = {(c.act, c.provision): c for c in build_report(e).not_applied}

    def cite(self, provision: str, citation: Mapping[str, Any] | None) -> str:
        label = self.labels.get(provision)
        return label.get(self.lang) if label is not None else cite(citation, self.lang)

    def unmet(self, act: int, provision: str) -> str:
        c = self.clauses.get((act, provision))
        if c is None:
            return ""
        return "; ".join(condition_words(u.text.id, u.value, u.label, u.facts, self.lang, u.text.get(self.lang)) for u in c.unmet)


def _legal_basis(e: Explanation) -> tuple[str, ...]:
    titles = e.data.graph.get("instruments", {})
    names = sorted({i for a in e.acts for i in a.instruments if titles.get(i)}, key=instrument_name)
    return tuple(f"{instrument_name(i)}: {' '.join(str(titles[i]).split())}" for i in names)


def _citation_of(e: Explanation | None, act: int, provision: str, lang: str) -> str:
    if e is not None and clause_id(act, provision) in e.data:
        label = citation_labels(e).get(provision)
        return label.get(lang) if label is not None else cite(e.data.nodes[clause_id(act, provision)]["citation"], lang)
    return provision


def _unresolved_line(u: Mapping[str, Any], e: Explanation | None, lang: str) -> str:
    act = int(u["tindakan"])
    facts = ", ".join(u["fakta_penentu"]) or "-"
    return (
        f"{say('act', lang)} {act + 1}, {_citation_of(e, act, u['ketentuan'], lang)}: {reason_text(u['alasan'], lang)}. "
        f"{say('deciding', lang)}: {facts}."
    )


def _track(t: Track, decision: Decision, e: Explanation | None, lang: str) -> TrackView:
    findings = sorted(
        (f for f in decision.evaluation.findings if f.category == t.category and f.provision in t.provisions),
        key=lambda f: (f.act, f.provision),
    )
    reasons = [reason_text(r, lang) for r in t.reasons]
    node = determination_id(t.category)
    if e is not None and node in e.data and e.data.nodes[node].get("escalated"):
        attrs = e.data.nodes[node]
        reasons.append(
            say("escalated", lang).format(pick(TIERS, attrs["heaviest_finding_tier"], lang), pick(TIERS, t.tier, lang))
        )
    return TrackView(
        category=pick(CATEGORIES, t.category, lang).capitalize(),
        status=t.status,
        status_text=pick(TRACK_STATUSES, t.status, lang),
        tier=f" {say('or', lang)} ".join(pick(TIERS, x, lang) for x in (t.tier, *t.contested_tiers)) if t.tier else "-",
        provisions=tuple(
            f"{_citation_of(e, f.act, f.provision, lang)} ({say('act', lang).lower()} {f.act + 1})" for f in findings
        ),
        sanctions=tuple(sanction_text(o, lang) for o in track_sanctions(t, decision.evaluation.findings)),
        reasons=tuple(reasons),
    )


def _act(e: Explanation, index: int, lang: str, annex: Sequence[SourceItem], words: _Words) -> ActView:
    info = e.acts[index]
    instruments = ", ".join(instrument_name(i) for i in info.instruments) or say("no_instrument", lang)
    clauses = sorted((e.attrs(n) for n in e.nodes(NodeKind.CLAUSE, index)), key=citation_key)
    # Provisions that apply first, then those undecided, then the rest, each in the regulation's order.
    rank = {
        Status.FIRED: 0,
        Status.UNKNOWN: 1,
        Status.DEFEATED: 2,
        Status.NOT_FIRED: 3,
        Status.NOT_APPLICABLE: 4,
        Status.NOT_IN_FORCE: 5,
    }
    clauses.sort(key=lambda c: rank.get(c["status"], 6))
    heading = (
        f"{say('act', lang)} {index + 1}: {date_text(info.date, lang)} ({info.date.isoformat()}); "
        f"{say('stage', lang)}: {pick(STAGES, info.stage, lang)}"
        + (f"; {say('election', lang)}: {election_label(info.election)}" if info.election is not None else "")
    )
    return ActView(
        index,
        heading,
        instruments,
        tuple(_clause(e, c, lang, annex, words) for c in clauses),
        info.assessment,
        assessment_text(info, lang),
    )


def _clause(e: Explanation, c: Mapping[str, Any], lang: str, annex: Sequence[SourceItem], words: _Words) -> ClauseView:
    act, pid = int(c["act"]), str(c["provision"])

    def cites(ids: Sequence[str]) -> str:
        return ", ".join(
            words.cite(p, e.data.nodes[clause_id(act, p)]["citation"]) if clause_id(act, p) in e.data else p for p in ids
        )

    status = Status(c["status"])
    match status:
        case Status.DEFEATED:
            detail = f"{say('overridden_by', lang)} {cites(c['defeated_by'])}"
        case Status.UNKNOWN if c["waiting_for"]:
            detail = f"{say('waiting_for', lang)} {cites(c['waiting_for'])}"
        case Status.NOT_FIRED:
            detail = words.unmet(act, pid)  # the unmet conditions in words, with their values
        case Status.FIRED | Status.UNKNOWN | Status.NOT_APPLICABLE | Status.NOT_IN_FORCE:
            detail = reason_text(str(c["reason"]), lang) if c["reason"] else ""
        case _:
            assert_never(status)
    in_force = c.get("in_force") or [None, None]
    fid = finding_id(act, pid)
    facts = tuple(
        (
            str(e.data.nodes[f]["path"]),
            value_text(e.data.nodes[f]["value"], e.data.nodes[f]["known"], lang),
            bool(e.data.nodes[f]["known"]),
        )
        for f in c.get("facts_seen", [])
    )
    return ClauseView(
        anchor=anchor(clause_id(act, pid)),
        act=act,
        provision=pid,
        citation=words.cite(pid, c["citation"]),
        status=status,
        status_text=pick(STATUSES, status, lang),
        detail=detail,
        text=" ".join(str(c["text"]).split()),
        instrument=str(c["instrument"]),
        in_force=f"{in_force[0] or '-'} – {in_force[1] or word('until_now', lang)}" if c.get("in_force") else "-",
        subjects=", ".join(code_word(x) for x in c.get("subjects") or []) or "-",
        note=" ".join(str(c["note"] or "").split()),
        finding=_finding(e.attrs(fid), lang) if fid in e.data else None,
        why=_why(e, clause_id(act, pid), lang),
        facts=facts,
        sources=_source_numbers(annex, c.get("sources") or ()),
    )


def _source_numbers(annex: Sequence[SourceItem], sources: Sequence[Mapping[str, Any]]) -> tuple[int, ...]:
    wanted = {(x["dokumen"], x.get("tautan"), x.get("tanggal"), x["keandalan"]) for x in sources}
    return tuple(i.number for i in annex if (i.document, i.url, i.date, i.reliability) in wanted)


def _finding(f: Mapping[str, Any], lang: str) -> FindingView:
    if f["tier"] is not None:
        basis = f" {say('per', lang)} {cite(f['tier_basis'], lang)}" if f["tier_basis"] else ""
        tier = f"{pick(TIERS, f['tier'], lang)}{basis}"
    elif f["category"] == Category.DISIPLIN:
        tier = say("tier_unstated", lang)
    else:
        tier = "-"
    return FindingView(
        category=pick(CATEGORIES, f["category"], lang),
        tier=tier,
        sanctions=tuple(sanction_text(o, lang) for o in f["sanction_options"]),
        sanction_basis=cite(f["sanction_basis"], lang) if f["sanction_basis"] else "",
        penalties=(penalties_text(f["penalties"], f.get("penalty_joiners") or (), lang),) if f["penalties"] else (),
        proof=str(f.get("proof", "dugaan")),
        proof_text=pick(PROOFS, str(f.get("proof", "dugaan")), lang),
        readings=tuple(
            (
                f"{pick(TIERS, r['tier'], lang)} {say('per', lang)} {cite(r['basis'], lang)}",
                tuple(sanction_text(o, lang) for o in r["sanction_options"]),
            )
            for r in f.get("other_readings") or ()
        ),
    )


def anchor(node: str) -> str:
    """An HTML id for a graph node: node ids are already stable and readable; `/` becomes `-`."""
    return "n-" + "".join(ch if ch.isalnum() or ch in "._-" else "-" for ch in node)


def _why(e: Explanation, node: str, lang: str, depth: int = 0) -> tuple[Tree, ...]:
    """What a node rests on, read from the graph's incoming edges: the clause's root condition and
    the exceptions that override it; a condition's operands, definitions and facts."""
    g = e.data
    if depth > 40:  # graphs are DAGs built from finite rules; this only guards a malformed graph
        return ()
    out: list[Tree] = []
    for source in sorted(g.predecessors(node), key=lambda s: (_KIND_ORDER.get(g.nodes[s]["kind"], 9), s)):
        attrs = g.nodes[source]
        kind = NodeKind(attrs["kind"])
        edge = g.edges[source, node]["kind"]
        match kind:
            case NodeKind.CONDITION:
                text = node_text(attrs).get(lang)
                out.append(
                    Tree(text, str(attrs["value"]), pick(VALUES, attrs["value"], lang), kind, _why(e, source, lang, depth + 1))
                )
            case NodeKind.CONCEPT:
                label = f"{attrs['label']} ({word('definition', lang)})"
                shown = value_text(attrs["value"], attrs["known"], lang)
                out.append(Tree(label, _plain_value(attrs), shown, kind, _why(e, source, lang, depth + 1)))
            case NodeKind.FACT:
                out.append(Tree(str(attrs["path"]), _plain_value(attrs), value_text(attrs["value"], attrs["known"], lang), kind))
            case NodeKind.CLAUSE if edge == EdgeKind.OVERRIDES:
                label = f"{word('exception', lang)}: {cite(attrs['citation'], lang)}"
                out.append(Tree(label, "", pick(STATUSES, attrs["status"], lang), kind))
            case NodeKind.CLAUSE | NodeKind.FINDING | NodeKind.DETERMINATION | NodeKind.DECISION:
                pass  # what a node rests on is its conditions, definitions, facts and exceptions
            case _:
                assert_never(kind)
    return tuple(out)


_KIND_ORDER = {NodeKind.CLAUSE: 0, NodeKind.CONDITION: 1, NodeKind.CONCEPT: 2, NodeKind.FACT: 3}


def _plain_value(attrs: Mapping[str, Any]) -> str:
    value = attrs["value"]
    if not attrs["known"]:
        return "unknown"
    if isinstance(value, bool):
        return "true" if value else "false"
    return ""


def graph_nodes(e: Explanation) -> list[str]:
    """The nodes the drawn graph shows: the decision and what leads to it, and every clause whose
    condition was evaluated with what it read (not the clauses out of force or not applicable)."""
    g = e.data
    keep = {DECISION} | set(_ancestors(e, DECISION))
    for n in e.nodes(NodeKind.CLAUSE):
        if g.nodes[n]["status"] in EVALUATED:
            keep.add(n)
            keep |= set(_ancestors(e, n))
    return sorted(keep)


def _ancestors(e: Explanation, node: str) -> Sequence[str]:
    seen: set[str] = set()
    stack = [node]
    while stack:
        for p in e.data.predecessors(stack.pop()):
            if p not in seen:
                seen.add(p)
                stack.append(p)
    return sorted(seen)

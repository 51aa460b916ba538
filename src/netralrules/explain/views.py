"""Views of one explanation graph: a narrative (Indonesian or English), JSON (node-link) and DOT.

Every view is deterministic: nodes and edges are visited in sorted order, never in the order the
graph happened to be built in, so two runs give the same bytes.
"""

from __future__ import annotations

import copy
import datetime
import re
from collections.abc import Mapping
from itertools import pairwise
from typing import Any

from netralrules.explain.graph import DECISION, Explanation, clause_id
from netralrules.explain.words import (
    CATEGORIES,
    REFERRAL_BASES,
    REFERRAL_STATUSES,
    STAGES,
    STATUSES,
    TIERS,
    TRACK_STATUSES,
    VALUES,
    cite,
    date_text,
    penalty_text,
    pick,
    reason_text,
    say,
    value_text,
)

_INDENT = "  "


def _natural(text: str) -> tuple[tuple[int, int | str], ...]:
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.findall(r"\d+|\D+", text))


def _roman(text: str) -> tuple[tuple[int, int | str], ...]:
    """Lampiran numbers are Roman (`II`, `IV`): order them by value, not by spelling."""
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    if not text or any(ch not in values for ch in text):
        return _natural(text)
    total = sum(-values[a] if values[a] < values[b] else values[a] for a, b in pairwise(text))
    return ((0, total + values[text[-1]]),)


def _citation_key(attrs: Mapping[str, Any]) -> tuple[Any, ...]:
    citation = attrs.get("citation") or {}
    parts = tuple(
        (_roman if k == "lampiran" else _natural)(str(citation.get(k, "")))
        for k in ("instrumen", "pasal", "lampiran", "ayat", "huruf", "angka")
    )
    return (*parts, str(attrs.get("provision", "")))


class _Narrative:
    def __init__(self, explanation: Explanation, lang: str) -> None:
        self.e = explanation
        self.g = explanation.graph
        self.lang = lang
        self.lines: list[str] = []

    def say(self, key: str) -> str:
        return say(key, self.lang)

    def heading(self, key: str) -> None:
        title = self.say(key)
        self.lines.extend(["", title, "-" * len(title)])

    def clauses(self, act: int) -> list[dict[str, Any]]:
        found = [self.e.attrs(n) for n in self.e.nodes("clause", act)]
        return sorted(found, key=_citation_key)

    def cite_clauses(self, act: int, provisions: list[str]) -> str:
        """The citations of some clauses of an act, in the order of the regulation."""
        known = sorted((self.g.nodes[clause_id(act, p)] for p in provisions if clause_id(act, p) in self.g), key=_citation_key)
        missing = sorted(p for p in provisions if clause_id(act, p) not in self.g)
        return ", ".join([cite(c.get("citation"), self.lang) for c in known] + missing)

    def facts(self, fact_ids: list[str]) -> str:
        if not fact_ids:
            return self.say("none_facts")
        shown = []
        for fid in fact_ids:
            attrs = self.g.nodes[fid]
            shown.append(f"{attrs['path']} = {value_text(attrs['value'], attrs['known'], self.lang)}")
        return "; ".join(shown)

    def condition_text(self, cid: str) -> str:
        attrs = self.g.nodes[cid]
        text = str(attrs.get("text_en", attrs["text"]) if self.lang == "en" else attrs["text"])
        owner = str(attrs["owner"])
        if owner.startswith("def:") and attrs["depth"] == 0:
            word = "definition" if self.lang == "en" else "definisi"
            text = f"{owner[4:]} ({word}: {text})"
        return f"{text} [{pick(VALUES, attrs['value'], self.lang)}]"

    # ---- sections --------------------------------------------------------------------------
    def run(self) -> str:
        title = self.say("title")
        self.lines.extend([title, "=" * len(title)])
        for act in self.e.acts:
            self.act(act.index)
        self.determination()
        self.referral()
        self.not_applied()
        self.unresolved()
        return "\n".join(self.lines) + "\n"

    def act(self, index: int) -> None:
        info = self.e.acts[index]
        self.lines.append("")
        self.lines.append(
            f"{self.say('act')} {index + 1}: {self.say('date')} {date_text(info.date, self.lang)} ({info.date.isoformat()}); "
            f"{self.say('stage')}: {pick(STAGES, info.stage, self.lang)}."
        )
        titles = self.g.graph.get("instruments", {})
        if info.instruments:
            applied = "; ".join(f"{i} ({titles[i]})" if titles.get(i) else i for i in info.instruments)
        else:
            applied = self.say("no_instrument")
        self.lines.append(f"{_INDENT}{self.say('instruments')}: {applied}.")
        findings = sorted((self.e.attrs(n) for n in self.e.nodes("finding", index)), key=_citation_key)
        if not findings:
            self.lines.append(f"{_INDENT}{self.say('no_findings')}")
            return
        self.lines.append(f"{_INDENT}{self.say('findings')}:")
        for number, f in enumerate(findings, 1):
            self.finding(number, f)

    def finding(self, number: int, f: dict[str, Any]) -> None:
        pad = _INDENT * 2 + " " * (len(str(number)) + 2)
        out = self.lines
        out.append(f"{_INDENT * 2}{number}. {cite(f['citation'], self.lang)}")
        out.append(f'{pad}{self.say("text")}: "{f["text"]}"')
        category = pick(CATEGORIES, f["category"], self.lang)
        if f["tier"] is not None:
            basis = f" {self.say('per')} {cite(f['tier_basis'], self.lang)}" if f["tier_basis"] else ""
            out.append(f"{pad}{self.say('category')}: {category}; {self.say('tier')} {pick(TIERS, f['tier'], self.lang)}{basis}.")
        elif f["category"] == "disiplin":
            out.append(f"{pad}{self.say('category')}: {category}; {self.say('tier_unstated')}.")
        else:
            out.append(f"{pad}{self.say('category')}: {category}.")
        if f["sanction_options"]:
            basis = f" ({self.say('per')} {cite(f['sanction_basis'], self.lang)})" if f["sanction_basis"] else ""
            out.append(f"{pad}{self.say('sanctions')}{basis}:")
            out.extend(f"{pad}{_INDENT}- {option}" for option in f["sanction_options"])
        if f["penalties"]:
            out.append(f"{pad}{self.say('penalties')}: " + "; ".join(penalty_text(p, self.lang) for p in f["penalties"]) + ".")
        if f["note"]:
            out.append(f"{pad}{self.say('note')}: {' '.join(str(f['note']).split())}")
        clause = self.g.nodes[clause_id(f["act"], f["provision"])]
        out.append(f"{pad}{self.say('facts')}: {self.facts(clause['facts_seen'])}.")

    def determination(self) -> None:
        self.heading("determination")
        order = list(CATEGORIES)
        tracks = sorted(self.e.nodes("determination"),
                        key=lambda n: (order.index(c) if (c := self.g.nodes[n]["category"]) in order else len(order), n))
        if not tracks:
            self.lines.append(f"{_INDENT}{self.say('no_determination')}")
            return
        for node in tracks:
            t = self.g.nodes[node]
            tier = f", {self.say('tier')} {pick(TIERS, t['tier'], self.lang)}" if t["tier"] else ""
            self.lines.append(
                f"{_INDENT}{pick(CATEGORIES, t['category'], self.lang).capitalize()}: "
                f"{pick(TRACK_STATUSES, t['status'], self.lang)}{tier}."
            )
            sources = sorted(
                (self.g.nodes[u] for u, _ in self.g.in_edges(node) if self.g.nodes[u]["kind"] == "finding"),
                key=lambda f: (f["act"], _citation_key(f)),
            )
            act_word = self.say("act").lower()
            based = "; ".join(f"{cite(f['citation'], self.lang)} ({act_word} {f['act'] + 1})" for f in sources)
            self.lines.append(f"{_INDENT * 2}{self.say('based_on')}: {based or '-'}.")
            reasons = [reason_text(r, self.lang) for r in t["reasons"]]
            if t["escalated"]:
                reasons.append(self.say("escalated").format(pick(TIERS, t["heaviest_finding_tier"], self.lang),
                                                            pick(TIERS, t["tier"], self.lang)))
            if not reasons and len(sources) == 1:
                reasons.append(self.say("single"))
            for reason in reasons:
                self.lines.append(f"{_INDENT * 2}{self.say('reasons')}: {reason}.")

    def referral(self) -> None:
        """To whom the case is referred (KASN, BKN), on which date, or why that is contested."""
        r = self.g.graph.get("pengawasan")
        if not r:
            return
        self.heading("referral")
        date = datetime.date.fromisoformat(r["tanggal_acuan"])
        basis = pick(REFERRAL_BASES, r["dasar_tanggal"], self.lang)
        self.lines.append(f"{_INDENT}{self.say('referral_date')}: {date_text(date, self.lang)} ({date.isoformat()}), {basis}.")
        status = pick(REFERRAL_STATUSES, r["status"], self.lang)
        bodies = r["lembaga"]
        if r["status"] == "determined":
            self.lines.append(f"{_INDENT}{status}: {self.body(bodies[0])}.")
        else:
            self.lines.append(f"{_INDENT}{status}: {self.referral_reason(r)}.")
            self.lines.extend(f"{_INDENT}- {self.body(b)}." for b in bodies)
        for b in bodies:
            pad = _INDENT * 2
            if b["alur"]:
                self.lines.append(f"{pad}{b['nama']}: {self.say('referral_chain')}: " + " → ".join(b["alur"]))
            if b["catatan"]:
                self.lines.append(f"{pad}{b['nama']}: {self.say('note')}: {' '.join(str(b['catatan']).split())}")

    def referral_reason(self, r: Mapping[str, Any]) -> str:
        if r["status"] == "unresolved":
            return self.say("referral_contested").format(", ".join(b["nama"] for b in r["lembaga"]))
        return self.say("referral_none")

    def body(self, b: Mapping[str, Any]) -> str:
        text = f"{b['nama']} ({b['judul']})" if b["judul"] else str(b["nama"])
        if b["berlaku_sejak"]:
            text += f", {self.say('in_force_from')} {b['berlaku_sejak']}"
        if b["berlaku_sampai"]:
            text += f" {self.say('in_force_until')} {b['berlaku_sampai']}" if b["berlaku_sejak"] else \
                f", {self.say('in_force_until')} {b['berlaku_sampai']}"
        return text

    def status_line(self, c: dict[str, Any]) -> str:
        act = int(c["act"])
        detail = ""
        if c["status"] == "defeated":
            detail = f"{self.say('overridden_by')} {self.cite_clauses(act, c['defeated_by'])}"
        elif c["status"] == "unknown" and c["waiting_for"]:
            detail = f"{self.say('waiting_for')} {self.cite_clauses(act, c['waiting_for'])}"
        elif c["status"] != "not_fired" and c["reason"]:
            detail = reason_text(str(c["reason"]), self.lang)
        status = pick(STATUSES, c["status"], self.lang)
        return f"{cite(c['citation'], self.lang)}: {status}" + (f" ({detail})" if detail else "") + "."

    def not_applied(self) -> None:
        self.heading("not_applied")
        any_shown = False
        for act in self.e.acts:
            rest = [c for c in self.clauses(act.index) if c["status"] != "fired"]
            if not rest:
                continue
            any_shown = True
            self.lines.append(f"{_INDENT}{self.say('act')} {act.index + 1}:")
            for c in rest:
                self.lines.append(f"{_INDENT}- {self.status_line(c)}")
                pad = _INDENT * 2
                for cid in c["failed_leaves"]:
                    key = "failed" if self.g.nodes[cid]["value"] == "false" else "undecided_condition"
                    self.lines.append(f"{pad}{self.say(key)}: {self.condition_text(cid)}")
                if c["status"] not in ("not_in_force", "not_applicable") or c["facts_seen"]:
                    self.lines.append(f"{pad}{self.say('facts')}: {self.facts(c['facts_seen'])}.")
        if not any_shown:
            self.lines.append(f"{_INDENT}{self.say('none_not_applied')}")

    def unresolved(self) -> None:
        self.heading("unresolved")
        shown = 0
        for act in self.e.acts:
            for c in self.clauses(act.index):
                if c["status"] != "unknown":
                    continue
                shown += 1
                reason = reason_text(str(c["reason"]), self.lang)
                if c["waiting_for"]:
                    reason = f"{self.say('waiting_for')} {self.cite_clauses(act.index, c['waiting_for'])}"
                deciding = ", ".join(self.g.nodes[f]["path"] for f in c.get("deciding_facts", [])) or "-"
                self.lines.append(
                    f"{_INDENT}- {self.say('act')} {act.index + 1}, {cite(c['citation'], self.lang)}: {reason}. "
                    f"{self.say('deciding')}: {deciding}."
                )
        for node in self.e.nodes("determination"):
            t = self.g.nodes[node]
            if t["status"] == "unresolved":
                shown += 1
                why = "; ".join(reason_text(r, self.lang) for r in t["reasons"]) or pick(TRACK_STATUSES, "unresolved", self.lang)
                self.lines.append(f"{_INDENT}- {pick(CATEGORIES, t['category'], self.lang).capitalize()}: {why}.")
        referral = self.g.graph.get("pengawasan")
        if referral and referral["status"] != "determined":
            shown += 1
            self.lines.append(f"{_INDENT}- {self.say('referral')}: {self.referral_reason(referral)}.")
        if not shown:
            self.lines.append(f"{_INDENT}{self.say('none_unresolved')}")


def narrative(explanation: Explanation, lang: str = "id") -> str:
    """The explanation as plain text, in Indonesian (default) or English (`lang="en"`)."""
    return _Narrative(explanation, "en" if lang == "en" else "id").run()


def to_json(explanation: Explanation) -> dict[str, Any]:
    """Node-link data (the layout of `networkx.node_link_data`: `nodes` and `edges`), nodes sorted by
    id and edges by (source, target), every value JSON-safe. `networkx.node_link_graph(data)`
    reads it back."""
    g = explanation.graph
    return {
        "directed": True,
        "multigraph": False,
        "graph": copy.deepcopy(dict(sorted(g.graph.items()))),
        "nodes": [{"id": n, **copy.deepcopy(dict(g.nodes[n]))} for n in sorted(g.nodes)],
        "edges": [{"source": u, "target": v, **copy.deepcopy(dict(g.edges[u, v]))} for u, v in sorted(g.edges)],
    }


# ---- DOT ------------------------------------------------------------------------------------

_NODE_STYLE: dict[str, str] = {
    "fact": 'shape=box, style="rounded,filled", fillcolor="lightyellow"',
    "concept": 'shape=hexagon, style=filled, fillcolor="lightcyan"',
    "condition": "shape=box, style=filled",
    "clause": 'shape=note, style="filled,bold"',
    "finding": 'shape=octagon, style=filled, fillcolor="gold"',
    "determination": 'shape=doubleoctagon, style=filled, fillcolor="lightsalmon"',
    "decision": 'shape=doublecircle, style=filled, fillcolor="lightblue"',
}
_VALUE_COLOR = {"true": "palegreen", "false": "mistyrose", "unknown": "lightgray"}
_STATUS_COLOR = {"fired": "palegreen", "defeated": "orange", "not_fired": "mistyrose", "unknown": "lightgray",
                 "not_applicable": "white", "not_in_force": "white"}
_EDGE_STYLE: dict[str, str] = {
    "supports": 'color="gray40"',
    "satisfies": 'color="darkgreen", penwidth=2',
    "fails": 'color="red"',
    "undecided": 'color="gray50", style=dashed',
    "overrides": 'color="darkorange", penwidth=2',
    "yields": 'color="black"',
    "escalates": 'color="purple", penwidth=2',
}
_LABEL_MAX = 90


def _dot_string(text: str) -> str:
    """A DOT quoted string: backslashes and quotes escaped, line breaks as `\\n` escapes."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "")
    return '"' + escaped.replace("\n", "\\n") + '"'


def _short(text: str) -> str:
    return text if len(text) <= _LABEL_MAX else text[: _LABEL_MAX - 1] + "…"


def _dot_label(node: str, attrs: Mapping[str, Any], lang: str) -> str:
    kind = attrs["kind"]
    if kind == "fact":
        return f"{attrs['path']}\n= {_short(value_text(attrs['value'], attrs['known'], lang))}"
    if kind == "concept":
        return f"{attrs['label']}\n= {_short(value_text(attrs['value'], attrs['known'], lang))}"
    if kind == "condition":
        text = attrs.get("text_en", attrs["text"]) if lang == "en" else attrs["text"]
        return f"{_short(str(text))}\n[{pick(VALUES, attrs['value'], lang)}]"
    if kind == "clause":
        return f"{cite(attrs['citation'], lang)}\n{pick(STATUSES, attrs['status'], lang)}"
    if kind == "finding":
        tier = f" {pick(TIERS, attrs['tier'], lang)}" if attrs["tier"] else ""
        return f"{pick(CATEGORIES, attrs['category'], lang)}{tier}\n{cite(attrs['citation'], lang)}"
    if kind == "determination":
        tier = f"\n{say('tier', lang)} {pick(TIERS, attrs['tier'], lang)}" if attrs["tier"] else ""
        return f"{pick(CATEGORIES, attrs['category'], lang)}: {pick(TRACK_STATUSES, attrs['status'], lang)}{tier}"
    if node == DECISION:
        return "Decision" if lang == "en" else "Keputusan"
    return node


def _dot_node(node: str, attrs: Mapping[str, Any], lang: str) -> str:
    style = _NODE_STYLE.get(attrs["kind"], "shape=box")
    if attrs["kind"] == "condition":
        style += f', fillcolor="{_VALUE_COLOR.get(attrs["value"], "white")}"'
    elif attrs["kind"] == "clause":
        style += f', fillcolor="{_STATUS_COLOR.get(attrs["status"], "white")}"'
    elif attrs["kind"] == "fact" and not attrs["known"]:
        style += ', color="gray50", fontcolor="gray30"'
    return f"{_dot_string(node)} [label={_dot_string(_dot_label(node, attrs, lang))}, {style}];"


def to_dot(explanation: Explanation, lang: str = "id") -> str:
    """Graphviz DOT: one cluster per act, nodes and edges in sorted order, shapes and colours by kind."""
    g = explanation.graph
    lines = ["digraph explanation {", "  rankdir=LR;", '  node [fontname="Helvetica", fontsize=10];',
             '  edge [fontname="Helvetica", fontsize=8];']
    for act in explanation.acts:
        members = sorted(n for n in g.nodes if g.nodes[n].get("act") == act.index)
        if not members:
            continue
        label = f"{say('act', lang)} {act.index + 1}: {act.date.isoformat()}, {pick(STAGES, act.stage, lang)}"
        lines.append(f"  subgraph {_dot_string(f'cluster_act{act.index}')} {{")
        lines.append(f"    label={_dot_string(label)};")
        lines.extend(f"    {_dot_node(n, g.nodes[n], lang)}" for n in members)
        lines.append("  }")
    lines.extend(f"  {_dot_node(n, g.nodes[n], lang)}" for n in sorted(g.nodes) if g.nodes[n].get("act") is None)
    for u, v in sorted(g.edges):
        attrs = g.edges[u, v]
        style = _EDGE_STYLE.get(attrs["kind"], "")
        if attrs["kind"] == "overrides" and attrs.get("pending"):
            style += ", style=dashed"
        lines.append(f"  {_dot_string(u)} -> {_dot_string(v)} [label={_dot_string(attrs['kind'])}, {style}];")
    lines.append("}")
    return "\n".join(lines) + "\n"

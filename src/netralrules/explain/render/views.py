"""Views of one explanation graph: a narrative (Indonesian or English; built as a report, see
explain/report.py), JSON (node-link) and DOT.

Every view is deterministic: nodes and edges are visited in sorted order, never in the order the
graph happened to be built in, so two runs give the same bytes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from netralrules.explain.graph import DECISION, Explanation
from netralrules.explain.render.narrative import render_text
from netralrules.explain.report import build_report
from netralrules.explain.words import (
    CATEGORIES,
    STAGES,
    STATUSES,
    TIERS,
    TRACK_STATUSES,
    VALUES,
    cite,
    node_text,
    pick,
    say,
    value_text,
)


def narrative(explanation: Explanation, lang: str = "id") -> str:
    """The explanation as plain text, in Indonesian (default) or English (`lang="en"`): the report
    of explain/report.py rendered by explain/narrative.py."""
    return render_text(build_report(explanation), lang)


def to_json(explanation: Explanation) -> dict[str, Any]:
    """Node-link data of the explanation (`Explanation.to_data`)."""
    return explanation.to_data()


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
_STATUS_COLOR = {
    "fired": "palegreen",
    "defeated": "orange",
    "not_fired": "mistyrose",
    "unknown": "lightgray",
    "not_applicable": "white",
    "not_in_force": "white",
}
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


def dot_label(node: str, attrs: Mapping[str, Any], lang: str) -> str:
    kind = attrs["kind"]
    if kind == "fact":
        return f"{attrs['path']}\n= {_short(value_text(attrs['value'], attrs['known'], lang))}"
    if kind == "concept":
        return f"{attrs['label']}\n= {_short(value_text(attrs['value'], attrs['known'], lang))}"
    if kind == "condition":
        return f"{_short(node_text(attrs).get(lang))}\n[{pick(VALUES, attrs['value'], lang)}]"
    if kind == "clause":
        return f"{cite(attrs['citation'], lang)}\n{pick(STATUSES, attrs['status'], lang)}"
    if kind == "finding":
        tier = f" {pick(TIERS, attrs['tier'], lang)}" if attrs["tier"] else ""
        return f"{pick(CATEGORIES, attrs['category'], lang)}{tier}\n{cite(attrs['citation'], lang)}"
    if kind == "determination":
        tier = f"\n{say('tier', lang)} {pick(TIERS, attrs['tier'], lang)}" if attrs["tier"] else ""
        return f"{pick(CATEGORIES, attrs['category'], lang)}: {pick(TRACK_STATUSES, attrs['status'], lang)}{tier}"
    if node == DECISION:
        return say("decision", lang)
    return node


def _dot_node(node: str, attrs: Mapping[str, Any], lang: str) -> str:
    style = _NODE_STYLE.get(attrs["kind"], "shape=box")
    if attrs["kind"] == "condition":
        style += f', fillcolor="{_VALUE_COLOR.get(attrs["value"], "white")}"'
    elif attrs["kind"] == "clause":
        style += f', fillcolor="{_STATUS_COLOR.get(attrs["status"], "white")}"'
    elif attrs["kind"] == "fact" and not attrs["known"]:
        style += ', color="gray50", fontcolor="gray30"'
    return f"{_dot_string(node)} [label={_dot_string(dot_label(node, attrs, lang))}, {style}];"


def to_dot(explanation: Explanation, lang: str = "id") -> str:
    """Graphviz DOT: one cluster per act, nodes and edges in sorted order, shapes and colours by kind."""
    g = explanation.graph
    lines = [
        "digraph explanation {",
        "  rankdir=LR;",
        '  node [fontname="Helvetica", fontsize=10];',
        '  edge [fontname="Helvetica", fontsize=8];',
    ]
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

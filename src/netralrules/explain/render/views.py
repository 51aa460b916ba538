"""Views of one explanation graph: a narrative (Indonesian or English; built as a report, see
explain/report.py), JSON (node-link) and DOT.

Every view is deterministic: nodes and edges are visited in sorted order, never in the order the
graph happened to be built in, so two runs give the same bytes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, assert_never

from netralrules.evaluation.kinds import Status
from netralrules.explain.graph import DECISION, EdgeKind, Explanation, NodeKind
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

_NODE_STYLE: dict[NodeKind, str] = {
    NodeKind.FACT: 'shape=box, style="rounded,filled", fillcolor="lightyellow"',
    NodeKind.CONCEPT: 'shape=hexagon, style=filled, fillcolor="lightcyan"',
    NodeKind.CONDITION: "shape=box, style=filled",
    NodeKind.CLAUSE: 'shape=note, style="filled,bold"',
    NodeKind.FINDING: 'shape=octagon, style=filled, fillcolor="gold"',
    NodeKind.DETERMINATION: 'shape=doubleoctagon, style=filled, fillcolor="lightsalmon"',
    NodeKind.DECISION: 'shape=doublecircle, style=filled, fillcolor="lightblue"',
}
_VALUE_COLOR = {"true": "palegreen", "false": "mistyrose", "unknown": "lightgray"}
_STATUS_COLOR: dict[Status, str] = {
    Status.FIRED: "palegreen",
    Status.DEFEATED: "orange",
    Status.NOT_FIRED: "mistyrose",
    Status.UNKNOWN: "lightgray",
    Status.NOT_APPLICABLE: "white",
    Status.NOT_IN_FORCE: "white",
}
_EDGE_STYLE: dict[EdgeKind, str] = {
    EdgeKind.SUPPORTS: 'color="gray40"',
    EdgeKind.SATISFIES: 'color="darkgreen", penwidth=2',
    EdgeKind.FAILS: 'color="red"',
    EdgeKind.UNDECIDED: 'color="gray50", style=dashed',
    EdgeKind.OVERRIDES: 'color="darkorange", penwidth=2',
    EdgeKind.YIELDS: 'color="black"',
    EdgeKind.ESCALATES: 'color="purple", penwidth=2',
}
_LABEL_MAX = 90


def _dot_string(text: str) -> str:
    """A DOT quoted string: backslashes and quotes escaped, line breaks as `\\n` escapes."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "")
    return '"' + escaped.replace("\n", "\\n") + '"'


def _short(text: str) -> str:
    return text if len(text) <= _LABEL_MAX else text[: _LABEL_MAX - 1] + "…"


def dot_label(node: str, attrs: Mapping[str, Any], lang: str) -> str:
    kind = NodeKind(attrs["kind"])
    match kind:
        case NodeKind.FACT:
            return f"{attrs['path']}\n= {_short(value_text(attrs['value'], attrs['known'], lang))}"
        case NodeKind.CONCEPT:
            return f"{attrs['label']}\n= {_short(value_text(attrs['value'], attrs['known'], lang))}"
        case NodeKind.CONDITION:
            return f"{_short(node_text(attrs).get(lang))}\n[{pick(VALUES, attrs['value'], lang)}]"
        case NodeKind.CLAUSE:
            return f"{cite(attrs['citation'], lang)}\n{pick(STATUSES, attrs['status'], lang)}"
        case NodeKind.FINDING:
            tier = f" {pick(TIERS, attrs['tier'], lang)}" if attrs["tier"] else ""
            return f"{pick(CATEGORIES, attrs['category'], lang)}{tier}\n{cite(attrs['citation'], lang)}"
        case NodeKind.DETERMINATION:
            tier = f"\n{say('tier', lang)} {pick(TIERS, attrs['tier'], lang)}" if attrs["tier"] else ""
            return f"{pick(CATEGORIES, attrs['category'], lang)}: {pick(TRACK_STATUSES, attrs['status'], lang)}{tier}"
        case NodeKind.DECISION:
            if node == DECISION:
                return say("decision", lang)
            return node
        case _:
            assert_never(kind)


def _dot_node(node: str, attrs: Mapping[str, Any], lang: str) -> str:
    style = _NODE_STYLE[attrs["kind"]]
    if attrs["kind"] == NodeKind.CONDITION:
        style += f', fillcolor="{_VALUE_COLOR.get(attrs["value"], "white")}"'
    elif attrs["kind"] == NodeKind.CLAUSE:
        style += f', fillcolor="{_STATUS_COLOR[attrs["status"]]}"'
    elif attrs["kind"] == NodeKind.FACT and not attrs["known"]:
        style += ', color="gray50", fontcolor="gray30"'
    return f"{_dot_string(node)} [label={_dot_string(dot_label(node, attrs, lang))}, {style}];"


def to_dot(explanation: Explanation, lang: str = "id") -> str:
    """Graphviz DOT: one cluster per act, nodes and edges in sorted order, shapes and colours by kind."""
    g = explanation.data
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
        style = _EDGE_STYLE[attrs["kind"]]
        if attrs["kind"] == EdgeKind.OVERRIDES and attrs.get("pending"):
            style += ", style=dashed"
        lines.append(f"  {_dot_string(u)} -> {_dot_string(v)} [label={_dot_string(attrs['kind'])}, {style}];")
    lines.append("}")
    return "\n".join(lines) + "\n"

"""The explanation graph drawn as inline SVG, laid out here (no Graphviz, nothing fetched).

A simple layered layout: each node's column is the length of the longest path reaching it, so
every edge points right; within a column nodes are ordered by the mean row of their
predecessors (a few barycentre sweeps), ties broken by node id, so the same graph always gives
the same picture, byte for byte. Labels are the DOT view's labels.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import assert_never

from netralrules.evaluation.kinds import Status
from netralrules.explain.graph import EdgeKind, Explanation, NodeKind
from netralrules.explain.render.views import dot_label

NODE_W = 262
NODE_H = 46
GAP_X = 60
GAP_Y = 14
PAD = 10
LINE_CHARS = 42

# Fill colours by kind, and for conditions and clauses by value or status (as in the DOT view).
_KIND_FILL = {
    NodeKind.FACT: "#fffbe0",
    NodeKind.CONCEPT: "#e0ffff",
    NodeKind.CONDITION: "#ffffff",
    NodeKind.CLAUSE: "#ffffff",
    NodeKind.FINDING: "#ffd700",
    NodeKind.DETERMINATION: "#ffc4a8",
    NodeKind.DECISION: "#add8e6",
}
_VALUE_FILL = {"true": "#c8f7c8", "false": "#ffe4e1", "unknown": "#e3e3e3"}
_STATUS_FILL = {Status.FIRED: "#98fb98", Status.DEFEATED: "#ffc04d", Status.NOT_FIRED: "#ffe4e1", Status.UNKNOWN: "#d3d3d3"}
_EDGE_COLOUR = {
    EdgeKind.SUPPORTS: "#777777",
    EdgeKind.SATISFIES: "#006400",
    EdgeKind.FAILS: "#cc0000",
    EdgeKind.UNDECIDED: "#808080",
    EdgeKind.OVERRIDES: "#ff8c00",
    EdgeKind.YIELDS: "#000000",
    EdgeKind.ESCALATES: "#800080",
}


def layers(e: Explanation, nodes: Sequence[str]) -> list[list[str]]:
    """The columns of the drawing, each ordered top to bottom."""
    g = e.data
    keep = set(nodes)
    preds = {n: sorted(p for p in g.predecessors(n) if p in keep) for n in nodes}
    column: dict[str, int] = {}

    def depth(n: str) -> int:
        # Iterative longest-path depth (a deep rule must not hit Python's recursion limit).
        stack = [n]
        while stack:
            top = stack[-1]
            pending = [p for p in preds[top] if p not in column]
            if pending:
                stack.extend(pending)
                continue
            stack.pop()
            column[top] = 1 + max((column[p] for p in preds[top]), default=-1)
        return column[n]

    for n in sorted(nodes):
        depth(n)
    cols: list[list[str]] = [[] for _ in range(max(column.values(), default=-1) + 1)]
    for n in sorted(nodes):
        cols[column[n]].append(n)
    succs = {n: sorted(s for s in g.successors(n) if s in keep) for n in nodes}
    for _ in range(3):  # barycentre sweeps: right by predecessors, then left by successors
        for i in range(1, len(cols)):
            _order(cols[i], cols[i - 1], preds)
        for i in range(len(cols) - 2, -1, -1):
            _order(cols[i], cols[i + 1], succs)
    return cols


def _order(col: list[str], neighbour: list[str], links: dict[str, list[str]]) -> None:
    row = {n: i for i, n in enumerate(neighbour)}
    current = {n: i for i, n in enumerate(col)}

    def key(n: str) -> tuple[float, str]:
        rows = [row[m] for m in links[n] if m in row]
        return (sum(rows) / len(rows) if rows else float(current[n]), n)

    col.sort(key=key)


def _lines(text: str) -> list[str]:
    """The first two lines of a label, each cut to fit the box (the full label is the tooltip)."""
    return [line if len(line) <= LINE_CHARS else line[: LINE_CHARS - 1] + "…" for line in text.split("\n")[:2]]


def _fill(attrs: dict[str, object]) -> str:
    kind = NodeKind(str(attrs["kind"]))
    match kind:
        case NodeKind.CONDITION:
            return _VALUE_FILL.get(str(attrs["value"]), "#ffffff")
        case NodeKind.CLAUSE:
            return _STATUS_FILL.get(Status(str(attrs["status"])), "#ffffff")  # not evaluated: white
        case NodeKind.FACT if not attrs.get("known", True):
            return "#eeeeee"
        case NodeKind.FACT | NodeKind.CONCEPT | NodeKind.FINDING | NodeKind.DETERMINATION | NodeKind.DECISION:
            return _KIND_FILL[kind]
        case _:
            assert_never(kind)


def to_svg(e: Explanation, nodes: Sequence[str], lang: str, targets: dict[str, str], title: str) -> str:
    """The SVG markup (every text escaped). `targets` maps a node to the HTML id that a click on it
    opens (the clause's details)."""
    g = e.data
    cols = layers(e, nodes)
    pos: dict[str, tuple[int, int]] = {}
    for i, col in enumerate(cols):
        for j, n in enumerate(col):
            pos[n] = (PAD + i * (NODE_W + GAP_X), PAD + j * (NODE_H + GAP_Y))
    width = PAD * 2 + max(len(cols), 1) * (NODE_W + GAP_X) - GAP_X
    height = PAD * 2 + max((len(c) for c in cols), default=1) * (NODE_H + GAP_Y) - GAP_Y
    out = [
        f'<svg class="graph" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" font-family="sans-serif" font-size="11">',
        f"<title>{escape(title)}</title>",
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#555555"/></marker></defs>',
        '<g class="edges" fill="none">',
    ]
    keep = set(nodes)
    for u, v in sorted(g.edges):
        if u not in keep or v not in keep:
            continue
        kind = EdgeKind(g.edges[u, v]["kind"])
        (x1, y1), (x2, y2) = pos[u], pos[v]
        sx, sy, tx, ty = x1 + NODE_W, y1 + NODE_H // 2, x2, y2 + NODE_H // 2
        mid = (sx + tx) // 2
        dash = ' stroke-dasharray="5,3"' if kind is EdgeKind.UNDECIDED or g.edges[u, v].get("pending") else ""
        out.append(
            f'<path class="edge edge-{escape(kind)}" d="M {sx} {sy} C {mid} {sy}, {mid} {ty}, {tx} {ty}" '
            f'stroke="{_EDGE_COLOUR[kind]}" stroke-width="1.2"{dash} marker-end="url(#arrow)">'
            f"<title>{escape(kind)}</title></path>"
        )
    out.append("</g>")
    out.append('<g class="nodes">')
    for n in sorted(nodes):
        attrs = dict(g.nodes[n])
        x, y = pos[n]
        label = dot_label(n, attrs, lang)
        target = targets.get(n)
        extra = f' data-target="{escape(target)}" tabindex="0" role="button"' if target else ""
        out.append(f'<g class="node kind-{escape(str(attrs["kind"]))}"{extra}>')
        out.append(f"<title>{escape(label)}</title>")
        stroke = ' stroke-width="2"' if attrs["kind"] in {NodeKind.CLAUSE, NodeKind.DECISION} else ""
        out.append(
            f'<rect x="{x}" y="{y}" width="{NODE_W}" height="{NODE_H}" rx="6" fill="{_fill(attrs)}" stroke="#444444"{stroke}/>'
        )
        for k, line in enumerate(_lines(label)):
            out.append(f'<text x="{x + 6}" y="{y + 18 + k * 15}">{escape(line)}</text>')
        out.append("</g>")
    out.append("</g></svg>")
    return "\n".join(out)

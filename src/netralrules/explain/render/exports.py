"""Exports of the explanation graph for other tools: GraphML and node-link JSON (DOT is in views.py).

Both are byte-stable: nodes are written in sorted id order, edges in sorted (source, target) order
and attributes in sorted key order. GraphML holds only scalar attributes of one type per key, so an
attribute that holds a list or mapping (a citation, the facts a clause saw) or values of several
types (a fact's value) is written as JSON text, and a missing value (None) is left out;
`graph_from_graphml` reads them back.
"""

from __future__ import annotations

import enum
import io
import json
from typing import TYPE_CHECKING, Any

from netralrules.explain.graph import Explanation
from netralrules.explain.render.views import to_json
from netralrules.jsontext import pretty

if TYPE_CHECKING:
    import networkx as nx  # type: ignore[import-untyped]

# Per domain (graph, node, edge), the attributes written as JSON text, so the reader can decode them.
JSON_ATTRS_KEY = "json_attributes"


_SCALARS = (bool, int, float, str)


def _plain(data: dict[str, Any]) -> dict[str, Any]:
    """The attributes with enum members (kinds, statuses, tiers) as their strings: networkx writes
    an attribute by its exact type, and a StrEnum is not `str` to it."""
    return {key: value.value if isinstance(value, enum.Enum) else value for key, value in data.items()}


def _mixed(items: list[dict[str, Any]]) -> set[str]:
    """Keys whose values are not all of one scalar type: GraphML gives a key one type per domain,
    so these are written as JSON text (a fact's `value` is a date here, a boolean there)."""
    types: dict[str, set[type]] = {}
    for data in items:
        for key, value in data.items():
            if value is not None:
                types.setdefault(key, set()).add(type(value))
    return {k for k, seen in types.items() if len(seen) > 1 or not issubclass(next(iter(seen)), _SCALARS)}


def _attrs(data: dict[str, Any], encoded: set[str]) -> dict[str, Any]:
    return {
        key: json.dumps(data[key], ensure_ascii=False, sort_keys=True) if key in encoded else data[key]
        for key in sorted(data)
        if data[key] is not None
    }


def to_graphml(explanation: Explanation) -> str:
    """The explanation graph as GraphML (UTF-8 XML text), written by networkx."""
    import networkx as nx  # loaded by the exports that need it, not by every explanation

    g = explanation.data
    nodes = sorted(g.nodes)
    edges = sorted(g.edges)
    node_data = {n: _plain(g.nodes[n]) for n in nodes}
    edge_data = {e: _plain(g.edges[e]) for e in edges}
    graph_data = _plain(g.graph)
    encoded = {
        "node": _mixed(list(node_data.values())),
        "edge": _mixed(list(edge_data.values())),
        "graph": _mixed([graph_data]),
    }
    out = nx.DiGraph()
    for node in nodes:
        out.add_node(node, **_attrs(node_data[node], encoded["node"]))
    for u, v in edges:
        out.add_edge(u, v, **_attrs(edge_data[u, v], encoded["edge"]))
    out.graph.update(_attrs(graph_data, encoded["graph"]))
    out.graph[JSON_ATTRS_KEY] = json.dumps({k: sorted(v) for k, v in sorted(encoded.items())}, sort_keys=True)
    buffer = io.BytesIO()
    nx.write_graphml(out, buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue().decode("utf-8")


def graph_from_graphml(text: str) -> nx.DiGraph:
    """Read GraphML written by `to_graphml` back into a graph with the original attribute values
    (lists and mappings decoded from their JSON text)."""
    import networkx as nx

    g = nx.read_graphml(io.BytesIO(text.encode("utf-8")))
    encoded = {k: set(v) for k, v in json.loads(g.graph.pop(JSON_ATTRS_KEY, "{}")).items()}
    holders = [
        ("graph", g.graph),
        *(("node", d) for _, d in g.nodes(data=True)),
        *(("edge", d) for _, _, d in g.edges(data=True)),
    ]
    for domain, holder in holders:
        for key in encoded.get(domain, set()) & set(holder):
            holder[key] = json.loads(holder[key])
    return g


def to_node_link(explanation: Explanation) -> str:
    """The explanation graph as node-link JSON text (`networkx.node_link_graph(data, edges="edges")`
    reads it back); the same data as the decision JSON's `penjelasan`."""
    return pretty(to_json(explanation))

"""The explanation graph, built after evaluation from the recorded events.

What `build_explanation` makes is the graph as plain data (`GraphData`: node id → attributes,
(source, target) → attributes, graph attributes); `Explanation.graph`, the same content as a
`networkx.DiGraph`, is made from it on first access. The views that only read nodes and
attributes (JSON, the reports, DOT, HTML) read the data and never build networkx.

Most of a graph is the same from one incident to the next, so the builder makes it once per plan
and shares it (issue 14), window by window (`_Builder.windows`). A window is the events of one
provision in one act, closed by its ProvisionResult, with those of the definitions first evaluated
there. What a window says whatever the values it read (its provision, its ProvisionResult, and per
provision and definition a signature: each condition's value, each read's path and truth value)
gets a number (`_Window`); its fact and concept nodes hold the values read. What a window adds to
the graph besides them (its condition nodes, its clause node with its annotations, the edges into
them) depends only on that number, its outcome and the signatures of the definitions its
provision read (`_Builder.contribute`); what a whole act adds, only on its windows' numbers and
outcomes (`_Builder.near_act`). Both are kept in `Plan.memo` (bounded) for the first
`_SHARED_ACTS` acts, so an act like one explained before is one lookup and a dict merge, whatever
the values it read. An act past those is kept relative to its index (`_ActTemplate`), and an act
that repeats one kept is made from it with its own node ids. Below the windows, what
`_Builder.chunk` and `_Builder.annotate` make (condition nodes, clause annotations) is kept too.
Events that do not split into windows (an iterator, another evaluation's) are built the older way
(`events`, then `clauses`), to the same graph. GraphData is read-only: copy an attribute dict
before changing it.

Nodes (attribute `kind`), with ids that are stable across runs and readable:

- `fact`          `act0/fact/tindakan.atribut_partai`: one per fact path per act, with the value
                  seen (dates ISO; an unknown fact has the value "tidak diketahui/unknown" and
                  `known` False);
- `concept`       `act0/concept/masa_kampanye`: a definition used by a condition, with its value;
- `condition`     `act0/cond/pp94.pasal5.n.2#0.1` (the compiler's node id after `cond/`; inside a
                  definition `act0/cond/def:masa_kampanye`): every node that produced a
                  ConditionResult, its canonical text and its value `true`/`false`/`unknown`;
- `clause`        `act0/clause/pp94.pasal5.n.2`: every provision of the plan for every act, fired
                  or not, with its status, reason, citation, statutory text, the outcome it
                  would give (`category`, `tier`), the conditions that failed (`failed`, deepest
                  first), the smallest set of unmet conditions with the facts each read (`unmet`,
                  see explain/unmet.py) and the facts it saw (`facts_seen`);
- `finding`       `act0/finding/pp94.pasal5.n.2`: per fired provision per act;
- `determination` `determination/disiplin`: per track that is not `none`;
- `decision`      `decision`: one.

Edges (attribute `kind`): `supports` (fact → the condition that read it; concept → the condition
that used it; condition → its parent condition; a definition's root condition → its concept);
`satisfies` / `fails` / `undecided` (a provision's root condition → its clause, by the condition's
value: unknown is the third kind `undecided`, never `fails`, because unknown is not false);
`overrides` (exception clause → the clause it defeated; `pending` True when the exception is
itself undecided and only holds the clause back); `yields` (clause → finding → determination →
decision); `escalates` (instead of `yields`, from the heaviest findings to a determination whose
tier is heavier than any finding because of a repeat offence); and `undecided` (an undecided
clause → the decision).

Exceptions are `overrides` edges rather than nodes of their own: the edge joins exactly the two
clauses involved and carries the status, which is all a reviewer asks of it.

Invariants (tested): the graph is a DAG; every fired clause has a path from a fact node, except a
clause whose condition reads no fact at all (a literal `benar`): there is no fact to start from.

A root condition that is a bare name or literal records no ConditionResult; the builder adds its
condition node anyway (`traced` False), valued from the fact or definition it read, so every
evaluated clause has a root condition. A node evaluated several times (a quantifier body) keeps
its last value in `value` and every distinct value, in order, in `values`.
"""

from __future__ import annotations

import bisect
import collections
import datetime
import enum
import functools
import itertools
import operator
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from netralrules.codegen.runtime import Sites, decode
from netralrules.compiler import (
    CompiledProvision,
    NodeId,
    Plan,
    child_id,
    definition_node,
    definition_of,
    parent_node,
    provision_node,
    provision_of,
)
from netralrules.diagnostics import Text
from netralrules.evaluation.coverage import ActAssessment
from netralrules.evaluation.determination import Determination, Track, citation_json, source_json
from netralrules.evaluation.evaluator import TIER_ORDER, Evaluation, Finding, Outcome
from netralrules.evaluation.kinds import DeterminationStatus, Status
from netralrules.explain.planinfo import clause_attrs, condition_static, expr_at, instrument_attrs, lineage, provisions_by_id
from netralrules.explain.unmet import ReadsBelow, UnmetWalker, truth, unmet_items
from netralrules.syntax import ast
from netralrules.trace import ConditionResult, DefinitionRead, Event, FactRead, ProvisionResult

if TYPE_CHECKING:
    import networkx as nx  # type: ignore[import-untyped]

UNKNOWN_TEXT = "tidak diketahui/unknown"
DECISION = "decision"


class NodeKind(enum.StrEnum):
    """The kinds of node of the explanation graph (the module docstring says what each holds)."""

    FACT = "fact"
    CONCEPT = "concept"
    CONDITION = "condition"
    CLAUSE = "clause"
    FINDING = "finding"
    DETERMINATION = "determination"
    DECISION = "decision"


class EdgeKind(enum.StrEnum):
    """The kinds of edge of the explanation graph (the module docstring says what each joins)."""

    SUPPORTS = "supports"
    SATISFIES = "satisfies"
    FAILS = "fails"
    UNDECIDED = "undecided"
    OVERRIDES = "overrides"
    YIELDS = "yields"
    ESCALATES = "escalates"


NODE_KINDS = tuple(NodeKind)
EDGE_KINDS = tuple(EdgeKind)
# Statuses for which the provision's condition was evaluated (in force, and applicable or undecided).
EVALUATED = frozenset({Status.FIRED, Status.NOT_FIRED, Status.DEFEATED, Status.UNKNOWN})
_ROOT_EDGE = {"true": EdgeKind.SATISFIES, "false": EdgeKind.FAILS, "unknown": EdgeKind.UNDECIDED}
# Read once per event or edge while the graph is built: a module global is read several times
# faster than a member off its enum class on Python 3.11 (see evaluation/evaluator.py).
_FACT, _CONCEPT, _OVERRIDES = NodeKind.FACT, NodeKind.CONCEPT, EdgeKind.OVERRIDES


def fact_id(act: int, path: Sequence[str]) -> str:
    return f"act{act}/fact/{'.'.join(path)}"


def concept_id(act: int, name: str) -> str:
    return f"act{act}/concept/{name}"


def condition_id(act: int, node: NodeId) -> str:
    return f"act{act}/cond/{node}"


def clause_id(act: int, provision: str) -> str:
    return f"act{act}/clause/{provision}"


def finding_id(act: int, provision: str) -> str:
    return f"act{act}/finding/{provision}"


def determination_id(category: str) -> str:
    return f"determination/{category}"


@dataclass(frozen=True)
class ActInfo:
    """One act: its date, the election stage on that date, the instruments in force then."""

    index: int
    date: datetime.date
    stage: str
    instruments: tuple[str, ...]
    # Whether the act was assessed (evaluation/coverage.py): `dinilai`, `tidak_dinilai` (a gap) or
    # `di_luar_asn`; for an act not assessed, why, and the declared gaps that cover it.
    assessment: str = "dinilai"
    assessment_reason: Text | None = None
    gaps: tuple[str, ...] = ()
    gap_kind: str | None = None
    # The id and name of the act's election, when the incident lists several (else None).
    election: tuple[str, str | None] | None = None


class GraphData:
    """The explanation graph as plain data, what `build_explanation` makes: `nodes` (node id →
    attributes, in the order made), `edges` ((source, target) → attributes, in the order made) and
    `graph` (the graph's own attributes). It reads like the part of a `networkx.DiGraph` the views
    use (`g.nodes[n]`, `n in g`, `g.edges[u, v]`, `g.graph`, `predecessors`, `successors`,
    `in_edges`, in networkx's order), without making one.

    Read-only: the attribute dicts of conditions and edges, and the attributes of a clause that
    come from its provision alone (citation, text, sources, …), are made once per plan and shared
    by every explanation of that plan (explain/planinfo.py); copy before changing anything."""

    __slots__ = ("_preds", "_succs", "edges", "graph", "nodes")

    def __init__(
        self,
        nodes: dict[str, dict[str, Any]],
        edges: dict[tuple[str, str], dict[str, Any]],
        graph: dict[str, Any],
    ) -> None:
        self.nodes = nodes
        self.edges = edges
        self.graph = graph
        self._preds: dict[str, list[str]] | None = None
        self._succs: dict[str, list[str]] | None = None

    def __contains__(self, node: object) -> bool:
        return node in self.nodes

    def __iter__(self) -> Iterator[str]:
        return iter(self.nodes)

    def __len__(self) -> int:
        return len(self.nodes)

    def _index(self) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        if self._preds is None or self._succs is None:
            preds: dict[str, list[str]] = {}
            succs: dict[str, list[str]] = {}
            for u, v in self.edges:
                preds.setdefault(v, []).append(u)
                succs.setdefault(u, []).append(v)
            self._preds, self._succs = preds, succs
        return self._preds, self._succs

    def predecessors(self, node: str) -> list[str]:
        """The sources of the edges into `node`, in the order the edges were made (as networkx)."""
        if node not in self.nodes:
            raise KeyError(node)
        return list(self._index()[0].get(node, ()))

    def successors(self, node: str) -> list[str]:
        if node not in self.nodes:
            raise KeyError(node)
        return list(self._index()[1].get(node, ()))

    def in_edges(self, node: str) -> list[tuple[str, str]]:
        return [(u, node) for u in self.predecessors(node)]


@dataclass(frozen=True, eq=False)
class Explanation:
    """The explanation graph of one decision (`data`; `graph` is the same as a networkx DiGraph,
    made on first access) and what the views need besides it. Two explanations are equal when
    their graphs (nodes, edges, attributes) and acts are."""

    data: GraphData
    acts: tuple[ActInfo, ...]
    lang_independent: bool = True

    @functools.cached_property
    def graph(self) -> nx.DiGraph:
        """The graph as a `networkx.DiGraph` (nodes and edges in the order they were made), made
        from `data` on first access through networkx's public API and kept. Node ids first and
        their attributes after (`g.nodes[n]` is the node's attribute dict) is the quickest public
        way: `add_nodes_from` with (id, attrs) pairs takes an exception per node. Its attribute
        dicts are its own; the values in them are shared with `data`."""
        import networkx as nx  # only for the views that need graph algorithms: GraphML, HTML, analyses

        data = self.data
        g = nx.DiGraph()
        g.add_nodes_from(data.nodes)
        nodes = g.nodes
        for node_id, attrs in data.nodes.items():
            nodes[node_id].update(attrs)
        g.add_edges_from([(u, v, attrs) for (u, v), attrs in data.edges.items()])
        g.graph.update(data.graph)
        return g

    def nodes(self, kind: NodeKind, act: int | None = None) -> list[str]:
        """The ids of the nodes of one kind (optionally of one act), sorted."""
        return list(self._by_kind.get((kind, act), ()))

    @functools.cached_property
    def _by_kind(self) -> dict[tuple[str, int | None], list[str]]:
        # Built once: the report asks for each act's nodes, and scanning the whole graph per act
        # made reports quadratic in the number of acts. The graph is not changed after it is built.
        index: dict[tuple[str, int | None], list[str]] = {}
        for n, data in self.data.nodes.items():
            index.setdefault((data["kind"], None), []).append(n)
            if data.get("act") is not None:
                index.setdefault((data["kind"], data["act"]), []).append(n)
        for ids in index.values():
            ids.sort()
        return index

    def attrs(self, node: str) -> dict[str, Any]:
        return dict(self.data.nodes[node])

    def to_data(self) -> dict[str, Any]:
        """Node-link data (the layout of `networkx.node_link_data`: `nodes` and `edges`), nodes sorted
        by id and edges by (source, target), every value JSON-safe; `networkx.node_link_graph(data)`
        reads it back. What a decision's JSON carries under `penjelasan`."""
        # New dicts for the graph, each node and each edge; the attribute values inside are the
        # graph's own, not copies (a deep copy of every node cost more than building the graph):
        # the data is for serialising, and whoever changes it must copy first.
        data = self.data
        nodes = data.nodes
        edges = data.edges
        return {
            "directed": True,
            "multigraph": False,
            "graph": dict(sorted(data.graph.items())),
            "nodes": [{"id": n, **nodes[n]} for n in sorted(nodes)],
            "edges": [{"source": u, "target": v, **edges[u, v]} for u, v in sorted(edges)],
        }

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Explanation):
            return NotImplemented
        a, b = self.data, other.data
        return (self.acts, self.lang_independent) == (other.acts, other.lang_independent) and (
            a.nodes == b.nodes and a.edges == b.edges and a.graph == b.graph
        )

    def __hash__(self) -> int:
        return hash((self.acts, tuple(sorted(self.data.nodes))))


def build_explanation(
    events: Iterable[Event],
    plan: Plan,
    evaluation: Evaluation,
    determination: Determination,
    act_dates: Sequence[datetime.date],
    stages: Sequence[str],
    lang_independent: bool = True,
    referral: Mapping[str, Any] | None = None,
    assessments: Sequence[ActAssessment] = (),
    scope: Mapping[str, Any] | None = None,
    sites: Sites = (),
) -> Explanation:
    """Build the explanation graph from the events of one traced evaluation (coded ones, as a
    `trace.CodedTracer` keeps them, read through `sites`: events are made for the windows not met
    before only).

    With `lang_independent` (the default) every rendered expression is stored in Indonesian
    (`text`) and English (`text_en`), so one graph serves narratives in both languages; without
    it only the Indonesian text is kept and English views show that.
    """
    builder = _Builder(plan, lang_independent, sites)
    if not builder.windows(events, evaluation.outcomes):
        builder.events(decode(list(events), sites) if sites else events)
        builder.clauses(evaluation.outcomes)
    builder.findings(evaluation.findings)
    builder.determinations(determination.tracks, evaluation.findings)
    # The undecided outcomes (the evaluation keeps them apart: every maker of an Evaluation does).
    builder.decision(determination, evaluation.unresolved)
    builder.deciding(evaluation.unresolved)
    acts = builder.acts(act_dates, stages, evaluation.outcomes, assessments)
    if referral is not None:
        # To whom the case is referred (referral.referral_json): a graph attribute, for the views.
        builder.g_attrs["pengawasan"] = json_value(referral)
    if scope is not None:
        # Whether the ASN rules govern the respondent (coverage.scope_json): for the views.
        builder.g_attrs["lingkup"] = json_value(scope)
    data = GraphData(builder.g_nodes, builder.g_edges, builder.g_attrs)
    return Explanation(data, acts, lang_independent)


# What explanations of one plan share by what their events say (not by the plan alone): condition
# nodes, chunks, clause nodes and annotations, value nodes and the numbers of their signatures.
_SHARED_BY_EVENTS = (
    "explain.annotations.",
    "explain.condition_nodes.",
    "explain.chunks.",
    "explain.clause_nodes.",
    "explain.value_nodes",
    "explain.signatures",
    "explain.canonical",
    "explain.windows",
    "explain.contributions.",
    "explain.act_contributions.",
    "explain.templates.",
    "explain.findings",
    "explain.in_force",
    "explain.referrals",
)


def forget_shared(plan: Plan) -> None:
    """Empty what the explanations of `plan` share by their events, keeping what depends on the plan
    alone (condition texts, clause attributes): the next explanation is made as for an incident
    unlike any before it. The benchmarks time that case beside the shared one; a long-running
    process may call it to give the memory back."""
    for key, value in plan.memo.items():
        if key.startswith(_SHARED_BY_EVENTS) and isinstance(value, dict):
            value.clear()


def json_value(value: object) -> Any:
    """A fact or definition value made JSON-safe: dates ISO, unknown as UNKNOWN_TEXT."""
    if is_unknown(value):
        return UNKNOWN_TEXT
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return json_value(value.value)
    if isinstance(value, Mapping):
        return {str(k): json_value(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, (list, tuple)):
        return [json_value(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((json_value(v) for v in value), key=repr)
    return str(value)


def is_unknown(value: object) -> bool:
    """Whether a value is the UNKNOWN sentinel (of the evaluator or of the fact boundary)."""
    return isinstance(value, enum.Enum) and value.name == "UNKNOWN"


# Edge attributes that are the same for every edge of their kind: one dict each, shared by every
# edge and every explanation (GraphData is read-only; networkx copies them into its own).
_SUPPORTS: dict[str, Any] = {"kind": EdgeKind.SUPPORTS}
_YIELDS: dict[str, Any] = {"kind": EdgeKind.YIELDS}
_UNDECIDED: dict[str, Any] = {"kind": EdgeKind.UNDECIDED}
_ROOT_EDGES: dict[str, dict[str, Any]] = {value: {"kind": kind, "value": value} for value, kind in _ROOT_EDGE.items()}
_OVERRIDES_ATTRS = {pending: {"kind": EdgeKind.OVERRIDES, "pending": pending} for pending in (False, True)}


_NO_FACTS: frozenset[str] = frozenset()
# The sites of the program whose coded events the plan's windows are kept by (`_Builder`).
_SITES_KEY = "explain.sites"
# Condition nodes of acts up to this index are kept per plan and shared (an incident of a thousand
# acts does not grow the plan's memo by a thousand acts' worth).
_SHARED_ACTS = 64
# At most this many clause annotations are kept per plan (explain/graph.py `_Builder.annotate`).
_SHARED_ANNOTATIONS = 50_000
_SHARED_CHUNKS = 100_000
_SIGNATURE_NUMBERS = itertools.count()
# Values whose fact and concept nodes are kept per plan: hashable, and equal only to their own kind.
_SIMPLE = frozenset({bool, int, str, datetime.date, type(None)})


def _group_of(node: NodeId) -> str:
    """The provision (its id) or definition (`def:<name>`) whose condition holds a node; a read
    for a provision's subjects (`<id>@subjek`) belongs to the provision."""
    definition = definition_of(node)
    if definition is not None:
        return "def:" + definition
    provision = provision_of(node)
    assert provision is not None
    return provision


class _ActTrace:
    """One act's events, per provision (its id) and definition (`def:<name>`): `sigs`, what its
    events say in order, as (node, value) for a condition, (node, path, truth) for a fact read and
    (node, name, truth) for a definition read; `uses`, the definitions it read. With the act, the
    status and the nodes that exist, all that its conditions, their edges and its clause's
    annotations depend on (`_Builder.chunk`, `_Builder.annotation_key`). The views by node
    (`conds`, `defs`, `read`, `reads`) are made from them only when an annotation is (`views`)."""

    __slots__ = ("conds", "def_keys", "defs", "index", "keys", "read", "reads", "ready", "sigs", "untraced", "uses", "walker")

    def __init__(self) -> None:
        self.sigs: dict[str, list[tuple[Any, ...]]] = {}
        self.keys: dict[str, int] = {}  # the signatures as numbers
        self.uses: dict[str, list[str]] = {}
        self.def_keys: dict[str, int] = {}
        self.untraced: dict[NodeId, str] = {}  # provision root → its value, when no event gave it
        self.ready = False
        self.conds: dict[NodeId, list[str]] = {}
        self.defs: dict[NodeId, str] = {}
        self.read: dict[NodeId, str] = {}  # node → the first value read there, as a condition value
        self.reads: list[tuple[NodeId, str]] = []
        self.walker: UnmetWalker | None = None
        self.index: ReadsBelow | None = None

    def key(self, group: str, interned: dict[Any, int]) -> int:
        """The signature of a provision's or definition's events as a number, the same for the same
        signature in every explanation of the plan (so keys that hold it hash it once)."""
        found = self.keys.get(group)
        if found is None:
            sig = tuple(self.sigs.get(group, ()))
            found = interned.get(sig)
            if found is None:
                if len(interned) >= _SHARED_CHUNKS:
                    interned.clear()  # numbers already handed out are never handed out again
                found = interned[sig] = next(_SIGNATURE_NUMBERS)
            self.keys[group] = found
        return found

    def views(self, act: int) -> _ActTrace:
        """Fill `conds`, `defs`, `read` and `reads` from the signatures (once)."""
        if not self.ready:
            self.ready = True
            for sig in self.sigs.values():
                for item in sig:
                    if len(item) == 2:
                        self.conds.setdefault(item[0], []).append(item[1])
                        continue
                    node, what, value = item
                    self.read.setdefault(node, value)
                    if isinstance(what, str):
                        self.defs[node] = what
                        self.reads.append((node, concept_id(act, what)))
                    else:
                        self.reads.append((node, fact_id(act, what)))
            for root, value in self.untraced.items():
                self.conds.setdefault(root, [value])
        return self

    def def_key(self, name: str, interned: dict[Any, int]) -> int:
        """A definition's events in this act and those of the definitions it reads, as a number."""
        found = self.def_keys.get(name)
        if found is None:
            group = "def:" + name
            used = self.uses.get(group)
            key = (name, self.key(group, interned), tuple(self.def_key(n, interned) for n in sorted(set(used))) if used else ())
            found = interned.get(key)
            if found is None:
                if len(interned) >= _SHARED_CHUNKS:
                    interned.clear()  # numbers already handed out are never handed out again
                found = interned[key] = next(_SIGNATURE_NUMBERS)
            self.def_keys[name] = found
        return found


# An outcome's or ProvisionResult's act and provision; a window's flags.
_act_of = operator.attrgetter("act")
_CACHEABLE = operator.attrgetter("cacheable")
_DEFS = operator.attrgetter("defs")
_provision_of = operator.attrgetter("provision")


_NO_USES: dict[str, list[str]] = {}  # shared, never changed
# An event without its act (its first field), as a plain tuple: what repeats from act to act.
_WITHOUT_ACT = operator.itemgetter(slice(1, None))
# At most this many acts are kept relative to their index (`_ActTemplate`): each holds one act's
# nodes.
_SHARED_TEMPLATES = 64
# At most this many acts' nodes and edges are kept whole (`_Builder.near_act`), and this many
# windows (`_Builder.infos`): a bound on the plan's memory, whatever the stream of incidents.
_SHARED_ACT_GRAPHS = 2048
_SHARED_WINDOWS = 32_768  # at least; or this many acts' worth of a large rulebook's windows:
_SHARED_WINDOW_ACTS = 12
# The clause attributes that hold node ids of the clause's act.
_CLAUSE_IDS = ("facts_seen", "failed", "failed_leaves")


def _forget_older_half(memo: dict[Any, Any]) -> None:
    """Remove the older half of a memo's entries (a dict keeps them in the order made): what a
    stream of incidents met most recently stays."""
    for key in list(itertools.islice(memo, len(memo) // 2)):
        del memo[key]


def _item(e: Any) -> tuple[Any, ...]:
    """What a condition result or a read says in a signature (`_ActTrace.sigs`): (node, value) for
    a condition, (node, path or definition name, truth value) for a read."""
    if type(e) is ConditionResult:
        value = e[2]
        return (e[1], "unknown" if value is None else "true" if value else "false")
    read = e[3]
    return (e[1], e[2], "true" if read is True else "false" if read is False else truth(read))


def _changes(outcomes: Sequence[Outcome], results: Sequence[ProvisionResult]) -> list[tuple[Any, ...] | None]:
    """Per window, None when its outcome is what its ProvisionResult says (most are: conflicts
    between provisions settled after the act, or an act not the respondent's, may change one), else
    what the outcome says: part of what its contribution and its act are kept under."""
    return [
        None
        if o.reason is r.reason and o.status is r.status and o.defeated_by is r.defeated_by and not o.waiting_for
        else (o.status._value_, o.reason, o.defeated_by, o.waiting_for)
        for o, r in zip(outcomes, results, strict=True)
    ]


class _Split(NamedTuple):
    """One evaluation's events split into windows (`_Builder.windows`), and what the windows add,
    waiting to go into the graph together (`_Builder.put`): dicts (a window's values, what a window
    or an act kept adds, an act made from its template)."""

    events: list[Event]
    ends: list[int]  # after each window's last event (its ProvisionResult)
    results: list[ProvisionResult]  # each window's ProvisionResult
    outcomes: Sequence[Outcome]  # each window's outcome
    new_nodes: list[Any]
    new_edges: list[Any]


class _NotWindows(Exception):
    """The events do not split into windows as `_Builder.windows` needs (the caller builds the
    other way)."""


def _names(value: object, prefix: str) -> bool:
    """Whether a value (or anything in it) is a text starting with `prefix`: a node id of the act."""
    if isinstance(value, str):
        return value.startswith(prefix)
    if isinstance(value, dict):
        return any(_names(v, prefix) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(_names(v, prefix) for v in value)
    return False


class _ActTemplate:
    """One act's nodes and edges with the act's prefix (`act7/`) cut from every node id, and from
    the node ids a clause holds: made from an act past `_SHARED_ACTS` and kept per plan, so an act
    that repeats it is made with its own prefix and index (`make`) instead of window by window."""

    __slots__ = ("attrs", "clauses", "edge_attrs", "sources", "suffixes", "targets")

    def __init__(
        self,
        suffixes: tuple[str, ...],
        attrs: tuple[dict[str, Any], ...],
        clauses: tuple[tuple[int, tuple[str, ...], bool], ...],
        edges: tuple[tuple[str, str, dict[str, Any]], ...],
    ) -> None:
        self.suffixes = suffixes
        self.attrs = attrs
        self.clauses = clauses
        self.sources = tuple(u for u, _, _ in edges)
        self.targets = tuple(v for _, v, _ in edges)
        self.edge_attrs = tuple(a for _, _, a in edges)

    @classmethod
    def of(
        cls,
        prefix: str,
        nodes: Iterable[tuple[str, dict[str, Any]]],
        edges: Iterable[tuple[tuple[str, str], dict[str, Any]]],
    ) -> _ActTemplate | None:
        """The template of an act's nodes and edges; None when anything else names a node of the
        act, or a node is not the act's (then the act is not kept)."""
        cut = len(prefix)
        suffixes: list[str] = []
        attrs_list: list[dict[str, Any]] = []
        clauses: list[tuple[int, tuple[str, ...], bool]] = []
        for node_id, attrs in nodes:
            if not node_id.startswith(prefix) or "act" not in attrs:
                return None
            if attrs["kind"] is NodeKind.CLAUSE:
                attrs = dict(attrs)
                for key in _CLAUSE_IDS:
                    attrs[key] = [x[cut:] if x.startswith(prefix) else None for x in attrs[key]]
                attrs["unmet"] = [
                    {**item, "facts": [x[cut:] if x.startswith(prefix) else None for x in item["facts"]]}
                    for item in attrs["unmet"]
                ]
                if any(None in attrs[key] for key in _CLAUSE_IDS) or any(None in item["facts"] for item in attrs["unmet"]):
                    return None
                # Only the lists that name nodes need the act's prefix (an empty one stays shared).
                keys = tuple(key for key in _CLAUSE_IDS if attrs[key])
                if keys or attrs["unmet"]:
                    clauses.append((len(suffixes), keys, bool(attrs["unmet"])))
            if _names(attrs, prefix):
                return None
            suffixes.append(node_id[cut:])
            attrs_list.append(attrs)
        cut_edges = []
        for (u, v), a in edges:
            if not (u.startswith(prefix) and v.startswith(prefix)):
                return None
            cut_edges.append((u[cut:], v[cut:], a))
        return cls(tuple(suffixes), tuple(attrs_list), tuple(clauses), tuple(cut_edges))

    def make(self, prefix: str, act: int) -> _Contribution:
        """The act's nodes and edges with this prefix and act index."""
        add = prefix.__add__
        copies = list(map(dict.copy, self.attrs))
        _consume(map(operator.setitem, copies, itertools.repeat("act"), itertools.repeat(act)))
        for k, keys, unmet in self.clauses:
            attrs = copies[k]
            for key in keys:
                attrs[key] = list(map(add, attrs[key]))
            if unmet:
                attrs["unmet"] = [{**item, "facts": list(map(add, item["facts"]))} for item in attrs["unmet"]]
        edges = zip(map(add, self.sources), map(add, self.targets), strict=True)
        return dict(zip(map(add, self.suffixes), copies, strict=True)), dict(zip(edges, self.edge_attrs, strict=True))


_consume: Callable[[Iterable[None]], None] = collections.deque[None](maxlen=0).extend  # runs an iterator through


class _Window:
    """What one window of events says: the events of one provision in one act, closed by its
    ProvisionResult, with those of the definitions first evaluated there (a definition is evaluated
    once per act, where it is first used). Made once per plan for each window's events and shared:
    `groups`, each provision's or definition's signature (as `_ActTrace.sigs`) with its number;
    `uses`, the definitions each read; `deps`, those its provision read, sorted; `values`, the fact
    and concept nodes of the values read (id, attributes); `facts`, the fact nodes among them."""

    __slots__ = ("act", "cacheable", "defs", "deps", "facts", "groups", "number", "provision", "uses", "values")

    def __init__(
        self,
        number: int,
        act: int,
        provision: str,
        groups: tuple[tuple[str, tuple[tuple[Any, ...], ...], int], ...],
        uses: dict[str, list[str]],
        values: dict[str, dict[str, Any]],
        facts: frozenset[str],
        cacheable: bool,
    ) -> None:
        # The number of what the window says whatever the values read (the act, the provision,
        # its ProvisionResult, the signatures): windows that differ only in the values of the facts
        # they read share their conditions, edges and clause node (`_Contribution`), and differ in
        # their fact and concept nodes (`values`) alone.
        self.number = number
        self.act = act
        self.provision = provision
        self.groups = groups
        self.uses = uses if uses else _NO_USES  # most windows' provisions read no definition
        self.deps = tuple(sorted(set(uses.get(provision, ()))))
        self.values = values
        self.facts = facts
        self.cacheable = cacheable
        self.defs = tuple(g for g in groups if g[0][:4] == "def:")


# What one window (or one act's windows) adds to the graph besides its values' nodes: its condition
# nodes, its clause node and the edges into them, as dicts (id → attributes, (source, target) →
# attributes): merged whole into the graph's, whose update then reuses the hashes they hold (the
# pairs chained into one update before cost 2-3 times as much).
_Contribution = tuple[dict[str, dict[str, Any]], dict[tuple[str, str], dict[str, Any]]]


class _Chunk(NamedTuple):
    """The condition nodes and the edges made from one provision's or definition's events in one
    act, and the value of a provision's root condition (None when it has none)."""

    nodes: dict[str, dict[str, Any]]
    edges: dict[tuple[str, str], dict[str, Any]]
    root: str | None
    untraced: bool


class _Builder:
    def __init__(self, plan: Plan, both_languages: bool, sites: Sites = ()) -> None:
        self.sites = sites  # what the sites of coded events stand for (`build_explanation`)
        if sites and plan.memo.get(_SITES_KEY) is not sites:
            # Windows are kept by their coded events: a site's number means what the program that
            # recorded it says. Another program (`evaluation.program.set_program`) numbers its own.
            if _SITES_KEY in plan.memo:
                forget_shared(plan)
            plan.memo[_SITES_KEY] = sites
        self.g_nodes: dict[str, dict[str, Any]] = {}
        self.g_edges: dict[tuple[str, str], dict[str, Any]] = {}
        self.g_attrs: dict[str, Any] = {}
        self.plan = plan
        self.expr_at: Callable[[NodeId], ast.Expr | None] = functools.partial(expr_at, plan)
        self.both = both_languages
        self.provisions: dict[str, CompiledProvision] = provisions_by_id(plan)
        self.definitions = plan.rulebook.definitions
        self.trace: dict[int, _ActTrace] = {}  # act → its events
        self.facts: set[str] = set()  # the fact nodes
        # node → its predecessors by edges other than `overrides` (what annotate walks back
        # along), made from the edges when an annotation is first made
        self.own_preds: dict[str, list[str]] | None = None
        self.fact_sets: dict[str, set[str] | frozenset[str]] = {}  # node → the fact nodes among its ancestors
        self.lineages: dict[NodeId, tuple[NodeId, ...]] = plan.memo.setdefault("explain.lineage", {})
        suffix = "both" if both_languages else "id"
        # Made once per plan and shared (bounded): clause annotations, condition nodes, chunks.
        self.annotations: dict[tuple[Any, ...], tuple[list[str], list[str], list[str], list[dict[str, Any]]]] = (
            plan.memo.setdefault("explain.annotations." + suffix, {})
        )
        self.condition_nodes: dict[tuple[Any, ...], dict[str, Any]] = plan.memo.setdefault(
            "explain.condition_nodes." + suffix, {}
        )
        self.chunks: dict[tuple[Any, ...], _Chunk] = plan.memo.setdefault("explain.chunks." + suffix, {})
        self.interned: dict[Any, int] = plan.memo.setdefault("explain.signatures", {})
        self.clause_nodes: dict[tuple[Any, ...], dict[str, Any]] = plan.memo.setdefault("explain.clause_nodes." + suffix, {})
        self.value_nodes: dict[tuple[Any, ...], dict[str, Any]] = plan.memo.setdefault("explain.value_nodes", {})
        # Kept by what a window's events say, coded ones as they were recorded (`build_explanation`).
        self.window_memo: dict[tuple[Any, ...], _Window] = plan.memo.setdefault("explain.windows", {})
        self.groups_of: dict[NodeId, str] = plan.memo.setdefault("explain.groups", {})
        self.fact_ids: dict[tuple[int, tuple[str, ...]], str] = plan.memo.setdefault("explain.fact_ids", {})
        self.canonical: dict[tuple[Any, ...], tuple[Any, ...]] = plan.memo.setdefault("explain.canonical", {})
        # (act, fact path or concept name) → its node id and attributes, in this explanation.
        self.seen_values: dict[tuple[int, Any], tuple[str, dict[str, Any]]] = {}
        self.contributions: dict[tuple[Any, ...] | int, _Contribution] = plan.memo.setdefault(
            "explain.contributions." + suffix, {}
        )
        # An act's dicts hold its windows' entries (the attribute dicts shared with theirs).
        self.act_contributions: dict[tuple[Any, ...], _Contribution] = plan.memo.setdefault(
            "explain.act_contributions." + suffix, {}
        )
        self.templates: dict[tuple[Any, ...], _ActTemplate] = plan.memo.setdefault("explain.templates." + suffix, {})

    # ---- nodes and edges -------------------------------------------------------------------
    def node(self, node_id: str, kind: NodeKind, **attrs: Any) -> None:
        if node_id not in self.g_nodes:
            self.g_nodes[node_id] = {"kind": kind, **attrs}

    def edge(self, source: str, target: str, attrs: dict[str, Any]) -> None:
        # Edges only join nodes the builder made: a reader without a node is not invented.
        nodes = self.g_nodes
        if source in nodes and target in nodes and (source, target) not in self.g_edges:
            self.g_edges[(source, target)] = attrs

    def act_trace(self, act: int) -> _ActTrace:
        found = self.trace.get(act)
        if found is None:
            found = self.trace[act] = _ActTrace()
        return found

    # ---- evaluation events -----------------------------------------------------------------
    def events(self, events: Iterable[Event]) -> None:
        """One pass over the events: fact and concept nodes, and each act's signatures."""
        nodes, facts = self.g_nodes, self.facts
        fact_ids: dict[tuple[int, tuple[str, ...]], str] = self.plan.memo.setdefault("explain.fact_ids", {})
        groups: dict[NodeId, str] = self.plan.memo.setdefault("explain.groups", {})
        current, trace = -1, _ActTrace()
        sigs = trace.sigs
        by_node: dict[NodeId, list[tuple[Any, ...]]] = {}  # node → its group's signature, this act
        each: Iterable[Any] = events  # dispatched on the exact type, which mypy does not narrow
        for e in each:
            kind = type(e)
            if kind is ProvisionResult:
                continue
            act, node = e[0], e[1]
            if act != current:
                current, trace = act, self.act_trace(act)
                sigs, by_node = trace.sigs, {}
            sig = by_node.get(node)
            if sig is None:
                group = groups.get(node)
                if group is None:
                    group = groups[node] = _group_of(node)
                sig = sigs.get(group)
                if sig is None:
                    sig = sigs[group] = []
                by_node[node] = sig
            if kind is ConditionResult:
                item: tuple[Any, ...] = _item(e)
            elif kind is FactRead:
                path, read = e[2], e[3]
                item = _item(e)
                fid = fact_ids.get((act, path))
                if fid is None:
                    fid = fact_id(act, path)
                    if act < _SHARED_ACTS:
                        fact_ids[(act, path)] = fid
                if fid not in nodes:
                    facts.add(fid)
                    nodes[fid] = self.value_node(fid, read, _FACT, act, "path", ".".join(path))
            elif kind is DefinitionRead:
                name, read = e[2], e[3]
                item = _item(e)
                trace.uses.setdefault(groups[node], []).append(name)
                cid = concept_id(act, name)
                if cid not in nodes:
                    nodes[cid] = self.value_node(cid, read, _CONCEPT, act, "name", name)
            else:
                continue
            sig.append(item)

    # ---- the graph by windows of events ----------------------------------------------------
    def windows(self, events: Iterable[Event], outcomes: Sequence[Outcome]) -> bool:
        """The fact, concept, condition and clause nodes and their edges, window by window (`_Window`):
        what a window adds to the graph depends only on its events, its provision's outcome and the
        signatures of the definitions its provision read (made elsewhere in the act), so it is made
        once per plan for each and shared (`_Contribution`), and an explanation like an earlier one
        is mostly dictionary updates. False, with nothing made, when the events are not one
        evaluation's windows in the order of the outcomes (the caller builds as `events` and
        `clauses` do)."""
        if type(events) is not list or not outcomes:
            return False
        # Where each window ends: after each ProvisionResult (found without a Python loop).
        is_result = map(operator.is_, map(type, events), itertools.repeat(ProvisionResult))
        ends = list(itertools.compress(itertools.count(1), is_result))
        if len(ends) != len(outcomes) or ends[-1] != len(events):
            return False
        results = cast(list[ProvisionResult], list(map(events.__getitem__, [end - 1 for end in ends])))
        if list(map(_act_of, results)) != list(map(_act_of, outcomes)) or list(map(_provision_of, results)) != list(
            map(_provision_of, outcomes)
        ):
            return False
        # What the windows add, put into the graph together (one update each, in order) before a
        # window is made, which reads the graph so far, and at the end.
        split = _Split(events, ends, results, outcomes, [], [])
        try:
            i, n = 0, len(outcomes)
            while i < n:
                act = outcomes[i].act
                j = bisect.bisect_right(outcomes, act, lo=i, key=_act_of)
                if act < _SHARED_ACTS:
                    self.near_act(split, i, j)
                else:
                    self.far_act(split, i, j)
                i = j
        except _NotWindows:
            # Nothing of this is kept: the caller builds the graph afresh the other way.
            self.g_nodes.clear()
            self.g_edges.clear()
            self.trace.clear()
            self.facts.clear()
            self.fact_sets.clear()
            self.own_preds = None
            return False
        self.put(split.new_nodes, split.new_edges)
        self.overrides(outcomes)
        return True

    def infos(self, split: _Split, i: int, j: int) -> tuple[list[_Window], list[int | tuple[Any, ...]], bool]:
        """The windows `i` to `j` (one act): what each says (kept per plan for an act within
        `_SHARED_ACTS`), the key part of each (`near_act`), and whether all can be kept. The
        definitions each first evaluates are entered in the act's trace (`_ActTrace.def_key`)."""
        events, ends, results, outcomes = split.events, split.ends, split.results, split.outcomes
        memo = self.window_memo
        act = outcomes[i].act
        # The act's windows, their keys and what is kept of them, without a Python step per window.
        windows = list(map(events.__getitem__, map(slice, [ends[i - 1] if i else 0, *ends[i : j - 1]], ends[i:j])))
        keys: list[tuple[Event, ...]] | None = list(map(tuple, windows)) if act < _SHARED_ACTS else None
        infos: list[_Window | None]
        try:
            infos = list(map(memo.get, keys)) if keys is not None else [None] * len(windows)
        except TypeError:  # a value that cannot be hashed (a list): this act is not kept
            keys, infos = None, [None] * len(windows)
        if None in infos:
            for k, window in enumerate(windows):
                if infos[k] is None:
                    made = self.window(decode(window, self.sites) if self.sites else window)
                    if made is None:
                        raise _NotWindows
                    infos[k] = made
                    if keys is not None and made.cacheable:
                        if len(memo) >= max(_SHARED_WINDOWS, _SHARED_WINDOW_ACTS * len(self.plan.provisions)):
                            _forget_older_half(memo)
                        memo[keys[k]] = made
        found = cast(list[_Window], infos)
        # Per window, what its contribution is kept under besides the definitions it read: its
        # number, with its outcome where that differs from its ProvisionResult (`_changes`).
        parts: list[int | tuple[Any, ...]] = [
            info.number if changed is None else (info.number, *changed)
            for info, changed in zip(found, _changes(outcomes[i:j], results[i:j]), strict=True)
        ]
        kept = keys is not None and all(map(_CACHEABLE, found))
        # The definitions first evaluated in each window: what later windows' provisions read of
        # them (their signatures, as numbers, in `_ActTrace.def_key`).
        trace = self.act_trace(act)
        defined: set[str] = set()
        for info in itertools.compress(found, map(_DEFS, found)):
            for group, _, number in info.defs:
                if group in defined:
                    raise _NotWindows  # a definition evaluated twice in one act: not one window's
                defined.add(group)
                trace.keys[group] = number  # its signature itself only if a window is made (`fill`)
                used = info.uses.get(group)
                if used:
                    trace.uses[group] = used
        return found, parts, kept

    def near_act(self, split: _Split, i: int, j: int) -> None:
        """An act within `_SHARED_ACTS`: what its windows add besides their values' nodes depends on
        its windows' numbers and outcomes alone (the definitions its provisions read are its own
        windows'), so it is kept per plan for each act's list of them, and an act like an earlier
        one (whatever the values it read) is one lookup."""
        infos, parts, kept = self.infos(split, i, j)
        outcomes, new_nodes, new_edges = split.outcomes, split.new_nodes, split.new_edges
        act = outcomes[i].act
        act_key = (act, tuple(parts))
        acts_memo = self.act_contributions
        found = acts_memo.get(act_key)
        if found is None:
            made = self.act_windows(infos, outcomes[i:j], parts, new_nodes, new_edges)
            if kept:
                if len(acts_memo) >= _SHARED_ACT_GRAPHS:
                    _forget_older_half(acts_memo)  # as the windows: what a stream met lately stays
                acts_memo[act_key] = made
        else:
            new_nodes.extend([info.values for info in infos if info.values])
            new_nodes.append(found[0])
            new_edges.append(found[1])

    def far_act(self, split: _Split, i: int, j: int) -> None:
        """An act past `_SHARED_ACTS`, whose nodes are not kept (an incident of a thousand acts
        would hold the plan's memory with them): it is kept instead relative to its index
        (`_ActTemplate`), by its events without their act and its outcomes, and an act that repeats
        one kept (at whatever index, in whatever incident) is made from it with its own ids."""
        events, ends, results, outcomes = split.events, split.ends, split.results, split.outcomes
        new_nodes, new_edges = split.new_nodes, split.new_edges
        act = outcomes[i].act
        start = ends[i - 1] if i else 0
        try:
            outs = tuple(_changes(outcomes[i:j], results[i:j]))
            key: tuple[Any, ...] | None = (tuple(map(_WITHOUT_ACT, events[start : ends[j - 1]])), outs)
            template = self.templates.get(key)  # type: ignore[arg-type]
        except TypeError:  # a value that cannot be hashed (a list): not kept
            key, template = None, None
        prefix = f"act{act}/"
        if template is not None:
            nodes, edges = template.make(prefix, act)
            new_nodes.append(nodes)
            new_edges.append(edges)
            return
        infos, parts, _ = self.infos(split, i, j)
        structure = self.act_windows(infos, outcomes[i:j], parts, new_nodes, new_edges)
        if key is not None and all(info.cacheable for info in infos):
            made = _ActTemplate.of(
                prefix,
                (*itertools.chain.from_iterable(info.values.items() for info in infos), *structure[0].items()),
                structure[1].items(),
            )
            if made is not None:
                if len(self.templates) >= _SHARED_TEMPLATES:
                    self.templates.clear()
                self.templates[key] = made

    def act_windows(
        self,
        infos: Sequence[_Window],
        outcomes: Sequence[Outcome],
        parts: Sequence[int | tuple[Any, ...]],
        new_nodes: list[Any],
        new_edges: list[Any],
    ) -> _Contribution:
        """The windows of one act one by one: each window's contribution is kept per plan for its
        number, outcome and the signatures of the definitions its provision read, and made when not
        kept (`contribute`). Returns what they add besides their values' nodes."""
        interned, contributions = self.interned, self.contributions
        act = outcomes[0].act
        trace = self.trace.get(act)
        deps_of: dict[tuple[str, ...], tuple[int, ...]] = {}
        mine_nodes: dict[str, dict[str, Any]] = {}
        mine_edges: dict[tuple[str, str], dict[str, Any]] = {}
        filled = False
        key2: int | tuple[Any, ...]
        for info, o, part in zip(infos, outcomes, parts, strict=True):
            if info.deps:
                deps = deps_of.get(info.deps)
                if deps is None:
                    if trace is None:
                        trace = self.act_trace(act)
                    deps = deps_of[info.deps] = tuple([trace.def_key(name, interned) for name in info.deps])
                key2 = (part, deps)
            else:
                key2 = part
            found = contributions.get(key2)
            if found is None:
                self.put(new_nodes, new_edges)
                if not filled:
                    filled = True
                    self.fill(act, infos)
                found = self.contribute(info, o)
                if info.cacheable and act < _SHARED_ACTS:
                    if len(contributions) >= _SHARED_CHUNKS:
                        contributions.clear()
                    contributions[key2] = found
            else:
                if info.values:
                    new_nodes.append(info.values)
                new_nodes.append(found[0])
                new_edges.append(found[1])
            mine_nodes.update(found[0])
            mine_edges.update(found[1])
        return mine_nodes, mine_edges

    def put(self, new_nodes: list[dict[str, dict[str, Any]]], new_edges: list[dict[tuple[str, str], dict[str, Any]]]) -> None:
        """Put what kept windows and acts add into the graph, in order (later entries replace earlier
        ones), and empty the lists: each a dict, merged whole (its keys' hashes are in it)."""
        if new_nodes:
            _consume(map(self.g_nodes.update, new_nodes))
            _consume(map(self.g_edges.update, new_edges))
            if self.own_preds is not None:
                self._edges_made(itertools.chain.from_iterable(map(dict.items, new_edges)))
            new_nodes.clear()
            new_edges.clear()

    def window(self, events: Sequence[Event]) -> _Window | None:
        """What one window's events say (None when they are not one provision's in one act)."""
        last = events[-1]
        assert type(last) is ProvisionResult
        act, provision = last.act, last.provision
        groups_of, seen, fact_ids = self.groups_of, self.seen_values, self.fact_ids
        sigs: dict[str, list[tuple[Any, ...]]] = {}
        uses: dict[str, list[str]] = {}
        values: dict[str, dict[str, Any]] = {}
        facts: list[str] = []
        cacheable = True
        each: Sequence[Any] = events  # dispatched on the exact type, which mypy does not narrow
        for e in each[:-1]:  # no ProvisionResult: the windows end at them
            kind = type(e)
            node = e[1]
            if e[0] != act:
                return None
            group = groups_of.get(node)
            if group is None:
                group = groups_of[node] = _group_of(node)
            if group != provision and group[:4] != "def:":
                return None  # another provision's event
            if kind is ConditionResult:
                item: tuple[Any, ...] = _item(e)
            elif kind is FactRead:
                path, read = e[2], e[3]
                item = _item(e)
                # A fact's node holds the value first read in the act (the same at every read).
                known = seen.get((act, path))
                if known is None:
                    fid = fact_ids.get((act, path))
                    if fid is None:
                        fid = fact_id(act, path)
                        if act < _SHARED_ACTS:
                            fact_ids[(act, path)] = fid
                    known = seen[(act, path)] = (fid, self.value_node(fid, read, _FACT, act, "path", ".".join(path)))
                if known[0] not in values:
                    facts.append(known[0])
                    values[known[0]] = known[1]
            elif kind is DefinitionRead:
                name, read = e[2], e[3]
                item = _item(e)
                uses.setdefault(group, []).append(name)
                known = seen.get((act, name))
                if known is None:
                    cid = concept_id(act, name)
                    known = seen[(act, name)] = (cid, self.value_node(cid, read, _CONCEPT, act, "name", name))
                values.setdefault(known[0], known[1])
            else:
                continue
            sigs.setdefault(group, []).append(item)
        groups = []
        canonical = self.canonical
        for group, sig in sigs.items():
            frozen = tuple(sig)
            try:
                number = self.interned.get(frozen)
                if number is None:
                    if len(self.interned) >= _SHARED_CHUNKS:
                        self.interned.clear()  # numbers already handed out are never handed out again
                        canonical.clear()
                    number = self.interned[frozen] = next(_SIGNATURE_NUMBERS)
                # One tuple for each signature, whichever windows hold it (the plan's memory).
                frozen = canonical.setdefault(frozen, frozen)
            except TypeError:
                number, cacheable = next(_SIGNATURE_NUMBERS), False
            if group[:4] == "def:" and concept_id(act, group[4:]) not in values:
                cacheable = False  # its chunk depends on a read elsewhere in the act
            groups.append((group, frozen, number))
        said = (act, provision, last.status._value_, last.reason, last.defeated_by, tuple([(g, n) for g, _, n in groups]))
        window = self.interned.get(said)
        if window is None:
            if len(self.interned) >= _SHARED_CHUNKS:
                self.interned.clear()  # numbers already handed out are never handed out again
            window = self.interned[said] = next(_SIGNATURE_NUMBERS)
        return _Window(window, act, provision, tuple(groups), uses, values, frozenset(facts) if facts else _NO_FACTS, cacheable)

    def fill(self, act: int, infos: Sequence[_Window]) -> None:
        """The act's trace from its windows, whole (what the annotations of a clause not kept read)."""
        trace = self.act_trace(act)
        for info in infos:
            if info.act != act:
                continue
            self.facts |= info.facts
            for group, sig, number in info.groups:
                if group not in trace.sigs:
                    trace.sigs[group] = list(sig)
                    trace.keys[group] = number
                    used = info.uses.get(group)
                    if used:
                        trace.uses[group] = used

    def contribute(self, info: _Window, o: Outcome) -> _Contribution:
        """What one window adds to the graph (added here), made as `clauses` makes it."""
        act, nodes, edges = info.act, self.g_nodes, self.g_edges
        trace = self.trace[act]
        mine_nodes: dict[str, dict[str, Any]] = {}
        mine_edges: dict[tuple[str, str], dict[str, Any]] = {}
        nodes.update(info.values)
        root: str | None = None
        evaluated = o.status in EVALUATED
        groups = [group for group, _, _ in info.groups]
        if evaluated and o.provision not in groups:
            groups.append(o.provision)  # evaluated without an event (a literal condition): its root all the same
        for group in groups:
            if group[:4] == "def:":
                chunk = self.chunk(act, group, False, False, concept_id(act, group[4:]) in nodes)
            else:
                chunk = self.chunk(act, group, True, evaluated, False)
                root = chunk.root
                if chunk.untraced and root is not None:
                    trace.untraced[NodeId(group)] = root
                    if trace.ready:
                        trace.conds.setdefault(NodeId(group), [root])
            mine_nodes.update(chunk.nodes)
            mine_edges.update(chunk.edges)
        nodes.update(mine_nodes)
        edges.update(mine_edges)
        self._edges_made(mine_edges.items())
        cid = clause_id(act, o.provision)
        nodes[cid] = mine_nodes[cid] = self.clause_node(o, cid, root)
        return mine_nodes, mine_edges

    def value_node(self, node_id: str, value: object, kind: NodeKind, act: int, key: str, name: str) -> dict[str, Any]:
        """A fact node (`key` "path") or concept node (`key` "name") with the value read: made once
        per plan for each node and value of a simple type, and shared."""
        memo_key = (node_id, type(value), value) if type(value) in _SIMPLE or isinstance(value, enum.Enum) else None
        if memo_key is not None:
            found = self.value_nodes.get(memo_key)
            if found is not None:
                return found
        attrs: dict[str, Any] = {"kind": kind, "act": act, key: name}
        if kind is _CONCEPT:
            definition = self.definitions.get(name)
            attrs["label"] = definition.label if definition is not None and definition.label else name
        attrs["value"] = json_value(value)
        attrs["known"] = not is_unknown(value)
        if memo_key is not None and act < _SHARED_ACTS:
            if len(self.value_nodes) >= _SHARED_CHUNKS:
                self.value_nodes.clear()
            self.value_nodes[memo_key] = attrs
        return attrs

    def condition(self, act: int, node: NodeId, values: list[str], traced: bool) -> dict[str, Any]:
        """A condition node's attributes (made once per plan for each act, node and values)."""
        key = (act, node, values[0] if len(values) == 1 else tuple(values), traced)
        attrs = self.condition_nodes.get(key)
        if attrs is None:
            owner, depth, text, text_en = condition_static(self.plan, node)
            attrs = {
                "kind": NodeKind.CONDITION,
                "act": act,
                "node": node,
                "owner": owner,
                "depth": depth,
                "value": values[-1],
                "traced": traced,
                "text": text,
            }
            if self.both:
                attrs["text_en"] = text_en
            distinct = list(dict.fromkeys(values))
            if len(distinct) > 1:
                attrs["values"] = distinct
            if act < _SHARED_ACTS:
                if len(self.condition_nodes) >= _SHARED_CHUNKS:
                    self.condition_nodes.clear()
                self.condition_nodes[key] = attrs
        return attrs

    # ---- conditions and clauses ------------------------------------------------------------
    def chunk(self, act: int, group: str, clause: bool, evaluated: bool, concept: bool) -> _Chunk:
        """The condition nodes and the supporting edges of one provision's or definition's events
        in one act (`clause`: its clause node exists; `evaluated`: its condition was evaluated;
        `concept`: the definition's concept node exists), made once per plan for each."""
        trace = self.act_trace(act)
        key = (act, group, trace.key(group, self.interned), clause, evaluated, concept)
        found = self.chunks.get(key)
        if found is None:
            found = self.make_chunk(act, group, tuple(trace.sigs.get(group, ())), clause, evaluated, concept)
            if act < _SHARED_ACTS:
                if len(self.chunks) >= _SHARED_CHUNKS:
                    self.chunks.clear()  # a bound on the plan's memory, whatever the stream of incidents
                self.chunks[key] = found
        return found

    def make_chunk(
        self, act: int, group: str, sig: tuple[tuple[Any, ...], ...], clause: bool, evaluated: bool, concept: bool
    ) -> _Chunk:
        conds: dict[NodeId, list[str]] = {}
        first_read: dict[NodeId, str] = {}
        reads: list[tuple[NodeId, str]] = []
        for item in sig:
            if len(item) == 2:
                conds.setdefault(item[0], []).append(item[1])
            else:
                node, what, value = item
                first_read.setdefault(node, value)
                reads.append((node, concept_id(act, what) if isinstance(what, str) else fact_id(act, what)))
        definition = definition_of(group)
        root = NodeId(group)
        untraced = definition is None and evaluated and root not in conds
        if untraced:
            # A root condition that is a bare name or literal records no result: its value is the
            # fact or definition it read, or its literal.
            expr = self.expr_at(root)
            conds[root] = (
                ["true" if expr.value else "false"] if isinstance(expr, ast.BoolLit) else [first_read.get(root, "unknown")]
            )
        ids = {node: condition_id(act, node) for node in conds}
        nodes = {
            ids[node]: self.condition(act, node, values, traced=not (untraced and node == root)) for node, values in conds.items()
        }
        home = concept_id(act, definition) if definition is not None else clause_id(act, group)
        home_exists = concept if definition is not None else clause

        def holder(node: NodeId) -> str | None:
            """The node a read at `node` supports (its nearest condition, else its concept or
            clause), None when that node does not exist."""
            for current in self.lineages.get(node) or lineage(self.plan, node):
                found = ids.get(current)
                if found is not None:
                    return found
            return home if home_exists else None

        edges: dict[tuple[str, str], dict[str, Any]] = {}
        for node, source in reads:
            target = holder(node)
            if target is not None:
                edges.setdefault((source, target), _SUPPORTS)
        for node, values in sorted(conds.items()):
            source = ids[node]
            up = parent_node(node)
            if up is not None:
                target = holder(up)
                if target is not None:
                    edges.setdefault((source, target), _SUPPORTS)
            elif definition is not None:
                if concept and node == root:
                    edges.setdefault((source, home), _SUPPORTS)
            elif clause and node == root:
                edges.setdefault((source, home), _ROOT_EDGES[values[-1]])
        value = conds[root][-1] if definition is None and root in conds else None
        return _Chunk(nodes, edges, value, untraced)

    def clauses(self, outcomes: Sequence[Outcome]) -> None:
        nodes, edges = self.g_nodes, self.g_edges
        statuses = {(o.act, o.provision): o.status for o in outcomes}
        roots: dict[tuple[int, str], str | None] = {}
        for act, trace in list(self.trace.items()):
            for group in trace.sigs:
                if group.startswith("def:"):
                    chunk = self.chunk(act, group, False, False, concept_id(act, group[4:]) in nodes)
                else:
                    status = statuses.get((act, group))
                    chunk = self.chunk(act, group, status is not None, status in EVALUATED, False)
                    roots[(act, group)] = chunk.root
                    if chunk.untraced and chunk.root is not None:
                        trace.untraced[NodeId(group)] = chunk.root
                nodes.update(chunk.nodes)
                edges.update(chunk.edges)
        for o in outcomes:
            if (o.act, o.provision) not in roots and o.status in EVALUATED:
                # Evaluated without an event (a literal condition): its root condition all the same.
                trace = self.act_trace(o.act)
                chunk = self.chunk(o.act, o.provision, True, True, False)
                roots[(o.act, o.provision)] = chunk.root
                if chunk.untraced and chunk.root is not None:
                    trace.untraced[NodeId(o.provision)] = chunk.root
                nodes.update(chunk.nodes)
                edges.update(chunk.edges)
        # The clause nodes, whole: their conditions' nodes and edges are all made by now, which is
        # all their annotations read (`annotate`).
        for o in outcomes:
            cid = clause_id(o.act, o.provision)
            if cid not in nodes:
                nodes[cid] = self.clause_node(o, cid, roots.get((o.act, o.provision)))
        self.overrides(outcomes)

    def clause_node(self, o: Outcome, cid: str, root: str | None) -> dict[str, Any]:
        """A clause node's attributes: made once per plan for each outcome, annotation key and root
        value, and shared."""
        annotation_key = self.annotation_key(o)
        key = (annotation_key, o.reason, o.defeated_by, o.waiting_for, root)
        memo = self.clause_nodes
        attrs = memo.get(key)
        if attrs is None:
            facts_seen, failed, failed_leaves, unmet = self.annotate(o, cid, annotation_key)
            attrs = {
                "kind": NodeKind.CLAUSE,
                "act": o.act,
                "provision": o.provision,
                "status": o.status,
                "reason": o.reason,
                "defeated_by": list(o.defeated_by),
                "waiting_for": list(o.waiting_for),
                "condition_value": root,
                # What the clause says whatever the act: made once per plan and shared.
                **clause_attrs(self.plan, o.provision),
                "facts_seen": facts_seen,
                "failed": failed,
                "failed_leaves": failed_leaves,
                "unmet": unmet,
            }
            if o.act < _SHARED_ACTS:
                if len(memo) >= _SHARED_CHUNKS:
                    memo.clear()
                memo[key] = attrs
        return attrs

    def overrides(self, outcomes: Sequence[Outcome]) -> None:
        """The `overrides` edges: from each exception to the clause it defeated or holds back."""
        for o in outcomes:
            if o.defeated_by:
                for winner in o.defeated_by:
                    self.edge(clause_id(o.act, winner), clause_id(o.act, o.provision), _OVERRIDES_ATTRS[False])
            if o.waiting_for:
                for winner in o.waiting_for:
                    self.edge(clause_id(o.act, winner), clause_id(o.act, o.provision), _OVERRIDES_ATTRS[True])

    # ---- findings, determinations, decision ------------------------------------------------
    def findings(self, findings: Sequence[Finding]) -> None:
        # A finding's node depends on the finding alone: made once per plan for each (the finding
        # kept beside it, so an equal one is told apart from another of the same act and provision).
        memo: dict[tuple[int, str, str], tuple[Finding, dict[str, Any], list[dict[str, Any]] | None]] = self.plan.memo.setdefault(
            "explain.findings", {}
        )
        for f in findings:
            fid = finding_id(f.act, f.provision)
            key = (f.act, f.provision, f.proof)
            found = memo.get(key)
            if found is None or found[0] != f:
                table = self.sanction_table(f)
                found = (
                    f,
                    {
                        "kind": NodeKind.FINDING,
                        "act": f.act,
                        "provision": f.provision,
                        "category": f.category,
                        "tier": f.tier,
                        "tier_basis": citation_json(f.tier_basis),
                        "citation": citation_json(f.citation),
                        "text": f.text,
                        "sanction_options": list(f.sanction_options),
                        "sanction_basis": citation_json(self.sanction_basis(f)),
                        "penalties": [_penalty(p) for p in f.penalties],
                        "penalty_joiners": list(f.penalty_joiners),
                        "note": f.note,
                        "tier_unstated": f.unresolved,
                        "proof": f.proof,
                        "other_readings": [
                            {"tier": r.tier, "basis": citation_json(r.basis), "sanction_options": list(r.sanction_options)}
                            for r in f.other_readings
                        ],
                    },
                    # The sources of the sanction table the finding's options come from, for the annex.
                    [source_json(x) for x in table.sources] if table is not None and table.sources else None,
                )
                if f.act < _SHARED_ACTS:
                    if len(memo) >= _SHARED_CHUNKS:
                        memo.clear()
                    memo[key] = found
            if fid not in self.g_nodes:
                self.g_nodes[fid] = found[1]
            self.edge(clause_id(f.act, f.provision), fid, _YIELDS)
            if found[2] is not None:
                self.g_attrs.setdefault("sanction_sources", {})[fid] = found[2]

    def sanction_basis(self, f: Finding) -> ast.Citation | None:
        compiled = self.provisions.get(f.provision)
        sanctions = compiled.provision.sanctions if compiled is not None else None
        if sanctions is not None and sanctions.options:
            return sanctions.basis
        if f.tier is None:
            return None
        basis = f.tier_basis or f.citation
        table = self.plan.rulebook.sanction_tables.get((basis.instrument.name, f.tier))
        return table.citation if table is not None else None

    def sanction_table(self, f: Finding) -> ast.SanctionTable | None:
        """The sanction table a finding's options come from (None when its provision gives its own)."""
        compiled = self.provisions.get(f.provision)
        sanctions = compiled.provision.sanctions if compiled is not None else None
        if (sanctions is not None and sanctions.options) or f.tier is None:
            return None
        basis = f.tier_basis or f.citation
        return self.plan.rulebook.sanction_tables.get((basis.instrument.name, f.tier))

    def determinations(self, tracks: Sequence[Track], findings: Sequence[Finding]) -> None:
        for t in tracks:
            if t.status is DeterminationStatus.NONE:
                continue
            mine = [f for f in findings if f.category == t.category and f.provision in t.provisions]
            tiers = [f.tier for f in mine if f.tier in TIER_ORDER]
            heaviest = max(tiers, key=TIER_ORDER.index) if tiers else None
            escalated = t.tier in TIER_ORDER and heaviest is not None and TIER_ORDER.index(t.tier) > TIER_ORDER.index(heaviest)
            did = determination_id(t.category)
            self.node(
                did,
                NodeKind.DETERMINATION,
                category=t.category,
                status=t.status,
                tier=t.tier,
                provisions=list(t.provisions),
                reasons=list(t.reasons),
                minimum_sanction=t.minimum_sanction,
                sanction_options=list(t.sanction_options) if t.sanction_options is not None else None,
                deciding_facts=list(t.deciding_facts),
                escalated=escalated,
                heaviest_finding_tier=heaviest,
                contested_tiers=list(t.contested_tiers),
            )
            for f in sorted(mine, key=lambda f: (f.act, f.provision)):
                if escalated and f.tier == heaviest:
                    self.edge(
                        finding_id(f.act, f.provision),
                        did,
                        {"kind": EdgeKind.ESCALATES, "from_tier": heaviest, "to_tier": t.tier},
                    )
                else:
                    self.edge(finding_id(f.act, f.provision), did, _YIELDS)

    def decision(self, determination: Determination, outcomes: Sequence[Outcome]) -> None:
        tracks = [t for t in determination.tracks if t.status is not DeterminationStatus.NONE]
        undecided = sorted(clause_id(o.act, o.provision) for o in outcomes if o.status is Status.UNKNOWN)
        self.node(
            DECISION,
            NodeKind.DECISION,
            tracks=[{"category": t.category, "status": t.status, "tier": t.tier} for t in tracks],
            unresolved=undecided,
            complete=not undecided and all(t.status is DeterminationStatus.DETERMINED for t in tracks),
        )
        for t in tracks:
            self.edge(determination_id(t.category), DECISION, _YIELDS)
        for cid in undecided:
            self.edge(cid, DECISION, _UNDECIDED)

    # ---- per-clause annotations ------------------------------------------------------------
    def annotate(
        self, o: Outcome, cid: str, key: tuple[Any, ...]
    ) -> tuple[list[str], list[str], list[str], list[dict[str, Any]]]:
        """A clause's facts seen, failed conditions (deepest first), failed leaves and smallest set
        of unmet conditions (explain/unmet.py; for a clause evaluated that did not fire); the facts
        seen do not count the facts of other clauses that reach it through `overrides`. They depend
        only on the act, the status and the events of the provision and of the definitions it read
        (`key`: `annotation_key`), so they are made once per plan for each key and shared."""
        memo = self.annotations
        found = memo.get(key)
        if found is None:
            found = self.annotation(o, cid)
            if len(memo) >= _SHARED_ANNOTATIONS:
                memo.clear()  # a bound on the plan's memory, whatever the stream of incidents
            memo[key] = found
        return found

    def deciding(self, outcomes: Sequence[Outcome]) -> None:
        """An undecided clause's deciding facts: the unknown facts it saw and those of the exceptions
        it waits for (its node is copied: the others are shared)."""
        nodes = self.g_nodes
        for o in outcomes:
            if o.status is Status.UNKNOWN:
                cid = clause_id(o.act, o.provision)
                deciding = set(nodes[cid]["facts_seen"])
                for other in o.waiting_for:
                    other_node = nodes.get(clause_id(o.act, other))
                    deciding.update(other_node["facts_seen"] if other_node is not None else ())
                nodes[cid] = {**nodes[cid], "deciding_facts": sorted(f for f in deciding if not nodes[f]["known"])}

    def annotation_key(self, o: Outcome) -> tuple[Any, ...]:
        trace = self.trace.get(o.act)
        if trace is None:
            return (o.act, o.provision, o.status)
        used = trace.uses.get(o.provision)
        return (
            o.act,
            o.provision,
            o.status,
            trace.key(o.provision, self.interned),
            tuple(trace.def_key(n, self.interned) for n in sorted(set(used))) if used else (),
        )

    def annotation(self, o: Outcome, cid: str) -> tuple[list[str], list[str], list[str], list[dict[str, Any]]]:
        """A clause's facts seen, failed conditions, failed leaves and unmet conditions."""
        facts_seen = sorted(self.fact_set(cid))
        trace = self.trace.get(o.act)
        values = trace.views(o.act).conds.get(provision_node(o.provision)) if trace is not None else None
        failed_nodes: list[str] = []
        leaves: list[str] = []
        if values is not None and values[-1] != "true":  # else nothing failed (or nothing was evaluated)
            assert trace is not None
            failed: dict[NodeId, tuple[int, bool]] = {}
            self.failed(trace, provision_node(o.provision), failed, 0)
            ordered = sorted(failed.items(), key=lambda kv: (-kv[1][0], kv[0]))
            failed_nodes = [condition_id(o.act, n) for n, _ in ordered]
            # The deepest condition on each failing path: what the narrative names as the reason.
            leaves = [condition_id(o.act, n) for n, (_, leaf) in ordered if leaf]
        unmet = self.unmet(o) if o.status is Status.NOT_FIRED or o.status is Status.UNKNOWN else []
        return facts_seen, failed_nodes, leaves, unmet

    def _edges_made(self, made: Iterable[tuple[tuple[str, str], dict[str, Any]]]) -> None:
        """Keep `own_preds` (when made) in step with edges just made: the window path makes edges
        between annotations."""
        own = self.own_preds
        if own is not None:
            for (u, v), attrs in made:
                if attrs["kind"] is not _OVERRIDES:
                    own.setdefault(v, []).append(u)

    def fact_set(self, node: str) -> set[str] | frozenset[str]:
        """The fact nodes among the ancestors of `node` along edges other than `overrides`: what
        nx.ancestors would find, each node's set made once (a definition's conditions are the
        ancestors of every clause that uses it)."""
        found = self.fact_sets.get(node)
        if found is None:
            if self.own_preds is None:
                # Made once, when first asked; the edges made after it are added as they are made
                # (`_edges_made`).
                self.own_preds = {}
                self._edges_made(self.g_edges.items())
            assert self.own_preds is not None
            preds = self.own_preds.get(node)
            if not preds:
                found = _NO_FACTS
            else:
                found = set()
                for source in preds:
                    if source in self.facts:
                        found.add(source)
                    else:
                        found |= self.fact_set(source)
            self.fact_sets[node] = found
        return found

    def unmet(self, o: Outcome) -> list[dict[str, Any]]:
        trace = self.trace.get(o.act)
        if trace is None:
            return unmet_items(
                provision_node(o.provision), UnmetWalker(self.expr_at, {}, {}, {}), ReadsBelow(()), self.plan, self.both
            )
        if trace.walker is None:
            trace.views(o.act)
            trace.walker = UnmetWalker(self.expr_at, trace.conds, trace.defs, trace.read)
            trace.index = ReadsBelow(trace.reads)
        assert trace.index is not None
        return unmet_items(provision_node(o.provision), trace.walker, trace.index, self.plan, self.both)

    def failed(
        self, trace: _ActTrace, node: NodeId, out: dict[NodeId, tuple[int, bool]], depth: int, want: str | None = None
    ) -> bool:
        """Collect the conditions that make `node` not true: false (or unknown) operands of a false
        (or unknown) `dan`/`atau`, down through the definitions they use. `out` maps each to its
        depth below the clause and whether it is a leaf of that path (no collected condition
        below it). Returns whether anything was collected."""
        expr = self.expr_at(node)
        values = trace.conds.get(node)
        if values is not None:
            value = values[-1]
            if value == "true" or (want is not None and value != want):
                return False
            below = False
            if isinstance(expr, (ast.And, ast.Or)):
                for i in range(len(expr.operands)):
                    below = self.failed(trace, child_id(node, i), out, depth + 1, value) or below
            elif isinstance(expr, ast.Name) and node in trace.defs:
                below = self.failed(trace, definition_node(trace.defs[node]), out, depth + 1, value)
            previous = out.get(node)
            out[node] = (max(depth, previous[0]) if previous else depth, not below)
            return True
        name = trace.defs.get(node)
        if isinstance(expr, ast.Name) and name is not None and want is not None:
            return self.failed(trace, definition_node(name), out, depth + 1, want)
        return False

    # ---- acts ------------------------------------------------------------------------------
    def acts(
        self,
        dates: Sequence[datetime.date],
        stages: Sequence[str],
        outcomes: Sequence[Outcome],
        assessments: Sequence[ActAssessment] = (),
    ) -> tuple[ActInfo, ...]:
        assessed = {a.act: a for a in assessments}
        acts = []
        in_force: dict[int, Iterable[str]] = {}
        provisions = self.plan.provisions
        if len(outcomes) == len(provisions) * len(dates):
            # Every provision for every act: what is in force on a date depends on the date alone
            # (the evaluator's NOT_IN_FORCE), so it is found once per plan for each date.
            by_date: dict[datetime.date, tuple[str, ...]] = self.plan.memo.setdefault("explain.in_force", {})
            for i, date in enumerate(dates):
                found = by_date.get(date)
                if found is None:
                    if len(by_date) >= _SHARED_CHUNKS:
                        by_date.clear()
                    found = by_date[date] = tuple(
                        sorted(
                            {
                                c.instrument.id.name
                                for c in provisions
                                if not (date < c.start or (c.end is not None and date > c.end))
                            }
                        )
                    )
                in_force[i] = found
        else:
            for o in outcomes:  # one pass over the outcomes, not one per act
                if o.status is not Status.NOT_IN_FORCE and o.provision in self.provisions:
                    in_force.setdefault(o.act, set()).add(self.provisions[o.provision].instrument.id.name)  # type: ignore[attr-defined]
        for i, date in enumerate(dates):
            stage = stages[i] if i < len(stages) else "tidak_diketahui"
            a = assessed.get(i)
            acts.append(
                ActInfo(i, date, stage, tuple(sorted(in_force.get(i, ()))))
                if a is None
                else ActInfo(i, date, stage, tuple(sorted(in_force.get(i, ()))), a.status, a.reason, a.gaps, a.gap_kind)
            )
        titles, sources = instrument_attrs(self.plan)
        self.g_attrs.update(
            acts=[
                {
                    "index": a.index,
                    "date": a.date.isoformat(),
                    "stage": a.stage,
                    "instruments": list(a.instruments),
                    "assessment": a.assessment,
                    "gaps": list(a.gaps),
                }
                for a in acts
            ],
            # The instruments' titles and the sources of those that declare any (`sumber`), for the
            # report's annex: made once per plan and shared.
            instruments=titles,
            instrument_sources=sources,
            rulebook=self.plan.rulebook.content_hash,
            lang_independent=self.both,
        )
        return tuple(acts)


def _penalty(p: ast.Penalty) -> dict[str, str | None]:
    def quantity(q: ast.Quantity | None) -> str | None:
        if q is None:
            return None
        if q.rupiah is not None:
            return "Rp" + f"{q.rupiah.value:,}".replace(",", ".")
        return f"{q.duration.amount} {q.duration.unit}" if q.duration is not None else None

    return {"kind": p.kind, "minimum": quantity(p.minimum), "maximum": quantity(p.maximum)}

"""The explanation graph builder as it was before the graph's data became the primary product
(c022ed2): an eager networkx DiGraph built from the events. Kept as the reference the new builder
is checked against (tests/explain/test_graph_data.py): same nodes, edges and attributes."""

# ruff: noqa
# mypy: ignore-errors
from __future__ import annotations

import datetime
import enum
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import networkx as nx  # type: ignore[import-untyped]

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
from netralrules.evaluation.coverage import ActAssessment
from netralrules.evaluation.determination import Determination, Track, citation_json, source_json
from netralrules.evaluation.evaluator import TIER_ORDER, Evaluation, Finding, Outcome
from netralrules.evaluation.kinds import DeterminationStatus, Status
from netralrules.explain.graph import (
    ActInfo,
    NodeKind,
    EdgeKind,
    EVALUATED,
    UNKNOWN_TEXT,
    DECISION,
    fact_id,
    concept_id,
    condition_id,
    clause_id,
    finding_id,
    determination_id,
)
from netralrules.explain.planinfo import clause_sources, clause_static, condition_static, expr_at, lineage
from netralrules.syntax import ast
from netralrules.syntax.formatter import format_expr
from netralrules.trace import ConditionResult, DefinitionRead, Event, FactRead

_ROOT_EDGE = {"true": EdgeKind.SATISFIES, "false": EdgeKind.FAILS, "unknown": EdgeKind.UNDECIDED}
_FACT, _OVERRIDES = NodeKind.FACT, EdgeKind.OVERRIDES

ExprAt = Callable[[NodeId], "ast.Expr | None"]


class UnmetWalker:
    """The minimal unmet set of one act's clauses, from what the graph builder knows of the trace:
    `values` (node → truth values in order), `definitions` (node → definition name read there),
    `read` (node → the value read there, as `true`/`false`/`unknown`), and `expr_at`."""

    def __init__(
        self,
        expr_at: ExprAt,
        values: Mapping[NodeId, Sequence[str]],
        definitions: Mapping[NodeId, str],
        read: Mapping[NodeId, str],
    ) -> None:
        self.expr_at = expr_at
        self.values = values
        self.definitions = definitions
        self.read = read

    def value(self, node: NodeId) -> str:
        recorded = self.values.get(node)
        if recorded:
            return recorded[-1]
        if node in self.read:
            return self.read[node]
        expr = self.expr_at(node)
        if isinstance(expr, ast.BoolLit):
            return "true" if expr.value else "false"
        return "unknown"

    def unmet(self, node: NodeId, depth: int = 0) -> list[NodeId]:
        """The nodes (compiler ids) of the smallest set of unmet conditions below `node`, in rule order."""
        if self.value(node) == "true" or depth > 64:  # definitions cannot recurse (E0208); the cap is a guard
            return []
        expr = self.expr_at(node)
        if isinstance(expr, ast.And):
            out: list[NodeId] = []
            for i in range(len(expr.operands)):
                out.extend(n for n in self.unmet(child_id(node, i), depth + 1) if n not in out)
            return out or [node]
        if isinstance(expr, ast.Or):
            options = [self.unmet(child_id(node, i), depth + 1) for i in range(len(expr.operands))]
            best = min((o for o in options if o), key=len, default=[])
            return best or [node]
        if isinstance(expr, ast.Name) and node in self.definitions:
            inner = self.unmet(definition_node(self.definitions[node]), depth + 1)
            return inner or [node]
        return [node]


def reads_index(reads: Iterable[tuple[NodeId, str]]) -> dict[NodeId, set[str]]:
    """Each node → the fact nodes read at it or inside it (`reads`: reading node → fact node): a read
    is filed under its node and every ancestor, once, so that asking for a node's reads costs one
    lookup instead of a scan of every read of the act (which made large rulebooks quadratic)."""
    index: dict[NodeId, set[str]] = {}
    for at, fact in reads:
        node: NodeId | None = at
        while node is not None:
            index.setdefault(node, set()).add(fact)
            node = parent_node(node)
    return index


def reads_below(node: NodeId, reads: Mapping[NodeId, set[str]]) -> list[str]:
    """The fact nodes read at `node` or inside it (`reads`: a `reads_index`), sorted."""
    return sorted(reads.get(node, ()))


def unmet_items(
    provision: NodeId,
    expr_at: ExprAt,
    values: Mapping[NodeId, Sequence[str]],
    definitions: Mapping[NodeId, str],
    read: Mapping[NodeId, str],
    reads: Mapping[NodeId, set[str]],
    both_languages: bool,
) -> list[dict[str, Any]]:
    """The clause attribute `unmet`: per unmet condition its compiler node, value (`false` or
    `unknown`), the fact and concept nodes it read, the definition it is (when it is a
    definition's whole condition) and its text in the rules language (`text`, and `text_en`)."""
    walker = UnmetWalker(expr_at, values, definitions, read)
    out = []
    for node in walker.unmet(provision):
        expr = expr_at(node)
        item: dict[str, Any] = {
            "node": node,
            "value": walker.value(node),
            "facts": reads_below(node, reads),
            "definition": definition_of(node) if parent_node(node) is None else None,
            "text": format_expr(expr, "id") if expr is not None else node,
        }
        if both_languages:
            item["text_en"] = format_expr(expr, "en") if expr is not None else node
        out.append(item)
    return out


def build_reference(
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
) -> tuple[nx.DiGraph, tuple[ActInfo, ...]]:
    """Build the explanation graph from the events of one traced evaluation.

    With `lang_independent` (the default) every rendered expression is stored in Indonesian
    (`text`) and English (`text_en`), so one graph serves narratives in both languages; without
    it only the Indonesian text is kept and English views show that.
    """
    builder = _Builder(plan, lang_independent)
    builder.events(list(events))
    builder.clauses(evaluation.outcomes)
    builder.findings(evaluation.findings)
    builder.determinations(determination.tracks, evaluation.findings)
    builder.decision(determination, evaluation.outcomes)
    builder.annotate(evaluation.outcomes)
    acts = builder.acts(act_dates, stages, evaluation.outcomes, assessments)
    if referral is not None:
        # To whom the case is referred (referral.referral_json): a graph attribute, for the views.
        builder.g_attrs["pengawasan"] = json_value(referral)
    if scope is not None:
        # Whether the ASN rules govern the respondent (coverage.scope_json): for the views.
        builder.g_attrs["lingkup"] = json_value(scope)
    return builder.graph(), acts


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


def _truth(value: object) -> str:
    if is_unknown(value) or value is None:
        return "unknown"
    return "true" if value is True or (not isinstance(value, bool) and bool(value)) else "false"


class _Builder:
    def __init__(self, plan: Plan, both_languages: bool) -> None:
        # Nodes and edges are gathered in plain dicts (in the order they are made) and handed to
        # networkx once, at the end: adding them one by one costs more than the rest of the build.
        self.g_nodes: dict[str, dict[str, Any]] = {}
        self.g_edges: dict[tuple[str, str], dict[str, Any]] = {}
        self.g_attrs: dict[str, Any] = {}
        self.plan = plan
        self.expr_at: Callable[[NodeId], ast.Expr | None] = lambda node: expr_at(plan, node)  # planinfo.expr_at
        self.both = both_languages
        self.provisions: dict[str, CompiledProvision] = {c.node: c for c in plan.provisions}
        self.definitions = plan.rulebook.definitions
        self.conds: dict[tuple[int, NodeId], list[str]] = {}  # (act, node) → values, in order
        self.defs_at: dict[tuple[int, NodeId], str] = {}  # (act, node) → the definition read there
        self.read_at: dict[tuple[int, NodeId], object] = {}  # (act, node) → the value read there
        self.reads: list[tuple[int, NodeId, str]] = []  # (act, reading node, fact or concept node)
        self.facts: set[str] = set()  # the fact nodes
        # node → its predecessors by edges other than `overrides` (what annotate walks back along)
        self.own_preds: dict[str, list[str]] = {}
        self.by_act: dict[int, tuple[Any, Any, Any, Any]] = {}
        self.static: dict[str, dict[str, Any]] = {}  # provision → its clause attributes that no act changes

    # ---- nodes and edges -------------------------------------------------------------------
    def node(self, node_id: str, kind: NodeKind, **attrs: Any) -> None:
        if node_id not in self.g_nodes:
            self.g_nodes[node_id] = {"kind": kind, **attrs}

    def edge(self, source: str, target: str, kind: EdgeKind, **attrs: Any) -> None:
        # Edges only join nodes the builder made: a reader without a node is not invented.
        if source in self.g_nodes and target in self.g_nodes and (source, target) not in self.g_edges:
            self.g_edges[(source, target)] = {"kind": kind, **attrs}
            if kind is not _OVERRIDES:
                self.own_preds.setdefault(target, []).append(source)

    def graph(self) -> nx.DiGraph:
        """The graph, handed to networkx in bulk through its public API (nodes and edges in the
        order they were made). Node ids first and their attributes after (`g.nodes[n]` is the
        node's attribute dict) is the quickest public way: `add_nodes_from` with (id, attrs) pairs
        takes an exception per node, `set_node_attributes` and `add_node(n, **attrs)` cost more."""
        g = nx.DiGraph()
        g.add_nodes_from(self.g_nodes)
        nodes = g.nodes
        # Each builder dict is dropped as it is copied, so the two sets are never held in full at once.
        for node_id in list(self.g_nodes):
            nodes[node_id].update(self.g_nodes.pop(node_id))
        g.add_edges_from([(u, v, attrs) for (u, v), attrs in self.g_edges.items()])
        g.graph.update(self.g_attrs)
        return g

    def holder(self, act: int, node: NodeId) -> str:
        """The graph node a read at `node` supports: its nearest condition, else its concept or clause."""
        for current in lineage(self.plan, node):
            if (act, current) in self.conds:
                return condition_id(act, current)
        # Once per read: the string tests of definition_of/provision_of, not a parse_node and a match.
        definition = definition_of(node)
        if definition is not None:
            return concept_id(act, definition)
        provision = provision_of(node)
        assert provision is not None
        return clause_id(act, provision)

    # ---- evaluation events -----------------------------------------------------------------
    def events(self, events: list[Event]) -> None:
        conds, read_at, reads, nodes = self.conds, self.read_at, self.reads, self.g_nodes
        for e in events:
            if isinstance(e, ConditionResult):
                value = e.value
                conds.setdefault((e.act, e.node), []).append("unknown" if value is None else "true" if value else "false")
            elif isinstance(e, FactRead):
                fid = fact_id(e.act, e.path)
                if fid not in nodes:
                    self.facts.add(fid)
                    nodes[fid] = {
                        "kind": _FACT,
                        "act": e.act,
                        "path": ".".join(e.path),
                        "value": json_value(e.value),
                        "known": not is_unknown(e.value),
                    }
                read_at.setdefault((e.act, e.node), e.value)
                reads.append((e.act, e.node, fid))
            elif isinstance(e, DefinitionRead):
                definition = self.definitions.get(e.name)
                self.node(
                    concept_id(e.act, e.name),
                    NodeKind.CONCEPT,
                    act=e.act,
                    name=e.name,
                    label=definition.label if definition is not None and definition.label else e.name,
                    value=json_value(e.value),
                    known=not is_unknown(e.value),
                )
                self.defs_at[(e.act, e.node)] = e.name
                self.read_at.setdefault((e.act, e.node), e.value)
                self.reads.append((e.act, e.node, concept_id(e.act, e.name)))
        for (act, node), values in self.conds.items():
            self.condition(act, node, values, traced=True)

    def condition(self, act: int, node: NodeId, values: list[str], traced: bool) -> None:
        owner, depth, text, text_en = condition_static(self.plan, node)
        attrs: dict[str, Any] = {
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
        self.node(condition_id(act, node), NodeKind.CONDITION, **attrs)

    def root_value(self, act: int, pid: NodeId) -> str:
        """The value of an untraced root condition: the fact or definition it read, or its literal."""
        expr = self.expr_at(pid)
        if isinstance(expr, ast.BoolLit):
            return "true" if expr.value else "false"
        return _truth(self.read_at[(act, pid)]) if (act, pid) in self.read_at else "unknown"

    # ---- clauses ---------------------------------------------------------------------------
    def clauses(self, outcomes: Sequence[Outcome]) -> None:
        for o in outcomes:
            root = provision_node(o.provision)
            if o.status in EVALUATED and (o.act, root) not in self.conds:
                self.conds[(o.act, root)] = [self.root_value(o.act, root)]
                self.condition(o.act, root, self.conds[(o.act, root)], traced=False)
        for o in outcomes:
            self.clause(o)
        # Reads and uses support the nearest condition; conditions support their parents.
        supports = EdgeKind.SUPPORTS
        for act, node, source in self.reads:
            self.edge(source, self.holder(act, node), supports)
        for (act, node), values in sorted(self.conds.items()):
            source = condition_id(act, node)
            up = parent_node(node)
            if up is not None:
                self.edge(source, self.holder(act, up), supports)
            elif (definition := definition_of(node)) is not None:
                self.edge(source, concept_id(act, definition), supports)
            else:
                self.edge(source, clause_id(act, node), _ROOT_EDGE[values[-1]], value=values[-1])
        for o in outcomes:
            for winner in o.defeated_by:
                self.edge(clause_id(o.act, winner), clause_id(o.act, o.provision), EdgeKind.OVERRIDES, pending=False)
            for winner in o.waiting_for:
                self.edge(clause_id(o.act, winner), clause_id(o.act, o.provision), EdgeKind.OVERRIDES, pending=True)

    def clause(self, o: Outcome) -> None:
        static = self.static.get(o.provision)
        if static is None:
            # What a provision's clause says whatever the act: made once and shared by the clause
            # nodes of every act (a 1,000-act explanation held a copy per act; the graph is not
            # changed after it is built, and `to_data` copies what it hands out).
            citation, text, instrument, subjects, excepted_by, in_force, note = clause_static(self.plan, o.provision)
            compiled = self.provisions.get(o.provision)
            outcome = compiled.provision.outcome if compiled is not None else None
            static = self.static[o.provision] = {
                "citation": None if citation is None else {**citation, "urutan": list(citation["urutan"])},
                "text": text,
                "instrument": instrument,
                "subjects": list(subjects),
                "excepted_by": list(excepted_by),
                "category": outcome.category if outcome else None,
                "tier": outcome.tier if outcome else None,
                "in_force": None if in_force is None else list(in_force),
                "note": note,
                "sources": [dict(x) for x in clause_sources(self.plan, o.provision)],
            }
        values = self.conds.get((o.act, provision_node(o.provision)))
        self.node(
            clause_id(o.act, o.provision),
            NodeKind.CLAUSE,
            act=o.act,
            provision=o.provision,
            status=o.status,
            reason=o.reason,
            defeated_by=list(o.defeated_by),
            waiting_for=list(o.waiting_for),
            condition_value=values[-1] if values else None,
            **static,
        )

    # ---- findings, determinations, decision ------------------------------------------------
    def findings(self, findings: Sequence[Finding]) -> None:
        for f in findings:
            fid = finding_id(f.act, f.provision)
            self.node(
                fid,
                NodeKind.FINDING,
                act=f.act,
                provision=f.provision,
                category=f.category,
                tier=f.tier,
                tier_basis=citation_json(f.tier_basis),
                citation=citation_json(f.citation),
                text=f.text,
                sanction_options=list(f.sanction_options),
                sanction_basis=citation_json(self.sanction_basis(f)),
                penalties=[_penalty(p) for p in f.penalties],
                penalty_joiners=list(f.penalty_joiners),
                note=f.note,
                tier_unstated=f.unresolved,
                proof=f.proof,
                other_readings=[
                    {"tier": r.tier, "basis": citation_json(r.basis), "sanction_options": list(r.sanction_options)}
                    for r in f.other_readings
                ],
            )
            self.edge(clause_id(f.act, f.provision), fid, EdgeKind.YIELDS)
            table = self.sanction_table(f)
            if table is not None and table.sources:
                # The sources of the sanction table the finding's options come from, for the annex.
                self.g_attrs.setdefault("sanction_sources", {})[fid] = [source_json(x) for x in table.sources]

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
                    self.edge(finding_id(f.act, f.provision), did, EdgeKind.ESCALATES, from_tier=heaviest, to_tier=t.tier)
                else:
                    self.edge(finding_id(f.act, f.provision), did, EdgeKind.YIELDS)

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
            self.edge(determination_id(t.category), DECISION, EdgeKind.YIELDS)
        for cid in undecided:
            self.edge(cid, DECISION, EdgeKind.UNDECIDED)

    # ---- per-clause annotations ------------------------------------------------------------
    def annotate(self, outcomes: Sequence[Outcome]) -> None:
        """Each clause's failed conditions (deepest first) and the facts it saw, not counting the
        facts of other clauses that reach it through `overrides`."""
        seen: dict[str, list[str]] = {}
        for o in outcomes:
            cid = clause_id(o.act, o.provision)
            seen[cid] = sorted(n for n in self.ancestors(cid) if n in self.facts)
            failed: dict[NodeId, tuple[int, bool]] = {}
            root = provision_node(o.provision)
            if (o.act, root) in self.conds:
                self.failed(o.act, root, failed, 0)
            ordered = sorted(failed.items(), key=lambda kv: (-kv[1][0], kv[0]))
            attrs = self.g_nodes[cid]
            attrs["facts_seen"] = seen[cid]
            attrs["failed"] = [condition_id(o.act, n) for n, _ in ordered]
            # The deepest condition on each failing path: what the narrative names as the reason.
            attrs["failed_leaves"] = [condition_id(o.act, n) for n, (_, leaf) in ordered if leaf]
            attrs["unmet"] = self.unmet(o) if o.status is Status.NOT_FIRED or o.status is Status.UNKNOWN else []
        for o in outcomes:
            if o.status is Status.UNKNOWN:
                cid = clause_id(o.act, o.provision)
                deciding = set(seen[cid])
                for other in o.waiting_for:
                    deciding |= set(seen.get(clause_id(o.act, other), []))
                self.g_nodes[cid]["deciding_facts"] = sorted(f for f in deciding if not self.g_nodes[f]["known"])

    def ancestors(self, node: str) -> set[str]:
        """nx.ancestors of `node` along edges other than `overrides`, without a view per clause."""
        found: set[str] = set()
        stack = [node]
        while stack:
            for source in self.own_preds.get(stack.pop(), ()):
                if source not in found:
                    found.add(source)
                    stack.append(source)
        return found

    def unmet(self, o: Outcome) -> list[dict[str, Any]]:
        if not self.by_act:
            # Every act's view of the events, made in one pass over them: building one act's view
            # by scanning all acts' events made explanations quadratic in the number of acts.
            def view() -> tuple[dict[Any, Any], dict[Any, Any], dict[Any, Any], list[Any]]:
                return ({}, {}, {}, [])

            views: dict[int, tuple[dict[Any, Any], dict[Any, Any], dict[Any, Any], list[Any]]] = {}
            for (a, node), v in self.conds.items():
                views.setdefault(a, view())[0][node] = v
            for (a, n), d in self.defs_at.items():
                views.setdefault(a, view())[1][n] = d
            for (a, node), read in self.read_at.items():
                views.setdefault(a, view())[2][node] = _truth(read)
            for a, n, f in self.reads:
                views.setdefault(a, view())[3].append((n, f))
            self.by_act.update({a: (c, d, r, reads_index(rs)) for a, (c, d, r, rs) in views.items()})
        return unmet_items(provision_node(o.provision), self.expr_at, *self.by_act.get(o.act, ({}, {}, {}, {})), self.both)

    def failed(self, act: int, node: NodeId, out: dict[NodeId, tuple[int, bool]], depth: int, want: str | None = None) -> bool:
        """Collect the conditions that make `node` not true: false (or unknown) operands of a false
        (or unknown) `dan`/`atau`, down through the definitions they use. `out` maps each to its
        depth below the clause and whether it is a leaf of that path (no collected condition
        below it). Returns whether anything was collected."""
        expr = self.expr_at(node)
        values = self.conds.get((act, node))
        if values is not None:
            value = values[-1]
            if value == "true" or (want is not None and value != want):
                return False
            below = False
            if isinstance(expr, (ast.And, ast.Or)):
                for i in range(len(expr.operands)):
                    below = self.failed(act, child_id(node, i), out, depth + 1, value) or below
            elif isinstance(expr, ast.Name) and (act, node) in self.defs_at:
                below = self.failed(act, definition_node(self.defs_at[(act, node)]), out, depth + 1, value)
            previous = out.get(node)
            out[node] = (max(depth, previous[0]) if previous else depth, not below)
            return True
        name = self.defs_at.get((act, node))
        if isinstance(expr, ast.Name) and name is not None and want is not None:
            return self.failed(act, definition_node(name), out, depth + 1, want)
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
        in_force: dict[int, set[str]] = {}  # one pass over the outcomes, not one per act
        for o in outcomes:
            if o.status is not Status.NOT_IN_FORCE and o.provision in self.provisions:
                in_force.setdefault(o.act, set()).add(self.provisions[o.provision].instrument.id.name)
        for i, date in enumerate(dates):
            stage = stages[i] if i < len(stages) else "tidak_diketahui"
            a = assessed.get(i)
            acts.append(
                ActInfo(i, date, stage, tuple(sorted(in_force.get(i, ()))))
                if a is None
                else ActInfo(i, date, stage, tuple(sorted(in_force.get(i, ()))), a.status, a.reason, a.gaps, a.gap_kind)
            )
        instruments = self.plan.rulebook.instruments
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
            instruments={name: inst.title for name, inst in sorted(instruments.items())},
            # The sources of the instruments that declare any (`sumber`), for the report's annex.
            instrument_sources={
                name: [source_json(x) for x in inst.sources] for name, inst in sorted(instruments.items()) if inst.sources
            },
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

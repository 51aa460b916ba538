"""What the explanation derives from the plan alone, whatever the incident: the expression behind
a compiler node id, its canonical text in both languages, the fixed attributes of each clause.

Derived on first use and kept in `plan.memo`, so a plan evaluated a million times formats each
condition once, not once per incident (the explanation graph's cost per incident, issue 6).
"""

from __future__ import annotations

import functools
from typing import Any, assert_never

from netralrules.compiler import NodeId, OwnerKind, Plan, children_of, node_depth, node_root, parent_node, parse_node
from netralrules.diagnostics import Text
from netralrules.evaluation.determination import citation_json, source_json
from netralrules.syntax import ast
from netralrules.syntax.formatter import format_expr

# (citation JSON, text, instrument, subjects, excepted_by, in force [start, end], note)
ClauseStatic = tuple[dict[str, Any] | None, str, str, tuple[str, ...], tuple[str, ...], tuple[str, str | None] | None, str | None]


def expr_at(plan: Plan, node: NodeId) -> ast.Expr | None:
    """The AST sub-expression behind a compiler node id (children_of, by the indices in the id)."""
    exprs: dict[NodeId, ast.Expr | None] = plan.memo.setdefault("explain.exprs", {})
    if node not in exprs:
        exprs[node] = _expr_at(plan, node)
    return exprs[node]


def text_at(plan: Plan, node: NodeId) -> Text:
    """The canonical text (Indonesian, English) of the expression behind a node id (the id itself
    when no expression is behind it)."""
    texts: dict[NodeId, Text] = plan.memo.setdefault("explain.texts", {})
    found = texts.get(node)
    if found is None:
        expr = expr_at(plan, node)
        found = texts[node] = Text.build(functools.partial(format_expr, expr)) if expr is not None else Text.same(node)
    return found


def lineage(plan: Plan, node: NodeId) -> tuple[NodeId, ...]:
    """The node and its parents up to the root, nearest first."""
    cache: dict[NodeId, tuple[NodeId, ...]] = plan.memo.setdefault("explain.lineage", {})
    found = cache.get(node)
    if found is None:
        up = parent_node(node)
        found = cache[node] = (node, *lineage(plan, up)) if up is not None else (node,)
    return found


def condition_static(plan: Plan, node: NodeId) -> tuple[str, int, str, str]:
    """A condition node's owner (the root of its condition), depth and text (Indonesian, English)."""
    cache: dict[NodeId, tuple[str, int, str, str]] = plan.memo.setdefault("explain.conditions", {})
    found = cache.get(node)
    if found is None:
        text = text_at(plan, node)
        found = cache[node] = (node_root(node), node_depth(node), text.id, text.en)
    return found


def clause_static(plan: Plan, provision: str) -> ClauseStatic:
    """What a clause node says of its provision whatever the incident (callers copy the lists and
    dicts: what one decision's graph holds is its own)."""
    cache: dict[str, ClauseStatic] = plan.memo.setdefault("explain.clauses", {})
    static = cache.get(provision)
    if static is None:
        compiled = provisions_by_id(plan).get(provision)
        prov = compiled.provision if compiled is not None else None
        static = cache[provision] = (
            citation_json(prov.citation if prov else None),
            (prov.text or "") if prov else "",
            compiled.instrument.id.name if compiled else "",
            tuple(s.name for s in prov.subjects) if prov else (),
            tuple(plan.exceptions.get(provision, ())),
            (compiled.start.isoformat(), compiled.end.isoformat() if compiled.end else None) if compiled else None,
            prov.note if prov else None,
        )
    return static


def clause_sources(plan: Plan, provision: str) -> tuple[dict[str, Any], ...]:
    """The sources (`sumber`) of a provision as JSON, in the order written (callers copy them)."""
    cache: dict[str, tuple[dict[str, Any], ...]] = plan.memo.setdefault("explain.sources", {})
    found = cache.get(provision)
    if found is None:
        compiled = provisions_by_id(plan).get(provision)
        found = cache[provision] = tuple(source_json(s) for s in compiled.provision.sources) if compiled else ()
    return found


def clause_attrs(plan: Plan, provision: str) -> dict[str, Any]:
    """The attributes of a clause node that come from its provision alone (citation, text,
    instrument, subjects, excepted_by, category, tier, in_force, note, sources), made once per plan
    and shared by the clause nodes of every act and every explanation: read-only."""
    cache: dict[str, dict[str, Any]] = plan.memo.setdefault("explain.clause_attrs", {})
    found = cache.get(provision)
    if found is None:
        citation, text, instrument, subjects, excepted_by, in_force, note = clause_static(plan, provision)
        compiled = provisions_by_id(plan).get(provision)
        outcome = compiled.provision.outcome if compiled is not None else None
        found = cache[provision] = {
            "citation": None if citation is None else {**citation, "urutan": list(citation["urutan"])},
            "text": text,
            "instrument": instrument,
            "subjects": list(subjects),
            "excepted_by": list(excepted_by),
            "category": outcome.category if outcome else None,
            "tier": outcome.tier if outcome else None,
            "in_force": None if in_force is None else list(in_force),
            "note": note,
            "sources": [dict(x) for x in clause_sources(plan, provision)],
        }
    return found


def instrument_attrs(plan: Plan) -> tuple[dict[str, str | None], dict[str, list[dict[str, Any]]]]:
    """The graph attributes `instruments` (name → title) and `instrument_sources` (name → its
    sources as JSON, for the instruments that declare any), made once per plan and shared."""
    found: tuple[dict[str, str | None], dict[str, list[dict[str, Any]]]] | None = plan.memo.get("explain.instruments")
    if found is None:
        instruments = plan.rulebook.instruments
        found = (
            {name: inst.title for name, inst in sorted(instruments.items())},
            {name: [source_json(x) for x in inst.sources] for name, inst in sorted(instruments.items()) if inst.sources},
        )
        plan.memo["explain.instruments"] = found
    return found


def provisions_by_id(plan: Plan) -> dict[str, Any]:
    """The plan's compiled provisions by id (made once per plan)."""
    found: dict[str, Any] | None = plan.memo.get("explain.provisions")
    if found is None:
        found = plan.memo["explain.provisions"] = {c.node: c for c in plan.provisions}
    return found


def _expr_at(plan: Plan, node: NodeId) -> ast.Expr | None:
    parts = parse_node(node)
    expr: ast.Expr | None = None
    match parts.kind:
        case OwnerKind.DEFINITION:
            definition = plan.rulebook.definitions.get(parts.owner)
            expr = definition.expr if definition is not None else None
        case OwnerKind.PROVISION:
            compiled = provisions_by_id(plan).get(parts.owner) if not parts.subjects else None
            expr = compiled.provision.condition if compiled is not None else None
        case _:
            assert_never(parts.kind)
    for index in parts.path:
        kids = children_of(expr) if expr is not None else []
        expr = kids[index] if index < len(kids) else None
    return expr

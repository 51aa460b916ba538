"""What the explanation derives from the plan alone, whatever the incident: the expression behind
a compiler node id, its canonical text in both languages, the fixed attributes of each clause.

Derived on first use and kept in `plan.memo`, so a plan evaluated a million times formats each
condition once, not once per incident (the explanation graph's cost per incident, issue 6).
"""

from __future__ import annotations

import functools
from typing import Any

from netralrules.compiler import Plan, children_of
from netralrules.diagnostics import Text
from netralrules.evaluation.determination import citation_json, source_json
from netralrules.syntax import ast
from netralrules.syntax.formatter import format_expr

# (citation JSON, text, instrument, subjects, excepted_by, in force [start, end], note)
ClauseStatic = tuple[dict[str, Any] | None, str, str, tuple[str, ...], tuple[str, ...], tuple[str, str | None] | None, str | None]


def expr_at(plan: Plan, node: str) -> ast.Expr | None:
    """The AST sub-expression behind a compiler node id (children_of, by the indices in the id)."""
    exprs: dict[str, ast.Expr | None] = plan.memo.setdefault("explain.exprs", {})
    if node not in exprs:
        exprs[node] = _expr_at(plan, node)
    return exprs[node]


def text_at(plan: Plan, node: str) -> Text:
    """The canonical text (Indonesian, English) of the expression behind a node id (the id itself
    when no expression is behind it)."""
    texts: dict[str, Text] = plan.memo.setdefault("explain.texts", {})
    found = texts.get(node)
    if found is None:
        expr = expr_at(plan, node)
        found = texts[node] = Text.build(functools.partial(format_expr, expr)) if expr is not None else Text.same(node)
    return found


def parent(node: str) -> str | None:
    """The node id of a condition's parent condition (None for a root)."""
    owner, sep, path = node.partition("#")
    if not sep:
        return None
    head, dot, _ = path.rpartition(".")
    return f"{owner}#{head}" if dot else owner


def depth(node: str) -> int:
    _, sep, path = node.partition("#")
    return len(path.split(".")) if sep else 0


def lineage(plan: Plan, node: str) -> tuple[str, ...]:
    """The node and its parents up to the root, nearest first."""
    cache: dict[str, tuple[str, ...]] = plan.memo.setdefault("explain.lineage", {})
    found = cache.get(node)
    if found is None:
        up = parent(node)
        found = cache[node] = (node, *lineage(plan, up)) if up is not None else (node,)
    return found


def condition_static(plan: Plan, node: str) -> tuple[str, int, str, str]:
    """A condition node's owner, depth and text (Indonesian, English)."""
    cache: dict[str, tuple[str, int, str, str]] = plan.memo.setdefault("explain.conditions", {})
    found = cache.get(node)
    if found is None:
        text = text_at(plan, node)
        found = cache[node] = (node.partition("#")[0], depth(node), text.id, text.en)
    return found


def clause_static(plan: Plan, provision: str) -> ClauseStatic:
    """What a clause node says of its provision whatever the incident (callers copy the lists and
    dicts: what one decision's graph holds is its own)."""
    cache: dict[str, ClauseStatic] = plan.memo.setdefault("explain.clauses", {})
    static = cache.get(provision)
    if static is None:
        compiled = _provisions(plan).get(provision)
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
        compiled = _provisions(plan).get(provision)
        found = cache[provision] = tuple(source_json(s) for s in compiled.provision.sources) if compiled else ()
    return found


def _provisions(plan: Plan) -> dict[str, Any]:
    found: dict[str, Any] | None = plan.memo.get("explain.provisions")
    if found is None:
        found = plan.memo["explain.provisions"] = {c.node: c for c in plan.provisions}
    return found


def _expr_at(plan: Plan, node: str) -> ast.Expr | None:
    owner, _, path = node.partition("#")
    expr: ast.Expr | None = None
    if owner.startswith("def:"):
        definition = plan.rulebook.definitions.get(owner[4:])
        expr = definition.expr if definition is not None else None
    elif owner in _provisions(plan):
        expr = _provisions(plan)[owner].provision.condition
    for part in path.split(".") if path else ():
        kids = children_of(expr) if expr is not None else []
        expr = kids[int(part)] if part.isdigit() and int(part) < len(kids) else None
    return expr

"""Limits a rulebook must keep so that every later stage stays within its resources: the depth of a
condition with its definitions written out in place (E0221), and durations no calendar date can be
moved by (E0224). Parsed declarations → diagnostics. Without recursion, so that a chain of 50,000
definitions is measured, not followed until the interpreter gives up (issue 13)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from netralrules.diagnostics import Diagnostic, make
from netralrules.source import Span
from netralrules.syntax import ast

# The levels of a condition when each definition it uses is written out in place. Every stage walks
# a condition by recursion (type checking, compiling, evaluation, explanation), a few frames per
# level; 100 levels keep them well inside Python's default limit of 1,000 frames. The bundled
# rulebook's deepest condition has 9.
MAX_DEFINITION_DEPTH = 100

# The most of each unit a date can be moved by and still land in the calendar (years 1 to 9999).
MAX_DURATION = {"hari": 3_652_058, "minggu": 521_722, "bulan": 119_987, "tahun": 9_998}


def children(e: ast.Expr) -> tuple[ast.Expr, ...]:
    """The sub-expressions of a node."""
    match e:
        case ast.Not():
            return (e.operand,)
        case ast.And() | ast.Or():
            return e.operands
        case ast.Compare():
            return (e.left, e.right)
        case ast.Membership():
            return (e.element, e.collection)
        case ast.Between():
            return (e.value, e.low, e.high)
        case ast.Within():
            return (e.value, e.duration, e.anchor)
        case ast.Arith():
            return e.terms
        case ast.Quantifier():
            return (e.collection, e.body)
        case ast.Count():
            return (e.collection, e.body) if e.body is not None else (e.collection,)
        case ast.SetLit():
            return e.items
    return ()


def _walk(root: ast.Expr) -> Iterator[tuple[ast.Expr, int]]:
    """Every node of an expression with its level (the root is level 1), without recursion."""
    stack = [(root, 1)]
    while stack:
        node, level = stack.pop()
        yield node, level
        stack.extend((child, level + 1) for child in children(node))


def duration_diagnostics(exprs: list[ast.Expr]) -> list[Diagnostic]:
    """E0224 for each duration in a condition that moves every date out of the calendar."""
    out = []
    for root in exprs:
        for node, _ in _walk(root):
            if isinstance(node, ast.Duration) and node.amount > MAX_DURATION.get(node.unit, MAX_DURATION["hari"]):
                out.append(
                    make(
                        "E0224",
                        node.span,
                        label="here",
                        suggestion="shorter",
                        amount=node.amount,
                        unit=node.unit,
                        limit=MAX_DURATION.get(node.unit, MAX_DURATION["hari"]),
                    )
                )
    return out


def depth_diagnostics(definitions: Mapping[str, ast.Definition], provisions: Mapping[str, ast.Provision]) -> list[Diagnostic]:
    """E0221 where a condition, with its definitions written out, first passes MAX_DEFINITION_DEPTH:
    at the definition (or provision) that passes it, not at every one that uses it."""
    # For each definition: its own depth and the definitions it names, with the level they are named at.
    own: dict[str, int] = {}
    uses: dict[str, list[tuple[int, str]]] = {}
    for name, d in definitions.items():
        own[name], uses[name] = _shape(d.expr, definitions)
    depth: dict[str, int] = {}
    for start in definitions:
        # Post-order over the definitions `start` reaches, with an explicit stack; a definition on
        # the stack that is met again is a circle (E0208, reported by the checker): counted as 0.
        stack = [start]
        open_: set[str] = set()
        while stack:
            name = stack[-1]
            if name in depth:
                stack.pop()
                continue
            pending = [u for _, u in uses[name] if u not in depth and u not in open_]
            if name not in open_ and pending:
                open_.add(name)
                stack.extend(pending)
                continue
            depth[name] = max([own[name], *(level + depth.get(u, 0) for level, u in uses[name])])
            open_.discard(name)
            stack.pop()
    out = []
    for name in sorted(definitions):
        if depth[name] > MAX_DEFINITION_DEPTH and all(depth.get(u, 0) <= MAX_DEFINITION_DEPTH for _, u in uses[name]):
            out.append(_too_deep(definitions[name].name.span, name, depth[name]))
    for pid, prov in provisions.items():
        if prov.condition is None:
            continue
        mine, used = _shape(prov.condition, definitions)
        total = max([mine, *(level + depth.get(u, 0) for level, u in used)])
        if total > MAX_DEFINITION_DEPTH and all(depth.get(u, 0) <= MAX_DEFINITION_DEPTH for _, u in used):
            out.append(_too_deep(prov.condition.span, pid, total))
    return out


def _shape(expr: ast.Expr, definitions: Mapping[str, ast.Definition]) -> tuple[int, list[tuple[int, str]]]:
    deepest, used = 0, []
    for node, level in _walk(expr):
        deepest = max(deepest, level)
        if isinstance(node, ast.Name) and len(node.parts) == 1 and node.parts[0] in definitions:
            used.append((level, node.parts[0]))
    return deepest, used


def _too_deep(span: Span, name: str, depth: int) -> Diagnostic:
    return make("E0221", span, label="here", suggestion="flatten", name=name, depth=depth, limit=MAX_DEFINITION_DEPTH)

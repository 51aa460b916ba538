"""The smallest set of unmet conditions of a clause that did not fire (the "why not" of one clause).

Walks the clause's condition from its root, with the values the trace recorded:

- a true node needs nothing;
- `dan` (and) needs every operand that is not true, so its set is the union of theirs;
- `atau` (or) needs one operand: the one whose own set is smallest (the first of equals, in the
  order the rule is written), so a reviewer sees the cheapest way the clause could have applied;
- a name that stands for a definition (`masa_kampanye`) is opened: its definition's condition is
  walked the same way;
- anything else (a comparison, `dalam`, `antara`, `tidak`, a bare true/false fact, a quantifier) is
  one condition, reported whole, with the facts it read.

Unknown is not false: an unknown operand is unmet too (it is not established), and is reported
with its value `unknown`, so "not yet known" and "known not to hold" stay apart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from netralrules.compiler import NodeId, child_id, definition_node, definition_of, parent_node
from netralrules.syntax import ast
from netralrules.syntax.formatter import format_expr

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

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

import bisect
import enum
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from netralrules.compiler import NodeId, Plan, child_id, definition_node, definition_of, descendant_prefix, parent_node
from netralrules.explain.planinfo import text_at
from netralrules.syntax import ast

ExprAt = Callable[[NodeId], "ast.Expr | None"]


def truth(value: object) -> str:
    """A value read (a fact's, a definition's) as a condition value: `true`, `false` or `unknown`."""
    if value is None or (isinstance(value, enum.Enum) and value.name == "UNKNOWN"):
        return "unknown"
    return "true" if value is True or (not isinstance(value, bool) and bool(value)) else "false"


class UnmetWalker:
    """The minimal unmet set of one act's clauses, from what the graph builder knows of the trace:
    `values` (node → truth values in order), `definitions` (node → definition name read there),
    `read` (node → the value read there, as a condition value: `true`, `false`, `unknown`), and `expr_at`.
    One walker serves every clause of its act."""

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


class ReadsBelow:
    """The fact and concept nodes read at a node or inside it, for one act (`reads`: reading node →
    fact or concept node, in order). Node ids sort so that a node's descendants follow it
    (`descendant_prefix`), so one sort per act and a range per question replace filing every
    read under every ancestor (or scanning every read of the act per question, which made large
    rulebooks quadratic)."""

    def __init__(self, reads: Iterable[tuple[NodeId, str]]) -> None:
        direct: dict[str, set[str]] = {}
        for at, fact in reads:
            found = direct.get(at)
            if found is None:
                direct[at] = {fact}
            else:
                found.add(fact)
        self.direct = direct
        self.keys = sorted(direct)

    def below(self, node: NodeId) -> list[str]:
        """The fact and concept nodes read at `node` or inside it, sorted."""
        keys, direct = self.keys, self.direct
        prefix = descendant_prefix(node)
        out: set[str] = set()
        for i in range(bisect.bisect_left(keys, node), len(keys)):
            key = keys[i]
            if not key.startswith(node):
                break
            if key == node or key.startswith(prefix):
                out |= direct[key]
        return sorted(out)


def unmet_items(
    provision: NodeId,
    walker: UnmetWalker,
    reads: ReadsBelow,
    plan: Plan,
    both_languages: bool,
) -> list[dict[str, Any]]:
    """The clause attribute `unmet`: per unmet condition its compiler node, value (`false` or
    `unknown`), the fact and concept nodes it read, the definition it is (when it is a
    definition's whole condition) and its text in the rules language (`text`, and `text_en`:
    formatted once per plan, explain/planinfo.py `text_at`)."""
    out = []
    for node in walker.unmet(provision):
        text = text_at(plan, node)
        item: dict[str, Any] = {
            "node": node,
            "value": walker.value(node),
            "facts": reads.below(node),
            "definition": definition_of(node) if parent_node(node) is None else None,
            "text": text.id,
        }
        if both_languages:
            item["text_en"] = text.en
        out.append(item)
    return out

"""Compile: checked rulebook → plan. Pure; no I/O.

Each condition becomes a tree of closures, one per expression node, keyed by a stable node id:
the owner (a provision id, or `def:<name>` for a definition) for the root, then `#` and the path
of child indices (`pp94.pasal5.n.2#0.1` is the second operand of the first operand). Two runs or
two rulebook versions can so be compared node by node. Values follow three-valued logic: a fact nobody established is
UNKNOWN, and UNKNOWN flows through comparisons and Kleene `dan`/`atau`/`tidak` instead of being
read as false.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, NewType, Protocol, cast

from netralrules.checker import CheckedRulebook
from netralrules.checker.typing_ import DefRef, EnumValue, FactRef, VarRef
from netralrules.syntax import ast
from netralrules.trace import ConditionResult, DefinitionRead, FactRead, Tracer
from netralrules.values import UNKNOWN, shift

# ---- node ids ----------------------------------------------------------------------------
# The compiler mints every node id; these functions are the only place that knows their form.

NodeId = NewType("NodeId", str)
"""A stable node id: `pp94.pasal5.n.2` (a provision's whole condition), `pp94.pasal5.n.2#0.1`
(the second operand of its first operand), `def:masa_kampanye#1` (inside a definition),
`pp94.pasal5.n.2@subjek` (the reads that decide whether a provision binds the respondent).
Its string form appears in the JSON, the graphs and the traces, so it never changes."""

_DEFINITION = "def:"
_PATH = "#"
_SUBJECTS = "@subjek"


class OwnerKind(enum.StrEnum):
    """What owns a node: a provision's condition or a definition's."""

    PROVISION = "provision"
    DEFINITION = "definition"


class NodeParts(NamedTuple):
    """A node id taken apart: its owner and the child indices from the owner's root (`()` for the
    root); `subjects` for the subject reads of a provision (`…@subjek`). A named tuple: made in
    under half the time of a frozen dataclass."""

    kind: OwnerKind
    owner: str
    path: tuple[int, ...] = ()
    subjects: bool = False


# The constructors below return the string itself rather than call NodeId(...): at run time a
# NewType call is one more Python frame, and the explanation makes a node id per outcome.


def provision_node(provision: str) -> NodeId:
    """The root node of a provision's condition (its id)."""
    return provision  # type: ignore[return-value]


def definition_node(name: str) -> NodeId:
    """The root node of a definition's condition (`def:<name>`)."""
    return NodeId(_DEFINITION + name)


def subjects_node(provision: str) -> NodeId:
    """The node the reads deciding a provision's subjects are recorded at (`<provision>@subjek`)."""
    return provision + _SUBJECTS  # type: ignore[return-value]


def child_id(node: NodeId, index: int) -> NodeId:
    """The node id of the index-th child of a node."""
    return NodeId(f"{node}.{index}" if _PATH in node else f"{node}#{index}")


def parse_node(node: str) -> NodeParts:
    """A node id taken apart (the inverse of provision_node, definition_node, subjects_node and
    child_id). ValueError if its path is not child indices (it was not minted here)."""
    root, sep, path = node.partition(_PATH)
    steps = path.split(".") if sep else []
    if not all(step.isdigit() for step in steps):
        raise ValueError(f"not a node id: {node!r}")
    indices = tuple(int(step) for step in steps)
    if root.startswith(_DEFINITION):
        return NodeParts(OwnerKind.DEFINITION, root[len(_DEFINITION) :], indices)
    owner, at, _ = root.partition("@")
    return NodeParts(OwnerKind.PROVISION, owner, indices, subjects=bool(at))


def node_root(node: NodeId) -> NodeId:
    """The root of the condition a node belongs to (`def:masa_kampanye` for `def:masa_kampanye#0.1`)."""
    return NodeId(node.partition(_PATH)[0])


def parent_node(node: NodeId) -> NodeId | None:
    """The node id of a condition's parent condition (None for a root)."""
    root, sep, path = node.partition(_PATH)
    if not sep:
        return None
    head, dot, _ = path.rpartition(".")
    return NodeId(f"{root}{_PATH}{head}" if dot else root)


def node_depth(node: NodeId) -> int:
    """How many steps a node is below its root (0 for a root)."""
    _, sep, path = node.partition(_PATH)
    return path.count(".") + 1 if sep else 0


def definition_of(node: str) -> str | None:
    """The name of the definition whose condition holds the node, None when a provision's does."""
    return node.partition(_PATH)[0][len(_DEFINITION) :] if node.startswith(_DEFINITION) else None


def provision_of(node: str) -> str | None:
    """The provision whose condition (or subject reads) holds the node, None when a definition's
    does. With definition_of, what the explanation asks of every read: cheaper than parse_node."""
    return None if node.startswith(_DEFINITION) else node.partition(_PATH)[0].partition("@")[0]


def descendant_prefix(node: NodeId) -> str:
    """What the id of every node below `node` starts with (so one prefix test finds them all)."""
    return node + ("." if _PATH in node else _PATH)


class FactReader(Protocol):
    """What the evaluator needs of an incident: a fact by path, for one act (UNKNOWN if unknown)."""

    def fact(self, path: tuple[str, ...], act_index: int) -> object: ...


@dataclass
class Context:
    """The state of evaluating one act: its facts, quantified variables, definitions seen."""

    facts: FactReader
    act: int
    tracer: Tracer | None
    definitions: Mapping[str, Fn]
    variables: dict[str, object] = field(default_factory=dict)
    memo: dict[str, object] = field(default_factory=dict)
    # Set when date arithmetic left the calendar (years 1 to 9999) and so gave UNKNOWN: the
    # evaluator gives that as the reason of a provision it leaves undecided.
    out_of_range: bool = False

    def definition(self, name: str) -> object:
        # A definition's value depends only on the act's facts, unless it is read under a quantifier.
        if self.variables:
            return self.definitions[name](self)
        if name not in self.memo:
            outer, self.out_of_range = self.out_of_range, False
            self.memo[name] = self.definitions[name](self)
            # Remember that this value came from a date out of range, for later readers of the memo.
            self.memo["@rentang:" + name] = self.out_of_range
            self.out_of_range = outer or self.out_of_range
        elif self.memo.get("@rentang:" + name):
            self.out_of_range = True
        return self.memo[name]


Fn = Callable[[Context], object]


@dataclass(frozen=True)
class CompiledProvision:
    provision: ast.Provision
    instrument: ast.Instrument
    condition: Fn
    node: str
    # The provision is in force on [start, end] (end None: not repealed).
    start: datetime.date
    end: datetime.date | None
    # The same condition compiled without any tracing, for evaluation that nobody traces: no
    # wrapper per node, no check for a tracer (the traced one is `condition`).
    untraced: Fn | None = None


@dataclass(frozen=True)
class Plan:
    """What the evaluator runs: provisions in exception order, definitions, the rulebook behind them."""

    provisions: tuple[CompiledProvision, ...]
    definitions: Mapping[str, Fn]
    rulebook: CheckedRulebook
    # For each provision, the provisions declared as exceptions to it (`mengecualikan`).
    exceptions: Mapping[str, tuple[str, ...]]
    # The definitions compiled without tracing (see CompiledProvision.untraced).
    untraced_definitions: Mapping[str, Fn] = field(default_factory=dict)
    # What later stages derive from the plan alone (the explanation's condition texts), filled on
    # first use so that each incident does not derive it again. Not part of the plan's identity.
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class CompiledRulebook:
    """A checked rulebook with its plan: what every later stage takes. `content_hash` names it in
    decisions."""

    checked: CheckedRulebook
    plan: Plan

    @property
    def content_hash(self) -> str:
        return self.checked.content_hash


def compile_checked(rulebook: CheckedRulebook) -> CompiledRulebook:
    """The checked rulebook with its plan."""
    return CompiledRulebook(rulebook, compile_rulebook(rulebook))


def compile_rulebook(rulebook: CheckedRulebook) -> Plan:
    """Compile every definition and provision condition of a checked rulebook."""
    compiler, fast = _Compiler(rulebook), _Compiler(rulebook, traced=False)
    # Each condition is compiled on its first call: a rulebook loaded from the cache and evaluated
    # by its generated program (codegen/) runs these only for traced evaluation, if ever.
    definitions: dict[str, Fn] = {
        name: _Deferred(compiler, d.expr, definition_node(name)) for name, d in rulebook.definitions.items()
    }
    untraced: dict[str, Fn] = {name: _Deferred(fast, d.expr, definition_node(name)) for name, d in rulebook.definitions.items()}
    provisions = []
    for pid in rulebook.exception_order:
        prov = rulebook.provisions[pid]
        assert prov.citation is not None and prov.condition is not None
        inst = rulebook.instruments[prov.citation.instrument.name]
        assert inst.in_force is not None
        start = prov.validity.start.value if prov.validity and prov.validity.start else inst.in_force.value
        end = prov.validity.end.value if prov.validity and prov.validity.end else None
        if inst.repealed_on is not None:
            # The instrument no longer applies from the day it is repealed.
            last = shift(inst.repealed_on.value, -1, "hari") or inst.repealed_on.value
            end = last if end is None else min(end, last)
        root = provision_node(pid)
        provisions.append(
            CompiledProvision(
                prov, inst, _Deferred(compiler, prov.condition, root), pid, start, end, _Deferred(fast, prov.condition, root)
            )
        )
    exceptions: dict[str, list[str]] = {}
    for pid in rulebook.exception_order:
        for target in rulebook.provisions[pid].excepts:
            exceptions.setdefault(target.name, []).append(pid)
    return Plan(
        tuple(provisions), definitions, rulebook, {k: tuple(v) for k, v in exceptions.items()}, untraced_definitions=untraced
    )


class _Deferred:
    """A condition compiled into closures on its first call, then run as they are."""

    __slots__ = ("_at", "_compiler", "_expr", "_fn")

    def __init__(self, compiler: _Compiler, expr: ast.Expr, node: NodeId) -> None:
        self._compiler, self._expr, self._at = compiler, expr, node
        self._fn: Fn | None = None

    def __call__(self, ctx: Context) -> object:
        fn = self._fn
        if fn is None:
            fn = self._fn = self._compiler.expr(self._expr, self._at)
        return fn(ctx)


def children_of(e: ast.Expr) -> list[ast.Expr]:
    """The sub-expressions of a node, in the order that numbers their node ids (`#0`, `#1`, …)."""
    match e:
        case ast.Not():
            return [e.operand]
        case ast.And() | ast.Or():
            return list(e.operands)
        case ast.Compare():
            return [e.left, e.right]
        case ast.Membership():
            return [e.element, e.collection]
        case ast.Between():
            return [e.value, e.low, e.high]
        case ast.Within():
            return [e.value, e.anchor]
        case ast.Arith():
            return list(e.terms)
        case ast.Quantifier():
            return [e.collection, e.body]
        case ast.Count():
            return [e.collection] + ([e.body] if e.body is not None else [])
        case ast.SetLit():
            return list(e.items)
    return []


def truth(value: object) -> bool | None:
    """A condition's value as three-valued truth (None for unknown)."""
    return None if value is UNKNOWN else bool(value)


class _Compiler:
    def __init__(self, rulebook: CheckedRulebook, traced: bool = True) -> None:
        self.resolutions = rulebook.resolutions
        self.traced = traced

    def expr(self, e: ast.Expr, node: NodeId) -> Fn:
        fn = self._expr(e, node)
        if self.traced and isinstance(
            e, (ast.And, ast.Or, ast.Not, ast.Compare, ast.Membership, ast.Between, ast.Within, ast.Quantifier)
        ):
            return _traced(fn, node)
        return fn

    def _children(self, items: Sequence[ast.Expr], node: NodeId) -> list[Fn]:
        return [self.expr(item, child_id(node, i)) for i, item in enumerate(items)]

    def _expr(self, e: ast.Expr, node: NodeId) -> Fn:
        match e:
            case ast.BoolLit() | ast.IntLit() | ast.RupiahLit() | ast.DateLit() | ast.StringLit():
                value: object = e.value
                return lambda ctx: value
            case ast.Duration():
                duration = (e.amount, e.unit)
                return lambda ctx: duration
            case ast.Name():
                return self.name(e, node)
            case ast.SetLit():
                items = self._children(e.items, node)
                return lambda ctx: [f(ctx) for f in items]
            case ast.Not():
                (inner,) = self._children([e.operand], node)
                return lambda ctx: _not(inner(ctx))
            case ast.And():
                parts = self._children(e.operands, node)
                return lambda ctx: _and(parts, ctx)
            case ast.Or():
                parts = self._children(e.operands, node)
                return lambda ctx: _or(parts, ctx)
            case ast.Compare():
                left, right = self._children([e.left, e.right], node)
                op = _COMPARE[e.op]
                return lambda ctx: _compare(op, left(ctx), right(ctx))
            case ast.Membership():
                element, collection = self._children([e.element, e.collection], node)
                return lambda ctx: _member(element(ctx), collection(ctx))
            case ast.Between():
                value_fn, low, high = self._children([e.value, e.low, e.high], node)
                return lambda ctx: _between(value_fn(ctx), low(ctx), high(ctx))
            case ast.Within():
                value_fn, anchor = self._children([e.value, e.anchor], node)
                amount, unit, before = e.duration.amount, e.duration.unit, e.direction == "sebelum"
                return lambda ctx: _within(ctx, value_fn(ctx), anchor(ctx), amount, unit, before)
            case ast.Arith():
                terms = self._children(e.terms, node)
                ops = e.ops
                return lambda ctx: _arith(ctx, [t(ctx) for t in terms], ops)
            case ast.Quantifier():
                collection, body = self._children([e.collection, e.body], node)
                var, every = e.var, e.kind == "semua"
                return lambda ctx: _quantify(ctx, collection(ctx), var, body, every)
            case ast.Count():
                parts = self._children([e.collection] + ([e.body] if e.body else []), node)
                var = e.var
                return lambda ctx: _count(ctx, parts[0](ctx), var, parts[1] if len(parts) > 1 else None)

    def name(self, e: ast.Name, node: NodeId) -> Fn:
        res = self.resolutions[e.span]
        match res:
            case FactRef(path=path) if not self.traced:
                return lambda ctx: ctx.facts.fact(path, ctx.act)
            case DefRef(name=name) if not self.traced:
                return lambda ctx: ctx.definition(name)
            case FactRef(path=path):

                def read(ctx: Context) -> object:
                    value = ctx.facts.fact(path, ctx.act)
                    if ctx.tracer is not None:
                        ctx.tracer.record(FactRead(ctx.act, node, path, value))
                    return value

                return read
            case VarRef(var=var, path=sub):
                return lambda ctx: _walk(ctx.variables.get(var, UNKNOWN), sub)
            case DefRef(name=name):

                def use(ctx: Context) -> object:
                    value = ctx.definition(name)
                    if ctx.tracer is not None:
                        ctx.tracer.record(DefinitionRead(ctx.act, node, name, value))
                    return value

                return use
            case EnumValue(value=word):
                return lambda ctx: word
        raise AssertionError(f"unresolved name {e.dotted}")


def _traced(fn: Fn, node: NodeId) -> Fn:
    def run(ctx: Context) -> object:
        value = fn(ctx)
        if ctx.tracer is not None:
            ctx.tracer.record(ConditionResult(ctx.act, node, truth(value)))
        return value

    return run


def _not(value: object) -> object:
    return UNKNOWN if value is UNKNOWN else not value


def _finish(rest: list[Fn], ctx: Context, result: bool) -> bool:
    # Short-circuit only when nobody is listening; a tracer sees the remaining operands too.
    if ctx.tracer is not None:
        for part in rest:
            part(ctx)
    return result


def _and(parts: list[Fn], ctx: Context) -> object:
    unknown = False
    for i, part in enumerate(parts):
        value = part(ctx)
        if value is UNKNOWN:
            unknown = True
        elif not value:
            return _finish(parts[i + 1 :], ctx, False) if ctx.tracer is not None else False
    return UNKNOWN if unknown else True


def _or(parts: list[Fn], ctx: Context) -> object:
    unknown = False
    for i, part in enumerate(parts):
        value = part(ctx)
        if value is UNKNOWN:
            unknown = True
        elif value:
            return _finish(parts[i + 1 :], ctx, True) if ctx.tracer is not None else True
    return UNKNOWN if unknown else False


_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "=": lambda a, b: bool(a == b),
    "!=": lambda a, b: bool(a != b),
    "<": lambda a, b: bool(a < b),
    "<=": lambda a, b: bool(a <= b),
    ">": lambda a, b: bool(a > b),
    ">=": lambda a, b: bool(a >= b),
}


def _compare(op: Callable[[Any, Any], bool], left: object, right: object) -> object:
    if left is UNKNOWN or right is UNKNOWN:
        return UNKNOWN
    return op(left, right)


def _member(element: object, collection: object) -> object:
    if element is UNKNOWN or collection is UNKNOWN:
        return UNKNOWN
    assert isinstance(collection, list)
    if element in collection:
        return True
    return UNKNOWN if UNKNOWN in collection else False


def _between(value: object, low: object, high: object) -> object:
    if UNKNOWN in (value, low, high):
        return UNKNOWN
    return bool(low <= value <= high)  # type: ignore[operator]


def _within(ctx: Context, value: object, anchor: object, amount: int, unit: str, before: bool) -> object:
    if value is UNKNOWN or anchor is UNKNOWN:
        return UNKNOWN
    assert isinstance(value, datetime.date) and isinstance(anchor, datetime.date)
    other = shift(anchor, -amount if before else amount, unit)
    if other is None:  # the window leaves the calendar: undecided, with that as the reason
        ctx.out_of_range = True
        return UNKNOWN
    if before:
        return other <= value <= anchor
    return anchor <= value <= other


def _arith(ctx: Context, values: list[object], ops: tuple[str, ...]) -> object:
    if UNKNOWN in values:
        return UNKNOWN
    result = values[0]
    for op, value in zip(ops, values[1:], strict=True):
        sign = 1 if op == "+" else -1
        if isinstance(result, datetime.date):
            amount, unit = cast(tuple[int, str], value)
            shifted = shift(result, sign * amount, unit)
            if shifted is None:  # out of the calendar: undecided, with that as the reason
                ctx.out_of_range = True
                return UNKNOWN
            result = shifted
        elif isinstance(result, tuple):  # duration ± duration in the same unit, else in days
            result = (result[0] + sign * value[0], result[1])  # type: ignore[index]
        else:
            result = result + sign * value  # type: ignore[operator]
    return result


def _walk(value: object, path: tuple[str, ...]) -> object:
    for key in path:
        if not isinstance(value, Mapping):
            return UNKNOWN
        value = value.get(key, UNKNOWN)
        if value is None:
            return UNKNOWN
    return value


def _quantify(ctx: Context, items: object, var: str, body: Fn, every: bool) -> object:
    if items is UNKNOWN:
        return UNKNOWN
    assert isinstance(items, list)
    outer = ctx.variables.get(var, _UNBOUND)
    unknown = False
    result: object = None
    for item in items:
        ctx.variables[var] = item
        value = body(ctx)
        if value is UNKNOWN:
            unknown = True
        elif bool(value) != every:
            result = not every
            break
    else:
        result = UNKNOWN if unknown else every
    _restore(ctx, var, outer)
    return result


# A quantifier's variable hides one of the same name outside it only inside its body (the checker
# resolves names lexically): after the body, the outer binding is back.
_UNBOUND = object()


def _restore(ctx: Context, var: str, outer: object) -> None:
    if outer is _UNBOUND:
        ctx.variables.pop(var, None)
    else:
        ctx.variables[var] = outer


def _count(ctx: Context, items: object, var: str, body: Fn | None) -> object:
    if items is UNKNOWN:
        return UNKNOWN
    assert isinstance(items, list)
    if body is None:
        return len(items)
    outer = ctx.variables.get(var, _UNBOUND)
    total: object = 0
    for item in items:
        ctx.variables[var] = item
        value = body(ctx)
        if value is UNKNOWN:
            total = UNKNOWN
            break
        total += bool(value)  # type: ignore[operator]
    _restore(ctx, var, outer)
    return total

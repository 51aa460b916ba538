"""Generate Python source from a checked rulebook: one function per provision condition and per
definition, over a plain per-act snapshot of facts (`f[i]`, one slot per fact path the rulebook
reads, filled on first read: evaluation/program.py), with three-valued logic written out inline;
and a second, traced variant of each that records the events the plan records (trace.py), in the
plan's order and with its values, for an explanation, coverage and the missing facts of undecided
provisions.

Rules files are data. The generator emits only
- names it makes itself from counters (`c3`, `d0`, `t12`, `q1`, `h2`; traced `C3`, `G0`, `H2`), the
  parameters `f` (the snapshot), `x` (the act's `runtime.State`) and, traced, `e` (where events
  go) and `a` (the act's index), and the fixed names of `runtime.NAMESPACE`;
- literals through `repr` of a value whose type it checked first (str, int, bool, None, and
  tuples of them): strings of a rules file (provision ids, enum values, fact names, texts) become
  string constants and nothing else; node ids (which hold provision ids and definition names)
  reach the traced variant only through the `NODES` table of such constants, indexed by integers
  the generator counts;
- operators from fixed tables, chosen by looking the rule's operator up, never by copying it.
It writes no comments. `check_source` parses what was generated and refuses any node type, name or
constant outside that set, so a mistake here cannot turn rule text into code either; a program is
executed in a namespace of the runtime names alone, with no builtins (`load_program`).
"""

from __future__ import annotations

import ast as pyast
import datetime
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

from netralrules.checker import CheckedRulebook
from netralrules.checker.typing_ import DefRef, EnumValue, FactRef, VarRef
from netralrules.codegen.runtime import (
    ATTRIBUTES,
    CONDITION_SITE,
    DEFINITION_SITE,
    FACT_SITE,
    FORMAT,
    NAMESPACE,
    OWN_NAME,
    GenerationError,
    Program,
    run_code,
)
from netralrules.compiler import NodeId, child_id, definition_node, provision_node
from netralrules.syntax import ast

_COMPARE = {"=": "==", "!=": "!=", "<": "<", "<=": "<=", ">": ">", ">=": ">="}
_ARITH_OPS = {"+": "+", "-": "-"}
_UNITS = {"hari": "hari", "minggu": "minggu", "bulan": "bulan", "tahun": "tahun"}
# Levels of one generated expression before the rest of the tree goes into a helper function: the
# tokenizer allows 200 nested parentheses and each level opens about three (about seven traced,
# where a condition's result is recorded around it).
_MAX_LEVELS = 24
_MAX_TRACED_LEVELS = 12
# The nodes whose value the plan records as a ConditionResult (compiler._Compiler.expr).
_CONDITIONS = (ast.And, ast.Or, ast.Not, ast.Compare, ast.Membership, ast.Between, ast.Within, ast.Quantifier)
_LEAVES = (ast.Name, ast.BoolLit, ast.IntLit, ast.StringLit)


def _within(e: ast.Within, value: str, anchor: str) -> str:
    """`value` within the duration of `e` before or after `anchor` (generated operands)."""
    amount, unit = _literal(int(e.duration.amount)), _literal(_unit(e.duration.unit))
    return f"WITHIN(x, {value}, {anchor}, {amount}, {unit}, {_literal(e.direction == 'sebelum')})"


def _arith_ops(e: ast.Arith) -> str:
    """The operators of `e` as a literal tuple of the runtime's names for them."""
    if any(op not in _ARITH_OPS for op in e.ops):
        raise GenerationError("unknown arithmetic operator")
    return _literal(tuple(_ARITH_OPS[op] for op in e.ops))


def _literal(value: object) -> str:
    """The source of a constant, through repr, for the types a rules file can give only."""
    if value is None or type(value) in (bool, int, str):
        return repr(value)
    if type(value) is tuple:
        items = [_literal(v) for v in value]
        return "(" + "".join(item + ", " for item in items) + ")"
    raise GenerationError(f"no literal for {type(value).__name__}")


def _date(value: object) -> str:
    if type(value) is not datetime.date:
        raise GenerationError("not a date")
    assert isinstance(value, datetime.date)
    return f"D({int(value.year)!r}, {int(value.month)!r}, {int(value.day)!r})"


@dataclass(frozen=True)
class Source:
    """Generated source and what it needs: the fact paths of the snapshot's slots, in order."""

    text: str
    paths: tuple[tuple[str, ...], ...]
    provisions: tuple[str, ...]
    sha256: str  # SHA-256 of the text


class _Generator:
    def __init__(self, rulebook: CheckedRulebook) -> None:
        self.resolutions = rulebook.resolutions
        self.slots: dict[tuple[str, ...], int] = {}
        self.definitions = {name: i for i, name in enumerate(rulebook.definitions)}
        self.helpers: list[str] = []
        self.constants: list[str] = []
        self.temp = 0
        self.var = 0
        # The node ids of the traced variant, in the order first used: the `NODES` table, indexed by
        # the generator's integers (node ids hold rule text: they are data, never code).
        self.nodes: dict[str, int] = {}
        # The places where the traced variant records an event, in the order first used: the
        # `SITES` table, each (kind, node index, path slot or definition index; 0 for a condition).
        self.sites: dict[tuple[int, int, int], int] = {}

    def _fresh(self, prefix: str) -> str:
        self.temp += 1
        return f"{prefix}{self.temp}"

    def function(self, name: str, e: ast.Expr) -> str:
        body = self.expr(e, {}, 0)
        return f"def {name}(f, x):\n    return {body}\n"

    def expr(self, e: ast.Expr, scope: Mapping[str, str], level: int) -> str:
        if level >= _MAX_LEVELS and not isinstance(e, _LEAVES):
            return self._hoist(e, scope)
        return self._expr(e, scope, level + 1)

    def _hoist(self, e: ast.Expr, scope: Mapping[str, str]) -> str:
        name = self._fresh("h")
        params = ["f", "x", *sorted(scope.values())]
        body = self.expr(e, scope, 0)
        self.helpers.append(f"def {name}({', '.join(params)}):\n    return {body}\n")
        return f"{name}({', '.join(params)})"

    def _expr(self, e: ast.Expr, scope: Mapping[str, str], level: int) -> str:
        match e:
            case ast.BoolLit() | ast.IntLit() | ast.RupiahLit() | ast.StringLit():
                return _literal(e.value)
            case ast.DateLit():
                const = f"K{len(self.constants)}"
                self.constants.append(f"{const} = {_date(e.value)}\n")
                return const
            case ast.Duration():
                return _literal((int(e.amount), _unit(e.unit)))
            case ast.Name():
                return self.name(e, scope)
            case ast.SetLit():
                return "[" + "".join(self.expr(item, scope, level) + ", " for item in e.items) + "]"
            case ast.Not():
                t = self._fresh("t")
                return f"(U if ({t} := {self.expr(e.operand, scope, level)}) is U else not {t})"
            case ast.And() | ast.Or():
                temps = [self._fresh("t") for _ in e.operands]
                # The first decisive operand stops the rest (false for `dan`, true for `atau`);
                # without one, any unknown operand makes the whole unknown.
                decisive = "not " if isinstance(e, ast.And) else ""
                found, otherwise = ("False", "True") if isinstance(e, ast.And) else ("True", "False")
                tests = " or ".join(
                    f"(({t} := {self.expr(op, scope, level)}) is not U and {decisive}{t})"
                    for t, op in zip(temps, e.operands, strict=True)
                )
                unknown = " or ".join(f"{t} is U" for t in temps)
                return f"({found} if ({tests}) else (U if ({unknown}) else {otherwise}))"
            case ast.Compare():
                op = _COMPARE.get(e.op)
                if op is None:
                    raise GenerationError("unknown comparison")
                left, right = self.expr(e.left, scope, level), self.expr(e.right, scope, level)
                return self._comparison(e, left, op, right)
            case ast.Membership():
                return f"MEMBER({self.expr(e.element, scope, level)}, {self.expr(e.collection, scope, level)})"
            case ast.Between():
                parts = ", ".join(self.expr(p, scope, level) for p in (e.value, e.low, e.high))
                return f"BETWEEN({parts})"
            case ast.Within():
                value, anchor = self.expr(e.value, scope, level), self.expr(e.anchor, scope, level)
                return _within(e, value, anchor)
            case ast.Arith():
                terms = "[" + "".join(self.expr(t, scope, level) + ", " for t in e.terms) + "]"
                return f"ARITH(x, {terms}, {_arith_ops(e)})"
            case ast.Quantifier():
                items = self.expr(e.collection, scope, level)
                q = self._var()
                body = self.expr(e.body, {**scope, e.var: q}, level)
                return f"QUANT({items}, lambda {q}: {body}, {_literal(e.kind == 'semua')})"
            case ast.Count():
                items = self.expr(e.collection, scope, level)
                if e.body is None:
                    return f"COUNT({items}, None)"
                q = self._var()
                body = self.expr(e.body, {**scope, e.var: q}, level)
                return f"COUNT({items}, lambda {q}: {body})"
        raise GenerationError(f"no code for {type(e).__name__}")

    def _comparison(self, e: ast.Compare, left: str, op: str, right: str) -> str:
        """A comparison of two generated operands, UNKNOWN when either is. A constant side is never
        unknown: only the other is tested (and named)."""
        if self._constant(e.left) and self._constant(e.right):
            return f"({left} {op} {right})"
        if self._constant(e.right):
            a = self._fresh("t")
            return f"(U if ({a} := {left}) is U else {a} {op} {right})"
        if self._constant(e.left):
            b = self._fresh("t")
            return f"(U if ({b} := {right}) is U else {left} {op} {b})"
        a, b = self._fresh("t"), self._fresh("t")
        return f"(U if (({a} := {left}) is U) | (({b} := {right}) is U) else {a} {op} {b})"

    def _constant(self, e: ast.Expr) -> bool:
        """A literal or an enum value: its source is a constant, never UNKNOWN."""
        if isinstance(e, ast.BoolLit | ast.IntLit | ast.RupiahLit | ast.StringLit | ast.Duration | ast.DateLit):
            return True
        return isinstance(e, ast.Name) and isinstance(self.resolutions.get(e.span), EnumValue)

    def _var(self) -> str:
        self.var += 1
        return f"q{self.var}"

    def name(self, e: ast.Name, scope: Mapping[str, str]) -> str:
        res = self.resolutions.get(e.span)
        match res:
            case FactRef(path=path):
                for part in path:
                    if type(part) is not str:
                        raise GenerationError("fact path")
                slot = self.slots.setdefault(tuple(path), len(self.slots))
                return f"f[{slot!r}]"
            case VarRef(var=var, path=sub):
                local = scope.get(var)
                if local is None:
                    return "U"  # the plan reads an unbound variable as unknown
                return f"WALK({local}, {_literal(tuple(sub))})" if sub else local
            case DefRef(name=name):
                index = self.definitions.get(name)
                if index is None:
                    raise GenerationError("unknown definition")
                return f"x.definition({index!r}, d{index}, f)"
            case EnumValue(value=word):
                return _literal(word)
        raise GenerationError("unresolved name")

    # ---- the traced variant: the plan's events, in its order, with its values ---------------------
    # A traced function takes `e` (the append of the event list) and `a` (the act's index) besides
    # `f` and `x` (a runtime.TracedState), and records what the plan's traced closures record
    # (compiler.py): a FactRead after each fact read, a DefinitionRead after each definition used
    # (the definition's own events first, when it is evaluated), a ConditionResult after each
    # condition node. Traced, `dan`/`atau` evaluate every operand (the plan's `_finish`); the
    # quantifiers stop where the plan does. An event is recorded coded, as a plain tuple `(a, <site>,
    # value)`: the site's number says which event class, node id and fact path or definition name it
    # stands for (`SITES`), so making it costs a tuple (the named tuple cost a call more per event,
    # about a third of a traced run); `runtime.decode` makes the events from them.

    def traced_function(self, name: str, e: ast.Expr, root: NodeId) -> str:
        body = self.texpr(e, root, {}, 0)
        return f"def {name}(f, x, e, a):\n    return {body}\n"

    def _node_index(self, node: NodeId) -> int:
        return self.nodes.setdefault(node, len(self.nodes))

    def _site(self, kind: int, node: NodeId, what: int) -> int:
        return self.sites.setdefault((kind, self._node_index(node), what), len(self.sites))

    def texpr(self, e: ast.Expr, node: NodeId, scope: Mapping[str, str], level: int) -> str:
        if level >= _MAX_TRACED_LEVELS and not isinstance(e, _LEAVES):
            name = self._fresh("H")
            params = ["f", "x", "e", "a", *sorted(scope.values())]
            body = self.texpr(e, node, scope, 0)
            self.helpers.append(f"def {name}({', '.join(params)}):\n    return {body}\n")
            return f"{name}({', '.join(params)})"
        body = self._texpr(e, node, scope, level + 1)
        if isinstance(e, _CONDITIONS):
            t = self._fresh("t")
            k = self._site(CONDITION_SITE, node, 0)
            # The recorded value is the plan's `truth` of the node's: each of these nodes but a
            # comparison gives True, False or U already (a comparison is made a bool, as the plan's is).
            value = f"(True if {t} else False)" if isinstance(e, ast.Compare) else t
            return f"(e((a, {k!r}, None if ({t} := {body}) is U else {value})) or {t})"
        return body

    def _tchildren(self, items: list[ast.Expr], node: NodeId, scope: Mapping[str, str], level: int) -> list[str]:
        return [self.texpr(item, child_id(node, i), scope, level) for i, item in enumerate(items)]

    def _texpr(self, e: ast.Expr, node: NodeId, scope: Mapping[str, str], level: int) -> str:
        match e:
            case ast.BoolLit() | ast.IntLit() | ast.RupiahLit() | ast.StringLit() | ast.DateLit() | ast.Duration():
                return self._expr(e, scope, level)
            case ast.Name():
                return self.traced_name(e, node, scope)
            case ast.SetLit():
                return "[" + "".join(item + ", " for item in self._tchildren(list(e.items), node, scope, level)) + "]"
            case ast.Not():
                (inner,) = self._tchildren([e.operand], node, scope, level)
                t = self._fresh("t")
                return f"(U if ({t} := {inner}) is U else not {t})"
            case ast.And() | ast.Or():
                operands = self._tchildren(list(e.operands), node, scope, level)
                temps = [self._fresh("t") for _ in operands]
                # Every operand is evaluated (`|` of booleans does not stop); the first decisive
                # one decides (false for `dan`, true for `atau`), else any unknown makes it unknown.
                decisive = "not " if isinstance(e, ast.And) else "not not "
                found, otherwise = ("False", "True") if isinstance(e, ast.And) else ("True", "False")
                tests = " | ".join(f"(({t} := {op}) is not U and {decisive}{t})" for t, op in zip(temps, operands, strict=True))
                unknown = " or ".join(f"{t} is U" for t in temps)
                return f"({found} if ({tests}) else (U if ({unknown}) else {otherwise}))"
            case ast.Compare():
                op = _COMPARE.get(e.op)
                if op is None:
                    raise GenerationError("unknown comparison")
                left, right = self._tchildren([e.left, e.right], node, scope, level)
                return self._comparison(e, left, op, right)
            case ast.Membership():
                element, collection = self._tchildren([e.element, e.collection], node, scope, level)
                return f"MEMBER({element}, {collection})"
            case ast.Between():
                return f"BETWEEN({', '.join(self._tchildren([e.value, e.low, e.high], node, scope, level))})"
            case ast.Within():
                value, anchor = self._tchildren([e.value, e.anchor], node, scope, level)
                return _within(e, value, anchor)
            case ast.Arith():
                terms = "[" + "".join(t + ", " for t in self._tchildren(list(e.terms), node, scope, level)) + "]"
                return f"ARITH(x, {terms}, {_arith_ops(e)})"
            case ast.Quantifier():
                (items,) = self._tchildren([e.collection], node, scope, level)
                q = self._var()
                body = self.texpr(e.body, child_id(node, 1), {**scope, e.var: q}, level)
                return f"TQUANT(x, {items}, lambda {q}: {body}, {_literal(e.kind == 'semua')})"
            case ast.Count():
                (items,) = self._tchildren([e.collection], node, scope, level)
                if e.body is None:
                    return f"COUNT({items}, None)"
                q = self._var()
                body = self.texpr(e.body, child_id(node, 1), {**scope, e.var: q}, level)
                return f"TCOUNT(x, {items}, lambda {q}: {body})"
        raise GenerationError(f"no code for {type(e).__name__}")

    def traced_name(self, e: ast.Name, node: NodeId, scope: Mapping[str, str]) -> str:
        res = self.resolutions.get(e.span)
        match res:
            case FactRef():
                slot = self.name(e, scope)  # `f[<slot>]`, the slot made or found there
                t = self._fresh("t")
                path = self.slots[tuple(res.path)]
                return f"(e((a, {self._site(FACT_SITE, node, path)!r}, ({t} := {slot}))) or {t})"
            case DefRef(name=name):
                index = self.definitions.get(name)
                if index is None:
                    raise GenerationError("unknown definition")
                t = self._fresh("t")
                # Known already (evaluated in this act, outside a quantifier): no call.
                known = self._fresh("t")
                call = f"x.traced_definition({index!r}, G{index}, f, e, a)"
                value = f"({known} if ({known} := x.known.get({index!r}, M)) is not M else {call})"
                return f"(e((a, {self._site(DEFINITION_SITE, node, index)!r}, ({t} := {value}))) or {t})"
        return self.name(e, scope)


def _unit(unit: str) -> str:
    if unit not in _UNITS:
        raise GenerationError("unknown unit")
    return _UNITS[unit]


def generate(rulebook: CheckedRulebook) -> Source:
    """The program of a checked rulebook: `d<i>` per definition (in the rulebook's order), `c<i>`
    per provision in exception order, `CONDITIONS` and `DEFINITIONS` tuples of them, `PATHS` the
    fact path of each snapshot slot and `PROVISIONS` the provision ids, as constants; and the
    traced variant, `G<i>` per definition and `C<i>` per provision (`TRACED`), with the node ids it
    records in `NODES`, the definition names in `DNAMES` and the places it records events in
    `SITES`, as constants."""
    gen = _Generator(rulebook)
    functions: list[str] = []
    for name, index in gen.definitions.items():
        functions.append(gen.function(f"d{index}", rulebook.definitions[name].expr))
    provisions = tuple(rulebook.exception_order)
    for i, pid in enumerate(provisions):
        condition = rulebook.provisions[pid].condition
        if condition is None:
            raise GenerationError("provision without condition")
        functions.append(gen.function(f"c{i}", condition))
    # The traced variant: `G<i>` per definition, `C<i>` per provision.
    for name, index in gen.definitions.items():
        functions.append(gen.traced_function(f"G{index}", rulebook.definitions[name].expr, definition_node(name)))
    for i, pid in enumerate(provisions):
        condition = rulebook.provisions[pid].condition
        assert condition is not None
        functions.append(gen.traced_function(f"C{i}", condition, provision_node(pid)))
    paths = tuple(sorted(gen.slots, key=gen.slots.__getitem__))
    nodes = tuple(sorted(gen.nodes, key=gen.nodes.__getitem__))
    text = "".join(
        [
            f"FORMAT = {FORMAT!r}\n",
            f"PATHS = {_literal(paths)}\n",
            f"PROVISIONS = {_literal(provisions)}\n",
            f"NODES = {_literal(nodes)}\n",
            f"DNAMES = {_literal(tuple(gen.definitions))}\n",
            f"SITES = {_literal(tuple(sorted(gen.sites, key=gen.sites.__getitem__)))}\n",
            *gen.constants,
            *gen.helpers,
            *functions,
            "DEFINITIONS = (" + "".join(f"d{i}, " for i in gen.definitions.values()) + ")\n",
            "CONDITIONS = (" + "".join(f"c{i}, " for i in range(len(provisions))) + ")\n",
            "TRACED = (" + "".join(f"C{i}, " for i in range(len(provisions))) + ")\n",
        ]
    )
    sha256 = hashlib.sha256(text.encode()).hexdigest()
    _remember_checked(sha256, _checked_tree(text), len(text))
    return Source(text, paths, provisions, sha256)


# ---- what generated source may contain -----------------------------------------------------------

_ALLOWED_NODES: tuple[type[pyast.AST], ...] = (
    pyast.Module,
    pyast.FunctionDef,
    pyast.arguments,
    pyast.arg,
    pyast.Return,
    pyast.Assign,
    pyast.Expr,
    pyast.Name,
    pyast.Load,
    pyast.Store,
    pyast.Constant,
    pyast.Tuple,
    pyast.List,
    pyast.Subscript,
    pyast.Call,
    pyast.Attribute,
    pyast.IfExp,
    pyast.NamedExpr,
    pyast.BoolOp,
    pyast.And,
    pyast.Or,
    pyast.UnaryOp,
    pyast.Not,
    pyast.BinOp,
    pyast.BitOr,
    pyast.Compare,
    pyast.Is,
    pyast.IsNot,
    pyast.Eq,
    pyast.NotEq,
    pyast.Lt,
    pyast.LtE,
    pyast.Gt,
    pyast.GtE,
    pyast.Lambda,
)


# The attributes generated code reads: of the state `x` (`x.definition`, `x.traced_definition`,
# `x.known`), and `get` of `x.known` only.
_STATE_ATTRIBUTES = frozenset({"definition", "traced_definition", "known"})
assert _STATE_ATTRIBUTES | {"get"} == ATTRIBUTES


def _allowed_attribute(node: pyast.Attribute) -> bool:
    value = node.value
    if isinstance(value, pyast.Name):
        return value.id == "x" and node.attr in _STATE_ATTRIBUTES
    return (
        node.attr == "get"
        and isinstance(value, pyast.Attribute)
        and value.attr == "known"
        and isinstance(value.value, pyast.Name)
        and value.value.id == "x"
    )


def check_source(text: str) -> None:
    """Refuse generated source holding anything but the node types, names and constants the
    generator emits (GenerationError)."""
    _checked_tree(text)


# The tree of the source `generate` made and checked last, by the SHA-256 of the source: loading
# that source (`load_program`, usually next) compiles this tree instead of parsing the text again
# (parsing into a Python syntax tree is most of the time of making a program).
_last_checked: list[tuple[str, pyast.Module]] = []


_REMEMBERED_SIZE = 4_000_000  # characters of source: a larger tree is not kept (its memory)


def _remember_checked(sha256: str, tree: pyast.Module, size: int) -> None:
    _last_checked[:] = [(sha256, tree)] if size <= _REMEMBERED_SIZE else []


def _checked_tree(text: str) -> pyast.Module:
    try:
        tree = pyast.parse(text)
    except (SyntaxError, RecursionError, MemoryError, ValueError) as exc:
        raise GenerationError("generated source does not parse") from exc
    for node in pyast.walk(tree):
        if not isinstance(node, _ALLOWED_NODES):
            raise GenerationError(f"node {type(node).__name__} not allowed")
        if isinstance(node, pyast.Name) and not (node.id in NAMESPACE or OWN_NAME.match(node.id)):
            raise GenerationError(f"name {node.id!r} not allowed")
        if isinstance(node, pyast.arg) and not OWN_NAME.match(node.arg):
            raise GenerationError(f"parameter {node.arg!r} not allowed")
        if isinstance(node, pyast.arguments) and (
            node.vararg or node.kwarg or node.defaults or node.kw_defaults or node.kwonlyargs or node.posonlyargs
        ):
            raise GenerationError("parameters other than positional ones")
        if isinstance(node, pyast.FunctionDef) and (not OWN_NAME.match(node.name) or node.decorator_list or node.returns):
            raise GenerationError(f"function {node.name!r} not allowed")
        if isinstance(node, pyast.Attribute) and not _allowed_attribute(node):
            raise GenerationError(f"attribute {node.attr!r} not allowed")
        if isinstance(node, pyast.Constant) and type(node.value) not in (str, int, bool, type(None)):
            raise GenerationError("constant type not allowed")
    return tree


# ---- running it -----------------------------------------------------------------------------------


def load_program(text: str, sha256: str | None = None) -> Program:
    """Check and execute generated source in the runtime namespace (no builtins, no imports).
    `sha256`: the SHA-256 the text must have (GenerationError otherwise; nothing is run)."""
    actual = hashlib.sha256(text.encode()).hexdigest()
    if sha256 is not None and actual != sha256:
        raise GenerationError("sha256 mismatch")
    kept = _last_checked[:]  # a copy: another thread may generate meanwhile
    _last_checked.clear()
    # The tree `generate` checked for this very text (the same SHA-256), else the text's, checked now.
    tree = kept[0][1] if kept and kept[0][0] == actual else _checked_tree(text)
    try:
        code = compile(tree, f"<netralrules program {actual[:12]}>", "exec")
    except (SyntaxError, RecursionError, MemoryError, ValueError) as exc:
        raise GenerationError("generated source does not compile") from exc
    return run_code(code, actual)


def build_program(rulebook: CheckedRulebook) -> Program:
    """Generate and load the program of a checked rulebook."""
    source = generate(rulebook)
    return load_program(source.text, source.sha256)

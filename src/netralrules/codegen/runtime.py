"""What generated rulebook programs run with: the only names a program may use besides the ones it
defines itself. A program is executed in a namespace made of these names and nothing else (no
builtins, no imports), so the generated source can name no other code.

The helpers are the plan's own three-valued operations (compiler.py), taking the per-act `State`
where the plan takes its `Context`: date arithmetic that leaves the calendar sets
`State.out_of_range`, as it sets `Context.out_of_range` in the plan.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import CodeType

from netralrules.compiler import _arith, _between, _member, _walk, _within
from netralrules.trace import ConditionResult, DefinitionRead, Event, FactRead
from netralrules.values import UNKNOWN


class State:
    """One act's evaluation state: the definitions' values (with whether date arithmetic left the
    calendar while computing each) and the out-of-range flag of the condition being evaluated."""

    __slots__ = ("memo", "out_of_range")

    def __init__(self) -> None:
        self.memo: dict[int, tuple[object, bool]] = {}
        self.out_of_range = False

    def definition(self, key: int, fn: Callable[..., object], facts: tuple[object, ...]) -> object:
        """A definition's value for this act, computed once (the plan's `Context.definition`)."""
        found = self.memo.get(key)
        if found is not None:
            if found[1]:
                self.out_of_range = True
            return found[0]
        outer, self.out_of_range = self.out_of_range, False
        value = fn(facts, self)
        self.memo[key] = (value, self.out_of_range)
        self.out_of_range = outer or self.out_of_range
        return value


class TracedState(State):
    """`State` of a traced run: `depth` counts the quantifier bodies being evaluated. Inside one,
    the plan evaluates a definition afresh at each use, recording its events again, and keeps no
    value (`compiler.Context.definition` with variables bound); outside, once per act. `known`
    holds the values kept whose date arithmetic stayed in the calendar, for the generated code to
    look up without a call (`x.known.get(i, M)`); inside a quantifier body it is an empty dict."""

    __slots__ = ("depth", "known")

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.known: dict[int, object] = {}

    def traced_definition(
        self, key: int, fn: Callable[..., object], facts: object, emit: Callable[[object], None], act: int
    ) -> object:
        if self.depth:
            return fn(facts, self, emit, act)
        found = self.memo.get(key)
        if found is not None:
            if found[1]:
                self.out_of_range = True
            return found[0]
        outer, self.out_of_range = self.out_of_range, False
        value = fn(facts, self, emit, act)
        self.memo[key] = (value, self.out_of_range)
        if not self.out_of_range:
            self.known[key] = value
        self.out_of_range = outer or self.out_of_range
        return value


# Not a value any definition can have: what `known.get` gives for a definition not known yet.
MISSING = object()
_NOTHING_KNOWN: dict[int, object] = {}  # `TracedState.known` in a quantifier body; never written


def traced_quantify(state: TracedState, items: object, body: Callable[[object], object], every: bool) -> object:
    """`quantify` in a traced run: the same values, with the state's depth counting the body."""
    if items is UNKNOWN:
        return UNKNOWN
    assert isinstance(items, list)
    state.depth += 1
    known, state.known = state.known, _NOTHING_KNOWN
    unknown = False
    result: object = None
    for item in items:
        value = body(item)
        if value is UNKNOWN:
            unknown = True
        elif bool(value) != every:
            result = not every
            break
    else:
        result = UNKNOWN if unknown else every
    state.depth -= 1
    state.known = known
    return result


def traced_count(state: TracedState, items: object, body: Callable[[object], object]) -> object:
    """`count` with a body, in a traced run (see traced_quantify)."""
    if items is UNKNOWN:
        return UNKNOWN
    assert isinstance(items, list)
    state.depth += 1
    known, state.known = state.known, _NOTHING_KNOWN
    total: object = 0
    for item in items:
        value = body(item)
        if value is UNKNOWN:
            total = UNKNOWN
            break
        total += bool(value)  # type: ignore[operator]
    state.depth -= 1
    state.known = known
    return total


def quantify(items: object, body: Callable[[object], object], every: bool) -> object:
    """`ada`/`semua`: Kleene's any/all of the body over the items (the plan's `_quantify`)."""
    if items is UNKNOWN:
        return UNKNOWN
    assert isinstance(items, list)
    unknown = False
    for item in items:
        value = body(item)
        if value is UNKNOWN:
            unknown = True
        elif bool(value) != every:
            return not every
    return UNKNOWN if unknown else every


def count(items: object, body: Callable[[object], object] | None) -> object:
    """`jumlah`: how many items (for which the body holds); UNKNOWN as soon as one is unknown."""
    if items is UNKNOWN:
        return UNKNOWN
    assert isinstance(items, list)
    if body is None:
        return len(items)
    total = 0
    for item in items:
        value = body(item)
        if value is UNKNOWN:
            return UNKNOWN
        total += bool(value)
    return total


# The namespace a program runs in: these names and the ones it defines. The generator refers to
# them by these keys only (generate.py checks every name it emits against them).
NAMESPACE: Mapping[str, object] = {
    "U": UNKNOWN,
    "D": datetime.date,
    "MEMBER": _member,
    "BETWEEN": _between,
    # The plan's own: they set `out_of_range` on the state as they set it on the plan's Context.
    "WITHIN": _within,
    "ARITH": _arith,
    "WALK": _walk,
    "QUANT": quantify,
    "COUNT": count,
    # The traced variant's: quantifiers that count their depth.
    "TQUANT": traced_quantify,
    "TCOUNT": traced_count,
    "M": MISSING,
}

# The form of generated code; bump when it changes: cached programs of another form are not used.
# 3: the traced variant records coded events (`decode`).
FORMAT = 3

# The kinds of the places where the traced variant records an event (`SITES`, generate.py).
CONDITION_SITE, FACT_SITE, DEFINITION_SITE = 0, 1, 2
_SITE_CLASSES = (ConditionResult, FactRead, DefinitionRead)


class GenerationError(Exception):
    """The generator met something it does not emit (a bug, or a rulebook it cannot compile); the
    caller evaluates with the plan instead."""


# Names the program defines (by counter) or takes from the runtime namespace.
OWN_NAME = re.compile(r"(?:[cdhtqKCGH][0-9]+|f|x|e|a|FORMAT|PATHS|PROVISIONS|NODES|DNAMES|SITES|DEFINITIONS|CONDITIONS|TRACED)\Z")
ATTRIBUTES = frozenset({"definition", "traced_definition", "known", "get"})


@dataclass(frozen=True)
class Program:
    """A loaded program: the condition function of each provision (in exception order) over a
    per-act snapshot of `paths` (slot i: the fact at `paths[i]`), and the SHA-256 of its source;
    `traced`, the traced variant of each condition (`(f, x, e, a)`: snapshot, `TracedState`, the
    append of the event list, the act's index), empty when the program has none; `sites`, what
    each place where the traced variant records an event stands for (`decode`)."""

    conditions: tuple[Callable[..., object], ...]
    paths: tuple[tuple[str, ...], ...]
    provisions: tuple[str, ...]
    sha256: str
    traced: tuple[Callable[..., object], ...] = ()
    sites: Sites = ()


# Per place where a traced variant records an event: the event's class, its node id and, for a read,
# its fact path or definition name (None for a condition result).
Sites = tuple[tuple[type, str, object], ...]


def decode(items: Sequence[object], sites: Sites) -> list[Event]:
    """The events recorded as `items`: each coded one (a plain tuple `(act, site, value)`, what a
    traced variant records) made the event it stands for, the others (events already) as they are."""
    new = tuple.__new__
    out: list[Event] = []
    for item in items:
        if type(item) is tuple:
            act, site, value = item
            cls, node, what = sites[site]
            item = new(cls, (act, node, value) if what is None else (act, node, what, value))
        out.append(item)  # type: ignore[arg-type]
    return out


def program_from_code(code: CodeType, sha256: str) -> Program:
    """A program from compiled code kept in the cache (codegen/cache.py): every name its code
    objects use is checked against the names the generator emits before it runs."""
    check_code(code)
    return run_code(code, sha256)


def check_code(code: CodeType) -> None:
    """Refuse code naming anything but the generator's names and the runtime's (GenerationError)."""
    stack = [code]
    names: set[str] = set()
    variables: set[str] = set()
    while stack:
        current = stack.pop()
        names.update(current.co_names)
        variables.update(current.co_varnames, current.co_cellvars, current.co_freevars)
        for const in current.co_consts:
            kind = type(const)
            if kind is CodeType:
                stack.append(const)
            elif kind not in _SIMPLE and not _constant_ok(const):
                raise GenerationError("constant type not allowed")
    # Each name once (the traced variant repeats the same few thousand across its functions).
    for name in names:
        if not (name in NAMESPACE or name in ATTRIBUTES or OWN_NAME.match(name)):
            raise GenerationError(f"name {name!r} not allowed")
    for name in variables:
        if not OWN_NAME.match(name):
            raise GenerationError(f"variable {name!r} not allowed")


_SIMPLE = frozenset({str, int, bool, type(None)})


def _constant_ok(value: object) -> bool:
    if isinstance(value, tuple):
        return all(_constant_ok(v) for v in value)
    return type(value) in (str, int, bool, type(None))


def run_code(code: CodeType, sha256: str) -> Program:
    # Only the generator's names, literals and the runtime's helpers: checked by the caller.
    namespace: dict[str, object] = {**NAMESPACE, "__builtins__": {}}
    exec(code, namespace)
    if namespace.get("FORMAT") != FORMAT:
        raise GenerationError("another format")
    conditions = namespace["CONDITIONS"]
    paths = namespace["PATHS"]
    provisions = namespace["PROVISIONS"]
    traced = namespace["TRACED"]
    assert isinstance(conditions, tuple) and isinstance(paths, tuple) and isinstance(provisions, tuple)
    assert isinstance(traced, tuple) and len(traced) == len(conditions)
    nodes, names, sites = namespace["NODES"], namespace["DNAMES"], namespace["SITES"]
    assert isinstance(nodes, tuple) and isinstance(names, tuple) and isinstance(sites, tuple)
    # What each site stands for, from the tables the generator wrote (indices it made itself).
    decoded: Sites = tuple(
        (_SITE_CLASSES[kind], nodes[node], None if kind == CONDITION_SITE else paths[what] if kind == FACT_SITE else names[what])
        for kind, node, what in sites
    )
    return Program(conditions, paths, provisions, sha256, traced, decoded)


def matches(program: Program, provisions: Sequence[str]) -> bool:
    """Whether a program was made for a plan whose provisions run in this order."""
    return program.provisions == tuple(provisions)

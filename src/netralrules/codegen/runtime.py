"""What generated rulebook programs run with: the only names a program may use besides the ones it
defines itself. A program is executed in a namespace made of these names and nothing else (no
builtins, no imports), so the generated source can name no other code.

The helpers are the plan's own three-valued operations (compiler.py), taking the per-act `State`
where the plan takes its `Context`: date arithmetic that leaves the calendar sets
`State.out_of_range`, as it sets `Context.out_of_range` in the plan.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping

from netralrules.compiler import _arith, _between, _member, _walk, _within
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


def walk(value: object, path: tuple[str, ...]) -> object:
    return _walk(value, path)


def within(state: State, value: object, anchor: object, amount: int, unit: str, before: bool) -> object:
    return _within(state, value, anchor, amount, unit, before)  # type: ignore[arg-type]


def arith(state: State, values: list[object], ops: tuple[str, ...]) -> object:
    return _arith(state, values, ops)  # type: ignore[arg-type]


# The namespace a program runs in: these names and the ones it defines. The generator refers to
# them by these keys only (generate.py checks every name it emits against them).
NAMESPACE: Mapping[str, object] = {
    "U": UNKNOWN,
    "D": datetime.date,
    "MEMBER": _member,
    "BETWEEN": _between,
    "WITHIN": within,
    "ARITH": arith,
    "WALK": walk,
    "QUANT": quantify,
    "COUNT": count,
}

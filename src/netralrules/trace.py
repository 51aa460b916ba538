"""Evaluation events. The evaluator reports to a tracer; the explanation is built from the events
afterwards, so evaluation without explanation pays nothing for it (OPA's QueryTracer).

Events are named tuples: immutable like frozen dataclasses, and made in under half the time (a
traced evaluation makes about 150 of them per incident, issue 6)."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, Protocol

from netralrules.values import Truth

if TYPE_CHECKING:  # the compiler imports this module
    from netralrules.compiler import NodeId
    from netralrules.evaluation.kinds import Status


class FactRead(NamedTuple):
    act: int
    node: NodeId  # stable node id of the expression that read it
    path: tuple[str, ...]
    value: object


class DefinitionRead(NamedTuple):
    """A condition used a named concept (`masa_kampanye`); its own conditions have node ids `def:<name>…`."""

    act: int
    node: NodeId
    name: str
    value: object


class ConditionResult(NamedTuple):
    act: int
    node: NodeId
    value: Truth


class ProvisionResult(NamedTuple):
    act: int
    provision: str
    status: Status
    reason: str = ""
    defeated_by: tuple[str, ...] = ()


Event = FactRead | DefinitionRead | ConditionResult | ProvisionResult


class Tracer(Protocol):
    def record(self, event: Event) -> None: ...


class ListTracer:
    """Keeps every event, in order."""

    # What the sites of coded events stand for: a `CodedTracer`'s, once the program has recorded in
    # it; a ListTracer holds events only.
    sites: tuple[tuple[type, str, object], ...] = ()

    def __init__(self) -> None:
        self.events: list[Event] = []

    def record(self, event: Event) -> None:
        self.events.append(event)


class CodedTracer(ListTracer):
    """A `ListTracer` whose events may be kept coded: what the compiled program's traced variant
    records, a plain tuple `(act, site, value)` per fact read, definition read and condition result,
    left as it is (`sites` says what each site stands for, `codegen.runtime.decode` makes the events
    from them). The explanation reads them so (explain/graph.py) and makes events only for windows
    it has not met; any other tracer gets events."""

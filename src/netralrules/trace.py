"""Evaluation events. The evaluator reports to a tracer; the explanation is built from the events
afterwards, so evaluation without explanation pays nothing for it (OPA's QueryTracer).

Events are named tuples: immutable like frozen dataclasses, and made in under half the time (a
traced evaluation makes about 150 of them per incident, issue 6)."""

from __future__ import annotations

from typing import NamedTuple, Protocol

from netralrules.values import Truth


class FactRead(NamedTuple):
    act: int
    node: str  # stable node id of the expression that read it
    path: tuple[str, ...]
    value: object


class DefinitionRead(NamedTuple):
    """A condition used a named concept (`masa_kampanye`); its own conditions have node ids `def:<name>…`."""

    act: int
    node: str
    name: str
    value: object


class ConditionResult(NamedTuple):
    act: int
    node: str
    value: Truth


class ProvisionResult(NamedTuple):
    act: int
    provision: str
    status: str  # fired, not_fired, unknown, not_applicable, not_in_force, defeated
    reason: str = ""
    defeated_by: tuple[str, ...] = ()


Event = FactRead | DefinitionRead | ConditionResult | ProvisionResult


class Tracer(Protocol):
    def record(self, event: Event) -> None: ...


class ListTracer:
    """Keeps every event, in order."""

    def __init__(self) -> None:
        self.events: list[Event] = []

    def record(self, event: Event) -> None:
        self.events.append(event)

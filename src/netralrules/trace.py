"""Evaluation events. The evaluator reports to a tracer; the explanation is built from the events
afterwards, so evaluation without explanation pays nothing for it (OPA's QueryTracer)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from netralrules.values import Truth


@dataclass(frozen=True, slots=True)
class FactRead:
    act: int
    node: str  # stable node id of the expression that read it
    path: tuple[str, ...]
    value: object


@dataclass(frozen=True, slots=True)
class DefinitionRead:
    """A condition used a named concept (`masa_kampanye`); its own conditions have node ids `def:<name>…`."""

    act: int
    node: str
    name: str
    value: object


@dataclass(frozen=True, slots=True)
class ConditionResult:
    act: int
    node: str
    value: Truth


@dataclass(frozen=True, slots=True)
class ProvisionResult:
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

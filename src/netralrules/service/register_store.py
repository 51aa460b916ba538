"""The follow-up register in the decision store: table `decision_events` (migration 0002), one row
per enforcement event of a recorded decision, append-only, in the order accepted.

An event is checked against the trail so far inside the transaction that appends it; the unique
(decision, position) pair makes two writers racing on one decision retry instead of both appending
after the same trail. The actor is a role or body name; the store keeps it and the event's data,
but the service's log never shows them (ids only, as for decisions). When a decision is tombstoned
the actor and data of its events are blanked with it (`erase_events`): kind and date stay, like the
summary of the decision.
"""

from __future__ import annotations

import datetime
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError, OperationalError

from netralrules.diagnostics import Text
from netralrules.service.store import Store, StoredDecision, decisions, metadata, now
from netralrules.tools.register import Event, RegisterError, RegisterProblem, validate
from netralrules.tools.register_case import Settings, build_register

decision_events = sa.Table(
    "decision_events",
    metadata,
    sa.Column("seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True, autoincrement=True),
    sa.Column("decision_id", sa.String(32), sa.ForeignKey("decisions.id"), nullable=False),
    sa.Column("position", sa.Integer(), nullable=False),
    sa.Column("kind", sa.String(40), nullable=False, index=True),
    sa.Column("event_date", sa.String(10), nullable=False),
    sa.Column("actor", sa.Text(), nullable=True),
    sa.Column("data", sa.Text(), nullable=True),
    sa.Column("caller", sa.String(64), nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.UniqueConstraint("decision_id", "position", name="uq_decision_events_decision_position"),
)

RETRIES = 50  # writers racing on one decision: each retry sees one more event


class UnknownDecision(LookupError):
    """No decision record has this id."""


@dataclass(frozen=True)
class Added:
    event: Event
    position: int
    register: dict[str, Any]


def _event(row: sa.Row[Any]) -> Event:
    data = json.loads(row.data) if row.data is not None else {}
    return Event(row.kind, datetime.date.fromisoformat(row.event_date), row.actor or "", data, row.created_at)


def _events(connection: Connection, decision_id: str) -> list[Event]:
    query = sa.select(decision_events).where(decision_events.c.decision_id == decision_id).order_by(decision_events.c.position)
    return [_event(row) for row in connection.execute(query)]


def _tombstoned(decision_id: str) -> RegisterError:
    text = Text(
        f"rekaman keputusan {decision_id} sudah dihapus (nisan); tidak ada peristiwa baru",
        f"the decision record {decision_id} is tombstoned; no new event",
    )
    return RegisterError([RegisterProblem("", "E0712", text)])


def _decision_json(record: StoredDecision) -> dict[str, Any] | None:
    if record.decision is None:
        return None
    value = json.loads(record.decision)
    return value if isinstance(value, dict) else None


class Register:
    """The register over one store."""

    def __init__(self, store: Store, settings: Settings | None = None) -> None:
        self.store = store
        self.settings = settings or Settings()

    def _record(self, decision_id: str) -> StoredDecision:
        record = self.store.get(decision_id)
        if record is None:
            raise UnknownDecision(decision_id)
        return record

    def events(self, decision_id: str) -> list[Event]:
        with self.store.engine.connect() as connection:
            return _events(connection, decision_id)

    def add(self, decision_id: str, raw: Any, caller: str, *, today: datetime.date | None = None) -> Added:
        """Check the event against the trail and append it (committed when this returns); raises
        UnknownDecision, or RegisterError when the event is rejected."""
        today = today or datetime.date.today()
        record = self._record(decision_id)
        for attempt in range(RETRIES):
            try:
                with self.store.engine.begin() as connection:
                    # The decision's row, locked on PostgreSQL (writers to one decision and its
                    # tombstone take turns); read again here so that a tombstone is never outrun.
                    deleted_at = connection.execute(
                        sa.select(decisions.c.deleted_at).where(decisions.c.id == decision_id).with_for_update()
                    ).scalar_one()
                    if deleted_at is not None:
                        raise _tombstoned(decision_id)
                    trail = _events(connection, decision_id)
                    event = validate(trail, raw, today=today)
                    connection.execute(
                        sa.insert(decision_events).values(
                            decision_id=decision_id,
                            position=len(trail),
                            kind=event.kind,
                            event_date=event.date.isoformat(),
                            actor=event.actor,
                            data=json.dumps(event.data, ensure_ascii=False, sort_keys=True),
                            caller=caller,
                            created_at=now(),
                        )
                    )
                break
            except (IntegrityError, OperationalError):
                # Another writer appended at this position first (PostgreSQL: the unique pair;
                # SQLite: the same, or its snapshot went stale): read the trail again.
                if attempt == RETRIES - 1:
                    raise
                time.sleep(0.005 * (attempt + 1))
        trail = [*trail, event]
        register = build_register(
            decision_id, _decision_json(record), trail, today=today, tombstoned=False, settings=self.settings
        )
        return Added(event, len(trail) - 1, register)

    def show(self, decision_id: str, *, today: datetime.date | None = None) -> dict[str, Any]:
        """The register of one decision (UnknownDecision if there is none)."""
        record = self._record(decision_id)
        return self._build(record, self.events(decision_id), today or datetime.date.today())

    def _build(self, record: StoredDecision, events: list[Event], today: datetime.date) -> dict[str, Any]:
        if record.deleted_at is not None:  # kind and date only, as the tombstone keeps them
            events = [Event(e.kind, e.date, "", {}, e.recorded_at) for e in events]
        register = build_register(
            record.id,
            _decision_json(record),
            events,
            today=today,
            tombstoned=record.deleted_at is not None,
            settings=self.settings,
        )
        register["insiden"] = record.incident_id
        return register

    def tracked(self) -> Iterator[str]:
        """The ids of the decisions that have at least one event, oldest first."""
        query = (
            sa.select(decision_events.c.decision_id, sa.func.min(decision_events.c.seq).label("first"))
            .group_by(decision_events.c.decision_id)
            .order_by("first")
        )
        with self.store.engine.connect() as connection:
            ids = [str(row[0]) for row in connection.execute(query)]
        yield from ids

    def overdue(self, *, today: datetime.date | None = None) -> list[dict[str, Any]]:
        """Every case with a time limit past (`lewat`: still waiting; `terlambat`: done late), most
        overdue first."""
        today = today or datetime.date.today()
        out = []
        for decision_id in self.tracked():
            record = self.store.get(decision_id)
            if record is None:
                continue
            register = self._build(record, self.events(decision_id), today)
            late = [limit for limit in register["batas_waktu"] if limit["keadaan"] in ("lewat", "terlambat")]
            if not late:
                continue
            out.append(
                {
                    "keputusan": decision_id,
                    "insiden": record.incident_id,
                    "tahap": register["status"]["tahap"],
                    "terbuka": register["status"]["terbuka"],
                    "batas_waktu": late,
                    "lewat_hari": max(int(limit["berjalan"]) - int(limit["jumlah"]) for limit in late),
                }
            )
        out.sort(key=lambda case: (-case["lewat_hari"], case["keputusan"]))
        return out


def erase_events(connection: Connection, decision_ids: sa.Select[Any]) -> None:
    """Blank the actor and data of the events of these decisions (the tombstone)."""
    connection.execute(
        sa.update(decision_events)
        .where(decision_events.c.decision_id.in_(decision_ids), decision_events.c.data.is_not(None))
        .values(actor=None, data=None)
    )


def tombstoned_ids() -> sa.Select[Any]:
    return sa.select(decisions.c.id).where(decisions.c.deleted_at.is_not(None))

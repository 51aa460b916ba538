"""The decision store: every decision, append-only, with the canonical incident, the decision, the
rulebook hash, the engine version, the time, the caller and an idempotency key; the text of every
rulebook version served; the API keys (hashed). SQLAlchemy 2 Core over SQLite (the default, a file)
or PostgreSQL; the schema is made by the Alembic migrations in `migrations/`, never by `create_all`.

The one change to a stored decision is the tombstone: on request, the incident (and the decision
that repeats its facts) is removed and the summary and the hashes stay (docs/service.md).
"""

from __future__ import annotations

import datetime
import json
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

metadata = sa.MetaData()

decisions = sa.Table(
    "decisions",
    metadata,
    sa.Column("seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True, autoincrement=True),
    sa.Column("id", sa.String(32), nullable=False, unique=True),
    sa.Column("incident_id", sa.Text(), nullable=False, index=True),
    sa.Column("caller", sa.String(64), nullable=False),
    sa.Column("idempotency_key", sa.String(255), nullable=True),
    sa.Column("request_sha256", sa.String(64), nullable=False),
    sa.Column("incident_sha256", sa.String(64), nullable=False),
    sa.Column("incident", sa.Text(), nullable=True),
    sa.Column("decision", sa.Text(), nullable=True),
    sa.Column("decision_sha256", sa.String(64), nullable=False),
    sa.Column("summary", sa.Text(), nullable=False),
    sa.Column("rulebook_hash", sa.String(80), nullable=False),
    sa.Column("engine_version", sa.String(32), nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("deleted_at", sa.String(40), nullable=True),
    sa.UniqueConstraint("caller", "idempotency_key", name="uq_decisions_caller_idempotency_key"),
)

rulebooks = sa.Table(
    "rulebooks",
    metadata,
    sa.Column("hash", sa.String(80), primary_key=True),
    sa.Column("files", sa.Text(), nullable=False),
    sa.Column("paths", sa.Text(), nullable=False),
    sa.Column("first_loaded_at", sa.String(40), nullable=False),
)

service_state = sa.Table(
    "service_state",
    metadata,
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text(), nullable=False),
    sa.Column("generation", sa.Integer(), nullable=False),
)

api_keys = sa.Table(
    "api_keys",
    metadata,
    sa.Column("id", sa.String(16), primary_key=True),
    sa.Column("key_sha256", sa.String(64), nullable=False),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("name", sa.Text(), nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("revoked_at", sa.String(40), nullable=True),
)

MIGRATIONS = Path(__file__).parent / "migrations"
_MIGRATION_LOCK = 0x6E65_7472  # pg_advisory_xact_lock key: replicas starting together migrate one at a time


def now() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True)
class NewDecision:
    """What the service records for one evaluation."""

    incident_id: str
    caller: str
    idempotency_key: str | None
    request_sha256: str
    incident_sha256: str
    incident: str
    decision: str
    decision_sha256: str
    summary: str
    rulebook_hash: str
    engine_version: str


@dataclass(frozen=True)
class StoredDecision:
    id: str
    seq: int
    incident_id: str
    caller: str
    idempotency_key: str | None
    request_sha256: str
    incident_sha256: str
    incident: str | None
    decision: str | None
    decision_sha256: str
    summary: str
    rulebook_hash: str
    engine_version: str
    created_at: str
    deleted_at: str | None

    def to_dict(self) -> dict[str, Any]:
        """The record as the API returns it (reviewers): the decision and incident as JSON values."""
        return {
            "id": self.id,
            "insiden": self.incident_id,
            "pemanggil": self.caller,
            "kunci_idempotensi": self.idempotency_key,
            "rulebook": self.rulebook_hash,
            "versi_mesin": self.engine_version,
            "waktu": self.created_at,
            "hash_insiden": self.incident_sha256,
            "hash_keputusan": self.decision_sha256,
            "ringkasan": json.loads(self.summary),
            "insiden_data": json.loads(self.incident) if self.incident is not None else None,
            "keputusan": json.loads(self.decision) if self.decision is not None else None,
            "dihapus": self.deleted_at,
        }


@dataclass(frozen=True)
class ApiKey:
    id: str
    key_sha256: str
    role: str
    name: str
    created_at: str
    revoked_at: str | None


class IdempotencyConflict(Exception):
    """The idempotency key was used before for a different request."""

    def __init__(self, existing: StoredDecision) -> None:
        super().__init__(existing.id)
        self.existing = existing


def make_engine(url: str) -> Engine:
    """An engine for SQLite (WAL, a busy timeout, foreign keys) or PostgreSQL (psycopg 3)."""
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

        @sa.event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")  # an acknowledged record survives a crash
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        return engine
    return sa.create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)


class Store:
    """The decision store over one database URL."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)

    def close(self) -> None:
        self.engine.dispose()

    # ---- schema -----------------------------------------------------------------------------
    def migrate(self) -> None:
        """Bring the schema to the newest Alembic revision (a no-op when it is there already)."""
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    def ping(self) -> bool:
        try:
            with self.engine.connect() as connection:
                connection.execute(sa.text("SELECT 1"))
        except sa.exc.SQLAlchemyError:
            return False
        return True

    # ---- decisions --------------------------------------------------------------------------
    def find_idempotent(self, caller: str, key: str) -> StoredDecision | None:
        with self.engine.connect() as connection:
            row = connection.execute(
                sa.select(decisions).where(decisions.c.caller == caller, decisions.c.idempotency_key == key)
            ).first()
        return _decision(row) if row is not None else None

    def record(self, new: NewDecision) -> tuple[StoredDecision, bool]:
        """Append a decision; committed when this returns. With an idempotency key used before by
        the same caller: the first record and True (IdempotencyConflict if the request differed)."""
        if new.idempotency_key is not None:
            first = self.find_idempotent(new.caller, new.idempotency_key)
            if first is not None:
                return self._replay(first, new)
        values = {**new.__dict__, "id": uuid.uuid4().hex, "created_at": now(), "deleted_at": None}
        try:
            with self.engine.begin() as connection:
                result = connection.execute(sa.insert(decisions).values(**values))
                seq = int(result.inserted_primary_key[0]) if result.inserted_primary_key else 0
        except IntegrityError:
            # Two requests with one key at once: the other one won; answer with its record.
            assert new.idempotency_key is not None
            first = self.find_idempotent(new.caller, new.idempotency_key)
            if first is None:
                raise
            return self._replay(first, new)
        return StoredDecision(seq=seq, **values), False

    @staticmethod
    def _replay(first: StoredDecision, new: NewDecision) -> tuple[StoredDecision, bool]:
        if first.request_sha256 != new.request_sha256:
            raise IdempotencyConflict(first)
        return first, True

    def get(self, decision_id: str) -> StoredDecision | None:
        with self.engine.connect() as connection:
            row = connection.execute(sa.select(decisions).where(decisions.c.id == decision_id)).first()
        return _decision(row) if row is not None else None

    def by_incident(self, incident_id: str, limit: int = 100) -> list[StoredDecision]:
        query = sa.select(decisions).where(decisions.c.incident_id == incident_id).order_by(decisions.c.seq).limit(limit)
        with self.engine.connect() as connection:
            return [_decision(row) for row in connection.execute(query)]

    def iter_all(self, batch: int = 500) -> Iterator[StoredDecision]:
        """Every record in the order written, read in pages."""
        last = 0
        while True:
            query = sa.select(decisions).where(decisions.c.seq > last).order_by(decisions.c.seq).limit(batch)
            with self.engine.connect() as connection:
                rows = [_decision(row) for row in connection.execute(query)]
            if not rows:
                return
            yield from rows
            last = rows[-1].seq

    def count(self) -> int:
        with self.engine.connect() as connection:
            return int(connection.execute(sa.select(sa.func.count()).select_from(decisions)).scalar_one())

    def tombstone(self, incident_id: str) -> int:
        """Remove the incident (and the decision detail) of every record of this incident; keep the
        summary and the hashes. Returns how many records were tombstoned now."""
        with self.engine.begin() as connection:
            result = connection.execute(
                sa.update(decisions)
                .where(decisions.c.incident_id == incident_id, decisions.c.deleted_at.is_(None))
                .values(incident=None, decision=None, deleted_at=now())
            )
            _erase_register(connection)
        return int(result.rowcount)

    def tombstone_older_than(self, days: int) -> int:
        """The retention setting: tombstone records older than `days` days."""
        cutoff = (datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=days)).isoformat(timespec="microseconds")
        with self.engine.begin() as connection:
            result = connection.execute(
                sa.update(decisions)
                .where(decisions.c.created_at < cutoff, decisions.c.deleted_at.is_(None))
                .values(incident=None, decision=None, deleted_at=now())
            )
            _erase_register(connection)
        return int(result.rowcount)

    # ---- rulebook versions ------------------------------------------------------------------
    def save_rulebook(self, content_hash: str, files: Mapping[str, str], paths: Sequence[str]) -> None:
        """Keep the text of a rulebook version (once per hash)."""
        with self.engine.begin() as connection:
            exists = connection.execute(sa.select(rulebooks.c.hash).where(rulebooks.c.hash == content_hash)).first()
            if exists is None:
                try:
                    with connection.begin_nested():
                        connection.execute(
                            sa.insert(rulebooks).values(
                                hash=content_hash,
                                files=json.dumps(dict(sorted(files.items())), ensure_ascii=False),
                                paths=json.dumps(list(paths)),
                                first_loaded_at=now(),
                            )
                        )
                except IntegrityError:
                    pass  # another replica saved the same version at the same moment

    def rulebook_files(self, content_hash: str) -> dict[str, str] | None:
        with self.engine.connect() as connection:
            row = connection.execute(sa.select(rulebooks.c.files).where(rulebooks.c.hash == content_hash)).first()
        return dict(json.loads(row[0])) if row is not None else None

    def rulebook_versions(self) -> list[dict[str, str]]:
        with self.engine.connect() as connection:
            rows = connection.execute(
                sa.select(rulebooks.c.hash, rulebooks.c.first_loaded_at).order_by(rulebooks.c.first_loaded_at)
            )
            return [{"hash": r[0], "pertama_dimuat": r[1]} for r in rows]

    def set_active(self, content_hash: str) -> int:
        """Make this version the one every worker serves; returns the new generation."""
        with self.engine.begin() as connection:
            row = connection.execute(
                sa.select(service_state.c.generation).where(service_state.c.name == "active_rulebook").with_for_update()
            ).first()
            if row is None:
                try:
                    with connection.begin_nested():
                        connection.execute(
                            sa.insert(service_state).values(name="active_rulebook", value=content_hash, generation=1)
                        )
                    return 1
                except IntegrityError:
                    row = connection.execute(
                        sa.select(service_state.c.generation).where(service_state.c.name == "active_rulebook").with_for_update()
                    ).first()
                    assert row is not None
            generation = int(row[0]) + 1
            connection.execute(
                sa.update(service_state)
                .where(service_state.c.name == "active_rulebook")
                .values(value=content_hash, generation=generation)
            )
            return generation

    def active(self) -> tuple[str, int] | None:
        """(hash, generation) of the active rulebook, or None before the first."""
        with self.engine.connect() as connection:
            row = connection.execute(
                sa.select(service_state.c.value, service_state.c.generation).where(service_state.c.name == "active_rulebook")
            ).first()
        return (str(row[0]), int(row[1])) if row is not None else None

    # ---- API keys ---------------------------------------------------------------------------
    def add_key(self, key_id: str, key_sha256: str, role: str, name: str) -> ApiKey:
        values = {"id": key_id, "key_sha256": key_sha256, "role": role, "name": name, "created_at": now(), "revoked_at": None}
        with self.engine.begin() as connection:
            connection.execute(sa.insert(api_keys).values(**values))
        return ApiKey(**values)  # type: ignore[arg-type]

    def list_keys(self) -> list[ApiKey]:
        with self.engine.connect() as connection:
            return [ApiKey(*row) for row in connection.execute(sa.select(api_keys).order_by(api_keys.c.created_at))]

    def key(self, key_id: str) -> ApiKey | None:
        with self.engine.connect() as connection:
            row = connection.execute(sa.select(api_keys).where(api_keys.c.id == key_id)).first()
        return ApiKey(*row) if row is not None else None

    def revoke_key(self, key_id: str) -> bool:
        with self.engine.begin() as connection:
            result = connection.execute(
                sa.update(api_keys).where(api_keys.c.id == key_id, api_keys.c.revoked_at.is_(None)).values(revoked_at=now())
            )
        return bool(result.rowcount)

    def active_key_count(self) -> int:
        with self.engine.connect() as connection:
            query = sa.select(sa.func.count()).select_from(api_keys).where(api_keys.c.revoked_at.is_(None))
            return int(connection.execute(query).scalar_one())


def _erase_register(connection: sa.Connection) -> None:
    """The tombstone reaches the follow-up register too: its events keep kind and date only."""
    from netralrules.service.register_store import erase_events, tombstoned_ids

    erase_events(connection, tombstoned_ids())


def _decision(row: sa.Row[Any]) -> StoredDecision:
    return StoredDecision(**row._asdict())

"""The service's settings: from arguments (`netralrules serve`) or, in each uvicorn worker, from the
environment the serve command sets (`NETRALRULES_*`)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

DEFAULT_DB = "sqlite:///netralrules.db"
MAX_BODY_BYTES = 5 * 1024 * 1024  # as for an incident file (cli/evaluate.py)
MAX_CONCURRENCY = 16  # requests in flight per worker before 503 + Retry-After
POLL_SECONDS = 2.0  # how often a worker looks for a new active rulebook in the store


@dataclass(frozen=True)
class Settings:
    """What a worker needs: the rulebook paths to start from, the store, and the limits."""

    rules: tuple[str, ...] = ()
    db_url: str = DEFAULT_DB
    max_body_bytes: int = MAX_BODY_BYTES
    max_concurrency: int = MAX_CONCURRENCY
    retention_days: int | None = None
    poll_seconds: float = POLL_SECONDS
    extra: Mapping[str, str] = field(default_factory=dict)

    def to_env(self) -> dict[str, str]:
        env = {
            "NETRALRULES_RULES": os.pathsep.join(self.rules),
            "NETRALRULES_DB": self.db_url,
            "NETRALRULES_MAX_BODY_BYTES": str(self.max_body_bytes),
            "NETRALRULES_MAX_CONCURRENCY": str(self.max_concurrency),
            "NETRALRULES_POLL_SECONDS": str(self.poll_seconds),
        }
        if self.retention_days is not None:
            env["NETRALRULES_RETENTION_DAYS"] = str(self.retention_days)
        return env

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        rules = tuple(p for p in env.get("NETRALRULES_RULES", "").split(os.pathsep) if p)
        retention = env.get("NETRALRULES_RETENTION_DAYS")
        return cls(
            rules=rules,
            db_url=env.get("NETRALRULES_DB", DEFAULT_DB),
            max_body_bytes=int(env.get("NETRALRULES_MAX_BODY_BYTES", MAX_BODY_BYTES)),
            max_concurrency=int(env.get("NETRALRULES_MAX_CONCURRENCY", MAX_CONCURRENCY)),
            retention_days=int(retention) if retention else None,
            poll_seconds=float(env.get("NETRALRULES_POLL_SECONDS", POLL_SECONDS)),
        )

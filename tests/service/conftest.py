"""Fixtures of the service tests: a database of each kind, and servers on loopback.

PostgreSQL tests use the server at $NETRALRULES_TEST_PG_URL (CI starts one: .ci/postgres.sh). They
are skipped when it is not set, except when NETRALRULES_REQUIRE_POSTGRES is set (CI sets it): then
a missing server fails them, as NETRALRULES_REQUIRE_BROWSER does for the browser tests. When the
URL is set, a server that cannot be reached fails them too: they never skip silently."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.service.support import PG_ENV, Server, postgres_database

try:
    import fastapi  # noqa: F401
except ImportError:
    # Without the service extra (pip install -e '.[dev,service,service-test]') there is nothing to test
    # here; CI installs it and asks for PostgreSQL, so there a missing extra fails instead.
    if os.environ.get("NETRALRULES_REQUIRE_POSTGRES"):
        raise
    collect_ignore_glob = ["test_*.py"]


def _pg_base() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        if os.environ.get("NETRALRULES_REQUIRE_POSTGRES"):
            pytest.fail(f"NETRALRULES_REQUIRE_POSTGRES is set but {PG_ENV} is not")
        pytest.skip(f"{PG_ENV} not set (CI starts PostgreSQL with .ci/postgres.sh)")
    return url


@pytest.fixture
def pg_url() -> Iterator[str]:
    with postgres_database(_pg_base()) as url:
        yield url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'keputusan.db'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'keputusan.db'}"
    else:
        with postgres_database(_pg_base()) as url:
            yield url


def _module_db(kind: str, tmp: Path) -> contextlib.AbstractContextManager[str]:
    if kind == "sqlite":
        return contextlib.nullcontext(f"sqlite:///{tmp / 'keputusan.db'}")
    return postgres_database(_pg_base())


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server with no API key (loopback, every role), a small body limit, on each kind of store."""
    tmp = tmp_path_factory.mktemp(f"server-{request.param}")
    with _module_db(request.param, tmp) as url, Server(url, tmp / "server.log", extra=["--max-body-bytes", "200000"]) as running:
        yield running

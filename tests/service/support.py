"""Real `netralrules serve` processes on loopback, driven by httpx; throw-away databases."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "pns_kampanye_atribut_partai.json"
PG_ENV = "NETRALRULES_TEST_PG_URL"


def example(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data.update(changes)
    return data


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """One `netralrules serve` process; its stderr (the logs) goes to a file."""

    def __init__(self, db: str, log: Path, *, rules: Sequence[str] = (), workers: int = 1, extra: Sequence[str] = ()) -> None:
        self.db, self.log_path, self.rules, self.workers, self.extra = db, log, rules, workers, extra
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 60.0) -> Server:
        return self.launch().wait(timeout)

    def launch(self) -> Server:
        args = [sys.executable, "-m", "netralrules", "serve", "--db", self.db, "--port", str(self.port)]
        args += ["--workers", str(self.workers), *self.extra]
        if self.rules:
            args += [arg for path in self.rules for arg in ("--rules", path)]
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
        return self

    def wait(self, timeout: float = 60.0) -> Server:
        assert self.process is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode}:\n{self.logs()}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(self.url + "/readyz", timeout=2).status_code == 200:
                    return self
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"server did not become ready:\n{self.logs()}")

    def client(self, key: str | None = None, headers: dict[str, str] | None = None) -> httpx.Client:
        return httpx.Client(base_url=self.url, headers={**({"X-API-Key": key} if key else {}), **(headers or {})}, timeout=60)

    def logs(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    def kill(self) -> None:
        """kill -9 of the whole process group (uvicorn and its workers): no shutdown, no flush."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()


def edited_rules(folder: Path) -> Path:
    """A copy of the bundled rulebook with one statutory text changed (so another hash)."""
    import shutil

    shutil.copytree(ROOT / "rules", folder, ignore=shutil.ignore_patterns("cases"))
    edited = next(p for p in sorted(folder.rglob("*.nr")) if 'teks "' in p.read_text(encoding="utf-8"))
    edited.write_text(edited.read_text(encoding="utf-8").replace('teks "', 'teks "(diubah) ', 1), encoding="utf-8")
    return folder


def cli(*args: str, db: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "netralrules", *args, "--db", db], capture_output=True, text=True, check=False)


def create_key(db: str, role: str) -> str:
    result = cli("keys", "create", "--role", role, "--name", f"test {role}", db=db)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@contextlib.contextmanager
def postgres_database(base_url: str) -> Iterator[str]:
    """A new, empty database on the test server, dropped afterwards."""
    import psycopg

    name = f"nr_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    head, _, _ = base_url.rpartition("/")
    try:
        yield f"{head}/{name}"
    finally:
        with psycopg.connect(base_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

"""Crashes and replicas: a kill -9 in the middle of a batch loses no acknowledged record, on each
kind of store; two replicas against one PostgreSQL share the store, write through both, and a
retried request never makes a second record."""

from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from tests.service.support import Server, edited_rules, example

BATCH_HEADERS = {"Content-Type": "application/x-ndjson", "Idempotency-Key": "batch-kill"}


def test_kill_9_mid_batch_loses_no_acknowledged_record(db_url: str, tmp_path: Path) -> None:
    total, kill_after = 150, 30
    body = "".join(json.dumps(example(id=f"KILL-{i}")) + "\n" for i in range(total)).encode()
    first = Server(db_url, tmp_path / "first.log").start()
    acknowledged: list[dict[str, object]] = []
    try:
        with (
            httpx.Client(timeout=60) as c,
            c.stream("POST", first.url + "/v1/batch", content=body, headers=BATCH_HEADERS) as answer,
        ):
            for line in answer.iter_lines():
                acknowledged.append(json.loads(line))
                if len(acknowledged) == kill_after:
                    first.kill()
                    break
    finally:
        first.kill()
    assert len(acknowledged) == kill_after
    with Server(db_url, tmp_path / "second.log") as second, second.client() as c:
        for record in acknowledged:
            stored = c.get(f"/v1/decisions/{record['id']}")
            assert stored.status_code == 200, record
            assert stored.json()["keputusan"] == record["keputusan"]
        # The client retries the whole batch with the same key: nothing is recorded twice.
        again = [json.loads(line) for line in c.post("/v1/batch", content=body, headers=BATCH_HEADERS).text.splitlines()]
        assert len(again) == total
        for before, after in zip(acknowledged, again, strict=False):
            assert after["id"] == before["id"] and after["ulangan"] is True
        for i in range(total):
            assert len(c.get("/v1/decisions", params={"insiden": f"KILL-{i}"}).json()["keputusan"]) == 1


def test_two_replicas_share_one_postgresql_store(pg_url: str, tmp_path: Path) -> None:
    replicas = [Server(pg_url, tmp_path / f"replica-{n}.log", extra=["--max-concurrency", "64"]).launch() for n in (0, 1)]
    try:
        for replica in replicas:
            replica.wait()  # started together: the migration runs once, under an advisory lock
        clients = [r.client() for r in replicas]
        count = 40

        def submit(i: int) -> tuple[str, str]:
            key = {"Idempotency-Key": f"replica-{i}"}
            data = example(id=f"REPLICA-{i}")
            one = clients[i % 2].post("/v1/evaluate", json=data, headers=key)
            retry = clients[(i + 1) % 2].post("/v1/evaluate", json=data, headers=key)  # the retry reaches the other replica
            assert one.status_code == retry.status_code == 200, (one.text, retry.text)
            assert retry.json()["ulangan"] is True
            return one.json()["id"], retry.json()["id"]

        with ThreadPoolExecutor(8) as pool:
            pairs = list(pool.map(submit, range(count)))
        assert all(a == b for a, b in pairs)

        def race(i: int) -> set[str]:  # the same key through both replicas at once
            key = {"Idempotency-Key": f"race-{i}"}
            with ThreadPoolExecutor(2) as both:
                answers = list(both.map(lambda c: c.post("/v1/evaluate", json=example(id=f"RACE-{i}"), headers=key), clients))
            assert all(a.status_code == 200 for a in answers), [a.text for a in answers]
            return {a.json()["id"] for a in answers}

        assert all(len(race(i)) == 1 for i in range(10))
        for i in range(count):
            for c in clients:
                records = c.get("/v1/decisions", params={"insiden": f"REPLICA-{i}"}).json()["keputusan"]
                assert [r["id"] for r in records] == [pairs[i][0]]
        for i in range(10):
            assert len(clients[1].get("/v1/decisions", params={"insiden": f"RACE-{i}"}).json()["keputusan"]) == 1

        # A reload through one replica reaches the other within its poll.
        before = clients[1].get("/v1/rulebook").json()["rulebook"]
        switched = clients[0].post("/v1/admin/rulebook/reload", json={"aturan": [str(edited_rules(tmp_path / "rules"))]})
        assert switched.status_code == 200, switched.text
        after = switched.json()["rulebook"]
        deadline = time.monotonic() + 15
        while clients[1].get("/v1/rulebook").json()["rulebook"] != after:
            assert time.monotonic() < deadline, "the other replica did not follow the reload"
            time.sleep(0.2)
        assert after != before
        assert clients[1].post("/v1/evaluate", json=example(id="REPLICA-AFTER")).headers["x-netralrules-rulebook"] == after
        for c in clients:
            c.close()
    finally:
        for replica in replicas:
            replica.stop()


def test_sighup_reloads_the_configured_folder_only_when_it_checks_clean(sqlite_url: str, tmp_path: Path) -> None:
    import os
    import signal

    folder = tmp_path / "rules"
    edited_rules(folder)
    with Server(sqlite_url, tmp_path / "server.log", rules=[str(folder)]) as server, server.client() as c:
        assert server.process is not None
        before = c.get("/v1/rulebook").json()["rulebook"]
        broken = folder / "rusak.nr"
        broken.write_text("ketentuan rusak\n  makaa\n", encoding="utf-8")
        os.kill(server.process.pid, signal.SIGHUP)
        time.sleep(1.5)
        assert c.get("/v1/rulebook").json()["rulebook"] == before
        assert "still serving the old one" in server.logs()
        broken.unlink()
        edited = next(p for p in sorted(folder.rglob("*.nr")) if "(diubah)" in p.read_text(encoding="utf-8"))
        edited.write_text(edited.read_text(encoding="utf-8").replace("(diubah) ", "(diubah lagi) ", 1), encoding="utf-8")
        os.kill(server.process.pid, signal.SIGHUP)
        deadline = time.monotonic() + 10
        while c.get("/v1/rulebook").json()["rulebook"] == before:
            assert time.monotonic() < deadline, "SIGHUP did not reload"
            time.sleep(0.2)
        after = c.get("/v1/rulebook").json()["rulebook"]
        assert c.get(f"/v1/rulebooks/{before}").status_code == 200 and c.get(f"/v1/rulebooks/{after}").status_code == 200

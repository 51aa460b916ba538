"""API keys with roles: each role is refused what it may not do; revoked and unknown keys are
refused; the concurrency limit answers 503 with Retry-After instead of queueing."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.service.support import Server, cli, create_key, example


@pytest.fixture(scope="module")
def keyed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, dict[str, str]]]:
    tmp = tmp_path_factory.mktemp("keyed")
    db = f"sqlite:///{tmp / 'keputusan.db'}"
    keys = {role: create_key(db, role) for role in ("submitter", "reviewer", "admin")}
    with Server(db, tmp / "server.log", extra=["--max-concurrency", "1"]) as server:
        yield server, keys


# (method, path, body) → the only role allowed; None: every valid key
REQUESTS = [
    ("POST", "/v1/evaluate", example(id="ROLE-1"), "submitter"),
    ("POST", "/v1/why-not", {"insiden": example()}, "submitter"),
    ("POST", "/v1/what-if", {"insiden": example(), "perubahan": {"tindakan.jam_kerja": True}}, "submitter"),
    ("POST", "/v1/missing-facts", {"insiden": example()}, "submitter"),
    ("GET", "/v1/decisions?insiden=ROLE-1", None, "reviewer"),
    ("GET", "/v1/admin/keys", None, "admin"),
    ("POST", "/v1/admin/rulebook/reload", {}, "admin"),
    ("DELETE", "/v1/incidents/ROLE-NOTHING", None, "admin"),
]


@pytest.mark.parametrize(("method", "path", "body", "allowed"), REQUESTS, ids=[f"{r[0]} {r[1]}" for r in REQUESTS])
def test_each_role_is_refused_what_it_may_not_do(
    keyed: tuple[Server, dict[str, str]], method: str, path: str, body: object, allowed: str
) -> None:
    server, keys = keyed
    with server.client() as anonymous:
        refused = anonymous.request(method, path, json=body)
        assert refused.status_code == 401 and refused.json()["code"] == "S0401"
        assert refused.headers["www-authenticate"].startswith("Bearer")
    for role, key in keys.items():
        with server.client(key) as c:
            answer = c.request(method, path, json=body)
            if role == allowed:
                assert answer.status_code == 200, (role, answer.text)
            else:
                assert answer.status_code == 403, (role, answer.text)
                assert answer.json()["code"] == "S0403"


def test_a_key_works_as_a_bearer_token_and_unknown_or_revoked_keys_do_not(keyed: tuple[Server, dict[str, str]]) -> None:
    server, keys = keyed
    with server.client(headers={"Authorization": f"Bearer {keys['reviewer']}"}) as c:
        assert c.get("/v1/rulebooks").status_code == 200
    forged = keys["admin"][:-4] + "AAAA"
    with server.client(forged) as c:
        assert c.get("/v1/admin/keys").status_code == 401
    with server.client(keys["admin"]) as admin:
        made = admin.post("/v1/admin/keys", json={"peran": "submitter", "nama": "sementara"})
        assert made.status_code == 201
        new_key, new_id = made.json()["kunci"], made.json()["id"]
        listed = admin.get("/v1/admin/keys").json()["kunci"]
        assert new_id in [k["id"] for k in listed] and all("kunci" not in k for k in listed)
        with server.client(new_key) as submitter:
            assert submitter.post("/v1/evaluate", json=example(id="ROLE-NEW")).status_code == 200
            assert admin.delete(f"/v1/admin/keys/{new_id}").status_code == 200
            assert submitter.post("/v1/evaluate", json=example(id="ROLE-NEW")).status_code == 401


def test_the_store_keeps_only_hashes_of_keys(keyed: tuple[Server, dict[str, str]]) -> None:
    server, keys = keyed
    raw = Path(server.db.removeprefix("sqlite:///")).read_bytes()
    for key in keys.values():
        assert key.encode() not in raw
    listing = cli("keys", "list", db=server.db)
    assert listing.returncode == 0 and "submitter" in listing.stdout and keys["admin"] not in listing.stdout


def test_a_full_service_answers_503_with_retry_after(keyed: tuple[Server, dict[str, str]]) -> None:
    server, keys = keyed
    release = threading.Event()

    def slow_body() -> Iterator[bytes]:
        yield b'{"id": "SLOW", '
        release.wait(20)
        yield b'"tindakan": [{"tanggal": "2024-10-12", "jenis": "ikut_kampanye"}]}'

    holder = threading.Thread(
        target=lambda: httpx.post(
            server.url + "/v1/evaluate",
            content=slow_body(),
            headers={"X-API-Key": keys["submitter"], "Content-Type": "application/json"},
            timeout=30,
        )
    )
    holder.start()
    try:
        time.sleep(0.5)
        with server.client(keys["submitter"]) as c:
            busy = c.post("/v1/evaluate", json=example(id="ROLE-BUSY"))
            assert busy.status_code == 503 and busy.headers["retry-after"] == "1"
            assert busy.json()["code"] == "S0503"
            assert c.get("/healthz").status_code == 200  # health is answered even when full
    finally:
        release.set()
        holder.join(30)

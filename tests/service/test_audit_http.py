"""`POST /v1/audit` through a real server on loopback: reviewers only, CSV and JSON lines bodies,
JSON or the HTML page (with its Content-Security-Policy), problem+json for a register that cannot
be read, and the service's body limit."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.service.support import ROOT, Server, create_key

REGISTER = ROOT / "examples" / "audit" / "register_sintetis.csv"
JSONL = ROOT / "examples" / "audit" / "register_sintetis.jsonl"


@pytest.fixture(scope="module")
def keyed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, dict[str, str]]]:
    tmp = tmp_path_factory.mktemp("audit")
    db = f"sqlite:///{tmp / 'keputusan.db'}"
    keys = {role: create_key(db, role) for role in ("submitter", "reviewer")}
    with Server(db, tmp / "server.log", extra=["--max-body-bytes", "200000"]) as server:
        yield server, keys


def test_only_a_reviewer_may_audit(keyed: tuple[Server, dict[str, str]]) -> None:
    server, keys = keyed
    body = REGISTER.read_bytes()
    with server.client() as anonymous:
        assert anonymous.post("/v1/audit", content=body, headers={"Content-Type": "text/csv"}).status_code == 401
    with server.client(keys["submitter"]) as submitter:
        answer = submitter.post("/v1/audit", content=body, headers={"Content-Type": "text/csv"})
        assert answer.status_code == 403 and answer.headers["content-type"] == "application/problem+json"


def test_csv_and_json_lines_give_the_same_audit(keyed: tuple[Server, dict[str, str]]) -> None:
    server, keys = keyed
    with server.client(keys["reviewer"]) as c:
        a = c.post("/v1/audit", content=REGISTER.read_bytes(), headers={"Content-Type": "text/csv"})
        b = c.post("/v1/audit", content=JSONL.read_bytes(), headers={"Content-Type": "application/x-ndjson"})
    assert a.status_code == b.status_code == 200
    assert a.json()["jumlah"]["perkara"] == 200 and a.json()["hasil"] == b.json()["hasil"]
    assert a.headers["x-netralrules-rulebook"] == a.json()["rulebook"]


def test_the_html_page_carries_the_report_policy(keyed: tuple[Server, dict[str, str]]) -> None:
    server, keys = keyed
    with server.client(keys["reviewer"]) as c:
        page = c.post("/v1/audit?format=html&lang=en", content=REGISTER.read_bytes(), headers={"Content-Type": "text/csv"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    policy = page.headers["content-security-policy"]
    assert policy.startswith("default-src 'none'") and "frame-ancestors 'none'" in policy
    assert 'id="funnel"' in page.text and "consistency audit" in page.text


def test_bad_registers_are_problems_or_listed_rows(keyed: tuple[Server, dict[str, str]]) -> None:
    server, keys = keyed
    with server.client(keys["reviewer"]) as c:
        missing = c.post("/v1/audit", content=b"kasus,tindakan.jenis\nA,ajakan\n", headers={"Content-Type": "text/csv"})
        assert missing.status_code == 422 and missing.json()["code"] == "E0803"
        assert missing.json()["errors"][0]["line"] == 1
        lines = [*JSONL.read_text(encoding="utf-8").splitlines()[:3], "{rusak"]
        partly = c.post("/v1/audit", content="\n".join(lines).encode(), headers={"Content-Type": "application/x-ndjson"})
        assert partly.status_code == 200
        data = partly.json()
        assert data["jumlah"]["perkara"] == 3 and data["ditolak"][0]["kode"] == "E0802" and data["ditolak"][0]["baris"] == 4
        wrong_type = c.post("/v1/audit", content=b"x", headers={"Content-Type": "text/plain"})
        assert wrong_type.status_code == 415
        big = c.post("/v1/audit", content=b"kasus\n" + b"x" * 300000, headers={"Content-Type": "text/csv"})
        assert big.status_code == 413 and big.json()["code"] == "S0413"


def test_the_route_is_documented(keyed: tuple[Server, dict[str, str]]) -> None:
    server, _ = keyed
    with server.client() as c:
        spec = c.get("/openapi.json").json()
    assert "/v1/audit" in spec["paths"]

"""The service over HTTP, on a real uvicorn process, with each kind of store (SQLite, PostgreSQL):
decisions and their records, idempotency, explanations, problem+json, limits, batch, rulebook
versions and reload, metrics, and logs that carry ids only."""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

from tests.service.support import ROOT, Server, example

HASH_HEADER = "x-netralrules-rulebook"


def test_evaluate_records_the_decision_and_names_the_rulebook(server: Server) -> None:
    with server.client() as c:
        answer = c.post("/v1/evaluate", json=example(id="HTTP-1"))
        assert answer.status_code == 200
        body = answer.json()
        assert body["rulebook"] == answer.headers[HASH_HEADER] == body["keputusan"]["rulebook"]
        disiplin = next(t for t in body["keputusan"]["penetapan"] if t["kategori"] == "disiplin")
        assert (disiplin["status"], disiplin["tingkat"]) == ("determined", "sedang")
        record = c.get(f"/v1/decisions/{body['id']}").json()
        assert record["keputusan"] == body["keputusan"]
        assert record["insiden_data"]["id"] == "HTTP-1"
        assert record["ringkasan"]["penetapan"][1]["tingkat"] == "sedang"
        assert record["versi_mesin"] and record["pemanggil"] == "lokal"
        listed = c.get("/v1/decisions", params={"insiden": "HTTP-1"}).json()["keputusan"]
        assert [r["id"] for r in listed] == [body["id"]]


def test_a_retried_request_returns_the_first_record(server: Server) -> None:
    with server.client() as c:
        headers = {"Idempotency-Key": "ulang-1"}
        first = c.post("/v1/evaluate", json=example(id="HTTP-IDEM"), headers=headers)
        again = c.post("/v1/evaluate", json=example(id="HTTP-IDEM"), headers=headers)
        assert first.status_code == again.status_code == 200
        assert again.json()["id"] == first.json()["id"] and again.json()["ulangan"] is True
        assert again.headers["idempotent-replayed"] == "true"
        assert len(c.get("/v1/decisions", params={"insiden": "HTTP-IDEM"}).json()["keputusan"]) == 1
        other = c.post("/v1/evaluate", json=example(id="HTTP-OTHER"), headers=headers)
        assert other.status_code == 409
        assert other.json()["code"] == "S0409"


def test_explanations_report_graph_and_html(server: Server) -> None:
    with server.client() as c:
        report = c.post("/v1/evaluate", params={"penjelasan": "report", "lang": "en"}, json=example(id="HTTP-R")).json()
        assert report["laporan"].startswith("# Explanation of the decision")
        graph = c.post("/v1/evaluate", params={"penjelasan": "graph"}, json=example(id="HTTP-G")).json()
        assert graph["penjelasan"]["nodes"]
        html = c.post("/v1/evaluate", params={"penjelasan": "html"}, json=example(id="HTTP-H"))
        assert html.headers["content-type"].startswith("text/html")
        assert "default-src 'none'" in html.headers["content-security-policy"]
        assert html.headers["x-decision-id"]


def test_why_not_what_if_and_missing_facts(server: Server) -> None:
    with server.client() as c:
        why = c.post("/v1/why-not", json={"insiden": example(), "ketentuan": ["pp94.pasal5.n.4"]})
        assert why.status_code == 200 and "pp94.pasal5.n.4" in json.dumps(why.json()["mengapa_tidak"])
        unknown = c.post("/v1/why-not", json={"insiden": example(), "ketentuan": ["tidak.ada"]})
        assert unknown.status_code == 422 and unknown.json()["code"] == "E0501"
        what = c.post("/v1/what-if", json={"insiden": example(), "perubahan": {"tindakan.fasilitas_negara": True}}).json()
        tiers = {t["kategori"]: t["tingkat"] for t in what["andaikan"]["penetapan"]}
        assert tiers["disiplin"] == "berat"
        missing = c.post("/v1/missing-facts", json={"insiden": example(responden=None)})
        assert missing.status_code == 200 and missing.json()["fakta"]


def test_errors_are_problem_json_with_the_engine_codes_in_either_language(server: Server) -> None:
    with server.client() as c:
        bad = c.post("/v1/evaluate", json={"id": "X", "tindakan": [{"tanggal": "2024-13-01", "jenis": "ikut_kampanye"}]})
        assert bad.status_code == 422
        assert bad.headers["content-type"] == "application/problem+json"
        problem = bad.json()
        assert problem["code"] == "E0408" and problem["errors"][0]["pointer"] == "tindakan[0].tanggal"
        english = c.post("/v1/evaluate", content=b"{not json", headers={"Accept-Language": "en-GB,en;q=0.9"})
        assert english.json()["code"] == "E0401" and english.json()["title"] == "malformed JSON or YAML"
        assert "Traceback" not in english.text
        assert c.get("/v1/nothing-here").json()["code"] == "S0404"
        wrong_type = c.post("/v1/evaluate", content=b"<x/>", headers={"Content-Type": "application/xml"})
        assert wrong_type.status_code == 415


def test_a_body_over_the_limit_is_refused_before_it_is_read(server: Server) -> None:
    with server.client() as c:
        big = c.post("/v1/evaluate", json=example(catatan="x" * 300_000))
        assert big.status_code == 413 and big.json()["code"] == "S0413"

        def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
            for _ in range(30):
                yield b" " * 10_000

        streamed = c.post("/v1/evaluate", content=chunks(), headers={"Content-Type": "application/json"})
        assert streamed.status_code == 413


def test_an_explanation_of_too_many_acts_is_refused_but_the_decision_is_not(server: Server) -> None:
    many = example(id="HTTP-MANY")
    many["tindakan"] = many["tindakan"] * 51  # one more than MAX_EXPLAINED_ACTS
    with server.client() as c:
        for path, body in (("/v1/why-not", {"insiden": many}), ("/v1/missing-facts", {"insiden": many})):
            refused = c.post(path, json=body)
            assert refused.status_code == 422 and refused.json()["code"] == "S0422", path
            assert "51" in refused.json()["detail"]
        assert c.post("/v1/evaluate?penjelasan=report", json=many).status_code == 422
        plain = c.post("/v1/evaluate", json=many)  # no explanation: the engine's limit (1,000 acts) holds
        assert plain.status_code == 200 and len(plain.json()["keputusan"]["tindakan"]) == 51


def test_batch_gives_one_line_per_line_in_order(server: Server) -> None:
    lines = [json.dumps(example(id=f"BATCH-{i}")) for i in range(5)]
    lines.insert(2, "bukan json")
    with server.client() as c:
        answer = c.post("/v1/batch", content=("\n".join(lines) + "\n").encode(), headers={"Content-Type": "application/x-ndjson"})
        out = [json.loads(line) for line in answer.text.splitlines()]
        assert [o["baris"] for o in out] == list(range(1, 7))
        assert out[2]["kesalahan"]["kode"] == "E0401"
        assert [o["keputusan"]["insiden"] for o in out if "id" in o] == [f"BATCH-{i}" for i in range(5)]
        for o in out:
            if "id" in o:
                assert c.get(f"/v1/decisions/{o['id']}").status_code == 200


def test_a_tombstone_keeps_the_summary_and_the_hashes(server: Server) -> None:
    with server.client() as c:
        made = c.post("/v1/evaluate", json=example(id="HTTP-ERASE")).json()
        erased = c.delete("/v1/incidents/HTTP-ERASE").json()
        assert erased["dihapus"] == 1
        record = c.get(f"/v1/decisions/{made['id']}").json()
        assert record["insiden_data"] is None and record["keputusan"] is None and record["dihapus"]
        assert record["ringkasan"]["penetapan"][1]["tingkat"] == "sedang"
        assert len(record["hash_insiden"]) == len(record["hash_keputusan"]) == 64


def test_reload_switches_only_to_a_clean_rulebook_and_every_version_stays_readable(server: Server, tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", folder, ignore=shutil.ignore_patterns("cases"))
    with server.client() as c:
        before = c.get("/v1/rulebook").json()["rulebook"]
        broken = folder / "rusak.nr"
        broken.write_text("ketentuan rusak.sekali\n  makaa\n", encoding="utf-8")
        refused = c.post("/v1/admin/rulebook/reload", json={"aturan": [str(folder)]})
        assert refused.status_code == 422 and refused.json()["code"].startswith("E0")
        assert c.get("/v1/rulebook").json()["rulebook"] == before
        broken.unlink()
        pasal = next(folder.rglob("pasal_05*.nr"))
        pasal.write_text(pasal.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # same law, same hash
        edited = next(p for p in folder.rglob("*.nr") if 'teks "' in p.read_text(encoding="utf-8"))
        text = edited.read_text(encoding="utf-8")
        edited.write_text(text.replace('teks "', 'teks "(diubah) ', 1), encoding="utf-8")
        switched = c.post("/v1/admin/rulebook/reload", json={"aturan": [str(folder)]})
        assert switched.status_code == 200, switched.text
        after = switched.json()["rulebook"]
        assert after != before and switched.headers[HASH_HEADER] == after
        assert c.post("/v1/evaluate", json=example(id="HTTP-NEW")).json()["rulebook"] == after
        old = c.get(f"/v1/rulebooks/{before}").json()
        assert old["rulebook"] == before and any(name.endswith(".nr") for name in old["berkas"])
        versions = [v["hash"] for v in c.get("/v1/rulebooks").json()["versi"]]
        assert before in versions and after in versions
        back = c.post("/v1/admin/rulebook/reload", json={})  # the configured rules again
        assert back.json()["rulebook"] == before


def test_metrics_count_requests_decisions_and_errors(server: Server) -> None:
    with server.client() as c:
        c.post("/v1/evaluate", json=example(id="HTTP-M"))
        c.post("/v1/evaluate", content=b"{")
        text = c.get("/metrics").text
    assert 'netralrules_requests_total{method="POST",route="/v1/evaluate",status="200"' in text
    assert 'netralrules_decisions_total{kategori="disiplin",status="determined",tingkat="sedang"' in text
    assert 'netralrules_errors_total{code="E0401"' in text
    assert "netralrules_request_duration_seconds_bucket" in text


def test_health_and_openapi(server: Server) -> None:
    with server.client() as c:
        assert c.get("/healthz").json() == {"status": "ok"}
        assert c.get("/readyz").status_code == 200
        document = c.get("/openapi.json").json()
        assert "Incident" in document["components"]["schemas"] and "Decision" in document["components"]["schemas"]
        assert c.get("/v1/schema/decision").json()["$id"].startswith("tag:netralrules")
        assert c.get("/v1/schema/incident").json()["required"] == ["id", "tindakan"]


def test_logs_carry_ids_only(server: Server) -> None:
    secret = "Rahasia Pribadi Terlapor 1234"
    with server.client() as c:
        c.post("/v1/evaluate", json=example(id="HTTP-PRIVATE", catatan=secret))
        c.post("/v1/evaluate", json={"id": secret, "tindakan": "x"})
        c.get("/v1/decisions", params={"insiden": secret})
    time.sleep(0.2)
    logs = server.logs()
    assert "/v1/evaluate 200" in logs
    assert secret not in logs and "Guru Ahli Pertama" not in logs


def test_the_service_refuses_a_connection_it_cannot_serve(server: Server) -> None:
    with httpx.Client(base_url=server.url, timeout=10) as c:
        assert c.get("/v1/decisions/" + "x" * 65).status_code == 422


def test_evaluate_accepts_several_elections_and_locates_an_act_without_one(server: Server) -> None:
    """Simultaneous elections (docs/incident.md §3.2): the JSON input takes the list of elections;
    an act without its election is a problem located at its path (E0416)."""
    incident = json.loads((ROOT / "examples" / "pns_pemilu_serentak_2024.json").read_text(encoding="utf-8"))
    with server.client() as c:
        answer = c.post("/v1/evaluate", json={**incident, "id": "HTTP-SERENTAK"})
        assert answer.status_code == 200
        acts = answer.json()["keputusan"]["tindakan"]
        assert [(a["pemilu"]["id"], a["tahap_pemilu"]) for a in acts] == [
            ("pileg2024", "sesudah_penetapan"),
            ("pilpres2024", "sebelum_penetapan"),
        ]
        del incident["tindakan"][1]["pemilu"]
        bad = c.post("/v1/evaluate", json={**incident, "id": "HTTP-SERENTAK-2"})
        assert bad.status_code == 422
        problem = bad.json()
        assert problem["code"] == "E0416" and problem["errors"][0]["pointer"] == "tindakan[1].pemilu"

"""The follow-up register through a real server, on SQLite and PostgreSQL (the `server` fixture):
events appended and rejected (problem+json with the E07xx code and the event field), the register
and the overdue list, the CLI on the same store, racing writers, the tombstone, and the roles.

Decisions that carry a `prosedur` section are written into the server's store directly (fixtures):
the section is added by another part of issue 17. `test_end_to_end_with_the_engines_own_procedure`
uses the engine's own decision and is skipped only while that decision has no `prosedur` key."""

from __future__ import annotations

import datetime
import io
import json
import threading
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from netralrules.cli import main
from netralrules.service.store import NewDecision, Store
from netralrules.tools.records import canonical_json, decision_summary, sha256
from tests.service.support import Server, create_key, example

AS_OF = "2024-12-31"
BERAT = "pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan"
PROCEDURE: dict[str, Any] = {
    "instrumen": "PP_94_2021",
    "dasar": "PP 94/2021",
    "tingkat": "berat",
    "langkah": [],
    "tim_pemeriksa": {"status": "wajib", "rujukan": "uji", "uraian": "uji", "uraian_en": "test"},
    "batas_waktu": [
        {
            "kode": "pemanggilan_pemeriksaan",
            "sejak": "pemanggilan",
            "sampai": "pemeriksaan",
            "jumlah": 7,
            "satuan": "hari_kerja",
            "uraian": "uji",
            "uraian_en": "test",
            "rujukan": "uji",
        }
    ],
    "upaya_administratif": [],
    "terbuka": [],
}


def store_decision(db: str, *, procedure: Any = PROCEDURE, incident_id: str | None = None, migrate: bool = True) -> str:
    """A decision record like the service's, whose decision carries `procedure` (absent: "absent")."""
    decision: dict[str, Any] = {
        "penetapan": [
            {
                "kategori": "disiplin",
                "status": "determined",
                "tingkat": "berat",
                "tingkat_lain": [],
                "diperdebatkan": False,
                "ketentuan": ["pp94.pasal5.n.4"],
                "pilihan_sanksi": [],
            }
        ]
    }
    if procedure != "absent":
        decision["prosedur"] = procedure
    text = canonical_json(decision)
    store = Store(db)
    try:
        if migrate:
            store.migrate()
        incident = incident_id or f"REG-{uuid.uuid4().hex[:8]}"
        record, _ = store.record(
            NewDecision(incident, "test", None, sha256(text), sha256(incident), "{}", text, sha256(text),
                        canonical_json(decision_summary(decision)), "uji", "uji")
        )  # fmt: skip
    finally:
        store.close()
    return record.id


def ev(kind: str, date: str, data: dict[str, Any] | None = None, actor: str = "Atasan langsung") -> dict[str, Any]:
    return {"jenis": kind, "tanggal": date, "pelaku": actor, "data": data or {}}


def post(c: httpx.Client, decision_id: str, event: dict[str, Any]) -> httpx.Response:
    return c.post(f"/v1/decisions/{decision_id}/events", params={"per": AS_OF}, json=event)


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out, err)
    return code, out.getvalue(), err.getvalue()


def test_events_findings_and_the_register(server: Server) -> None:
    decision_id = store_decision(server.db)
    with server.client() as c:
        assert post(c, decision_id, ev("dilaporkan", "2024-10-01", actor="Bawaslu Kabupaten")).status_code == 201
        answer = post(c, decision_id, ev("pemanggilan", "2024-10-22"))
        assert answer.status_code == 201 and answer.json()["urutan"] == 1
        answer = post(c, decision_id, ev("pemeriksaan", "2024-11-20", {"tim_pemeriksa": False}))
        assert answer.status_code == 201
        assert {f["kode"] for f in answer.json()["temuan"]} == {"tanpa_tim_pemeriksa", "lewat_batas_waktu"}
        register = c.get(f"/v1/decisions/{decision_id}/register", params={"per": AS_OF}).json()
    assert [e["jenis"] for e in register["peristiwa"]] == ["dilaporkan", "pemanggilan", "pemeriksaan"]
    assert register["prosedur"]["keadaan"] == "diketahui" and register["status"]["tahap"] == "pemeriksaan"
    (limit,) = register["batas_waktu"]
    assert limit["keadaan"] == "terlambat" and limit["berjalan"] == 21
    assert register["penetapan"]["tingkat"] == "berat"


def test_a_rejected_event_is_problem_json_with_its_code_and_field(server: Server) -> None:
    decision_id = store_decision(server.db)
    with server.client(headers={"Accept-Language": "en"}) as c:
        refused = post(c, decision_id, ev("pemeriksaan", "2024-10-25", {"tim_pemeriksa": True}))
        assert refused.status_code == 422 and refused.headers["content-type"].startswith("application/problem+json")
        body = refused.json()
        assert body["code"] == "E0707" and body["title"] == "trail does not begin with an opening event"
        assert body["errors"][0]["pointer"] == "jenis" and body["errors"][0]["code"] == "E0707"
        assert post(c, decision_id, ev("dilaporkan", "2024-10-01")).status_code == 201
        late = post(c, decision_id, ev("pemanggilan", "2024-09-30", {"ke": 0}))
        assert late.status_code == 422
        assert [(e["code"], e["pointer"]) for e in late.json()["errors"]] == [("E0703", "data.ke")]
        backwards = post(c, decision_id, ev("pemanggilan", "2024-09-30"))
        assert [(e["code"], e["pointer"]) for e in backwards.json()["errors"]] == [("E0706", "tanggal")]
        assert c.post("/v1/decisions/nothing/events", json=ev("dilaporkan", "2024-10-01")).json()["code"] == "S0404"
        assert c.get("/v1/decisions/nothing/register").status_code == 404
        future = c.post(f"/v1/decisions/{decision_id}/events", params={"per": "2999-01-01"}, json=ev("dilaporkan", "2998-01-01"))
        assert future.status_code == 422 and future.json()["code"] == "S0422"
        register = c.get(f"/v1/decisions/{decision_id}/register", params={"per": AS_OF}).json()
    assert len(register["peristiwa"]) == 1  # nothing rejected was recorded


def test_an_older_decision_without_a_procedure_is_checked_for_order_only(server: Server) -> None:
    decision_id = store_decision(server.db, procedure="absent")
    with server.client() as c:
        post(c, decision_id, ev("pemanggilan", "2024-10-01"))
        answer = post(c, decision_id, ev("pemeriksaan", "2024-12-01", {"tim_pemeriksa": False}))
    assert [f["kode"] for f in answer.json()["temuan"]] == ["prosedur_tidak_diketahui"]


def test_overdue_lists_the_cases_past_a_limit_and_the_cli_reads_the_same_store(server: Server) -> None:
    waiting, done, fresh = (store_decision(server.db) for _ in range(3))
    with server.client() as c:
        post(c, waiting, ev("pemanggilan", "2024-11-01"))
        post(c, done, ev("pemanggilan", "2024-11-01"))
        post(c, done, ev("pemeriksaan", "2024-11-05", {"tim_pemeriksa": True}))
        post(c, fresh, ev("pemanggilan", "2024-12-30"))
        overdue = c.get("/v1/register/overdue", params={"per": AS_OF}).json()
    listed = {case["keputusan"]: case for case in overdue["perkara"]}
    assert waiting in listed and done not in listed and fresh not in listed
    assert listed[waiting]["batas_waktu"][0]["keadaan"] == "lewat" and listed[waiting]["terbuka"] is True
    code, out, _ = cli("register", "overdue", "--db", server.db, "--per", AS_OF, "--format", "json")
    assert code == 0 and waiting in {case["keputusan"] for case in json.loads(out)["perkara"]}
    # The CLI appends to the trail the API shows, with the same checks.
    code, _, err = cli("register", "add-event", waiting, "--db", server.db, "--per", AS_OF, "--jenis", "pemeriksaan",
                       "--tanggal", "2024-12-02", "--pelaku", "Tim Pemeriksa", "--data", '{"tim_pemeriksa": true}')  # fmt: skip
    assert code == 0, err
    code, _, err = cli("register", "add-event", waiting, "--db", server.db, "--jenis", "dilaporkan", "--tanggal", "2024-10-01",
                       "--pelaku", "Bawaslu")  # fmt: skip
    assert code == 1 and "error[E0707]" in err
    with server.client() as c:
        register = c.get(f"/v1/decisions/{waiting}/register", params={"per": AS_OF}).json()
    assert [e["jenis"] for e in register["peristiwa"]] == ["pemanggilan", "pemeriksaan"]
    assert register["batas_waktu"][0]["keadaan"] == "terlambat"
    code, out, _ = cli("register", "show", waiting, "--db", server.db, "--per", AS_OF, "--lang", "en")
    assert code == 0 and "[1] 2024-12-02 pemeriksaan — Tim Pemeriksa" in out
    assert cli("register", "show", "nothing", "--db", server.db)[0] == 2


def test_writers_racing_on_one_decision_each_get_their_own_position(server: Server) -> None:
    decision_id = store_decision(server.db)
    answers: list[httpx.Response] = []

    def one() -> None:
        with server.client() as c:
            answers.append(post(c, decision_id, ev("pemanggilan", "2024-10-01")))

    threads = [threading.Thread(target=one) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(a.status_code for a in answers) == [201] * 6, [a.text for a in answers]
    assert sorted(a.json()["urutan"] for a in answers) == list(range(6))


def test_a_tombstone_blanks_the_trail_and_closes_it(server: Server) -> None:
    incident = f"REG-ERASE-{uuid.uuid4().hex[:6]}"
    decision_id = store_decision(server.db, incident_id=incident)
    with server.client() as c:
        post(c, decision_id, ev("pemanggilan", "2024-10-01", actor="Kepala Bidang"))
        assert c.delete(f"/v1/incidents/{incident}").status_code == 200
        register = c.get(f"/v1/decisions/{decision_id}/register", params={"per": AS_OF}).json()
        refused = post(c, decision_id, ev("pemeriksaan", "2024-10-02", {"tim_pemeriksa": True}))
    assert register["dihapus"] is True and register["peristiwa"][0]["pelaku"] == "" and register["peristiwa"][0]["data"] == {}
    assert refused.status_code == 422 and refused.json()["code"] == "E0712"
    from netralrules.service.register_store import Register

    store = Store(server.db)
    try:
        (event,) = Register(store).events(decision_id)  # erased in the store, not only hidden
    finally:
        store.close()
    assert event.actor == "" and event.data == {} and event.kind == "pemanggilan"


SEDANG_6 = "pemotongan tunjangan kinerja sebesar 25% selama 6 bulan"
IMPOSED = {"tingkat": "sedang", "jenis_hukuman": SEDANG_6, "tanggal_keputusan": "2024-11-11"}


def test_end_to_end_with_the_engines_own_procedure(server: Server) -> None:
    """The bundled example (sedang under PP 94/2021): the register reads the decision's own
    procedure: the team is optional, a late examination is late, and the effective date is a date,
    not a deadline."""
    with server.client() as c:
        answer = c.post("/v1/evaluate", json=example(id=f"REG-E2E-{uuid.uuid4().hex[:6]}")).json()
        procedure = answer["keputusan"]["prosedur"]
        decision_id = answer["id"]
        trail = [
            ev("dilaporkan", "2024-10-14", actor="Bawaslu"),
            ev("pemanggilan", "2024-10-21"),
            # 11 working days after the summons: past the 7 working days of the procedure.
            ev("pemeriksaan", "2024-11-05", {"tim_pemeriksa": False}),
            ev("hukuman_dijatuhkan", "2024-11-11", IMPOSED),
            ev("keputusan_disampaikan", "2024-11-20"),
            ev("keputusan_diterima", "2024-11-21"),
        ]  # fmt: skip
        for event in trail:
            assert post(c, decision_id, event).status_code == 201, event
        register = c.get(f"/v1/decisions/{decision_id}/register", params={"per": AS_OF}).json()
    assert procedure["instrumen"] == "PP_94_2021" and procedure["tingkat"] == "sedang"
    assert register["prosedur"]["keadaan"] == "diketahui"
    assert register["prosedur"]["tim_pemeriksa"]["status"] == "opsional"
    findings = {finding["kode"] for finding in register["temuan"]}
    assert "tanpa_tim_pemeriksa" not in findings  # optional for sedang (digest §1.8)
    limits = {limit["kode"]: limit for limit in register["batas_waktu"]}
    assert set(limits) == {limit["kode"] for limit in procedure["batas_waktu"]}
    assert limits["pemanggilan"]["keadaan"] == "terlambat"
    assert limits["pemanggilan_kedua"]["keadaan"] == "belum_mulai"  # the person came: no second summons
    assert limits["penyampaian_keputusan"]["keadaan"] == "tepat_waktu"  # 9 of 14 days
    assert limits["berlaku_keputusan"]["keadaan"] == "pada_hari_ke"
    assert limits["berlaku_keputusan"]["jatuh_tempo"] == "2024-12-06"  # day 15 after receipt
    assert register["status"]["lewat_batas_waktu"] is False


@pytest.fixture(scope="module")
def keyed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, dict[str, str]]]:
    tmp = tmp_path_factory.mktemp("register-keyed")
    db = f"sqlite:///{tmp / 'keputusan.db'}"
    keys = {role: create_key(db, role) for role in ("submitter", "reviewer", "admin")}
    with Server(db, tmp / "server.log") as server:
        yield server, keys


def test_submitters_record_events_and_reviewers_read_the_register(keyed: tuple[Server, dict[str, str]]) -> None:
    server, keys = keyed
    decision_id = store_decision(server.db)
    requests = [
        ("POST", f"/v1/decisions/{decision_id}/events", ev("pemanggilan", "2024-10-01"), "submitter", 201),
        ("GET", f"/v1/decisions/{decision_id}/register", None, "reviewer", 200),
        ("GET", "/v1/register/overdue", None, "reviewer", 200),
    ]
    for method, path, body, allowed, ok in requests:
        with server.client() as anonymous:
            assert anonymous.request(method, path, json=body).status_code == 401
        for role, key in keys.items():
            with server.client(key) as c:
                answer = c.request(method, path, json=body, params={"per": AS_OF})
                assert answer.status_code == (ok if role == allowed else 403), (method, path, role, answer.text)
    assert "Atasan langsung" not in server.logs()  # the actor is stored, never logged


def test_migration_0002_upgrades_a_store_with_records_and_downgrades(db_url: str) -> None:
    """A store made by 0001 with a decision in it gains the register's table; 0002 undoes cleanly."""
    import sqlalchemy as sa
    from alembic import command
    from alembic.config import Config

    from netralrules.service.register_store import Register
    from netralrules.service.store import MIGRATIONS

    def to(store: Store, revision: str, *, down: bool = False) -> None:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with store.engine.begin() as connection:
            config.attributes["connection"] = connection
            (command.downgrade if down else command.upgrade)(config, revision)

    store = Store(db_url)
    try:
        to(store, "0001")
        assert "decision_events" not in sa.inspect(store.engine).get_table_names()
    finally:
        store.close()
    decision_id = store_decision(db_url, migrate=False)  # a record written under 0001's schema
    store = Store(db_url)
    try:
        store.migrate()
        Register(store).add(decision_id, ev("pemanggilan", "2024-10-01"), "test", today=datetime.date(2024, 12, 31))
        assert [e.kind for e in Register(store).events(decision_id)] == ["pemanggilan"]
        to(store, "0001", down=True)
        assert "decision_events" not in sa.inspect(store.engine).get_table_names()
        assert store.get(decision_id) is not None
    finally:
        store.close()

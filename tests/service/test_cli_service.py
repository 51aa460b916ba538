"""The service's commands in-process: `keys`, `decisions export|reevaluate|erase|purge`, `schema
--decision`, and `serve` refusing a broken rulebook. The store is exercised directly on each kind
of database: migrations, idempotent records, tombstones, rulebook versions."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from netralrules.cli import main
from tests.service.support import ROOT, edited_rules, example


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out, err)
    return code, out.getvalue(), err.getvalue()


def test_schema_decision_validates_a_decision() -> None:
    import jsonschema_rs  # comes with schemathesis

    from netralrules import evaluate

    code, out, _ = run("schema", "--decision")
    assert code == 0
    validator = jsonschema_rs.validator_for(json.loads(out))
    decision = evaluate((ROOT / "examples" / "pns_kampanye_atribut_partai.json").read_text(encoding="utf-8"))
    assert validator.is_valid(decision.to_dict())
    assert validator.is_valid(decision.to_dict(include_explanation=False))
    # A village head (outside the ASN rules, no referral) and an act in a declared gap validate too,
    # and the closed vocabularies of the assessment and proof are enforced.
    head = evaluate((ROOT / "examples" / "kepala_desa_tim_kampanye.json").read_text(encoding="utf-8"), explain=False)
    assert head.to_dict()["lingkup"]["asn"] is False and validator.is_valid(head.to_dict())
    gap = evaluate(
        {
            "id": "celah-1",
            "responden": {"status_kepegawaian": "PNS"},
            "pemilu": {
                "jenis": "pilkada_walikota",
                "tanggal_pendaftaran": "2020-09-04",
                "tanggal_penetapan": "2020-09-23",
                "kampanye_mulai": "2020-09-26",
                "kampanye_selesai": "2020-12-05",
                "tanggal_pemungutan": "2020-12-09",
            },
            "tindakan": [{"tanggal": "2020-07-01", "jenis": "mendekati_partai"}],
        },
        explain=False,
    ).to_dict()
    assert gap["tindakan"][0]["penilaian"]["status"] == "tidak_dinilai" and validator.is_valid(gap)
    gap["tindakan"][0]["penilaian"]["status"] = "tidak_ada_pelanggaran"
    assert not validator.is_valid(gap)


def test_keys_create_list_revoke(sqlite_url: str) -> None:
    code, key, _ = run("keys", "create", "--role", "reviewer", "--name", "pemeriksa", "--db", sqlite_url)
    assert code == 0 and key.startswith("nrk_")
    key_id = key.split("_")[1]
    code, listing, _ = run("keys", "list", "--db", sqlite_url)
    assert key_id in listing and "reviewer" in listing and "aktif/active" in listing and key.strip() not in listing
    assert run("keys", "revoke", key_id, "--db", sqlite_url)[0] == 0
    assert run("keys", "revoke", key_id, "--db", sqlite_url)[0] == 1
    assert "dicabut/revoked" in run("keys", "list", "--db", sqlite_url)[1]


def _record(db: str, incident: dict[str, object], key: str | None = None) -> tuple[object, bool]:
    from netralrules import load_rulebook
    from netralrules.service.rulebooks import activate
    from netralrules.service.store import NewDecision, Store
    from netralrules.tools.records import canonical_json, decision_summary, sha256

    store = Store(db)
    store.migrate()
    rulebook = load_rulebook()
    activate(store, [])
    decision = rulebook.evaluate(incident, explain=False).to_dict(include_explanation=False)
    text = canonical_json(decision)
    new = NewDecision(
        str(incident["id"]), "uji", key, sha256(canonical_json(incident)), sha256(canonical_json(incident)),
        canonical_json(incident), text, sha256(text), canonical_json(decision_summary(decision)), rulebook.content_hash, "0.1.0",
    )  # fmt: skip
    try:
        return store.record(new)
    finally:
        store.close()


def test_the_store_on_each_database(db_url: str) -> None:
    from netralrules.service.store import IdempotencyConflict, Store

    first, replayed = _record(db_url, example(id="STORE-1"), key="k1")
    again, replayed_again = _record(db_url, example(id="STORE-1"), key="k1")
    assert not replayed and replayed_again and again == first
    with pytest.raises(IdempotencyConflict):
        _record(db_url, example(id="STORE-2"), key="k1")
    store = Store(db_url)
    try:
        store.migrate()  # again: nothing to do
        assert store.count() == 1
        assert store.tombstone("STORE-1") == 1 and store.tombstone("STORE-1") == 0
        kept = store.by_incident("STORE-1")[0]
        assert kept.incident is None and kept.decision is None and json.loads(kept.summary)["penetapan"]
        assert store.active() is not None and store.rulebook_files(store.active()[0])  # type: ignore[index]
    finally:
        store.close()


def test_decisions_export_erase_purge_and_reevaluate(sqlite_url: str, tmp_path: Path) -> None:
    _record(sqlite_url, example(id="CLI-1"))
    _record(sqlite_url, example(id="CLI-2", tindakan=[{**example()["tindakan"][0], "fasilitas_negara": True}]))
    code, exported, _ = run("decisions", "export", "--db", sqlite_url)
    lines = [json.loads(line) for line in exported.splitlines()]
    assert code == 0 and [r["insiden"] for r in lines] == ["CLI-1", "CLI-2"]
    assert run("decisions", "reevaluate", "--rules", str(ROOT / "rules"), "--db", sqlite_url)[0] == 0
    changed = edited_rules(tmp_path / "rules")
    code, out, _ = run("decisions", "reevaluate", "--rules", str(changed), "--db", sqlite_url, "--format", "json")
    assert code in (0, 1) and json.loads(out)[0]["insiden_dinilai"] == 2
    assert run("decisions", "erase", "CLI-1", "--db", sqlite_url)[1].strip() == "1"
    assert run("decisions", "purge", "--older-than", "0", "--db", sqlite_url)[1].strip() == "1"
    code, exported, _ = run("decisions", "export", "--db", sqlite_url)
    assert all(json.loads(line)["insiden_data"] is None for line in exported.splitlines())


def test_serve_refuses_a_rulebook_with_errors(sqlite_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "rusak"
    folder.mkdir()
    (folder / "rusak.nr").write_text("ketentuan rusak\n  makaa\n", encoding="utf-8")
    code, _, err = run("serve", "--rules", str(folder), "--db", sqlite_url, "--port", "1")
    assert code == 1 and "not serving" in err


def test_the_migrations_make_the_schema_the_store_declares(db_url: str) -> None:
    """Alembic's autogenerate finds nothing to add: `store.py`'s tables and `migrations/` agree."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from netralrules.service.store import Store, metadata

    store = Store(db_url)
    try:
        store.migrate()
        with store.engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), metadata)
    finally:
        store.close()
    assert differences == []

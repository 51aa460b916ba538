"""Referral: to whom a case is referred (KASN, BKN), chosen from the rulebook's `lembaga_pengawas`
declarations by the report date, and reported in the decision JSON and the narrative."""

from __future__ import annotations

import copy
import datetime
import json
from pathlib import Path
from typing import Any

import pytest

from netralrules import evaluate, load_rulebook
from netralrules.evaluation.referral import LAST_ACT_DATE, REPORT_DATE, refer, referral_date
from netralrules.explain import narrative
from netralrules.syntax import ast
from tests.helpers import explained, parse

EXAMPLES = Path(__file__).parents[2] / "examples"
BASE: dict[str, Any] = json.loads((EXAMPLES / "pns_kampanye_atribut_partai.json").read_text(encoding="utf-8"))

BODIES = parse("""
lembaga_pengawas LAMA {
  judul "Lembaga lama"
  berlaku sampai 2024-08-24
  alur "Bawaslu", "LAMA", "PPK"
}
lembaga_pengawas BARU {
  judul "Lembaga baru"
  berlaku sejak 2024-06-14
  alur "Bawaslu", "BARU", "PPK"
}
""").declarations
SUPERVISORS: dict[str, ast.Supervisor] = {b.id.name: b for b in BODIES if isinstance(b, ast.Supervisor)}
D = datetime.date


@pytest.mark.parametrize(
    ("day", "status", "names"),
    [
        (D(2024, 6, 13), "determined", ["LAMA"]),
        (D(2024, 6, 14), "unresolved", ["BARU", "LAMA"]),  # both ends of an overlap are inside it
        (D(2024, 8, 24), "unresolved", ["BARU", "LAMA"]),
        (D(2024, 8, 25), "determined", ["BARU"]),
    ],
    ids=["before-overlap", "first-day-of-overlap", "last-day-of-overlap", "after-overlap"],
)
def test_overlapping_periods_make_the_referral_contested(day: datetime.date, status: str, names: list[str]) -> None:
    r = refer(SUPERVISORS, day, REPORT_DATE)
    assert r.status == status and [b.id.name for b in r.bodies] == names
    assert bool(r.reasons) == (status != "determined")


def test_no_body_for_the_date_is_none_not_a_guess() -> None:
    only_new = {"BARU": SUPERVISORS["BARU"]}
    r = refer(only_new, D(2020, 1, 1), REPORT_DATE)
    assert r.status == "none" and r.bodies == () and r.reasons


def test_the_report_date_selects_the_body_else_the_last_act() -> None:
    acts = [D(2024, 5, 1), D(2024, 9, 1), D(2024, 7, 1)]
    assert referral_date(D(2024, 10, 1), acts) == (D(2024, 10, 1), REPORT_DATE)
    assert referral_date(None, acts) == (D(2024, 9, 1), LAST_ACT_DATE)


def with_report(date: str | None, act: str = "2024-10-12") -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    data["tanggal_laporan"] = date
    data["tindakan"][0]["tanggal"] = act
    return data


def test_decision_json_says_to_whom_and_by_which_date() -> None:
    out = evaluate(with_report("2024-10-14")).to_dict()["pengawasan"]
    assert out["tanggal_acuan"] == "2024-10-14" and out["dasar_tanggal"] == "tanggal_laporan"
    assert out["status"] == "determined" and [b["nama"] for b in out["lembaga"]] == ["BKN"]
    assert out["lembaga"][0]["alur"][0].startswith("Bawaslu") and out["lembaga"][0]["alur"][-1].startswith("PPK")
    assert out["lembaga"][0]["berlaku_sejak"] == "2024-06-14" and out["alasan"] == []


def test_without_a_report_date_the_last_act_date_is_used_and_said() -> None:
    data = with_report(None, act="2024-01-20")
    data["pemilu"]["jenis"] = "pemilu_presiden"
    out = evaluate(data).to_dict()["pengawasan"]
    assert (out["tanggal_acuan"], out["dasar_tanggal"]) == ("2024-01-20", "tanggal_tindakan_terakhir")
    assert [b["nama"] for b in out["lembaga"]] == ["KASN"] and out["lembaga"][0]["berlaku_sejak"] is None


def test_the_referral_date_does_not_change_the_law_applied() -> None:
    early, late = evaluate(with_report("2024-10-14")), evaluate(with_report("2024-07-01"))
    assert early.evaluation == late.evaluation and early.determination == late.determination
    assert early.to_dict()["pengawasan"] != late.to_dict()["pengawasan"]


def test_contested_referral_in_json_and_in_both_narratives() -> None:
    decision = evaluate(with_report("2024-07-01"))
    out = decision.to_dict()["pengawasan"]
    assert out["status"] == "unresolved" and [b["nama"] for b in out["lembaga"]] == ["BKN", "KASN"]
    assert "diperselisihkan" in out["alasan"][0]
    assert all("diperselisihkan" in b["catatan"] for b in out["lembaga"])
    # The sources that disagree are in the structured sources, with their reliability.
    assert all(any(x["keandalan"] == "bertentangan" for x in b["sumber"]) for b in out["lembaga"])
    text = narrative(explained(decision))
    assert "Penerusan perkara (lembaga pengawas)" in text
    assert "Tanggal acuan: 1 Juli 2024 (2024-07-01), tanggal laporan." in text
    assert (
        "Belum dapat ditentukan (diperselisihkan): tanggal acuan berada dalam masa lebih dari satu lembaga pengawas"
        " (BKN, KASN)" in text
    )
    assert "- KASN (Komisi Aparatur Sipil Negara), sampai 24 Agustus 2024." in text
    # Also listed among the unresolved points, after the section that explains it.
    unresolved = text[text.index("Hal yang belum terselesaikan") :]
    assert "- Penerusan perkara (lembaga pengawas): tanggal acuan berada" in unresolved
    english = narrative(explained(decision), "en")
    assert "Reference date: July 1, 2024 (2024-07-01), the date of the report." in english
    assert (
        "Unresolved (contested): the reference date falls within the periods of more than one supervisory body"
        " (BKN, KASN)" in english
    )


def test_determined_referral_in_both_narratives() -> None:
    decision = evaluate(with_report("2024-10-14"))
    text, english = narrative(explained(decision)), narrative(explained(decision), "en")
    assert (
        "Diteruskan kepada: BKN (Badan Kepegawaian Negara, Deputi Pengawasan dan Pengendalian), berlaku sejak 14 Juni 2024."
        in text
    )
    assert "BKN: Alur: Bawaslu: " in text and " → PPK: " in text
    assert "Referred to: BKN (" in english and "BKN: Chain: Bawaslu: " in english
    assert "Penerusan perkara" not in text[text.index("Hal yang belum terselesaikan") :]


def test_a_rulebook_without_bodies_says_none() -> None:
    rules = Path(__file__).parents[2] / "rules" / "pp94_2021"
    out = evaluate(with_report("2024-10-14"), load_rulebook(rules)).to_dict()["pengawasan"]
    assert out["status"] == "none" and out["lembaga"] == [] and out["alasan"]

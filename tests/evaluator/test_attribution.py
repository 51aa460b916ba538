"""Who did it, and is it proven: an act the respondent did not do is not attributed (undecided, and
the facts that would decide ask who did it); a finding on an act neither verified nor backed by
verified evidence is alleged (`dugaan`) in every output, and the determination says so."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from netralrules import Rulebook
from netralrules.explain.render.html import to_html
from tests.evaluator.test_coverage import _rulebook, incident


@pytest.fixture
def small(tmp_path: Path) -> Rulebook:
    return _rulebook(tmp_path / "rules")


def one_act(**facts: Any) -> dict[str, Any]:
    data = incident()
    data["tindakan"] = [{**data["tindakan"][0], **facts}]
    return data


def test_an_act_the_respondent_did_not_do_is_undecided_and_asks_who_did_it(small: Rulebook) -> None:
    decision = small.evaluate(one_act(dilakukan_sendiri=False), explain=False)
    (outcome,) = [o for o in decision.evaluation.outcomes if o.provision == "uji.atribut"]
    assert outcome.status == "unknown" and outcome.reason.startswith("tindakan tidak dilakukan sendiri oleh responden")
    assert decision.evaluation.findings == ()
    data = json.loads(decision.to_json())
    (discipline,) = [t for t in data["penetapan"] if t["kategori"] == "disiplin"]
    assert discipline["status"] == "unresolved"
    (open_point,) = data["belum_terselesaikan"]
    assert "tindakan.dilakukan_sendiri" in open_point["fakta_penentu"]
    assert data["tindakan"][0]["penilaian"]["status"] == "dinilai"  # assessed, not silently dropped
    english = small.to_text(one_act(dilakukan_sendiri=False), "en")
    assert "the act was not done by the respondent: who did it, and the respondent's part, decide it" in english


def test_an_act_done_by_the_respondent_or_not_stated_is_attributed(small: Rulebook) -> None:
    for facts in ({"dilakukan_sendiri": True}, {}):
        decision = small.evaluate(one_act(**facts), explain=False)
        assert [f.provision for f in decision.evaluation.findings] == ["uji.atribut"]


@pytest.mark.parametrize(
    ("facts", "proof"),
    [
        ({"terverifikasi": True}, "terbukti"),
        ({"terverifikasi": False, "bukti": [{"sumber": "formulir pengawas", "terverifikasi": True}]}, "terbukti"),
        ({"terverifikasi": False, "bukti": [{"sumber": "tangkapan layar", "terverifikasi": False}]}, "dugaan"),
        ({}, "dugaan"),
    ],
)
def test_a_finding_is_proven_only_by_a_verified_act_or_evidence(small: Rulebook, facts: dict[str, Any], proof: str) -> None:
    decision = small.evaluate(one_act(**facts))
    data = json.loads(decision.to_json(include_explanation=False))
    assert [f["pembuktian"] for f in data["tindakan"][0]["temuan"]] == [proof]
    (discipline,) = [t for t in data["penetapan"] if t["kategori"] == "disiplin"]
    alleged = "dugaan, belum terverifikasi (tindakan maupun buktinya): tindakan 1"
    assert (alleged in discipline["alasan"]) == (proof == "dugaan")
    text_id, text_en = small.to_text(one_act(**facts), "id"), small.to_text(one_act(**facts), "en")
    page = to_html(decision, "en")
    if proof == "dugaan":
        assert "Pembuktian: DUGAAN: tindakan maupun buktinya belum terverifikasi." in text_id
        assert "Proof: ALLEGED: neither the act nor its evidence is verified." in text_en
        assert "alleged, not verified (neither the act nor its evidence): act 1" in text_en
        assert '<p class="proof dugaan">' in page
    else:
        assert "Pembuktian: terbukti (tindakan atau salah satu buktinya sudah terverifikasi)." in text_id
        assert '<p class="proof terbukti">' in page


def test_a_track_names_every_alleged_act_once_in_order_and_no_proven_one(small: Rulebook) -> None:
    data = incident()
    act = data["tindakan"][0]
    # Acts 1 and 3 alleged, 2 proven, 4 not the respondent's (no finding): the track names 1 and 3.
    data["tindakan"] = [
        {**act, "terverifikasi": False},
        {**act, "terverifikasi": True},
        {**act, "terverifikasi": False},
        {**act, "dilakukan_sendiri": False},
    ]
    decision = small.evaluate(data, explain=False)
    assert [(f.act, f.proof) for f in decision.evaluation.findings] == [(0, "dugaan"), (1, "terbukti"), (2, "dugaan")]
    (discipline,) = [t for t in decision.determination.tracks if t.category == "disiplin"]
    assert [r for r in discipline.reasons if r.startswith("dugaan")] == [
        "dugaan, belum terverifikasi (tindakan maupun buktinya): tindakan 1, 3"
    ]
    assert [o.act for o in decision.evaluation.unresolved] == [3]
    others = [t for t in decision.determination.tracks if t.category != "disiplin"]
    assert not any(r.startswith("dugaan") for t in others for r in t.reasons)

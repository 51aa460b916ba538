"""Wording a lawyer would sign (issue 19): penalties joined as the statute joins them, no tier spoken
of for a criminal track, and a subject that is known not to match said so."""

from __future__ import annotations

import json
from pathlib import Path

from netralrules import load_rulebook

RULES = """
instrumen UU_UJI {
  judul "Undang-undang uji"
  jenis UU
  nomor 1 tahun 2017
  berlaku sejak 2017-08-16
}

ketentuan uji.pidana {
  rujukan UU_UJI pasal 494
  teks "Kepala desa yang menjadi tim kampanye dipidana."
  untuk kepala_desa
  jika tindakan.jenis = menjadi_tim_kampanye
  maka pidana kurungan paling_lama 1 tahun dan denda paling_banyak Rp12.000.000 menurut UU_UJI pasal 494
}

ketentuan uji.pidana_atau {
  rujukan UU_UJI pasal 188
  teks "Pejabat yang melanggar dipidana."
  untuk kepala_desa
  jika tindakan.jenis = keputusan_atau_tindakan
  maka pidana penjara 1 bulan sampai 6 bulan dan/atau denda Rp600.000 sampai Rp6.000.000 menurut UU_UJI pasal 188
}

ketentuan uji.pejabat {
  rujukan UU_UJI pasal 71
  teks "Pejabat ASN dilarang membuat keputusan yang menguntungkan calon."
  untuk pejabat_asn
  jika tindakan.jenis = keputusan_atau_tindakan
  maka pidana penjara paling_lama 6 bulan menurut UU_UJI pasal 188
}
"""


def incident(status: str, *kinds: str) -> str:
    acts = [{"tanggal": "2024-01-20", "jenis": k} for k in kinds]
    return json.dumps(
        {"id": "uji", "responden": {"status_kepegawaian": status}, "pemilu": {"jenis": "pemilu_dpr"}, "tindakan": acts}
    )


def test_penalties_are_joined_as_the_statute_joins_them(tmp_path: Path) -> None:
    (tmp_path / "uji.nr").write_text(RULES, encoding="utf-8")
    rulebook = load_rulebook(tmp_path)
    both = incident("kepala_desa", "menjadi_tim_kampanye", "keputusan_atau_tindakan")
    text_id, text_en = rulebook.to_text(both, "id"), rulebook.to_text(both, "en")
    assert "Ancaman pidana: kurungan paling lama 1 tahun dan denda paling banyak Rp12.000.000." in text_id
    assert "and fine at most Rp12.000.000" in text_en and "detention at most 1 year and" in text_en
    assert "dan/atau denda Rp600.000 sampai Rp6.000.000" in text_id
    assert "; denda" not in text_id


def test_a_criminal_track_speaks_of_no_tier(tmp_path: Path) -> None:
    (tmp_path / "uji.nr").write_text(RULES, encoding="utf-8")
    text = load_rulebook(tmp_path).to_text(incident("kepala_desa", "menjadi_tim_kampanye"), "en")
    assert "Criminal: determined." in text
    assert "its tier is the tier of that finding" not in text


def test_a_subject_known_not_to_match_does_not_read_as_unknown(tmp_path: Path) -> None:
    (tmp_path / "uji.nr").write_text(RULES, encoding="utf-8")
    rulebook = load_rulebook(tmp_path)

    def outcome(status: str) -> tuple[str, str]:
        decision = rulebook.evaluate(incident(status, "keputusan_atau_tindakan"), explain=False)
        o = next(o for o in decision.evaluation.outcomes if o.provision == "uji.pejabat")
        return o.status, o.reason

    # A village head is known not to be an ASN official: not applicable, never "status unknown".
    assert outcome("kepala_desa") == ("not_applicable", "subjek: pejabat_asn")
    # A PNS may or may not hold an ASN post: undecided, and the reason names the subject, not the status.
    assert outcome("PNS") == ("unknown", "apakah responden termasuk subjek ketentuan ini belum dapat ditentukan: pejabat_asn")
    english = rulebook.to_text(incident("PNS", "keputusan_atau_tindakan"), "en")
    assert "whether the respondent is among this provision's subjects cannot be decided yet: pejabat_asn" in english
    assert "employment status is unknown" not in english


def test_facts_stated_but_read_by_no_provision_are_listed(tmp_path: Path) -> None:
    """jam_kerja and sedang_cuti change nothing a provision reads here (docs/incident.md): the report
    still shows them as stated, so a reviewer sees they were reported."""
    (tmp_path / "uji.nr").write_text(RULES, encoding="utf-8")
    rulebook = load_rulebook(tmp_path)
    data = json.loads(incident("kepala_desa", "menjadi_tim_kampanye"))
    data["tindakan"][0].update(jam_kerja=True, sedang_cuti=False, dilakukan_sendiri=True)
    text = rulebook.to_text(json.dumps(data), "en")
    assert "Act 1, other facts stated, read by no provision: During working hours: yes; On leave: no." in text
    assert "Done by the respondent" not in text.split("other facts stated")[1].split("\n")[0]

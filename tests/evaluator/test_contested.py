"""Contested tiers: a provision may state another reading of its tier (`bacaan_lain`), with its
basis. A discipline track resting on such a finding is unresolved (contested) unless another
finding settles its tier whichever reading is taken; the reasons name every reading with its basis,
the sanction options of both readings are given, and every output shows both."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import html5lib
import pytest

from netralrules import Rulebook, load_rulebook
from netralrules.explain.render.html import to_html
from netralrules.explain.words import reason_text
from netralrules.syntax import ast
from netralrules.syntax.formatter import format_file
from tests.helpers import INSTRUMENT, codes, parse

RULES = (
    INSTRUMENT
    + """
instrumen SKB_UJI {
  judul "Pedoman bersama uji"
  jenis SKB
  berlaku sejak 2022-09-22
}

ketentuan uji.pendekatan {
  rujukan PP_94_2021 pasal 10
  teks "mendekati partai politik sebagai bakal calon"
  untuk PNS
  jika tindakan.jenis = mendekati_partai
  maka disiplin tingkat sedang menurut PP_94_2021 pasal 10
    bacaan_lain tingkat berat menurut SKB_UJI
}

ketentuan uji.unggah {
  rujukan PP_94_2021 pasal 5 huruf n
  teks "mengunggah kampanye calon"
  untuk PNS
  jika tindakan.jenis = unggah_media_sosial
  maka disiplin tingkat berat menurut PP_94_2021 pasal 14 huruf i
}

ketentuan uji.atribut {
  rujukan PP_94_2021 pasal 5 huruf n angka 2
  teks "ikut kampanye dengan atribut partai"
  untuk PNS
  jika tindakan.jenis = ikut_kampanye dan tindakan.atribut_partai
  maka disiplin tingkat sedang menurut PP_94_2021 pasal 13 huruf g
}
"""
)
SEDANG = "pemotongan tunjangan kinerja sebesar 25% selama 6 bulan"
BERAT = "penurunan jabatan setingkat lebih rendah selama 12 bulan"


@pytest.fixture(scope="module")
def rulebook(tmp_path_factory: pytest.TempPathFactory) -> Rulebook:
    folder: Path = tmp_path_factory.mktemp("rules")
    (folder / "uji.nr").write_text(RULES, encoding="utf-8")
    return load_rulebook(folder)


def incident(*acts: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": "uji-diperdebatkan",
        "responden": {"status_kepegawaian": "PNS"},
        "pemilu": {"jenis": "pilkada_bupati", "tanggal_penetapan": "2024-09-22"},
        "tindakan": [{"tanggal": "2024-05-10", "terverifikasi": True, **a} for a in acts],
    }


APPROACH = {"jenis": "mendekati_partai"}


def discipline(data: dict[str, Any]) -> dict[str, Any]:
    tracks: list[dict[str, Any]] = [t for t in data["penetapan"] if t["kategori"] == "disiplin"]
    (track,) = tracks
    return track


def test_the_reading_parses_formats_and_keeps_the_english_spelling_equal() -> None:
    tree = parse(RULES)
    prov = next(d for d in tree.declarations if isinstance(d, ast.Provision) and d.id.name == "uji.pendekatan")
    assert prov.outcome is not None and prov.outcome.contested
    (reading,) = prov.outcome.other_readings
    assert reading.tier == ast.Tier.BERAT and reading.basis.instrument.name == "SKB_UJI" and reading.basis.parts == ()
    formatted = format_file(tree, RULES)
    expected = "  maka disiplin tingkat sedang menurut PP_94_2021 pasal 10\n    bacaan_lain tingkat berat menurut SKB_UJI\n"
    assert expected in formatted
    assert format_file(parse(formatted), formatted) == formatted  # idempotent
    english = format_file(tree, RULES, lang="en")
    assert "other_reading tier severe per SKB_UJI" in english
    assert parse(english).declarations == tree.declarations


def test_a_rulebook_without_readings_hashes_as_before() -> None:
    plain = ast.Outcome(category=ast.Category.DISIPLIN, tier=ast.Tier.SEDANG)
    assert "other_readings" not in repr(plain)
    read = ast.Outcome(
        category=ast.Category.DISIPLIN,
        tier=ast.Tier.SEDANG,
        other_readings=(ast.Reading(tier=ast.Tier.BERAT, basis=ast.Citation(instrument=ast.Ref(name="X"), parts=())),),
    )
    assert "other_readings" in repr(read) and read != plain


@pytest.mark.parametrize(
    ("outcome", "code"),
    [
        ("disiplin tingkat sedang menurut PP_94_2021 pasal 10 bacaan_lain tingkat sedang menurut PP_94_2021", "E0230"),
        (
            "disiplin tingkat sedang menurut PP_94_2021 pasal 10 bacaan_lain tingkat berat menurut PP_94_2021 "
            "bacaan_lain tingkat berat menurut PP_94_2021 pasal 14",
            "E0230",
        ),
        ("disiplin bacaan_lain tingkat berat menurut PP_94_2021", "E0231"),
        ("etik bacaan_lain tingkat berat menurut PP_94_2021", "E0231"),
        ("disiplin tingkat sedang menurut PP_94_2021 pasal 10 bacaan_lain tingkat berat menurut SKB_2002", "E0232"),
        (
            "disiplin tingkat sedang menurut PP_94_2021 pasal 10 bacaan_lain tingkat berat menurut PP_94_2021 huruf i pasal 14",
            "E0203",
        ),
    ],
)
def test_the_checker_refuses_a_reading_that_contests_nothing_or_rests_on_nothing(outcome: str, code: str) -> None:
    text = INSTRUMENT + f'ketentuan k {{\n  rujukan PP_94_2021 pasal 5\n  teks "t"\n  jika benar\n  maka {outcome}\n}}\n'
    assert code in codes(text)


def test_a_well_formed_reading_is_accepted() -> None:
    text = (
        INSTRUMENT
        + 'ketentuan k {\n  rujukan PP_94_2021 pasal 5\n  teks "t"\n  jika benar\n'
        + "  maka disiplin tingkat sedang menurut PP_94_2021 pasal 10 bacaan_lain tingkat berat menurut PP_94_2021 pasal 14\n}\n"
    )
    assert not [c for c in codes(text) if c.startswith("E")]


def test_a_track_resting_on_a_contested_tier_is_unresolved_with_both_readings(rulebook: Rulebook) -> None:
    decision = rulebook.evaluate(incident(APPROACH), explain=False)
    (finding,) = decision.evaluation.findings
    assert finding.tier == "sedang" and [r.tier for r in finding.other_readings] == ["berat"]
    assert finding.other_readings[0].sanction_options == (BERAT,)  # from the PP 94 table: SKB_UJI has none
    data = json.loads(decision.to_json())
    track = discipline(data)
    assert track["status"] == "unresolved" and track["tingkat"] == "sedang"
    assert track["diperdebatkan"] is True and track["tingkat_lain"] == ["berat"]
    assert track["alasan"] == ["diperdebatkan (uji.pendekatan): sedang menurut PP_94_2021 pasal 10, berat menurut SKB_UJI"]
    (found,) = data["tindakan"][0]["temuan"]
    assert found["tingkat_lain"] == [
        {"tingkat": "berat", "dasar_tingkat": {"instrumen": "SKB_UJI", "urutan": []}, "pilihan_sanksi": [BERAT]}
    ]


def test_a_heavier_uncontested_finding_settles_the_tier(rulebook: Rulebook) -> None:
    data = json.loads(rulebook.evaluate(incident(APPROACH, {"jenis": "unggah_media_sosial"}), explain=False).to_json())
    track = discipline(data)
    assert (track["status"], track["tingkat"], track["diperdebatkan"]) == ("determined", "berat", False)
    assert not any(r.startswith("diperdebatkan") for r in track["alasan"])


def test_a_lighter_or_equal_uncontested_finding_leaves_it_contested(rulebook: Rulebook) -> None:
    acts = (APPROACH, {"jenis": "ikut_kampanye", "atribut_partai": True})
    data = json.loads(rulebook.evaluate(incident(*acts), explain=False).to_json())
    track = discipline(data)
    assert (track["status"], track["tingkat"], track["tingkat_lain"]) == ("unresolved", "sedang", ["berat"])


def test_uncontested_findings_carry_no_readings(rulebook: Rulebook) -> None:
    data = json.loads(rulebook.evaluate(incident({"jenis": "unggah_media_sosial"}), explain=False).to_json())
    assert data["tindakan"][0]["temuan"][0]["tingkat_lain"] == []
    assert discipline(data)["diperdebatkan"] is False and discipline(data)["status"] == "determined"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_text_markdown_and_html_show_both_readings_and_both_sanctions(rulebook: Rulebook, lang: str) -> None:
    one = incident(APPROACH)
    for render in (rulebook.to_text, rulebook.to_markdown):
        text = render(one, lang)
        if lang == "id":
            assert "Bacaan lain (tingkat diperdebatkan): tingkat berat menurut SKB UJI." in text
            assert "Tingkat diperdebatkan: sedang atau berat." in text
            assert "diperdebatkan (Pasal 10 PP 94/2021): sedang menurut PP 94/2021 pasal 10, berat menurut SKB UJI" in text
        else:
            assert "Other reading (the tier is contested): tier severe per SKB UJI." in text
            assert "The tier is contested: moderate or severe." in text
            assert "contested (Article 10 of PP 94/2021): moderate per PP 94/2021 article 10, severe per SKB UJI" in text
        assert SEDANG in text and BERAT in text
    page = to_html(rulebook.evaluate(one), lang)
    html5lib.HTMLParser(strict=True).parse(page)
    assert '<td class="tier">' + ("sedang atau berat" if lang == "id" else "moderate or severe") + "</td>" in page
    assert 'class="other-reading"' in page and SEDANG in page and BERAT in page


def test_the_english_reason_names_each_reading() -> None:
    said = reason_text("diperdebatkan (k): sedang menurut PP_94_2021 pasal 10 huruf b, berat menurut SKB_2022", "en")
    assert said == "contested (k): moderate per PP 94/2021 article 10 letter b, severe per SKB 2022"


def test_a_prior_lighter_sanction_does_not_hide_the_dispute(rulebook: Rulebook) -> None:
    one = incident(APPROACH)
    one["responden"]["sanksi_sebelumnya"] = [{"tanggal": "2023-01-10", "tingkat": "ringan", "sifat": "netralitas"}]
    track = discipline(json.loads(rulebook.evaluate(one, explain=False).to_json()))
    assert (track["status"], track["tingkat"], track["tingkat_lain"]) == ("unresolved", "sedang", ["berat"])


def test_the_track_is_decided_again_under_each_reading() -> None:
    """Every rule of the determination runs under each reading: when they give one tier whatever the
    reading (here a stand-in for a rule that lifts every tier to berat), nothing is contested."""
    from netralrules.evaluation import determination as d
    from netralrules.evaluation.evaluator import Finding, OtherReading

    cite = ast.Citation(instrument=ast.Ref(name="PP_94_2021"), parts=(ast.CitationPart(kind="pasal", value="10"),))
    skb = ast.Citation(instrument=ast.Ref(name="SKB_2022"), parts=())
    finding = Finding(
        act=0,
        provision="k",
        citation=cite,
        text="",
        category=ast.Category.DISIPLIN,
        tier=ast.Tier.SEDANG,
        tier_basis=cite,
        sanction_options=(SEDANG,),
        penalties=(),
        note=None,
        other_readings=(OtherReading(ast.Tier.BERAT, skb, (BERAT,)),),
    )
    track = d.Track(ast.Category.DISIPLIN, d._DETERMINED, ast.Tier.BERAT, ("k",))
    lifted = d._contested(track, [finding], lambda read: d.Track(ast.Category.DISIPLIN, d._DETERMINED, ast.Tier.BERAT, ("k",)))
    assert lifted is track
    seen: list[ast.Tier | None] = []

    def as_found(read: Any) -> d.Track:
        seen.append(read[0].tier)
        return d.Track(ast.Category.DISIPLIN, d._DETERMINED, read[0].tier, ("k",))

    first = d.Track(ast.Category.DISIPLIN, d._DETERMINED, ast.Tier.SEDANG, ("k",))
    contested = d._contested(first, [finding], as_found)
    assert seen == ["sedang", "berat"]
    assert contested.status == "unresolved" and contested.contested_tiers == (ast.Tier.BERAT,)
    assert d.track_sanctions(contested, [finding]) == (SEDANG, BERAT)


def test_the_editor_hover_names_the_other_reading() -> None:
    from netralrules.lsp.features import provision_markdown

    prov = next(d for d in parse(RULES).declarations if isinstance(d, ast.Provision) and d.id.name == "uji.pendekatan")
    assert "sedang menurut PP_94_2021 pasal 10; bacaan lain: tingkat berat menurut SKB_UJI" in provision_markdown(prov, "id")
    assert "moderate per PP_94_2021 article 10; other reading: tier severe per SKB_UJI" in provision_markdown(prov, "en")

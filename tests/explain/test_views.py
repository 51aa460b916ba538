"""Views: the narrative in Indonesian and English, JSON node-link data, DOT; all byte-stable."""

from __future__ import annotations

import datetime
import json

import networkx as nx  # type: ignore[import-untyped]  # as in src/: networkx ships no types
import pytest

from netralrules.evaluation.determination import stage
from netralrules.explain import narrative, to_dot, to_json
from netralrules.explain.words import STAGES, cite
from tests.explain.support import ELECTION, NO_OTHER_MEANS, PRIOR_SEDANG, SCENARIOS, D, campaign, explain
from tests.explain.views_support import dot_is_well_formed

ANGKA_2_TEXT = (
    "memberikan dukungan kepada calon … dengan cara: 2. menjadi peserta kampanye dengan menggunakan "
    "atribut partai atau atribut PNS;"
)


@pytest.fixture(params=sorted(SCENARIOS), ids=str)
def scenario_name(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_views_are_byte_stable_across_runs(scenario_name: str) -> None:
    first, second = explain(**SCENARIOS[scenario_name]), explain(**SCENARIOS[scenario_name])
    for lang in ("id", "en"):
        assert narrative(first, lang) == narrative(second, lang)
        assert to_dot(first, lang) == to_dot(second, lang)
    assert json.dumps(to_json(first), sort_keys=True) == json.dumps(to_json(second), sort_keys=True)
    # Not only sorted keys: the lists themselves come out in the same order.
    assert json.dumps(to_json(first)) == json.dumps(to_json(second))


def test_narrative_in_indonesian() -> None:
    text = narrative(explain([campaign(atribut_partai=True)]))
    assert text.startswith("Penjelasan keputusan\n")
    assert "Tindakan 1: 10 Oktober 2024; tahap pemilu: masa kampanye." in text
    assert "hukum yang diterapkan adalah yang berlaku pada tanggal tindakan: PP 94/2021." in text
    assert "- PP 94/2021: Peraturan Pemerintah Nomor 94 Tahun 2021" in text
    assert "1. Pasal 5 huruf n angka 2 PP 94/2021\n" in text
    assert f'Bunyi ketentuan (kutipan): "{ANGKA_2_TEXT}"' in text
    assert "tingkat sedang menurut Pasal 13 huruf g PP 94/2021" in text
    assert "Pilihan jenis hukuman (menurut Pasal 8 ayat (3) PP 94/2021):" in text
    assert "- pemotongan tunjangan kinerja sebesar 25% selama 6 bulan" in text
    assert "Disiplin: ditetapkan, tingkat sedang." in text
    # Section order as a reviewer reads it: the decision, the reasons, the annexes.
    order = ["Ringkasan keputusan", "Temuan", "Hal yang belum terselesaikan", "Dasar hukum", "Lampiran A: ketentuan"]
    assert [text.index(h) for h in order] == sorted(text.index(h) for h in order)
    # The clause that did not fire: its failed condition in words, with the fact value seen.
    assert "- Pasal 5 huruf n angka 7 PP 94/2021: Jenis tindakan: ikut kampanye, bukan surat dukungan ktp." in text
    assert "- Pasal 5 huruf n angka 1 PP 94/2021: dikecualikan oleh Pasal 5 huruf n angka 2 PP 94/2021." in text
    assert "Memakai atribut PNS" in text


def test_narrative_in_english() -> None:
    text = narrative(explain([campaign(atribut_partai=True)]), lang="en")
    assert text.startswith("Explanation of the decision\n")
    assert "Act 1: October 10, 2024; election stage: the campaign period." in text
    assert "1. Article 5 letter n number 2 of PP 94/2021\n" in text
    assert f'Statutory text (quoted in the original Indonesian): "{ANGKA_2_TEXT}"' in text
    assert "tier moderate per Article 13 letter g of PP 94/2021" in text
    assert "Sanction options (per Article 8 paragraph (3) of PP 94/2021):" in text
    assert "Annex A: provisions considered that did not apply" in text
    assert "- Article 5 letter n number 7 of PP 94/2021: Kind of act: ikut kampanye, not surat dukungan ktp." in text
    assert "overridden by Article 5 letter n number 2 of PP 94/2021" in text


def test_narrative_names_the_failed_definition_in_both_languages() -> None:
    e = explain([campaign(tanggal=D(2024, 12, 1), atribut_partai=True, **NO_OTHER_MEANS)])
    text = narrative(e)
    assert "tahap pemilu: sesudah pemungutan suara." in text
    assert "Tanggal tindakan (1 Desember 2024) tidak berada dalam «masa kampanye» (" in text
    english = narrative(e, "en")
    assert "Date of the act (December 1, 2024) was not within «masa kampanye» (" in english


def test_unresolved_points_with_reason_and_deciding_facts() -> None:
    e = explain([campaign()])
    text = narrative(e)
    assert "Sejauh ini tidak ada ketentuan yang dilanggar, tetapi ada ketentuan yang belum dapat ditentukan" in text
    assert "- Tindakan 1, Pasal 5 huruf n angka 2 PP 94/2021: fakta yang diperlukan belum diketahui." in text
    assert (
        "Fakta penentu: Memakai atribut partai (tindakan.atribut_partai), Memakai atribut PNS (tindakan.atribut_pns)."
    ) in text
    assert (
        "- Tindakan 1, Pasal 5 huruf n angka 1 PP 94/2021: menunggu pengecualian Pasal 5 huruf n angka 2 PP 94/2021, "
        "Pasal 5 huruf n angka 3 PP 94/2021, Pasal 5 huruf n angka 4 PP 94/2021."
    ) in text
    english = narrative(e, "en")
    assert "Unresolved or not assessed" in english and "a fact it needs is unknown" in english


def test_not_applicable_and_not_in_force() -> None:
    text = narrative(explain(**SCENARIOS["responden bukan ASN"]))
    assert "- Hanya mengikat PNS, CPNS; responden berstatus" in text and "Pasal 5 huruf n angka 7 PP 94/2021" in text
    old = explain(**SCENARIOS["sebelum 31 Agustus 2021"])
    text = narrative(old)
    assert "tidak ada peraturan dalam buku aturan yang berlaku pada tanggal ini." in text
    assert "- PP 94/2021, berlaku sejak 31 Agustus 2021: tidak berlaku pada" in text
    assert "tahap pemilu: sebelum penetapan calon" in text
    assert "- PP 94/2021, in force from August 31, 2021: not in force on" in narrative(old, "en")


def test_determination_reasons_and_escalation() -> None:
    text = narrative(explain([campaign(atribut_partai=True, **NO_OTHER_MEANS)], prior=PRIOR_SEDANG))
    assert "Disiplin: ditetapkan, tingkat berat." in text
    assert "tingkat dinaikkan dari sedang menjadi berat karena pengulangan pelanggaran" in text
    english = narrative(explain(**SCENARIOS["dua tindakan dan pengulangan"]), "en")
    assert (
        "Based on: Article 5 letter n number 2 of PP 94/2021 (act 1); Article 5 letter n number 7 of PP 94/2021 (act 2)."
        in english
    )
    assert "several disciplinary violations: one disciplinary sanction, the heaviest" in english


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2024, 9, 1), "sebelum_penetapan"),
        (D(2024, 9, 23), "sesudah_penetapan"),
        (D(2024, 10, 1), "masa_kampanye"),
        (D(2024, 11, 25), "sesudah_kampanye"),
        (D(2024, 12, 1), "sesudah_pemungutan"),
    ],
)
def test_every_stage_has_a_phrase_in_both_languages(day: datetime.date, expected: str) -> None:
    assert stage(day, ELECTION) == expected
    e = explain([campaign(tanggal=day)])
    assert f"tahap pemilu: {STAGES[expected].id}." in narrative(e)
    assert f"election stage: {STAGES[expected].en}." in narrative(e, "en")


def test_unknown_stage() -> None:
    e = explain([campaign()], election={})
    assert e.acts[0].stage == "tidak_diketahui"
    assert "tahap pemilu: tidak diketahui" in narrative(e)


def test_citation_written_like_a_lawyer() -> None:
    citation = {"instrumen": "PP_94_2021", "pasal": "8", "ayat": "3"}
    assert cite(citation) == "Pasal 8 ayat (3) PP 94/2021"
    assert cite(citation, "en") == "Article 8 paragraph (3) of PP 94/2021"
    assert cite({"instrumen": "UU_7_2017", "pasal": "280", "ayat": "2", "huruf": "f"}) == "Pasal 280 ayat (2) huruf f UU 7/2017"


def test_json_round_trips(scenario_name: str) -> None:
    e = explain(**SCENARIOS[scenario_name])
    data = to_json(e)
    text = json.dumps(data, sort_keys=True, ensure_ascii=False)
    assert json.loads(text) == data
    assert [n["id"] for n in data["nodes"]] == sorted(n["id"] for n in data["nodes"])
    assert [(x["source"], x["target"]) for x in data["edges"]] == sorted((x["source"], x["target"]) for x in data["edges"])
    back = nx.node_link_graph(json.loads(text), directed=True, multigraph=False, edges="edges")
    assert nx.utils.graphs_equal(back, e.graph)


def test_dot_shape(scenario_name: str) -> None:
    e = explain(**SCENARIOS[scenario_name])
    for lang in ("id", "en"):
        dot = to_dot(e, lang)
        assert dot.startswith("digraph explanation {") and dot.rstrip().endswith("}")
        assert dot_is_well_formed(dot)
        for node in e.graph.nodes:
            assert f'"{node}" [label=' in dot
        assert dot.count(" -> ") == e.graph.number_of_edges()
    assert "shape=doublecircle" in to_dot(e)


def test_citations_are_written_in_the_order_the_statute_nests_them() -> None:
    from netralrules.explain.words import cite

    assert cite(
        {"instrumen": "PP_53_2010", "pasal": "4", "angka": "12", "huruf": "a", "urutan": ["pasal", "angka", "huruf"]}
    ) == ("Pasal 4 angka 12 huruf a PP 53/2010")
    assert cite(
        {"instrumen": "PP_94_2021", "pasal": "5", "huruf": "n", "angka": "2", "urutan": ["pasal", "huruf", "angka"]}, "en"
    ) == ("Article 5 letter n number 2 of PP 94/2021")
    assert cite({"instrumen": "SKB_2022", "lampiran": "II", "angka": "6", "urutan": ["lampiran", "angka"]}) == (
        "Lampiran II angka 6 SKB 2022"
    )
    assert cite({"instrumen": "SKB_2022", "lampiran": "II", "angka": "6", "urutan": ["lampiran", "angka"]}, "en") == (
        "Annex II number 6 of SKB 2022"
    )


def test_annexes_sort_by_roman_value() -> None:
    from netralrules.explain.ordering import citation_key

    def key(lampiran: str) -> tuple[object, ...]:
        return citation_key({"citation": {"instrumen": "SKB_2022", "lampiran": lampiran, "angka": "1"}})

    assert sorted(["IX", "II", "IV", "X", "I"], key=key) == ["I", "II", "IV", "IX", "X"]

"""Procedure declarations (`prosedur` / `procedure`): parsing in both languages, the canonical
layout (format round trip, comments kept), structural errors, and what the checker makes of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from netralrules import load_rulebook
from netralrules.syntax import ast
from netralrules.syntax.formatter import format_file
from netralrules.syntax.loader import load_text
from tests.helpers import INSTRUMENT, codes, diagnostics, parse

RULES = Path(__file__).parents[2] / "rules"

PROC_ID = """
prosedur PP_94_2021 {
  berlaku sejak 2021-08-31
  langkah kewajiban_menindaklanjuti {
    oleh "atasan langsung"
    teks "Atasan langsung wajib memanggil dan memeriksa."
    teks_en "The direct superior must summon and examine."
    rujukan PP_94_2021 pasal 26 ayat (1)
    sumber "Buku saku" satu_sumber
  }
  tim_pemeriksa {
    wajib untuk berat
    opsional untuk sedang
    terbuka {
      teks "Pasalnya tidak ditemukan."
      teks_en "Its article was not found."
    }
  }
  batas_waktu pemanggilan paling_lambat 7 hari_kerja sejak pemanggilan sampai pemeriksaan {
    dasar "Transkripsi sekunder"
  }
  batas_waktu berlaku_keputusan pada_hari_ke 15 hari_kalender sejak keputusan_diterima {
    dasar "Transkripsi sekunder"
  }
  upaya_administratif banding_administratif {
    untuk berat, pemberhentian
    kepada "BPASN"
    dasar "PP 79/2021 Pasal 1 angka 5"
  }
  terbuka {
    teks "Ketentuan peralihan tidak ditemukan."
  }
  catatan "Data prosedur."
}
"""

PROC_EN = """
procedure PP_94_2021 {
  in_force from 2021-08-31
  step kewajiban_menindaklanjuti {
    by "atasan langsung"
    text "Atasan langsung wajib memanggil dan memeriksa."
    text_en "The direct superior must summon and examine."
    cites PP_94_2021 article 26 paragraph (1)
    source "Buku saku" single_source
  }
  examining_team {
    mandatory applies_to severe
    optional applies_to moderate
    open {
      text "Pasalnya tidak ditemukan."
      text_en "Its article was not found."
    }
  }
  time_limit pemanggilan at_the_latest 7 working_days from pemanggilan until pemeriksaan {
    basis "Transkripsi sekunder"
  }
  time_limit berlaku_keputusan on_day 15 calendar_days from keputusan_diterima {
    basis "Transkripsi sekunder"
  }
  administrative_remedy administrative_appeal {
    applies_to severe, dismissal
    addressed_to "BPASN"
    basis "PP 79/2021 Pasal 1 angka 5"
  }
  open {
    text "Ketentuan peralihan tidak ditemukan."
  }
  note "Data prosedur."
}
"""


def _procedure(text: str = PROC_ID) -> ast.Procedure:
    (decl,) = parse(text).declarations
    assert isinstance(decl, ast.Procedure)
    return decl


def test_a_procedure_parses_to_its_parts() -> None:
    p = _procedure()
    assert p.id.name == "PP_94_2021"
    assert [s.code.name for s in p.steps] == ["kewajiban_menindaklanjuti"]
    step = p.steps[0].detail
    assert step.by == "atasan langsung" and step.text_en == "The direct superior must summon and examine."
    assert step.citation is not None and step.citation.pasal == "26" and step.citation.ayat == "1"
    assert [s.reliability for s in step.sources] == ["satu_sumber"]
    assert p.team is not None
    assert [(r.status, r.tiers) for r in p.team.rules] == [("wajib", (ast.Tier.BERAT,)), ("opsional", (ast.Tier.SEDANG,))]
    assert p.team.detail.open is not None and p.team.detail.open.text_en == "Its article was not found."
    summons, effect = p.limits
    assert (summons.kind, summons.amount, summons.unit, summons.start.name) == ("paling_lambat", 7, "hari_kerja", "pemanggilan")
    assert summons.end is not None and summons.end.name == "pemeriksaan"
    assert (effect.kind, effect.amount, effect.unit, effect.end) == ("pada_hari_ke", 15, "hari_kalender", None)
    (remedy,) = p.remedies
    assert (remedy.kind, remedy.targets, remedy.to) == ("banding_administratif", ("berat", "pemberhentian"), "BPASN")
    assert [o.text for o in p.open_points] == ["Ketentuan peralihan tidak ditemukan."]
    assert p.note == "Data prosedur."


def test_english_keywords_give_the_same_tree() -> None:
    assert _procedure(PROC_EN) == _procedure(PROC_ID)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_format_round_trips_in_both_languages(lang: str) -> None:
    file = parse(PROC_ID)
    formatted = format_file(file, PROC_ID, lang)
    again = parse(formatted)
    assert again.declarations == file.declarations
    assert format_file(again, formatted, lang) == formatted  # idempotent


def test_comments_stay_with_the_items_they_describe() -> None:
    text = PROC_ID.replace("  tim_pemeriksa {", "  # Tim Pemeriksa menurut tingkat\n  tim_pemeriksa {").replace(
        "    wajib untuk berat", "    wajib untuk berat  # berat: wajib"
    )
    formatted = format_file(parse(text), text)
    assert "  # Tim Pemeriksa menurut tingkat\n  tim_pemeriksa {" in formatted
    assert "    wajib untuk berat  # berat: wajib" in formatted
    assert format_file(parse(formatted), formatted) == formatted


def test_the_bundled_procedures_are_in_canonical_form() -> None:
    for path in sorted((RULES / "prosedur").glob("*.nr")):
        text = path.read_text(encoding="utf-8")
        assert format_file(parse(text), text) == text, path.name


def test_two_examining_teams_are_reported() -> None:
    text = (
        INSTRUMENT
        + """
prosedur PP_94_2021 {
  tim_pemeriksa { wajib untuk berat dasar "a" }
  tim_pemeriksa { opsional untuk sedang dasar "b" }
}
"""
    )
    loaded = load_text(text, "t.nr")
    assert [d.code for d in loaded.diagnostics] == ["E0109"]


def test_an_open_block_needs_its_text() -> None:
    loaded = load_text(INSTRUMENT + 'prosedur PP_94_2021 { terbuka { teks_en "x" } }', "t.nr")
    assert [d.code for d in loaded.diagnostics] == ["E0110"]


def test_a_remedy_names_the_tiers_it_is_open_to() -> None:
    loaded = load_text(INSTRUMENT + 'prosedur PP_94_2021 { upaya_administratif keberatan { dasar "x" } }', "t.nr")
    assert [d.code for d in loaded.diagnostics] == ["E0110"]


# ---- the checker ----------------------------------------------------------------------------------
def _with(body: str) -> str:
    return INSTRUMENT + "prosedur PP_94_2021 {\n" + body + "\n}\n"


def test_a_well_formed_procedure_checks_clean() -> None:
    assert codes(INSTRUMENT + PROC_ID) == []


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ('langkah pemeriksan { dasar "x" }', "E0240"),
        ('batas_waktu a paling_lambat 7 hari_kerja sejak pemangilan sampai pemeriksaan { dasar "x" }', "E0240"),
        ('batas_waktu a paling_lambat 7 hari_kerja sejak pemanggilan sampai diperiksa { dasar "x" }', "E0240"),
        ('langkah pemeriksaan { teks "tanpa dasar" }', "E0241"),
        ("upaya_administratif keberatan { untuk sedang }", "E0241"),
        ('tim_pemeriksa { wajib untuk berat teks "t" }', "E0241"),
        ('batas_waktu a paling_lambat 7 hari_kerja sejak pemanggilan { dasar "x" }', "E0242"),
        ('batas_waktu a pada_hari_ke 15 hari_kalender sejak keputusan_diterima sampai ditutup { dasar "x" }', "E0242"),
        ('tim_pemeriksa { wajib untuk berat opsional untuk berat dasar "x" }', "E0243"),
        ("langkah pemeriksaan { rujukan PP_9_2021 pasal 26 }", "E0201"),
        ("langkah pemeriksaan { rujukan PP_94_2021 ayat (1) }", "E0203"),
    ],
    ids=[
        "step-code-typo",
        "event-typo-from",
        "event-typo-until",
        "step-without-basis",
        "remedy-without-basis",
        "team-without-basis",
        "at-the-latest-without-end",
        "on-day-with-end",
        "tier-twice",
        "undeclared-instrument-cited",
        "malformed-citation",
    ],
)
def test_what_is_wrong_with_a_procedure(body: str, code: str) -> None:
    assert codes(_with(body)) == [code]


def test_a_procedure_names_a_declared_instrument_once() -> None:
    assert codes("prosedur PP_9_2021 { }") == ["E0201"]
    assert codes(INSTRUMENT + "prosedur PP_94_2021 { }\nprosedur PP_94_2021 { }") == ["E0202"]


def test_a_news_name_in_procedure_text_belongs_in_a_source() -> None:
    found = diagnostics(_with('langkah pemeriksaan { teks "Menurut Kompas, atasan memeriksa." dasar "x" }'))
    assert [d.code for d in found] == ["W0306"]


def test_the_bundled_rulebook_declares_its_procedures() -> None:
    rb = load_rulebook(RULES)
    assert sorted(rb.checked.procedures) == ["PP_42_2004", "PP_53_2010", "PP_94_2021"]
    pp94 = rb.checked.procedures["PP_94_2021"]
    cited = {s.code.name: s.detail.citation for s in pp94.steps}
    # Only the two articles the sources give are cited; every other step is declared open.
    assert {k for k, c in cited.items() if c is not None} == {"kewajiban_menindaklanjuti", "tanggung_jawab_atasan"}
    assert all(s.detail.open is not None for s in pp94.steps if s.detail.citation is None)
    # Every time limit carries its sources, with their reliability.
    assert all(limit.detail.sources for limit in pp94.limits)

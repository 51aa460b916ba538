"""Gap declarations (`celah` / `gap`): parsing in both languages, what they cover, structural errors,
the canonical layout, and what the checker makes of them."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings

from netralrules import load_rulebook
from netralrules.authoring import check_text
from netralrules.syntax import ast
from netralrules.syntax.formatter import format_file
from netralrules.syntax.loader import load_text
from tests.helpers import INSTRUMENT, codes, diagnostics, parse, provision
from tests.strategies import gaps

D = datetime.date

GAP_ID = """
celah pp53.media_sosial {
  jenis tidak_diatur
  jenis_tindakan suka_media_sosial, bagikan_media_sosial
  untuk PNS, CPNS
  berlaku sejak 2010-06-06 sampai 2021-08-30
  tahap bakal_calon, sesudah_penetapan
  jenis_pemilu pilkada_bupati, pilkada_walikota
  alasan "PP 53/2010 Pasal 4 angka 12 sampai 15 tidak menyebut perbuatan di media sosial;"
         "penerapannya pada menyukai unggahan tidak diatur."
  sumber "PP 53/2010 (JDIH)" terverifikasi
}
"""

GAP_EN = """
gap pp53.media_sosial {
  kind not_regulated
  act_kinds suka_media_sosial, bagikan_media_sosial
  applies_to PNS, CPNS
  in_force from 2010-06-06 until 2021-08-30
  stages bakal_calon, sesudah_penetapan
  election_kinds pilkada_bupati, pilkada_walikota
  reason "PP 53/2010 Pasal 4 angka 12 sampai 15 tidak menyebut perbuatan di media sosial;"
         "penerapannya pada menyukai unggahan tidak diatur."
  source "PP 53/2010 (JDIH)" verified
}
"""


def _gap(text: str = GAP_ID) -> ast.GapDeclaration:
    (decl,) = parse(text).declarations
    assert isinstance(decl, ast.GapDeclaration)
    return decl


def test_a_declaration_parses_to_its_fields() -> None:
    g = _gap()
    assert g.id == "pp53.media_sosial"
    assert g.kind is ast.GapKind.NOT_REGULATED
    assert g.act_kinds == ("suka_media_sosial", "bagikan_media_sosial")
    assert g.statuses == ("PNS", "CPNS")
    assert (g.start, g.end) == (D(2010, 6, 6), D(2021, 8, 30))
    assert g.stages == ("bakal_calon", "sesudah_penetapan")
    assert g.election_kinds == ("pilkada_bupati", "pilkada_walikota")
    assert g.reason.endswith("\npenerapannya pada menyukai unggahan tidak diatur.")
    assert [(s.document, s.reliability) for s in g.sources] == [("PP 53/2010 (JDIH)", "terverifikasi")]


def test_english_keywords_give_the_same_tree() -> None:
    assert _gap(GAP_EN) == _gap(GAP_ID)


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("tidak_diatur", ast.GapKind.NOT_REGULATED),
        ("not_regulated", ast.GapKind.NOT_REGULATED),
        ("diperdebatkan", ast.GapKind.CONTESTED),
        ("contested", ast.GapKind.CONTESTED),
        ("belum_dikodekan", ast.GapKind.NOT_ENCODED),
        ("not_encoded", ast.GapKind.NOT_ENCODED),
    ],
    ids=lambda v: str(v),
)
def test_every_kind_in_both_languages(word: str, kind: ast.GapKind) -> None:
    assert _gap(GAP_ID.replace("tidak_diatur", word)).kind is kind


def test_stages_election_kinds_and_the_end_date_are_optional() -> None:
    text = GAP_ID.replace("  tahap bakal_calon, sesudah_penetapan\n", "").replace(
        "  jenis_pemilu pilkada_bupati, pilkada_walikota\n", ""
    )
    g = _gap(text.replace(" sampai 2021-08-30", ""))
    assert (g.stages, g.election_kinds, g.end) == ((), (), None)


def test_covers_checks_every_dimension() -> None:
    g = _gap()
    cell = ("suka_media_sosial", "PNS", D(2015, 1, 1), "bakal_calon", "pilkada_bupati")
    assert g.covers(*cell)
    assert not g.covers("ikut_kampanye", *cell[1:])
    assert not g.covers(cell[0], "PPPK", *cell[2:])
    assert g.covers(cell[0], cell[1], D(2010, 6, 6), *cell[3:])  # both ends included
    assert g.covers(cell[0], cell[1], D(2021, 8, 30), *cell[3:])
    assert not g.covers(cell[0], cell[1], D(2010, 6, 5), *cell[3:])
    assert not g.covers(cell[0], cell[1], D(2021, 8, 31), *cell[3:])
    assert not g.covers(*cell[:3], "masa_kampanye", cell[4])
    assert not g.covers(*cell[:4], "pemilu_presiden")
    # An unknown stage or election kind is covered only by a declaration that does not restrict it.
    assert not g.covers(*cell[:3], None, cell[4])
    assert not g.covers(*cell[:4], None)
    open_ended = _gap(
        GAP_ID.replace(" sampai 2021-08-30", "")
        .replace("  tahap bakal_calon, sesudah_penetapan\n", "")
        .replace("  jenis_pemilu pilkada_bupati, pilkada_walikota\n", "")
    )
    assert open_ended.covers("suka_media_sosial", "CPNS", D(2090, 1, 1), None, None)


def test_missing_fields_and_a_field_given_twice_are_reported() -> None:
    loaded = load_text("celah x {\n  jenis tidak_diatur\n  jenis_tindakan ajakan\n}\n", "t.nr")
    missing = sorted(d.message.en for d in loaded.diagnostics if d.code == "E0110")
    assert len(missing) == 3 and all("gap `x`" in m for m in missing), missing
    assert any("`applies_to`" in m for m in missing) and any("`reason`" in m for m in missing)
    twice = load_text(GAP_ID.replace("  untuk PNS, CPNS\n", "  untuk PNS\n  untuk CPNS\n"), "t.nr")
    assert [d.code for d in twice.diagnostics] == ["E0109"]


def test_an_unknown_kind_is_a_syntax_error_with_a_suggestion() -> None:
    loaded = load_text(GAP_ID.replace("tidak_diatur", "tidak_teratur"), "t.nr")
    (d,) = loaded.diagnostics
    assert d.code == "E0101" and d.suggestion is not None and "`tidak_diatur`" in d.suggestion.id


def test_the_canonical_layout_round_trips_in_both_languages() -> None:
    f = parse(GAP_ID)
    text = format_file(f, GAP_ID)
    assert text == GAP_ID.lstrip("\n")
    english = format_file(f, GAP_ID, "en")
    assert english == GAP_EN.lstrip("\n")
    assert parse(english).declarations == f.declarations


def test_formatting_orders_fields_and_keeps_comments() -> None:
    messy = """# celah lama
celah x.y {
    alasan "r"   # alasan singkat
  untuk PPPK
  berlaku   sejak 2021-08-31
      jenis diperdebatkan
  jenis_tindakan ajakan,seruan
}
"""
    out = format_file(parse(messy), messy)
    # Fields in canonical order; the comments kept (one moved above the fields with its field).
    assert out == (
        "# celah lama\n"
        "celah x.y {\n"
        "  # alasan singkat\n"
        "  jenis diperdebatkan\n"
        "  jenis_tindakan ajakan, seruan\n"
        "  untuk PPPK\n"
        "  berlaku sejak 2021-08-31\n"
        '  alasan "r"\n'
        "}\n"
    )
    assert format_file(parse(out), out) == out


def test_a_long_list_is_wrapped_and_still_parses() -> None:
    kinds = ", ".join(f"jenis_{i:02d}_yang_panjang" for i in range(12))
    text = GAP_ID.replace("suka_media_sosial, bagikan_media_sosial", kinds)
    out = format_file(parse(text), text)
    assert max(len(line) for line in out.splitlines()) <= 100
    assert parse(out).declarations == parse(text).declarations


@settings(max_examples=150, deadline=None)
@given(gaps)
def test_format_then_parse_gives_the_same_declaration(gap: ast.GapDeclaration) -> None:
    file = ast.RulesFile(path="t.nr", declarations=(gap,))
    for lang in ("id", "en"):
        text = format_file(file, None, lang)
        loaded = load_text(text, "t.nr")
        assert loaded.ok, (text, [d.message.en for d in loaded.diagnostics])
        assert loaded.files[0].declarations == (gap,)
        assert format_file(loaded.files[0], text, lang) == text


# ---- checker ------------------------------------------------------------------------------------


def test_the_checked_rulebook_has_the_declarations_by_id_in_source_order() -> None:
    second = GAP_ID.replace("pp53.media_sosial", "a.kedua").replace("tidak_diatur", "diperdebatkan")
    report = check_text(provision("tindakan.jenis = ikut_kampanye") + GAP_ID + second, "t.nr")
    assert report.ok, [d.message.en for d in report.diagnostics]
    assert report.rulebook is not None
    assert list(report.rulebook.gaps) == ["pp53.media_sosial", "a.kedua"]
    assert report.rulebook.gaps["a.kedua"].kind is ast.GapKind.CONTESTED


def test_overlapping_declarations_are_allowed() -> None:
    other = GAP_ID.replace("pp53.media_sosial", "pp53.media_sosial.diperdebatkan").replace("tidak_diatur", "diperdebatkan")
    assert codes(GAP_ID + other) == []


@pytest.mark.parametrize(
    ("old", "new", "bad", "suggested"),
    [
        ("suka_media_sosial, ", "suka_medsos, ", "suka_medsos", "suka_media_sosial"),
        ("PNS, CPNS", "PNS, CPNSS", "CPNSS", "CPNS"),
        ("bakal_calon,", "bakal_caleg,", "bakal_caleg", "bakal_calon"),
        ("pilkada_bupati,", "pilkada_bupatii,", "pilkada_bupatii", "pilkada_bupati"),
    ],
    ids=["act kind", "status", "stage", "election kind"],
)
def test_unknown_values_are_reported_where_written_with_a_suggestion(old: str, new: str, bad: str, suggested: str) -> None:
    text = GAP_ID.replace(old, new)
    (d,) = diagnostics(text)
    assert d.code == "E0225"
    assert text[d.span.start : d.span.end] == bad
    assert d.suggestion is not None and f"`{suggested}`" in d.suggestion.en


def test_end_before_start_empty_reason_and_names_are_errors() -> None:
    assert codes(GAP_ID.replace("sejak 2010-06-06 sampai 2021-08-30", "sejak 2021-08-30 sampai 2010-06-06")) == ["E0211"]
    blank = GAP_ID.replace('"penerapannya pada menyukai unggahan tidak diatur."', "").replace(
        '"PP 53/2010 Pasal 4 angka 12 sampai 15 tidak menyebut perbuatan di media sosial;"', '"  "'
    )
    assert codes(blank) == ["E0226"]
    assert codes(GAP_ID + GAP_ID) == ["E0202"]
    named_like_provision = provision("tindakan.jenis = ikut_kampanye", name="pp53.media_sosial") + GAP_ID
    assert "E0227" in codes(named_like_provision)


def test_declarations_are_rulebook_content_and_reach_the_compiled_rulebook(tmp_path: Path) -> None:
    base = provision("tindakan.jenis = ikut_kampanye")
    without = check_text(base, "t.nr").rulebook
    with_gap = check_text(base + GAP_ID, "t.nr").rulebook
    changed = check_text(base + GAP_ID.replace("CPNS", "PPPK"), "t.nr").rulebook
    relaid = check_text(base + GAP_ID.replace("\n  ", "\n      "), "t.nr").rulebook
    assert without is not None and with_gap is not None and changed is not None and relaid is not None
    assert len({without.content_hash, with_gap.content_hash, changed.content_hash}) == 3
    assert relaid.content_hash == with_gap.content_hash
    (tmp_path / "celah").mkdir()
    (tmp_path / "aturan.nr").write_text(INSTRUMENT, encoding="utf-8")
    (tmp_path / "celah" / "media_sosial.nr").write_text(GAP_ID, encoding="utf-8")
    rulebook = load_rulebook(tmp_path)
    assert list(rulebook.checked.gaps) == ["pp53.media_sosial"]
    assert rulebook.checked.gaps["pp53.media_sosial"] == _gap()


def test_a_news_site_in_the_reason_belongs_in_a_source() -> None:
    text = GAP_ID.replace("penerapannya pada menyukai unggahan tidak diatur.", "lihat kompas.com.")
    (d,) = diagnostics(text)
    assert d.code == "W0306" and "`kompas.com`" in d.message.id and text[d.span.start :].startswith("alasan")


def test_the_declarations_covering_an_act_are_found_in_source_order() -> None:
    from netralrules.checker.gaps import declarations_covering

    wide = GAP_ID.replace("pp53.media_sosial", "a.lebar").replace("  tahap bakal_calon, sesudah_penetapan\n", "")
    report = check_text(GAP_ID + wide, "t.nr")
    assert report.rulebook is not None
    found = declarations_covering(
        report.rulebook.gaps, "suka_media_sosial", "PNS", D(2015, 1, 1), "bakal_calon", "pilkada_bupati"
    )
    assert [g.id for g in found] == ["pp53.media_sosial", "a.lebar"]
    unknown_stage = declarations_covering(report.rulebook.gaps, "suka_media_sosial", "PNS", D(2015, 1, 1), None, "pilkada_bupati")
    assert [g.id for g in unknown_stage] == ["a.lebar"]
    assert declarations_covering(report.rulebook.gaps, "suka_media_sosial", "PNS", D(2022, 1, 1)) == ()


def test_the_editor_shows_a_declaration_on_hover_and_in_the_outline() -> None:
    from netralrules.lsp.features import _symbol_name, gap_markdown

    g = _gap()
    hover = gap_markdown(g, "en")
    assert hover.startswith("**gap** `pp53.media_sosial` (not_regulated)")
    assert "- act kinds: suka_media_sosial, bagikan_media_sosial" in hover and "2010-06-06 – 2021-08-30" in hover
    assert "- tahap: bakal_calon, sesudah_penetapan" in gap_markdown(g, "id")
    name, span, detail = _symbol_name(g, "id")
    assert (name, detail) == ("pp53.media_sosial", "tidak_diatur") and GAP_ID[span.start : span.end] == "pp53.media_sosial"

"""`pakai`: who owns a definition, what a file must name, and reading an instrument's folder for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from netralrules import evaluate, load_rulebook
from netralrules.authoring import check_paths
from netralrules.checker import check
from netralrules.diagnostics import Diagnostic
from netralrules.resources import default_rulebook_path
from netralrules.syntax import ast
from netralrules.syntax.loader import add_used_instruments, load, load_text

PP94 = """
instrumen PP_94_2021 {
  judul "PP 94/2021"
  jenis PP
  berlaku sejak 2021-08-31
}
definisi masa_kampanye = tindakan.tanggal antara pemilu.kampanye_mulai sampai pemilu.kampanye_selesai
definisi calon_sudah_ditetapkan = tindakan.tanggal >= pemilu.tanggal_penetapan
"""

UU10 = """
instrumen UU_10_2016 {
  judul "UU 10/2016"
  jenis UU
  berlaku sejak 2016-07-01
}
"""

SKB = """
instrumen SKB_2022 {
  judul "SKB 2022"
  jenis SKB
  berlaku sejak 2022-09-22
}
definisi bakal_calon = tidak calon_sudah_ditetapkan
"""


def _provision(condition: str) -> str:
    return f"""
ketentuan uu10.k {{
  rujukan UU_10_2016 pasal 70 ayat (1)
  teks "contoh"
  jika {condition}
  maka administratif
}}
"""


def _file(path: str, text: str) -> ast.RulesFile:
    loaded = load_text(text, path)
    assert loaded.ok, [d.message.en for d in loaded.diagnostics]
    return loaded.files[0]


def _check(uu10: str, skb: str | None = None) -> tuple[Diagnostic, ...]:
    files = [_file("rules/pp94_2021/pasal_05.nr", PP94 + _uses_of_pp94()), _file("rules/uu10_2016/pidana.nr", uu10)]
    if skb is not None:
        files.append(_file("rules/skb_2022/etik.nr", skb))
    return check(files).diagnostics


def _uses_of_pp94() -> str:
    # Both definitions of PP 94 used in its own folder, so W0304 stays out of the way.
    return (
        _provision("masa_kampanye dan calon_sudah_ditetapkan")
        .replace("uu10.k", "pp94.k")
        .replace("UU_10_2016 pasal 70 ayat (1)", "PP_94_2021 pasal 5 huruf n")
    )


def _codes(diagnostics: tuple[Diagnostic, ...]) -> list[str]:
    return [d.code for d in diagnostics]


def test_own_folder_needs_no_pakai() -> None:
    assert _check(UU10 + _provision("tindakan.jenis = ikut_kampanye")) == ()


def test_another_instruments_definition_needs_pakai() -> None:
    found = _check(UU10 + _provision("masa_kampanye dan calon_sudah_ditetapkan dan masa_kampanye"))
    # One error per definition and file, at its first use; each suggests the one line with both.
    assert _codes(found) == ["E0222", "E0222"]
    assert found[0].suggestion is not None
    assert "`pakai masa_kampanye, calon_sudah_ditetapkan dari PP_94_2021`" in found[0].suggestion.id
    assert found[0].extra[0].span.file == "rules/pp94_2021/pasal_05.nr"


def test_pakai_makes_it_usable_in_both_keyword_languages() -> None:
    body = UU10 + _provision("masa_kampanye")
    assert _check("pakai masa_kampanye dari PP_94_2021\n" + body) == ()
    assert _check("use masa_kampanye from PP_94_2021\n" + body) == ()


def test_a_missing_name_extends_the_existing_line() -> None:
    found = _check("pakai masa_kampanye dari PP_94_2021\n" + UU10 + _provision("masa_kampanye dan calon_sudah_ditetapkan"))
    assert _codes(found) == ["E0222"]
    assert found[0].suggestion is not None
    assert "`pakai masa_kampanye, calon_sudah_ditetapkan dari PP_94_2021`" in found[0].suggestion.en


def test_pakai_of_a_mistyped_name_suggests_the_definition() -> None:
    found = _check("pakai masa_kampanya dari PP_94_2021\n" + UU10 + _provision("masa_kampanye"))
    assert _codes(found) == ["E0223"]  # the use of `masa_kampanye` waits for the fix
    assert found[0].suggestion is not None and "`masa_kampanye`" in found[0].suggestion.en


def test_pakai_from_the_wrong_instrument_names_the_owner() -> None:
    found = _check(
        "pakai calon_sudah_ditetapkan dari SKB_2022\n" + UU10 + _provision("calon_sudah_ditetapkan"),
        "pakai calon_sudah_ditetapkan dari PP_94_2021\n" + SKB,
    )
    assert _codes(found) == ["E0223"]
    error = found[0]
    assert "belongs to `PP_94_2021`, not `SKB_2022`" in error.message.en
    assert error.suggestion is not None and "`pakai calon_sudah_ditetapkan dari PP_94_2021`" in error.suggestion.id


def test_pakai_of_an_unknown_instrument_is_e0201_with_did_you_mean() -> None:
    found = _check("pakai masa_kampanye dari PP_94_2012\n" + UU10 + _provision("masa_kampanye"))
    assert _codes(found) == ["E0201"]  # no E0212 for `masa_kampanye`: the line carries the error
    assert found[0].suggestion is not None and "`PP_94_2021`" in found[0].suggestion.en


@pytest.mark.parametrize(
    ("head", "reason"),
    [
        ("pakai masa_kampanye, calon_sudah_ditetapkan dari PP_94_2021\n", "is not used in this file"),
        ("pakai masa_kampanye, masa_kampanye dari PP_94_2021\n", "is already brought in above"),
    ],
    ids=["unused", "twice"],
)
def test_unneeded_pakai_warns(head: str, reason: str) -> None:
    found = _check(head + UU10 + _provision("masa_kampanye"))
    assert _codes(found) == ["W0307"]
    assert reason in found[0].message.en


def test_pakai_of_the_files_own_instrument_warns() -> None:
    text = "pakai masa_kampanye dari PP_94_2021\n" + PP94 + _uses_of_pp94()
    found = check([_file("rules/pp94_2021/pasal_05.nr", text)]).diagnostics
    assert _codes(found) == ["W0307"]
    assert "own instrument" in found[0].message.en


def test_a_folder_without_an_instrument_cannot_lend_definitions() -> None:
    files = [
        _file("rules/umum/definisi.nr", "definisi masa_kampanye = benar\n"),
        _file("rules/uu10_2016/pidana.nr", UU10 + _provision("masa_kampanye")),
    ]
    (d,) = check(files).diagnostics
    assert d.code == "E0222" and d.suggestion is not None and "declares no `instrumen`" in d.suggestion.en


def test_definitions_keep_one_namespace() -> None:
    files = [_file("rules/pp94_2021/a.nr", PP94), _file("rules/uu10_2016/b.nr", UU10 + "definisi masa_kampanye = benar\n")]
    assert "E0202" in _codes(check(files).diagnostics)


# ---- reading the owning instrument's folder ----------------------------------------------------


def test_one_instrument_folder_checks_on_its_own() -> None:
    report = check_paths([default_rulebook_path() / "uu10_2016"])
    assert report.diagnostics == ()
    assert report.rulebook is not None
    # PP 94/2021 lends its instrument, definitions and sanction tables, never its provisions.
    assert "PP_94_2021" in report.rulebook.instruments
    assert "masa_kampanye" in report.rulebook.definitions
    assert not any(p.startswith("pp94.") for p in report.rulebook.provisions)


def test_the_whole_rulebook_reads_nothing_more() -> None:
    loaded = load([default_rulebook_path()])
    assert add_used_instruments(loaded) is loaded


def test_a_folder_alone_compiles_what_it_borrows_as_the_whole_rulebook_does() -> None:
    whole = load_rulebook()
    alone = load_rulebook(default_rulebook_path() / "uu10_2016")
    assert alone.checked.definitions["masa_kampanye"] == whole.checked.definitions["masa_kampanye"]
    assert set(alone.checked.provisions) < set(whole.checked.provisions)
    incident = Path(__file__).parents[2] / "examples" / "kepala_desa_tim_kampanye.json"
    decision = evaluate(incident.read_text(encoding="utf-8"), alone, explain=False)
    assert all(f.provision.startswith("uu10.") for f in decision.evaluation.findings)


def test_outside_the_root_nothing_is_read(tmp_path: Path) -> None:
    (tmp_path / "pp94_2021").mkdir()
    (tmp_path / "uu10_2016").mkdir()
    (tmp_path / "pp94_2021" / "instrumen.nr").write_text(PP94 + _uses_of_pp94(), encoding="utf-8")
    (tmp_path / "uu10_2016" / "pidana.nr").write_text(
        "pakai masa_kampanye dari PP_94_2021\n" + UU10 + _provision("masa_kampanye"), encoding="utf-8"
    )
    alone = tmp_path / "uu10_2016"
    assert [d.code for d in check_paths([alone]).diagnostics] == ["E0201"]
    # Given its own root, the same folder reads PP 94/2021 from it.
    loaded = add_used_instruments(load([alone]), root=tmp_path)
    assert [f.path.rsplit("/", 2)[-2] for f in loaded.context] == ["pp94_2021"]
    assert check(loaded.files, context=loaded.context).diagnostics == ()

"""E0102 hints for text copied from a statute (parser._lawyer_hint): each fires where it helps and
stays silent where it would mislead."""

from __future__ import annotations

from netralrules.authoring import check_text

HEAD = 'ketentuan a.b {\n  rujukan X pasal 1\n  teks "t"\n'


def suggestion(text: str) -> str:
    diagnostics = check_text(text).diagnostics
    assert diagnostics and diagnostics[0].code == "E0102", diagnostics
    s = diagnostics[0].suggestion
    return s.en if s is not None else ""


def test_a_name_with_a_space_is_joined_but_a_list_missing_its_comma_is_not() -> None:
    assert "replace `kepala desa` with `kepala_desa`" in suggestion(HEAD + "  untuk kepala desa\n}\n")
    assert "underscore" not in suggestion(HEAD + "  untuk PNS CPNS\n}\n")


def test_cents_and_inner_quotes() -> None:
    rule = HEAD + "  jika tindakan.fasilitas_negara\n  maka pidana denda paling_banyak Rp12.000.000,00\n}\n"
    assert "replace `Rp12.000.000,00` with `Rp12.000.000`" in suggestion(rule)
    quoted = HEAD + '  catatan "Frasa "sebutan lain" di sini."\n}\n'
    assert 'replace `"sebutan lain"` with `\\"sebutan lain\\"`' in suggestion(quoted)
    # Two texts on two lines are one text, not a quotation: no hint there.
    joined = HEAD + '  catatan "a"\n          "b"\n  jika tindakan.fasilitas_negara\n  maka etik\n}\n'
    assert all(d.code != "E0102" for d in check_text(joined).diagnostics)

"""Check stage: names, types, citations, validity, exceptions, warnings, and the checked rulebook."""

from __future__ import annotations

import pytest

from netralrules.authoring import check_paths, check_text
from netralrules.checker import check
from netralrules.checker.typing_ import DefRef, EnumValue, FactRef, VarRef
from netralrules.facts.schema import BOOL, DATE, FactSchema, enum, record
from netralrules.resources import default_rulebook_path
from tests.helpers import INSTRUMENT, codes, diagnostics, parse, provision


def test_bundled_rulebook_is_clean() -> None:
    report = check_paths([default_rulebook_path()])
    assert report.diagnostics == ()
    assert report.rulebook is not None
    assert {f"pp94.pasal5.n.{i}" for i in range(1, 8)} <= set(report.rulebook.provisions)


def test_a_clean_provision_resolves_every_name() -> None:
    text = provision("tindakan.jenis = ikut_kampanye dan tindakan.fasilitas_negara")
    report = check_text(text, "t.nr")
    assert report.ok and report.rulebook is not None
    kinds = sorted(type(r).__name__ for r in report.rulebook.resolutions.values())
    assert kinds == ["EnumValue", "FactRef", "FactRef"]
    assert FactRef(("tindakan", "jenis")) in report.rulebook.resolutions.values()
    assert EnumValue("ikut_kampanye") in report.rulebook.resolutions.values()


def test_definitions_and_quantified_variables_resolve() -> None:
    text = (
        INSTRUMENT
        + "definisi berat_sebelumnya = ada s dalam responden.sanksi_sebelumnya yang (s.tingkat = berat)\n"
        + provision("berat_sebelumnya").replace(INSTRUMENT, "")
    )
    report = check_text(text, "t.nr")
    assert report.ok, [d.message.en for d in report.diagnostics]
    assert report.rulebook is not None
    values = set(report.rulebook.resolutions.values())
    assert DefRef("berat_sebelumnya") in values
    assert VarRef("s", ("tingkat",)) in values


def test_unknown_fact_is_reported_with_the_closest_name() -> None:
    ds = diagnostics(provision("tindakan.fasilitas_negra"))
    assert [d.code for d in ds] == ["E0204"]
    assert ds[0].suggestion is not None and "tindakan.fasilitas_negara" in ds[0].suggestion.id


def test_unknown_enum_value_lists_valid_values() -> None:
    ds = diagnostics(provision("tindakan.jenis = ikut_kampanyee"))
    assert [d.code for d in ds] == ["E0206"]
    assert ds[0].suggestion is not None and "`ikut_kampanye`" in ds[0].suggestion.en


def test_type_mismatches() -> None:
    assert codes(provision('tindakan.tanggal = "2024-01-01"')) == ["E0205"]
    assert codes(provision('tindakan.jenis = "ikut_kampanye"')) == ["E0205"]  # hint: write it without quotes
    assert codes(provision("tindakan.tanggal > 5")) == ["E0205"]
    assert codes(provision("tindakan.tanggal")) == ["E0205"]  # a condition must be true/false
    assert codes(provision("tindakan.fasilitas_negara dan tindakan.tanggal - 6 bulan > pemilu.tanggal_penetapan")) == []
    assert codes(provision("tindakan.tanggal + 2024-01-01 > pemilu.tanggal_penetapan")) == ["E0205"]


def test_quantifier_over_something_that_is_not_a_list() -> None:
    assert codes(provision("ada s dalam tindakan.tanggal yang (benar)")) == ["E0216"]


def test_a_bare_unknown_word_is_an_unknown_name() -> None:
    assert codes(provision("fasilitas_negara")) == ["E0212"]


def test_citation_checks() -> None:
    base = provision("benar")
    assert codes(base.replace("pasal 5 huruf n angka 4", "huruf n angka 4")) == ["E0203"]
    assert codes(base.replace("pasal 5 huruf n angka 4", "pasal 5 huruf n ayat (1)")) == ["E0203"]
    assert codes(base.replace("pasal 5 huruf n angka 4", "pasal 5 angka 4 huruf n")) == []  # statutes nest both ways
    assert codes(base.replace("pasal 5 huruf n angka 4", "pasal 5 huruf 3")) == ["E0203"]
    assert codes(base.replace("rujukan PP_94_2021 pasal 5", "rujukan PP_94_2012 pasal 5")) == ["E0201"]


@pytest.mark.parametrize(
    ("cited", "expected"),
    [
        ("lampiran II angka 6", []),  # SKB 2022 items: "Lampiran II angka 6" (regulations.md §5.2)
        ("lampiran IV huruf b angka 3", []),
        ("angka 6 lampiran II", ["E0203"]),  # the annex comes first, like a pasal
        ("pasal 5 lampiran II", ["E0203"]),  # body or annex, not both
        ("lampiran II ayat (1)", ["E0203"]),  # an ayat divides a pasal only
        ("lampiran 2 angka 6", ["E0203"]),  # annexes are numbered in Roman numerals
        ("lampiran IIII angka 6", ["E0203"]),
        ("lampiran II lampiran III", ["E0203"]),
    ],
    ids=[
        "annex-item",
        "annex-letter-item",
        "annex-after-item",
        "pasal-and-annex",
        "annex-ayat",
        "arabic-annex",
        "bad-roman",
        "annex-twice",
    ],
)
def test_annex_citations(cited: str, expected: list[str]) -> None:
    assert codes(provision("benar").replace("pasal 5 huruf n angka 4", cited)) == expected


def test_a_citation_needs_a_pasal_or_an_annex() -> None:
    diags = diagnostics(provision("benar").replace("pasal 5 huruf n angka 4", "huruf n"))
    assert [d.code for d in diags] == ["E0203"]
    assert "`pasal` atau `lampiran`" in diags[0].message.id


def test_duplicate_ids_point_at_the_first() -> None:
    text = provision("benar", name="a") + provision("benar", name="a").replace(INSTRUMENT, "")
    ds = diagnostics(text)
    assert [d.code for d in ds] == ["E0202"]
    assert ds[0].extra and ds[0].extra[0].span.start < ds[0].span.start


def test_exception_targets_and_cycles() -> None:
    a = provision("benar", name="a", extra="mengecualikan b")
    b = provision("benar", name="b", extra="mengecualikan a").replace(INSTRUMENT, "")
    assert "E0209" in codes(a + b)
    assert codes(provision("benar", extra="mengecualikan tidak_ada")) == ["E0207"]


def test_exception_order_puts_exceptions_first() -> None:
    a = provision("benar", name="umum")
    b = provision("benar", name="khusus", extra="mengecualikan umum", outcome="disiplin tingkat sedang").replace(INSTRUMENT, "")
    c = provision("benar", name="lebih_khusus", extra="mengecualikan khusus").replace(INSTRUMENT, "")
    report = check_text(a + b + c, "t.nr")
    assert report.rulebook is not None, [d.message.en for d in report.diagnostics]
    order = report.rulebook.exception_order
    assert order.index("lebih_khusus") < order.index("khusus") < order.index("umum")


def test_definition_cycles() -> None:
    text = INSTRUMENT + "definisi a = b\ndefinisi b = a\n" + provision("a").replace(INSTRUMENT, "")
    assert "E0208" in codes(text)


def test_validity_outside_the_instrument_and_reversed() -> None:
    assert codes(provision("benar", extra="berlaku sejak 2020-01-01")) == ["E0210"]
    assert codes(provision("benar", extra="berlaku sejak 2023-01-01 sampai 2022-01-01")) == ["E0211"]
    repealed = INSTRUMENT.replace("berlaku sejak 2021-08-31", "berlaku sejak 2021-08-31\n  dicabut 2023-10-31")
    assert codes(provision("benar", extra="berlaku sampai 2024-01-01").replace(INSTRUMENT, repealed)) == ["E0210"]


def test_outcome_consistency() -> None:
    assert codes(provision("benar", outcome="etik tingkat berat")) == ["E0213"]
    assert codes(provision("benar", outcome="pidana")) == ["E0213"]
    assert codes(provision("benar", outcome="pidana penjara paling_lama Rp1.000")) == ["E0217"]
    assert codes(provision("benar", outcome="pidana denda Rp6.000.000 sampai Rp600.000")) == ["E0217"]


def test_unknown_subject() -> None:
    assert codes(provision("benar", extra="untuk PNS, PPK")) == ["E0214"]


def test_warnings() -> None:
    assert codes(provision("salah")) == ["W0301"]
    assert codes(provision("tindakan.jenis = ikut_kampanye dan tindakan.jenis = pertemuan")) == ["W0301"]
    assert codes(provision("benar", outcome="disiplin")) == ["W0303"]
    assert codes(INSTRUMENT + "definisi tidak_dipakai = benar\n" + provision("benar").replace(INSTRUMENT, "")) == ["W0304"]
    a = provision("tindakan.fasilitas_negara", name="a")
    b = provision("tindakan.fasilitas_negara", name="b", outcome="disiplin tingkat sedang").replace(INSTRUMENT, "")
    assert codes(a + b) == ["W0302"]
    # An exception between the two settles the conflict.
    b_except = provision("tindakan.fasilitas_negara", name="b", outcome="disiplin tingkat sedang", extra="mengecualikan a")
    assert codes(a + b_except.replace(INSTRUMENT, "")) == []


def test_every_error_is_reported_not_just_the_first() -> None:
    text = provision("tindakan.fasilitas_negra dan tindakan.jenis = rapat", extra="untuk PNX")
    assert sorted(codes(text)) == ["E0204", "E0206", "E0214"]


def test_the_schema_is_an_input() -> None:
    """A small schema of our own: the same text is clean or not depending on the schema."""
    small = FactSchema(
        roots={"tindakan": record("tindakan", tanggal=DATE, rapat=BOOL, jenis=enum("jenis", "rapat", "seruan"))},
        subjects=("PNS",),
    )
    files = [parse(provision("tindakan.rapat dan tindakan.jenis = seruan"))]
    assert check(files, small).ok
    assert not check([parse(provision("tindakan.fasilitas_negara"))], small).ok


def test_content_hash_ignores_layout_comments_and_order() -> None:
    a = provision("tindakan.fasilitas_negara", name="a")
    b = provision("tindakan.rapat_dinas_lain", name="b").replace(INSTRUMENT, "")
    h1 = check([parse(a + b)]).rulebook
    swapped = "# komentar\n" + b + "\n\n" + a.replace("  jika", "      jika")
    h2 = check([parse(swapped)]).rulebook
    # b uses an unknown fact, so no rulebook: compare hashes via content_hash directly instead.
    from netralrules.checker import content_hash

    assert h1 is None and h2 is None
    assert content_hash((parse(a + b),)) == content_hash((parse(swapped),))
    assert content_hash((parse(a),)) != content_hash((parse(a.replace("angka 4", "angka 3")),))


def test_a_definition_may_not_hide_a_value_or_a_fact_root() -> None:
    base = provision("benar").replace(INSTRUMENT, "")
    assert codes(INSTRUMENT + "definisi ikut_kampanye = benar\n" + base).count("E0219") == 1
    assert codes(INSTRUMENT + "definisi tindakan = benar\n" + base).count("E0219") == 1
    assert "E0219" not in codes(INSTRUMENT + "definisi masa_kampanye = benar\n" + base)


SUPERVISOR = """
lembaga_pengawas {name} {{
  judul "{name}"
  {validity}
  alur "Bawaslu", "{name}", "PPK"
}}
"""


def test_supervisory_bodies_reach_the_checked_rulebook() -> None:
    text = SUPERVISOR.format(name="KASN", validity="berlaku sampai 2024-08-24") + SUPERVISOR.format(
        name="BKN", validity="berlaku sejak 2024-06-14"
    )
    report = check_text(text, "t.nr")
    # Overlapping periods are allowed: that is how sources that disagree are recorded.
    assert report.diagnostics == ()
    assert report.rulebook is not None
    assert sorted(report.rulebook.supervisors) == ["BKN", "KASN"]


def test_supervisory_body_errors() -> None:
    twice = SUPERVISOR.format(name="KASN", validity="") * 2
    assert codes(twice) == ["E0202"]
    assert codes(SUPERVISOR.format(name="KASN", validity="berlaku sejak 2024-08-24 sampai 2024-06-14")) == ["E0211"]
    assert codes('lembaga_pengawas BKN {\n  judul "BKN"\n}\n') == ["E0110"]

"""Parsing: text → AST, positions, both keyword languages, and the grammar's own soundness."""

from __future__ import annotations

import datetime
import re

from lark import Lark

from netralrules.resources import grammar_path
from netralrules.source import SourceFile
from netralrules.syntax import ast, parse_source
from netralrules.syntax.keywords import BY_TERMINAL, KEYWORDS
from tests.helpers import parse

INSTRUMENT = """
instrumen PP_94_2021 {
  judul "Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil"
  jenis PP
  nomor 94 tahun 2021
  berlaku sejak 2021-08-31
}
"""

INDONESIAN = (
    INSTRUMENT
    + """
definisi masa_kampanye "masa kampanye" = tindakan.tanggal antara pemilu.kampanye_mulai sampai pemilu.kampanye_selesai
ketentuan pp94.pasal5.n.2 {
  rujukan PP_94_2021 pasal 5 huruf n angka 2
  teks "memberikan dukungan kepada calon …"
       "2. menjadi peserta kampanye dengan menggunakan atribut partai atau atribut PNS;"
  untuk PNS, CPNS
  berlaku sejak 2021-08-31
  mengecualikan pp94.pasal5.n.1
  jika tindakan.jenis = ikut_kampanye dan masa_kampanye dan (tindakan.atribut_partai atau tindakan.atribut_pns)
  maka disiplin tingkat sedang menurut PP_94_2021 pasal 13 huruf g
  sanksi "pemotongan tunjangan kinerja sebesar 25% selama 6 bulan" menurut PP_94_2021 pasal 8 ayat (3)
  catatan "angka 2 mengecualikan angka 1"
}
"""
)

ENGLISH = """
instrument PP_94_2021 {
  title "Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil"
  kind PP
  number 94 year 2021
  in_force from 2021-08-31
}
definition masa_kampanye "masa kampanye" = tindakan.tanggal between pemilu.kampanye_mulai to pemilu.kampanye_selesai
provision pp94.pasal5.n.2 {
  cites PP_94_2021 article 5 letter n item 2
  text "memberikan dukungan kepada calon …"
       "2. menjadi peserta kampanye dengan menggunakan atribut partai atau atribut PNS;"
  applies_to PNS, CPNS
  in_force from 2021-08-31
  excepts pp94.pasal5.n.1
  if tindakan.jenis = ikut_kampanye and masa_kampanye and (tindakan.atribut_partai or tindakan.atribut_pns)
  then discipline tier moderate per PP_94_2021 article 13 letter g
  sanctions "pemotongan tunjangan kinerja sebesar 25% selama 6 bulan" per PP_94_2021 article 8 paragraph 3
  note "angka 2 mengecualikan angka 1"
}
"""


def test_english_and_indonesian_keywords_give_the_same_tree() -> None:
    assert parse(INDONESIAN).declarations == parse(ENGLISH).declarations


def test_provision_fields_are_structured() -> None:
    prov = parse(INDONESIAN).declarations[2]
    assert isinstance(prov, ast.Provision)
    assert prov.citation is not None
    assert (prov.citation.instrument.name, prov.citation.pasal, prov.citation.huruf, prov.citation.angka) == (
        "PP_94_2021",
        "5",
        "n",
        "2",
    )
    assert prov.citation.ayat is None
    assert prov.text is not None and prov.text.count("\n") == 1  # two strings are two lines
    assert [s.name for s in prov.subjects] == ["PNS", "CPNS"]
    assert prov.validity is not None and prov.validity.start is not None
    assert prov.validity.start.value == datetime.date(2021, 8, 31)
    assert prov.outcome == ast.Outcome(
        category=ast.Category.DISIPLIN,
        tier=ast.Tier.SEDANG,
        tier_basis=ast.Citation(
            instrument=ast.Ref(name="PP_94_2021"),
            parts=(ast.CitationPart(kind="pasal", value="13"), ast.CitationPart(kind="huruf", value="g")),
        ),
    )
    assert prov.sanctions is not None and prov.sanctions.basis is not None
    assert prov.sanctions.basis.ayat == "3"


def test_and_chains_are_flat_and_precedence_is_or_below_and_below_not() -> None:
    cond = parse(INSTRUMENT + "definisi d = benar atau tidak salah dan 1 = 1 dan 2 = 2").declarations[1]
    assert isinstance(cond, ast.Definition)
    expr = cond.expr
    assert isinstance(expr, ast.Or)
    assert expr.operands[0] == ast.BoolLit(value=True)
    conj = expr.operands[1]
    assert isinstance(conj, ast.And) and len(conj.operands) == 3
    assert conj.operands[0] == ast.Not(operand=ast.BoolLit(value=False))


def test_literals() -> None:
    d = parse("definisi d = x antara 2024-02-14 - 6 bulan sampai Rp12.000.000").declarations[0]
    assert isinstance(d, ast.Definition) and isinstance(d.expr, ast.Between)
    assert d.expr.low == ast.Arith(
        terms=(ast.DateLit(value=datetime.date(2024, 2, 14)), ast.Duration(amount=6, unit="bulan")), ops=("-",)
    )
    assert d.expr.high == ast.RupiahLit(value=12_000_000)


def test_quantifier_count_within_and_penalties() -> None:
    text = """
ketentuan pidana.contoh {
  rujukan UU_10_2016 pasal 188
  teks "…"
  jika jumlah s dalam responden.sanksi_sebelumnya yang (s.tingkat = berat) >= 1
    dan ada s dalam responden.sanksi_sebelumnya yang (s.tanggal > 2020-01-01)
    dan tindakan.tanggal dalam_waktu 6 bulan sebelum pemilu.tanggal_penetapan
  maka pidana penjara 1 bulan sampai 6 bulan dan/atau denda Rp600.000 sampai Rp6.000.000 menurut UU_10_2016 pasal 188
}
"""
    prov = parse(text).declarations[0]
    assert isinstance(prov, ast.Provision) and isinstance(prov.condition, ast.And)
    count_cmp, some, within = prov.condition.operands
    assert isinstance(count_cmp, ast.Compare) and isinstance(count_cmp.left, ast.Count)
    assert isinstance(some, ast.Quantifier) and some.kind == "ada" and some.var == "s"
    assert isinstance(within, ast.Within) and within.direction == "sebelum" and within.duration.amount == 6
    assert prov.outcome is not None
    assert [p.kind for p in prov.outcome.penalties] == ["penjara", "denda"]
    assert prov.outcome.joiners == ("dan/atau",)
    assert prov.outcome.penalty_basis is not None and prov.outcome.penalty_basis.pasal == "188"


def test_spans_point_at_the_source_and_equality_ignores_them() -> None:
    text = "definisi d = tindakan.fasilitas_negara"
    spaced = "definisi   d =\n   tindakan.fasilitas_negara   "
    a, b = parse(text).declarations[0], parse(spaced).declarations[0]
    assert a == b and hash(a) == hash(b)
    assert isinstance(a, ast.Definition)
    assert text[a.expr.span.start : a.expr.span.end] == "tindakan.fasilitas_negara"
    assert text[a.name.span.start : a.name.span.end] == "d"


def test_comments_are_collected_but_not_compared() -> None:
    f = parse("# kepala\ndefinisi d = benar # ekor\n")
    assert [c.text for c in f.comments] == ["# kepala", "# ekor"]
    assert f == parse("definisi d = benar")


def test_hash_inside_text_is_not_a_comment() -> None:
    f = parse('definisi d = tindakan.tanggal = "a # b"')
    assert f.comments == ()


def test_keyword_table_matches_the_grammar() -> None:
    """Every keyword terminal of the grammar is in the table with exactly the same words."""
    grammar = grammar_path().read_text(encoding="utf-8")
    for kw in KEYWORDS:
        m = re.search(rf"^{kw.terminal}\.\d+: /\((.+?)\)\\b", grammar, re.MULTILINE)
        assert m, f"{kw.terminal} missing from the grammar"
        words = {w.replace("\\/", "/") for w in m.group(1).split("|")}
        assert words == set(kw.words), kw.terminal
    declared = set(
        re.findall(
            r"^((?:KW_[A-Z_]+|QUANTIFIER|DIRECTION|CITE_KIND|CATEGORY|TIER|PENALTY_KIND|JOINER|DURATION_UNIT|BOOL|RELIABILITY|GAP_KIND|TEAM_STATUS|LIMIT_KIND|DAY_UNIT|REMEDY_KIND))\.",
            grammar,
            re.MULTILINE,
        )
    )
    assert declared == set(BY_TERMINAL)


def test_grammar_has_no_conflicts_in_strict_mode() -> None:
    """Lark resolves shift/reduce conflicts silently unless strict; strict also checks terminal collisions."""
    Lark(grammar_path().read_text(encoding="utf-8"), parser="lalr", lexer="contextual", strict=True)


def test_keywords_are_whole_words() -> None:
    """`makaa` is one name (so it can be reported and corrected), not `maka` followed by `a`."""
    _, diags = parse_source(SourceFile("t.nr", 'ketentuan k { rujukan X pasal 1 teks "t" jika benar makaa disiplin }'))
    assert [d.code for d in diags] == ["E0101"]
    assert diags[0].suggestion is not None and "`maka`" in diags[0].suggestion.id


def test_a_keyword_as_a_path_segment_is_a_name() -> None:
    d = parse("definisi d = tindakan.jenis = ikut_kampanye").declarations[0]
    assert isinstance(d, ast.Definition)
    assert d.expr == ast.Compare(op="=", left=ast.Name(parts=("tindakan", "jenis")), right=ast.Name(parts=("ikut_kampanye",)))


def test_annex_citations_parse_in_both_languages() -> None:
    """SKB items are cited by annex: `Lampiran II angka 6` (regulations.md §5.2)."""
    head = 'instrumen SKB_2022 { judul "SKB" jenis SKB berlaku sejak 2022-09-22 }\n'
    body = 'ketentuan k {{ rujukan SKB_2022 {cite} teks "t" jika benar maka etik }}'
    indonesian = parse(head + body.format(cite="lampiran II angka 6")).declarations[1]
    english = parse(head + body.format(cite="annex II item 6")).declarations[1]
    assert indonesian == english
    assert isinstance(indonesian, ast.Provision) and indonesian.citation is not None
    assert [(p.kind, p.value) for p in indonesian.citation.parts] == [("lampiran", "II"), ("angka", "6")]
    assert indonesian.citation.lampiran == "II" and indonesian.citation.pasal is None


SUPERVISOR_ID = """
lembaga_pengawas KASN {
  judul "Komisi Aparatur Sipil Negara"
  berlaku sampai 2024-08-24
  alur "Bawaslu: temuan", "KASN: rekomendasi"
       "yang mengikat PPK", "PPK: sanksi"
  catatan "awal masa tugas tidak diketahui"
}
"""

SUPERVISOR_EN = """
supervisory_body KASN {
  note "awal masa tugas tidak diketahui"
  referral_chain "Bawaslu: temuan", "KASN: rekomendasi" "yang mengikat PPK", "PPK: sanksi"
  in_force until 2024-08-24
  title "Komisi Aparatur Sipil Negara"
}
"""


def test_supervisory_body_parses_in_both_languages() -> None:
    (body,) = parse(SUPERVISOR_ID).declarations
    assert parse(SUPERVISOR_EN).declarations == (body,)
    assert isinstance(body, ast.Supervisor)
    assert body.id.name == "KASN" and body.title == "Komisi Aparatur Sipil Negara"
    assert body.validity == ast.Validity(start=None, end=ast.DateLit(value=datetime.date(2024, 8, 24)))
    # Adjacent strings are lines of one step; commas separate the steps.
    assert body.chain == ("Bawaslu: temuan", "KASN: rekomendasi\nyang mengikat PPK", "PPK: sanksi")
    assert body.note == "awal masa tugas tidak diketahui"


SOURCED = """
ketentuan k {
  rujukan PP_94_2021 pasal 5 huruf n angka 1
  teks "t"
  jika benar
  maka disiplin
  catatan "Tingkatnya tidak disebut dalam Pasal 13 atau 14."
  sumber "PP 94/2021 (JDIH)" terverifikasi
  sumber "Kompas.com, Bolehkah PNS ikut kampanye?" tautan "https://nasional.kompas.com/read/2022/03/16/x"
    bertanggal 2022-03-16 satu_sumber
  sumber "Putusan MK 41/PUU-XII/2014" bertanggal 2015-07-08 terverifikasi
}
"""
SOURCED_EN = """
provision k {
  cites PP_94_2021 article 5 letter n item 1
  text "t"
  if true
  then discipline
  note "Tingkatnya tidak disebut dalam Pasal 13 atau 14."
  source "PP 94/2021 (JDIH)" verified
  source "Kompas.com, Bolehkah PNS ikut kampanye?" url "https://nasional.kompas.com/read/2022/03/16/x"
    dated 2022-03-16 single_source
  source "Putusan MK 41/PUU-XII/2014" dated 2015-07-08 verified
}
"""


def test_sources_are_structured_repeatable_and_bilingual() -> None:
    prov = parse(INSTRUMENT + SOURCED).declarations[1]
    assert isinstance(prov, ast.Provision)
    assert prov.sources == (
        ast.Source(document="PP 94/2021 (JDIH)", reliability="terverifikasi"),
        ast.Source(
            document="Kompas.com, Bolehkah PNS ikut kampanye?",
            url="https://nasional.kompas.com/read/2022/03/16/x",
            date=ast.DateLit(value=datetime.date(2022, 3, 16)),
            reliability="satu_sumber",
        ),
        ast.Source(
            document="Putusan MK 41/PUU-XII/2014", date=ast.DateLit(value=datetime.date(2015, 7, 8)), reliability="terverifikasi"
        ),
    )
    assert parse(INSTRUMENT + SOURCED_EN).declarations == parse(INSTRUMENT + SOURCED).declarations


def test_a_source_needs_its_reliability() -> None:
    _, diags = parse_source(SourceFile("t.nr", INSTRUMENT + SOURCED.replace(" terverifikasi\n  sumber", "\n  sumber", 1)))
    assert [d.code for d in diags] == ["E0102"]
    assert diags[0].label is not None and "`terverifikasi`" in diags[0].label.id

"""The formatter: canonical, idempotent, faithful (parse(format(x)) == x), and it keeps comments."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netralrules.authoring import format_text
from netralrules.resources import default_rulebook_path
from netralrules.syntax import ast
from netralrules.syntax.formatter import format_file
from netralrules.syntax.loader import load_text
from tests import strategies

_SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _parse(text: str) -> ast.RulesFile:
    loaded = load_text(text, "t.nr")
    assert loaded.ok, (text, [(d.code, d.message.en) for d in loaded.diagnostics])
    return loaded.files[0]


@_SETTINGS
@given(strategies.files, st.sampled_from(["id", "en"]))
def test_parse_of_format_is_the_same_tree(file: ast.RulesFile, lang: str) -> None:
    text = format_file(file, lang=lang)
    assert _parse(text) == file


@_SETTINGS
@given(strategies.files)
def test_format_is_idempotent_and_parse_format_text_equals_parse_text(file: ast.RulesFile) -> None:
    # Start from a text in the *other* keyword language, laid out differently: format must
    # normalise it, keep its meaning, and then leave its own output alone.
    text = format_file(file, lang="en").replace("\n", "\n\n   ")
    once = format_text(text, "t.nr").formatted
    assert once is not None
    assert _parse(once) == _parse(text)
    assert format_text(once, "t.nr").formatted == once


@_SETTINGS
@given(strategies.files, st.lists(st.text(alphabet="abc xyz#\"'", max_size=20), max_size=6), st.data())
def test_comments_are_never_lost(file: ast.RulesFile, comments: list[str], data: st.DataObject) -> None:
    lines = format_file(file).split("\n")
    for comment in comments:
        at = data.draw(st.integers(0, len(lines)))
        own_line = data.draw(st.booleans()) or at == len(lines) or not lines[at].strip()
        if own_line:
            lines.insert(at, f"# {comment}")
        else:
            lines[at] += f"  # {comment}"
    text = "\n".join(lines)
    formatted = format_text(text, "t.nr").formatted
    assert formatted is not None
    before = Counter(c.text.rstrip() for c in _parse(text).comments)
    after = Counter(c.text.rstrip() for c in _parse(formatted).comments)
    assert before == after
    assert _parse(formatted) == _parse(text)


def test_bundled_rulebook_is_formatted() -> None:
    for path in sorted(Path(default_rulebook_path()).rglob("*.nr")):
        text = path.read_text(encoding="utf-8")
        assert format_text(text, str(path)).formatted == text, f"{path} is not in canonical layout"


def test_layout() -> None:
    messy = """# kepala berkas

ketentuan   k{rujukan PP pasal 5 huruf n angka 4 # rujukan
teks "baris satu" "baris dua"
maka disiplin tingkat berat jika tindakan.fasilitas_negara dan tindakan.jenis = ikut_kampanye}
"""
    expected = """# kepala berkas

ketentuan k {
  rujukan PP pasal 5 huruf n angka 4  # rujukan
  teks "baris satu"
       "baris dua"
  jika tindakan.fasilitas_negara dan tindakan.jenis = ikut_kampanye
  maka disiplin tingkat berat
}
"""
    assert format_text(messy, "t.nr").formatted == expected


def test_english_layout() -> None:
    text = "definisi d = ada s dalam responden.sanksi_sebelumnya yang (s.tingkat = berat dan tidak benar)\n"
    assert format_text(text, "t.nr", lang="en").formatted == (
        "definition d = some s in responden.sanksi_sebelumnya where (s.tingkat = berat and not true)\n"
    )


def test_long_conditions_wrap_one_operand_per_line() -> None:
    cond = " dan ".join(f"tindakan.fakta_nomor_{i}" for i in range(8))
    out = format_text(f'ketentuan k {{ rujukan X pasal 1 teks "t" jika {cond} maka etik }}', "t.nr").formatted
    assert out is not None
    assert "  jika tindakan.fakta_nomor_0\n    dan tindakan.fakta_nomor_1\n" in out


def test_text_with_errors_is_not_formatted() -> None:
    result = format_text("ketentuan k { jika }", "t.nr")
    assert result.formatted is None
    assert [d.code for d in result.diagnostics] == ["E0102"]
    # A field given twice parses, but formatting would silently drop one of them: refuse.
    twice = 'ketentuan k { rujukan X pasal 1 teks "a" teks "b" jika benar maka etik }'
    result = format_text(twice, "t.nr")
    assert result.formatted is None and [d.code for d in result.diagnostics] == ["E0109"]


def test_annex_citations_round_trip_in_both_languages() -> None:
    text = """instrumen SKB_2022 {
  judul "SKB"
  jenis SKB
  berlaku sejak 2022-09-22
}

ketentuan skb2022.lampiran2.6 {
  rujukan SKB_2022 lampiran II angka 6
  teks "t"
  jika benar
  maka etik
}
"""
    assert format_text(text, "t.nr").formatted == text
    english = format_text(text, "t.nr", lang="en").formatted
    assert english is not None and "cites SKB_2022 annex II item 6" in english
    assert _parse(english) == _parse(text)
    assert format_text(english, "t.nr").formatted == text


def test_supervisory_body_layout() -> None:
    messy = """lembaga_pengawas BKN { catatan "c" alur "Bawaslu", "BKN" "(Deputi Wasdal)", "PPK"
berlaku sejak 2024-06-14 judul "Badan Kepegawaian Negara" }
"""
    expected = """lembaga_pengawas BKN {
  judul "Badan Kepegawaian Negara"
  berlaku sejak 2024-06-14
  alur
    "Bawaslu",
    "BKN"
    "(Deputi Wasdal)",
    "PPK"
  catatan "c"
}
"""
    formatted = format_text(messy, "t.nr").formatted
    assert formatted == expected
    english = format_text(messy, "t.nr", lang="en").formatted
    assert english is not None
    assert english.startswith("supervisory_body BKN {\n  title ") and "\n  referral_chain\n" in english
    assert _parse(english).declarations == _parse(expected).declarations


def test_sources_layout_and_round_trip() -> None:
    long_source = (
        'sumber "Kompas.com, Bolehkah PNS ikut kampanye?" '
        'tautan "https://nasional.kompas.com/read/2022/03/16/bolehkah-pns-ikut-kampanye" bertanggal 2022-03-16 satu_sumber }'
    )
    messy = (
        """ketentuan k { rujukan PP_94_2021 pasal 5 huruf n angka 1 teks "t" jika benar maka disiplin catatan "c"
sumber "Putusan MK 41/PUU-XII/2014" bertanggal 2015-07-08 verified  # dibacakan
"""
        + long_source
        + "\n"
    )
    expected = """ketentuan k {
  rujukan PP_94_2021 pasal 5 huruf n angka 1
  teks "t"
  jika benar
  maka disiplin
  catatan "c"
  sumber "Putusan MK 41/PUU-XII/2014" bertanggal 2015-07-08 terverifikasi  # dibacakan
  sumber "Kompas.com, Bolehkah PNS ikut kampanye?"
    tautan "https://nasional.kompas.com/read/2022/03/16/bolehkah-pns-ikut-kampanye"
    bertanggal 2022-03-16 satu_sumber
}
"""
    assert format_text(messy, "t.nr").formatted == expected
    english = format_text(messy, "t.nr", lang="en").formatted
    assert english is not None and '  source "Putusan MK 41/PUU-XII/2014" dated 2015-07-08 verified  # dibacakan' in english
    assert _parse(english).declarations == _parse(expected).declarations


def test_pakai_lines_lead_the_file_in_either_keyword_language() -> None:
    text = (
        "# kepala berkas\n\n"
        "use masa_kampanye ,calon_sudah_ditetapkan   from PP_94_2021 # alasan\n"
        "pakai " + ", ".join(f"definisi_yang_cukup_panjang_{i}" for i in range(5)) + " dari SKB_2022\n"
        "definisi x = masa_kampanye\n"
    )
    indonesian = format_text(text, "t.nr").formatted
    assert indonesian == (
        "# kepala berkas\n\n"
        "pakai masa_kampanye, calon_sudah_ditetapkan dari PP_94_2021  # alasan\n"
        "pakai definisi_yang_cukup_panjang_0, definisi_yang_cukup_panjang_1, definisi_yang_cukup_panjang_2,\n"
        "  definisi_yang_cukup_panjang_3, definisi_yang_cukup_panjang_4 dari SKB_2022\n\n"
        "definisi x = masa_kampanye\n"
    )
    english = format_text(text, "t.nr", lang="en").formatted
    assert english is not None and english.splitlines()[2].startswith("use masa_kampanye, calon_sudah_ditetapkan from")
    assert _parse(english) == _parse(indonesian) == _parse(text)

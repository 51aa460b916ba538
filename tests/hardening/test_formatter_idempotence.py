"""Issue 13, formatter: `fmt` then `fmt --check` never fails. A comment between the continuation
strings of `catatan` moved on every run; a comment before a block's `}` left the block on the
second run; a line break inside quotes in a CRLF file came back as a lone CR."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netralrules.authoring import check_text, format_text
from tests.fuzz.mutate import rules_file

HEAD = """instrumen X {
  judul "a"
  jenis PP
  nomor 1 tahun 2021
  berlaku sejak 2021-08-31
"""

CASES = {
    "comment between catatan strings": HEAD + '  catatan "satu" # a\n          # b\n          "dua"\n          "tiga"  # c\n}\n',
    "own-line comment at field indent": HEAD + '  catatan "satu"\n  # di antara\n          "dua"\n}\n',
    "comment before the closing brace": HEAD + '  catatan "satu"\n  # sebelum } tutup\n}\n# sesudah\n',
    "line break inside quotes, CRLF": HEAD.replace("\n", "\r\n") + '  catatan "satu\r\ndua"\r\n}\r\n',
}


def _twice(text: str) -> tuple[str | None, str | None]:
    first = format_text(text, "f.nr").formatted
    assert first is not None
    return first, format_text(first, "f.nr").formatted


def test_each_reproducer_formats_to_a_fixed_point() -> None:
    for name, text in CASES.items():
        first, second = _twice(text)
        assert first == second, name


def test_a_comment_between_catatan_lines_is_kept_and_the_note_unchanged() -> None:
    text = CASES["comment between catatan strings"]
    first, _ = _twice(text)
    assert first is not None and all(c in first for c in ("# a", "# b", "# c"))
    before, after = check_text(text, "f.nr").rulebook, check_text(first, "f.nr").rulebook
    assert before is not None and after is not None and before.content_hash == after.content_hash


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=2**40))
def test_format_is_idempotent_and_keeps_the_meaning_of_generated_files(seed: int) -> None:
    text = rules_file(seed)
    first = format_text(text, "f.nr").formatted
    if first is None:
        return
    assert format_text(first, "f.nr").formatted == first
    before = check_text(text, "f.nr").rulebook
    if before is not None:
        after = check_text(first, "f.nr").rulebook
        assert after is not None and after.content_hash == before.content_hash


# The mutants of two seeds of the fuzz campaign (335: a line break inside quotes in a CRLF file;
# 23437: `ayat j` was written back as `ayat (j)`), frozen as files: `rules_file(seed)` mutates the
# bundled rulebook, so it yields another text whenever a rules file is added. These are the texts the
# seeds gave on the rulebook of commit 49e9c21; the two faults have their own reproducers above.
FUZZ_SEEDS = Path(__file__).parent / "fuzz_seeds"


def test_fuzz_seeds_of_the_campaign() -> None:
    seeds = sorted(FUZZ_SEEDS.glob("rules-*.nr"))
    assert [p.name for p in seeds] == ["rules-23437.nr", "rules-335.nr"]
    for path in seeds:
        first = format_text(path.read_bytes().decode("utf-8"), "f.nr").formatted
        assert first is not None and format_text(first, "f.nr").formatted == first, path.name


def test_a_malformed_ayat_is_written_back_as_it_was() -> None:
    text = HEAD + '}\nketentuan k {\n  rujukan X pasal 52 ayat j\n  teks "t"\n  jika benar\n  maka etik\n}\n'
    first, second = _twice(text)
    assert first == second and first is not None and "ayat j" in first

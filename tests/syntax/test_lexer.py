"""The fast lexer gives the same tokens as Lark's own contextual lexer on the same grammar."""

from __future__ import annotations

import functools
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lark import Lark

from netralrules.resources import default_rulebook_path, grammar_path
from netralrules.syntax.formatter import format_file
from netralrules.syntax.parser import _parser
from tests import strategies

DOCS = Path(__file__).parents[2] / "docs"


@functools.cache
def _stock() -> Lark:
    return Lark(grammar_path().read_text(encoding="utf-8"), parser="lalr", lexer="contextual", maybe_placeholders=True)


def _same(text: str) -> None:
    assert _parser().parse(text) == _stock().parse(text)


def test_bundled_rulebook_and_examples() -> None:
    paths = [*Path(default_rulebook_path()).rglob("*.nr"), *DOCS.rglob("*.nr")]
    assert paths
    for path in paths:
        _same(path.read_text(encoding="utf-8"))


def test_contextual_keywords() -> None:
    # `jenis`, `tahun`, `dalam` are keywords, but names after a dot; `Rp12` is a name there too.
    _same("definisi d = tindakan.jenis = ikut_kampanye dan tindakan.tahun dalam {a} dan x.Rp12 = y")
    _same(
        'ketentuan jenis.tahun.3 { rujukan X pasal 71A ayat (2) teks "a" "b" jika benar maka pidana '
        "penjara 1 bulan sampai 6 bulan dan/atau denda paling_banyak Rp6.000.000 }"
    )


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(strategies.files, st.sampled_from(["id", "en"]))
def test_generated_files(file: object, lang: str) -> None:
    _same(format_file(file, lang=lang))  # type: ignore[arg-type]

"""One bilingual text mechanism (diagnostics/text.py): every phrase is a `Text`, every choice of
language goes through it, and a language other than `id` or `en` is refused, never replaced by
Indonesian."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from netralrules import check_text, evaluate, render_all, report, to_markdown, to_text
from netralrules.diagnostics import LANGS, Text, UnknownLanguageError, check_lang
from netralrules.diagnostics.text import pick
from netralrules.facts.errors import IncidentProblem
from netralrules.syntax import ast
from netralrules.syntax.formatter import format_expr
from tests.helpers import provision

SRC = Path(__file__).parents[1] / "src" / "netralrules"
EXAMPLE = Path(__file__).parents[1] / "examples" / "pns_kampanye_atribut_partai.json"


def test_a_text_picks_its_language() -> None:
    t = Text("benar", "true")
    assert (t.get("id"), t.get("en"), t("id"), t("en")) == ("benar", "true", "benar", "true")
    assert LANGS == ("id", "en")
    assert Text.same("x") == Text("x", "x")
    assert Text.build(lambda lang: lang.upper()) == Text("ID", "EN")
    assert Text("{0} hari", "{0} days").format(3) == Text("3 hari", "3 days")
    assert t.map(str.upper) == Text("BENAR", "TRUE")


def test_a_table_gives_the_key_for_what_it_does_not_know() -> None:
    table = {"fired": Text("berlaku", "applies")}
    assert pick(table, "fired", "en") == "applies"
    assert pick(table, "other", "id") == "other"
    assert pick(table, None, "id") == "-"


@pytest.mark.parametrize("lang", ["fr", "EN", "", "indonesian"], ids=repr)
def test_an_unknown_language_is_refused(lang: str) -> None:
    with pytest.raises(UnknownLanguageError):
        check_lang(lang)
    with pytest.raises(UnknownLanguageError):
        Text("a", "b").get(lang)
    with pytest.raises(UnknownLanguageError):
        pick({}, "anything", lang)
    assert issubclass(UnknownLanguageError, ValueError)


@pytest.mark.parametrize(
    "render",
    [
        pytest.param(lambda d, r, lang: to_text(r, lang), id="to_text"),
        pytest.param(lambda d, r, lang: to_markdown(r, lang), id="to_markdown"),
        pytest.param(lambda d, r, lang: __import__("netralrules").to_html(d, lang=lang), id="to_html"),
    ],
)
def test_the_views_refuse_an_unknown_language_instead_of_falling_back(render: object) -> None:
    decision = evaluate(EXAMPLE.read_text(encoding="utf-8"), explain=True)
    explained = report(decision)
    assert callable(render)
    assert render(decision, explained, "en") != render(decision, explained, "id")
    with pytest.raises(UnknownLanguageError):
        render(decision, explained, "fr")


def test_diagnostics_incident_problems_and_the_formatter_refuse_it_too() -> None:
    result = check_text(provision("tindakan.fasilitas_negra"), "a.nr")
    assert "error[E0204]" in render_all(result.diagnostics, result.sources, "en")
    with pytest.raises(UnknownLanguageError):
        render_all(result.diagnostics, result.sources, "fr")
    problem = IncidentProblem("tindakan", "E0411", Text("kosong", "empty"), line=2)
    assert problem.describe("en") == "tindakan (line 2): empty [E0411]"
    with pytest.raises(UnknownLanguageError):
        problem.describe("fr")  # type: ignore[arg-type]  # what a caller without mypy may pass
    assert (format_expr(ast.BoolLit(value=True), "id"), format_expr(ast.BoolLit(value=True), "en")) == ("benar", "true")
    with pytest.raises(UnknownLanguageError):
        format_expr(ast.BoolLit(value=True), "fr")


# The only comparisons of a language with a literal: the refusal itself, and the formatter's
# choice of keyword spelling (it translates the rules language; it has no phrase to pick).
_LANG_BRANCH = re.compile(r"""\blang\s*[!=]=\s*["']""")
_ALLOWED = {"diagnostics/text.py", "syntax/formatter.py"}


def test_no_module_branches_on_the_language_itself() -> None:
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _LANG_BRANCH.search(line) and rel not in _ALLOWED:
                offenders.append(f"{rel}:{number}: {line.strip()}")
    assert offenders == [], "use a Text (diagnostics/text.py) instead:\n" + "\n".join(offenders)

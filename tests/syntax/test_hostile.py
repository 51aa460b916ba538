"""Hostile input: any bytes give diagnostics, never a traceback or a hang; nothing executes."""

from __future__ import annotations

import ast as pyast
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netralrules.authoring import check_paths, check_text
from netralrules.diagnostics import Diagnostic
from netralrules.syntax import MAX_NESTING, MAX_SYNTAX_ERRORS, ast, parse_source
from netralrules.syntax.keywords import ALL_WORDS
from netralrules.syntax.loader import MAX_FILE_BYTES, decode_source

SRC = Path(__file__).parents[2] / "src" / "netralrules"


def _check_bytes(data: bytes) -> tuple[Diagnostic, ...]:
    source, problems = decode_source("x.nr", data)
    if source is None or problems:
        return tuple(problems)
    return check_text(source.text, "x.nr").diagnostics


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_any_bytes_give_only_diagnostics(data: bytes) -> None:
    for d in _check_bytes(data):
        assert d.code[0] in "EW" and d.span.file == "x.nr"


_tokens = st.sampled_from(
    [
        *sorted(ALL_WORDS),
        "{",
        "}",
        "(",
        ")",
        ",",
        "=",
        ".",
        "<",
        ">=",
        "+",
        "-",
        '"teks"',
        "2021-08-31",
        "Rp1.000",
        "12",
        "tindakan",
        "x",
        "\n",
        "#c\n",
        '"',
        "é",
    ]
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_tokens, max_size=60))
def test_any_token_soup_gives_only_diagnostics(tokens: list[str]) -> None:
    """Random sequences of real keywords and punctuation reach deep into the parser and checker."""
    report = check_text(" ".join(tokens), "x.nr")
    for d in report.diagnostics:
        assert d.span.start <= d.span.end


def test_ten_megabytes_of_text(tmp_path: Path) -> None:
    path = tmp_path / "besar.nr"
    path.write_bytes(b"ketentuan " * (1024 * 1024))
    report = check_paths([path])
    assert [d.code for d in report.diagnostics] == ["E0003"]
    assert report.diagnostics[0].message.en.startswith(
        f"the file is {10 * 1024 * 1024} bytes, more than the limit of {MAX_FILE_BYTES}"
    )


def test_just_under_the_size_limit_is_read_and_reported() -> None:
    text = "ketentuan k { jika\n" * (MAX_FILE_BYTES // 40)
    report = check_text(text, "x.nr")
    codes = [d.code for d in report.diagnostics]
    assert codes.count("E0111") == 1 and len(codes) == MAX_SYNTAX_ERRORS + 1


def test_ten_thousand_nested_parentheses() -> None:
    # Parentheses around one value add no depth: the tree stays flat and the file is fine.
    text = "definisi d = " + "(" * 10_000 + "benar" + ")" * 10_000
    assert [d.code for d in check_text(text, "x.nr").diagnostics] == ["W0304"]
    # Parentheses that nest conditions do add depth: past the limit, a clear error, no recursion crash.
    text = "definisi d = " + "(benar dan " * 10_000 + "benar" + ")" * 10_000
    report = check_text(text, "x.nr")
    assert [d.code for d in report.diagnostics] == ["E0105"]
    assert str(MAX_NESTING) in report.diagnostics[0].message.en
    assert report.diagnostics[0].span.start in (text.index("("), text.index("(") + 1)


def test_ten_thousand_nots_and_a_long_chain() -> None:
    assert [d.code for d in check_text("definisi d = " + "tidak " * 10_000 + "benar", "x.nr").diagnostics] == ["E0105"]
    # A flat chain of 10,000 `dan` is not deep: it parses, and is only unused.
    chain = " dan ".join(["benar"] * 10_000)
    assert [d.code for d in check_text("definisi d = " + chain, "x.nr").diagnostics] == ["W0304"]


def test_unbalanced_parentheses() -> None:
    assert [d.code for d in check_text("definisi d = " + "(" * 10_000, "x.nr").diagnostics] == ["E0104"]
    assert [d.code for d in check_text("definisi d = benar" + ")" * 10_000, "x.nr").diagnostics] == ["E0102"]


def test_invalid_utf8() -> None:
    ds = _check_bytes(b'ketentuan k { teks "' + b"\xe9" + b'" }')
    assert [d.code for d in ds] == ["E0002"]
    assert ds[0].span.start == len('ketentuan k { teks "')


def test_nul_bytes() -> None:
    ds = _check_bytes(b"definisi d = benar\x00\x00")
    assert [d.code for d in ds] == ["E0004", "E0004"]


def test_an_identifier_of_100000_characters() -> None:
    name = "a" * 100_000
    ds = check_text(f"definisi {name} = benar", "x.nr").diagnostics
    assert [d.code for d in ds] == ["E0106"]
    assert len(ds[0].message.en) < 300  # the message shows a shortened name
    ds = check_text(f"definisi d = tindakan.{name}", "x.nr").diagnostics
    assert [d.code for d in ds] == ["E0106"]


def test_python_in_a_rules_file_is_only_text() -> None:
    attempts = [
        "__import__('os').system('touch /tmp/netralrules_pwned')",
        'definisi d = "{0.__class__}"',
        'instrumen X { judul "${{7*7}}" jenis PP berlaku sejak 2021-08-31 }',
        "definisi d = tindakan.__class__.__mro__",
    ]
    for text in attempts:
        check_text(text, "x.nr")  # must not raise
    assert not Path("/tmp/netralrules_pwned").exists()


# The compiled rulebook (codegen/, issue 14) is generated code by design, and its cache holds code:
# these calls, in these files and nowhere else. Generated source is checked against the generator's
# node types and names before `compile` and runs without builtins (`exec`); cached code's names are
# checked before it runs; the cached checked rulebook is marshalled plain data rebuilt into
# allow-listed classes, never a pickle (tests/codegen/test_generate.py and test_cache.py show rule
# text and a poisoned cache never run).
ALLOWED_CODE = {
    "codegen/generate.py": {"compile"},
    "codegen/runtime.py": {"exec"},
    "codegen/cache.py": {"compile", "marshal.loads"},
}


def test_the_package_never_evaluates_code() -> None:
    """No eval/exec/compile/pickle/marshal/yaml.load or dynamic import anywhere in the library, but
    for the compiled rulebook's own calls (ALLOWED_CODE)."""
    forbidden_calls = {"eval", "exec", "compile", "__import__"}
    forbidden_attrs = {
        ("pickle", "loads"),
        ("pickle", "load"),
        ("marshal", "loads"),
        ("marshal", "load"),
        ("yaml", "load"),
        ("importlib", "import_module"),
    }
    seen: dict[str, set[str]] = {}
    for path in SRC.rglob("*.py"):
        allowed = ALLOWED_CODE.get(path.relative_to(SRC).as_posix(), set())
        tree = pyast.parse(path.read_text(encoding="utf-8"))
        for node in pyast.walk(tree):
            if isinstance(node, pyast.Call):
                func = node.func
                if isinstance(func, pyast.Name) and func.id in forbidden_calls:
                    assert func.id in allowed, f"{path}: {func.id}"
                    seen.setdefault(path.relative_to(SRC).as_posix(), set()).add(func.id)
                if isinstance(func, pyast.Attribute) and isinstance(func.value, pyast.Name):
                    name = f"{func.value.id}.{func.attr}"
                    if (func.value.id, func.attr) in forbidden_attrs:
                        assert name in allowed, f"{path}: {name}"
                        seen.setdefault(path.relative_to(SRC).as_posix(), set()).add(name)
    assert seen == ALLOWED_CODE  # the list holds nothing the code no longer does


def test_parse_keeps_going_after_an_error() -> None:
    text = """
ketentuan a { rujukan X pasal 1 teks "a" jika benar makaa etik }
ketentuan b { rujukan X pasal 1 teks "b" jika benar maka etik }
ketentuan c { rujukan X pasal 1 teks "c" jika ( maka etik }
"""
    from netralrules.source import SourceFile

    parsed, ds = parse_source(SourceFile("x.nr", text))
    assert [d.code for d in ds] == ["E0101", "E0102"]
    # The declarations around the broken ones still parse.
    assert [p.id.name for p in parsed.declarations if isinstance(p, ast.Provision)] == ["b"]

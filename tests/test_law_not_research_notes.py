"""What reviewers sign is the law, not research notes (issue 10).

Research-note marks (`[V1]`, `[V2]`, `[INF]`, `[MEM]`, `[CONFLICT]`), references to the team's working
notes outside the repository (`regulations.md`, "digest", `../shared/…`, a bare `§5.4`) and the names
of news websites must not come back into the rulebook or the engine. Where a statement comes from
and how reliable it is belongs in a structured `sumber` field, which the report lists in its annex.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from netralrules.checker.procedures import all_sources
from netralrules.checker.sources import NEWS_NAMES, research_text
from netralrules.syntax import ast
from netralrules.syntax.loader import load_text

ROOT = Path(__file__).parents[1]
RULES = ROOT / "rules"
SRC = ROOT / "src" / "netralrules"

_MARK = re.compile(r"\[(?:V1|V2|INF|MEM|CONFLICT)\b[^\]]*\]")
# `.digest()` and `hexdigest` are hashing, not the digest of the law.
_WORKING_FILE = re.compile(r"regulations(?:-addendum[-\w]*)?\.md|\.\./shared|(?<![.\w])digest\b|(?<!\.md )§", re.IGNORECASE)
_NEWS = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in NEWS_NAMES) + r")\b", re.IGNORECASE)
# The checker's own patterns name what they look for.
_PATTERN_MODULES = {SRC / "checker" / "sources.py"}


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _without_sources(path: Path) -> str:
    """A rules file with every `sumber` field blanked out (lines kept, so line numbers stay)."""
    text = path.read_text(encoding="utf-8")
    result = load_text(text, str(path))
    assert result.ok and len(result.files) == 1, [d.message.en for d in result.diagnostics]
    # A procedure's items carry their own `sumber` fields (checker/procedures.py `all_sources`).
    spans = [
        s.span
        for d in result.files[0].declarations
        for s in (all_sources(d) if isinstance(d, ast.Procedure) else getattr(d, "sources", ()))
    ]
    out = list(text)
    for span in spans:
        for i in range(span.start, span.end):
            if out[i] != "\n":
                out[i] = " "
    return "".join(out)


@pytest.mark.parametrize("path", sorted(RULES.rglob("*.nr")), ids=_rel)
def test_rules_files_keep_sources_in_sumber_fields(path: Path) -> None:
    """Outside `sumber`: no marks, no working-file references, no website or news names."""
    found = [
        f"{_rel(path)}:{n}: {hit!r}"
        for n, line in enumerate(_without_sources(path).splitlines(), 1)
        if (hit := research_text(line)) is not None
    ]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("path", sorted(RULES.rglob("*.nr")), ids=_rel)
def test_sumber_fields_carry_no_research_marks(path: Path) -> None:
    """Inside `sumber` the reliability is a keyword, never a bracket tag or a working-file reference."""
    text = path.read_text(encoding="utf-8")
    found = [f"{_rel(path)}: {m.group()!r}" for pattern in (_MARK, _WORKING_FILE) for m in pattern.finditer(text)]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("path", sorted(RULES.rglob("*.yaml")), ids=_rel)
def test_rule_cases_name_situations_not_research_notes(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    found = [
        f"{_rel(path)}:{n}: {m.group()!r}"
        for n, line in enumerate(text.splitlines(), 1)
        for pattern in (_MARK, _WORKING_FILE, _NEWS)
        if (m := pattern.search(line))
    ]
    assert not found, "\n".join(found)


def test_the_engine_source_carries_no_research_notes() -> None:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        if path in _PATTERN_MODULES:
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for pattern in (_MARK, _WORKING_FILE, _NEWS):
                if m := pattern.search(line):
                    found.append(f"{_rel(path)}:{n}: {m.group()!r}")
    assert not found, "\n".join(found)


@pytest.mark.parametrize(
    "text",
    [
        "Penomoran angka hanya dari transkripsi sekunder [V1].",
        "Lihat regulations.md §1.5.",
        "Menurut digest, tingkatnya sedang.",
        "Sumber: ../shared/domain/regulations.md",
        "Tribun: sedang; Kompas: berat (§5.3).",
        "Dikutip dari gurune.net.",
    ],
    ids=["mark", "working-file", "digest", "shared", "news", "domain"],
)
def test_the_scan_finds_what_it_looks_for(text: str) -> None:
    """The scans above are only as good as the patterns; each kind is caught."""
    assert research_text(text) is not None


def test_plain_legal_notes_and_repository_references_pass() -> None:
    for text in (
        "Tingkatnya tidak disebut dalam PP 94/2021 Pasal 13 atau 14: belum dapat ditentukan.",
        "Nomor angka belum dipastikan dengan teks resmi.",
        "Fakta itu bernilai `tidak_ada` bila tidak diisi (docs/incident.md §3.3).",
    ):
        assert research_text(text) is None, text

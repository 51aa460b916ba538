"""`docs/rulebook.md` must not fall behind the rulebook: every provision and instrument declared in
`rules/**/*.nr` has to be named in it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"
RULEBOOK_DOC = ROOT / "docs" / "rulebook.md"

PROVISION = re.compile(r"^ketentuan\s+(\S+)")
INSTRUMENT = re.compile(r"^instrumen\s+(\S+)")


def declared(pattern: re.Pattern[str]) -> list[str]:
    """Every name `pattern` finds at the start of a line of a rules file, in file order."""
    names: list[str] = []
    for path in sorted(RULES.rglob("*.nr")):
        for line in path.read_text(encoding="utf-8").splitlines():
            match = pattern.match(line)
            if match:
                names.append(match.group(1))
    return names


def test_rulebook_declares_something() -> None:
    # Guards the tests below against passing vacuously (e.g. a moved rules folder).
    assert declared(PROVISION)
    assert declared(INSTRUMENT)


@pytest.mark.parametrize("kind", ["ketentuan", "instrumen"])
def test_every_declaration_is_in_rulebook_doc(kind: str) -> None:
    doc = RULEBOOK_DOC.read_text(encoding="utf-8")
    pattern = PROVISION if kind == "ketentuan" else INSTRUMENT
    missing = [name for name in declared(pattern) if not re.search(rf"(?<![\w.]){re.escape(name)}(?![\w.])", doc)]
    assert not missing, f"{kind} not documented in docs/rulebook.md: {', '.join(missing)}"

"""`docs/rulebook.md` must not fall behind the rulebook: every provision and instrument declared in
`rules/**/*.nr` has to be named in it. The check lives in the library (`tools.ready`), where
`netralrules siap` runs it too."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from netralrules.tools.ready import INSTRUMENT_LINE as INSTRUMENT
from netralrules.tools.ready import PROVISION_LINE as PROVISION
from netralrules.tools.ready import declared_names, undocumented

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"
RULEBOOK_DOC = ROOT / "docs" / "rulebook.md"


def declared(pattern: re.Pattern[str]) -> list[str]:
    """Every name `pattern` finds at the start of a line of a rules file, in file order."""
    return declared_names(RULES, pattern)


def test_rulebook_declares_something() -> None:
    # Guards the tests below against passing vacuously (e.g. a moved rules folder).
    assert declared(PROVISION)
    assert declared(INSTRUMENT)


@pytest.mark.parametrize("kind", ["ketentuan", "instrumen"])
def test_every_declaration_is_in_rulebook_doc(kind: str) -> None:
    doc = RULEBOOK_DOC.read_text(encoding="utf-8")
    pattern = PROVISION if kind == "ketentuan" else INSTRUMENT
    missing = undocumented(declared(pattern), doc)
    assert not missing, f"{kind} not documented in docs/rulebook.md: {', '.join(missing)}"

"""Golden files: a test's output compared with a reviewed file in the repository.

A missing file fails, and so does a different one (with the diff). Only `python -m pytest
--update-golden` (the option is declared in tests/conftest.py) writes golden files; that run lists
every file it wrote at the end, so the change is reviewed as a diff before it is committed.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

UPDATE_FLAG = "--update-golden"

_SHA256 = re.compile(r"\b[0-9a-f]{64}\b")
HASH_PLACEHOLDER = "<sha256>"


def mask_hashes(text: str) -> str:
    """Every 64-hex-digit hash (the rulebook's content hash) replaced by a placeholder, so a golden
    report does not change with the bytes of the rulebook it was made from."""
    return _SHA256.sub(HASH_PLACEHOLDER, text)


def _unchanged(text: str) -> str:
    return text


@dataclass
class GoldenFiles:
    """Checks output against golden files; with `update`, writes them and records which."""

    update: bool = False
    written: list[Path] = field(default_factory=list)

    def check(self, actual: str, expected: Path, *, normalise: Callable[[str], str] = _unchanged) -> None:
        """Fail unless `expected` holds `actual` (both normalised). With `update`, write the file
        (normalised) when it is missing or different instead."""
        actual = normalise(actual)
        if self.update:
            if not expected.exists() or expected.read_text(encoding="utf-8") != actual:
                expected.parent.mkdir(parents=True, exist_ok=True)
                expected.write_text(actual, encoding="utf-8")
                self.written.append(expected)
            return
        if not expected.exists():
            pytest.fail(
                f"golden file {expected} is missing: write it with `python -m pytest {UPDATE_FLAG}` "
                "(name the test file to write only its goldens), then review it and commit it",
                pytrace=False,
            )
        wanted = normalise(expected.read_text(encoding="utf-8"))
        if actual != wanted:
            diff = difflib.unified_diff(
                wanted.splitlines(keepends=True), actual.splitlines(keepends=True), str(expected), "actual output"
            )
            pytest.fail(
                f"output differs from golden file {expected}; if the change is intended, rerun with "
                f"{UPDATE_FLAG} and review the diff:\n" + "".join(diff),
                pytrace=False,
            )

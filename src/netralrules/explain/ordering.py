"""The order provisions are read in: the order of the regulation, not of the rules files.

Instrument, then pasal, lampiran, ayat, huruf, angka; numbers compare as numbers (`pasal 5` before
`pasal 14`), lampiran by Roman value (`II` before `IV` before `IX`). Every view uses this one order,
so the report, the HTML page and the narrative list clauses alike.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from itertools import pairwise
from typing import Any


def _natural(text: str) -> tuple[tuple[int, int | str], ...]:
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.findall(r"\d+|\D+", text))


def _roman(text: str) -> tuple[tuple[int, int | str], ...]:
    """Lampiran numbers are Roman (`II`, `IV`): order them by value, not by spelling."""
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    if not text or any(ch not in values for ch in text):
        return _natural(text)
    total = sum(-values[a] if values[a] < values[b] else values[a] for a, b in pairwise(text))
    return ((0, total + values[text[-1]]),)


def citation_key(attrs: Mapping[str, Any]) -> tuple[Any, ...]:
    """Provisions in the order of the regulation (instrument, pasal, lampiran, ayat, huruf, angka;
    numbers numerically, lampiran by Roman value)."""
    citation = attrs.get("citation") or {}
    parts = tuple(
        (_roman if k == "lampiran" else _natural)(str(citation.get(k, "")))
        for k in ("instrumen", "pasal", "lampiran", "ayat", "huruf", "angka")
    )
    return (*parts, str(attrs.get("provision", "")))

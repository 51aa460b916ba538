"""'Did you mean' suggestions by edit distance, limited to the candidates valid at that point."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

# Past this length a name is not a typo of anything, and comparing it would only cost time.
_MAX_LEN = 64


def distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate nearest to `word`, if it is near enough to be a likely typo."""
    if len(word) > _MAX_LEN:
        return None
    limit = 1 if len(word) <= 4 else 2 if len(word) <= 8 else 3
    best: tuple[int, str] | None = None
    lowered = word.lower()
    for candidate in sorted(set(candidates)):
        d = distance(lowered, candidate.lower(), limit)
        if d <= limit and (best is None or d < best[0]):
            best = (d, candidate)
    if best is not None:
        return best[1]
    # `penetapan` for `tanggal_penetapan`: a name that holds the word whole, if only one does.
    holding = [c for c in set(candidates) if len(word) >= 4 and lowered in c.lower()]
    return holding[0] if len(holding) == 1 else None


def ranked(word: str, candidates: Iterable[str], limit: int = 12) -> list[str]:
    """The candidates most like `word` first, at most `limit`: those sharing more of its words
    (`menguntungkan_calon` and `menguntungkan_atau_merugikan_calon` share two), then by how much of
    the text they have in common, then by name. For a list that must show the intended name even
    when it is too far from `word` to be a typo."""
    lowered = word.lower()[:_MAX_LEN]
    words = {w for w in lowered.split("_") if w}

    def score(candidate: str) -> tuple[int, float, str]:
        other = candidate.lower()
        shared = len(words & {w for w in other.split("_") if w})
        return (-shared, -difflib.SequenceMatcher(None, lowered, other).ratio(), candidate)

    return sorted(set(candidates), key=score)[:limit]

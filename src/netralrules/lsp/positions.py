"""Offsets ↔ LSP positions. Spans hold 0-based code-point offsets; LSP counts lines from 0 and
columns in UTF-16 code units (the protocol's default encoding)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field


def _utf16_len(text: str) -> int:
    return sum(2 if ord(ch) > 0xFFFF else 1 for ch in text)


@dataclass(frozen=True)
class LineIndex:
    """The starts of the lines of one text, for converting both ways."""

    text: str
    starts: tuple[int, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        starts = [0]
        find = self.text.find
        at = find("\n")
        while at != -1:
            starts.append(at + 1)
            at = find("\n", at + 1)
        object.__setattr__(self, "starts", tuple(starts))

    def position(self, offset: int) -> tuple[int, int]:
        """(line, UTF-16 column) of a code-point offset, both 0-based."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        return line, _utf16_len(self.text[start:offset])

    def offset(self, line: int, character: int) -> int:
        """The code-point offset of an LSP position (clamped to the text)."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        start = self.starts[line]
        end = self.starts[line + 1] - 1 if line + 1 < len(self.starts) else len(self.text)
        units = 0
        at = start
        while at < end and units < character:
            units += 2 if ord(self.text[at]) > 0xFFFF else 1
            at += 1
        return at

    def line_text(self, line: int) -> str:
        if line < 0 or line >= len(self.starts):
            return ""
        start = self.starts[line]
        end = self.starts[line + 1] - 1 if line + 1 < len(self.starts) else len(self.text)
        return self.text[start:end]

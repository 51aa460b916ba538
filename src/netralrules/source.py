"""Source text and positions. Spans store 0-based offsets; line and column are computed for display."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

_NEWLINE = re.compile("\n")


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range of character offsets `[start, end)` in one file."""

    file: str
    start: int
    end: int


NO_SPAN = Span("<none>", 0, 0)


@dataclass(frozen=True, slots=True)
class Position:
    """A 1-based line and column, for display."""

    line: int
    column: int


@dataclass(frozen=True)
class SourceFile:
    """The decoded text of one rules file, with a line index for turning offsets into positions."""

    path: str
    text: str
    _line_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts = [0]
        starts.extend(m.end() for m in _NEWLINE.finditer(self.text))
        object.__setattr__(self, "_line_starts", tuple(starts))

    def position(self, offset: int) -> Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return Position(line + 1, offset - self._line_starts[line] + 1)

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its newline."""
        if line < 1 or line > len(self._line_starts):
            return ""
        start = self._line_starts[line - 1]
        end = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self.text)
        return self.text[start:end]


# Characters a terminal acts on instead of showing: C0 controls (ESC starts the escape sequences
# that recolour, move the cursor or retitle a terminal), DEL and C1 controls. Newline and tab are
# layout, kept.
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Text safe to show to a person: each control character becomes its escape (`\\x1b`), so text
    from an incident or a rules file cannot drive the terminal it is shown on (issue 13)."""
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def printable_column(text: str) -> str:
    """A source line shown above a caret: CR of a CRLF ending dropped, any other control character
    shown as U+FFFD, one character for one, so the caret stays under its column."""
    return _UNPRINTABLE.sub("\ufffd", text.removesuffix("\r"))

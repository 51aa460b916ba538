"""Runtime values shared by the fact boundary and the evaluator: the UNKNOWN sentinel, the three-valued
truth type, and calendar arithmetic. No third-party imports."""

from __future__ import annotations

import calendar
import datetime
import enum
from typing import Literal


class Unknown(enum.Enum):
    """A fact nobody established. Never the same as false (missing is not false)."""

    UNKNOWN = "unknown"

    def __repr__(self) -> str:
        return "UNKNOWN"

    def __bool__(self) -> bool:
        raise TypeError("UNKNOWN has no truth value; use three-valued logic")


UNKNOWN: Literal[Unknown.UNKNOWN] = Unknown.UNKNOWN

# Three-valued truth: True, False, or None for unknown (Kleene's strong logic).
Truth = bool | None


def shift(date: datetime.date, amount: int, unit: str) -> datetime.date | None:
    """`date + amount unit`. Months and years keep the day of the month, clamped to the month's end
    (31 Aug 2024 - 6 bulan = 29 Feb 2024), as dates are counted in Indonesian regulations. None when
    the result lies outside the calendar (years 1 to 9999): date arithmetic never raises."""
    try:
        if unit == "hari":
            return date + datetime.timedelta(days=amount)
        if unit == "minggu":
            return date + datetime.timedelta(weeks=amount)
        months = amount * (12 if unit == "tahun" else 1)
        index = date.year * 12 + (date.month - 1) + months
        year, month = divmod(index, 12)
        month += 1
        if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
            return None
        day = min(date.day, calendar.monthrange(year, month)[1])
        return datetime.date(year, month, day)
    except (OverflowError, ValueError):
        return None

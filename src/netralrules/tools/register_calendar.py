"""Working days in Indonesia, for the time limits of the follow-up register.

The holidays come from the `holidays` package (https://github.com/vacanza/holidays, MIT), class
`Indonesia`: the national public holidays (category `public`, "hari libur nasional") and the joint
leave days (category `government`, "cuti bersama", as fixed each year by the joint decree of the
Minister of Religious Affairs, the Minister of Manpower and the Minister of State Apparatus). Dates
of the lunar and Islamic holidays of years not yet decreed are the library's estimates, labelled
"(perkiraan)", and a year whose cuti bersama the library does not have yet has none: a count that
crosses either says so (`estimated`). (holidays 0.109: national holidays from 1946, cuti bersama
2002–2027, estimated Islamic dates from 2027.)

A working day is Monday to Friday, not a public holiday and, by default, not a cuti bersama day
(civil-service offices close on them). Whether a "hari kerja" time limit of PP 94/2021 skips cuti
bersama is not stated in the law: the register takes it as a setting (`cuti_bersama_libur`) and
says which one it used (docs/enforcement.md).
"""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass

SOURCE = "holidays (vacanza/holidays), Indonesia: hari libur nasional (public) dan cuti bersama (government)"


@functools.lru_cache(maxsize=64)
def _year(year: int, cuti_bersama: bool) -> dict[datetime.date, str]:
    import holidays

    categories: tuple[str, ...] = (holidays.PUBLIC, holidays.GOVERNMENT) if cuti_bersama else (holidays.PUBLIC,)
    calendar = holidays.country_holidays("ID", years=year, categories=categories, language="id")
    return {day: str(name) for day, name in calendar.items()}


@functools.lru_cache(maxsize=64)
def cuti_bersama_known(year: int) -> bool:
    """Whether the dataset has the cuti bersama of this year (none before 2002, and none for a year
    whose joint decree it does not have yet): a count across such a year is only an estimate."""
    import holidays

    return bool(holidays.country_holidays("ID", years=year, categories=(holidays.GOVERNMENT,)))


def holiday(day: datetime.date, *, cuti_bersama: bool = True) -> str | None:
    """The name of the holiday on this day, or None."""
    return _year(day.year, cuti_bersama).get(day)


def is_working_day(day: datetime.date, *, cuti_bersama: bool = True) -> bool:
    return day.weekday() < 5 and holiday(day, cuti_bersama=cuti_bersama) is None


@dataclass(frozen=True)
class Count:
    """Days counted after `start` up to and including `end`."""

    days: int
    estimated: bool  # a holiday in the range is the library's estimate, or its cuti bersama are not known


def working_days(start: datetime.date, end: datetime.date, *, cuti_bersama: bool = True) -> Count:
    """The working days d with start < d <= end (0 when end <= start)."""
    days, estimated = 0, False
    day = start + datetime.timedelta(days=1)
    while day <= end:
        name = holiday(day, cuti_bersama=cuti_bersama)
        if (name is not None and "perkiraan" in name) or (cuti_bersama and not cuti_bersama_known(day.year)):
            estimated = True
        if day.weekday() < 5 and name is None:
            days += 1
        day += datetime.timedelta(days=1)
    return Count(days, estimated)


def calendar_days(start: datetime.date, end: datetime.date) -> Count:
    return Count(max(0, (end - start).days), False)


def add_working_days(start: datetime.date, count: int, *, cuti_bersama: bool = True) -> datetime.date:
    """The date that is `count` working days after `start`."""
    day = start
    while count > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day, cuti_bersama=cuti_bersama):
            count -= 1
    return day

"""Release-date rules (pure): a version stamp must agree with a date, and no model of a family is
released before the family's first release (docs/identity.md, "Release date").

A stamp is the snapshot part of a model id: `2024-06-20` (a day), `2024-11` or `2411` (a month,
YYMM when the first two digits cannot be a month), `0905` (MMDD: a day of an unsaid year),
`250514` (YYMMDD). A source's date agrees with a day stamp within STAMP_DAYS, with a month stamp
when it falls in that month (give or take STAMP_DAYS), and with an MMDD stamp when it is within
STAMP_DAYS of that day in some year: MMDD fixes no year, so `Kimi-K2-Instruct-0905` dated
2024-09-05 agrees with its stamp; the family rule rejects it (Kimi K2 first shipped 2025-07).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

STAMP_DAYS = 45  # how far a date may sit from its stamp's day (or month) and still agree
FAMILY_DAYS = 31  # a date more than this before the family's first release is a conflict
CONFLICT_DAYS = 30  # sources further apart than this are a conflict worth listing
CURATED = ("epoch_trends", "epoch_benchmarks")  # sources whose dates anchor a family's first release


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def stamp_range(stamp: str | None) -> tuple[date, date] | str | None:
    """(earliest, latest) dates that agree with a dated stamp; "MMDD" text for a yearless stamp;
    None when the snapshot is no date (`v0.1`, `001`)."""
    if not stamp:
        return None
    slack = timedelta(days=STAMP_DAYS)
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", stamp):
        day = _day(int(m[1]), int(m[2]), int(m[3]))
        return (day - slack, day + slack) if day else None
    if m := re.fullmatch(r"(\d{4})-(\d{2})", stamp):
        first = _day(int(m[1]), int(m[2]), 1)
        return (first - slack, _month_end(first) + slack) if first else None
    if m := re.fullmatch(r"(\d{2})(\d{2})(\d{2})", stamp):
        day = _day(2000 + int(m[1]), int(m[2]), int(m[3]))
        return (day - slack, day + slack) if day and 20 <= int(m[1]) <= 39 else None
    if m := re.fullmatch(r"(\d{2})(\d{2})", stamp):
        first_two, last_two = int(m[1]), int(m[2])
        if first_two > 12:  # cannot be a month: YYMM
            first = _day(2000 + first_two, last_two, 1)
            return (first - slack, _month_end(first) + slack) if first else None
        return stamp if _day(2000, first_two, last_two) else None  # MMDD (2000: a leap year)
    return None


def _month_end(first: date) -> date:
    return (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def agrees_with_stamp(stamp: str | None, day: date) -> bool:
    """Whether `day` can be the release of a model stamped `stamp` (no dated stamp: always)."""
    window = stamp_range(stamp)
    if window is None:
        return True
    if isinstance(window, str):
        month, dom = int(window[:2]), int(window[2:])
        for year in (day.year - 1, day.year, day.year + 1):
            candidate = _day(year, month, dom) or _day(year, month, dom - 1)
            if candidate and abs((day - candidate).days) <= STAMP_DAYS:
                return True
        return False
    return window[0] <= day <= window[1]


def stamp_start(stamp: str | None) -> date | None:
    """The first day a dated stamp (day, month, YYMM, YYMMDD) can mean; None for MMDD or no date."""
    window = stamp_range(stamp)
    if window is None or isinstance(window, str):
        return None
    return window[0] + timedelta(days=STAMP_DAYS)


def family_first_release(members: list[tuple[str | None, str | None, date | None]]) -> date | None:
    """A family's first release: the earliest of its members' dated stamps and of the dates its
    unstamped members take from a curated source. `members` is `(stamp, source, date)`."""
    candidates = [start for stamp, _, _ in members if (start := stamp_start(stamp))]
    candidates += [day for stamp, source, day in members
                   if day is not None and stamp_range(stamp) is None and source in CURATED]
    return min(candidates, default=None)


def date_problem(day: date, stamp: str | None, not_before: date | None) -> str | None:
    """Why a source's date cannot be the model's release, or None."""
    if not agrees_with_stamp(stamp, day):
        return f"disagrees with the version stamp {stamp}"
    if not_before is not None and day < not_before - timedelta(days=FAMILY_DAYS):
        return f"is before the family's first release {not_before.isoformat()}"
    return None

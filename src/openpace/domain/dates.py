"""Month tables: the one place month names become numbers."""

from __future__ import annotations

from datetime import date

MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december")
# any prefix of 3+ letters of a month name -> its number: `may`, `sept`, `april`, `dec`
MONTHS = {m[:n]: i for i, m in enumerate(MONTH_NAMES, 1) for n in range(3, len(m) + 1)}


def month_key(day: date) -> str:
    """The month a day falls in, as the warehouse and `--json` write it: `2024-06`."""
    return day.strftime("%Y-%m")

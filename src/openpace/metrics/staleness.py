"""Staleness of a benchmark's two sides: when each was last measured, and whether one stopped."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .parity import months_before

STALE_MONTHS = 6  # a side with no new model for this long while the other side has one is stale


@dataclass(frozen=True)
class Staleness:
    """Each side's last model (release date) and which side, if any, stopped being measured: no
    new model for STALE_MONTHS months before the other side's last one."""

    last_open: date | None
    last_closed: date | None

    @property
    def stale_side(self) -> str | None:
        if self.last_open is None or self.last_closed is None:
            return None
        if self.last_open < months_before(self.last_closed, STALE_MONTHS):
            return "open"
        if self.last_closed < months_before(self.last_open, STALE_MONTHS):
            return "closed"
        return None

    @property
    def data_end(self) -> date | None:
        """The last day both sides are observed: beyond it one frontier is unmeasured."""
        if self.last_open is None or self.last_closed is None:
            return None
        return min(self.last_open, self.last_closed)

    def to_json(self) -> dict:
        return {"last_open": iso(self.last_open), "last_closed": iso(self.last_closed),
                "stale_side": self.stale_side, "stale_months": STALE_MONTHS}


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None

"""Frontier lag and gap between open and closed models on one benchmark: pure functions.

Every function here takes plain lists of `Point` (one model, its release date, its score, and
whether its weights are open) so that each number can be checked by hand. The bootstrap lives in
`parity_bootstrap`, the JSON-shaped result and timeline in `parity_result`, and the warehouse
side (which score stands for which model) in `parity_data`. Definitions (docs/parity.md):

- `match`: each closed frontier advance and the first open model that matched it.
- `horizon`: for each day of the window, how long ago a closed model first reached today's best
  open score (Epoch AI's horizontal gap), averaged over the window.
- `gap`: best closed score minus best open score, as of the date.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

DAYS_PER_MONTH = 30.44  # the spec's month: lag in months = days / 30.44
BOOTSTRAP_DRAWS = 1000
BOOTSTRAP_SEED = 20241101  # fixed so that every run gives the same interval
HORIZON_WINDOW_MONTHS = 12
MATCH_WINDOW_MONTHS = 24


@dataclass(frozen=True)
class Point:
    """One model's score on one benchmark. `key` identifies the model (defaults to its name)."""

    model: str
    date: date
    score: float
    is_open: bool
    key: str = ""
    source: str | None = None

    @property
    def ident(self) -> str:
        return self.key or self.model


@dataclass(frozen=True)
class FrontierPoint:
    """A closed frontier advance and the first open model that matched it (None: censored)."""

    closed: Point
    open: Point | None
    lag_months: float  # censored: the lower bound (as_of - closed date)
    censored: bool


def point_order(p: Point) -> tuple:
    """Release date, then higher score first, then identity: the order every step uses."""
    return (p.date, -p.score, p.ident)


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier, clamped to the end of a shorter month."""
    total = day.year * 12 + (day.month - 1) - months
    year, month = divmod(total, 12)
    month += 1
    next_month = date(year + (month == 12), month % 12 + 1, 1)
    return date(year, month, min(day.day, (next_month - timedelta(days=1)).day))


def window_start(as_of: date, window_months: int) -> date:
    """The window is the days t with start < t <= as_of."""
    return months_before(as_of, window_months)


def lag_in_months(later: date, earlier: date) -> float:
    return (later - earlier).days / DAYS_PER_MONTH


def released_by(points: Sequence[Point], as_of: date) -> list[Point]:
    return [p for p in points if p.date <= as_of]


# --------------------------------------------------------------------------- match
def closed_frontier(points: Sequence[Point]) -> list[Point]:
    """Closed models whose score exceeds every earlier closed score (same day: the best only)."""
    best = float("-inf")
    frontier = []
    for p in sorted((p for p in points if not p.is_open), key=point_order):
        if p.score > best:  # strictly: equalling the frontier is not an advance
            frontier.append(p)
            best = p.score
    return frontier


def match_points(points: Sequence[Point], as_of: date, tol: float = 0.0) -> list[FrontierPoint]:
    """Each closed frontier point with the earliest-released open model scoring >= its score - tol."""
    points = released_by(points, as_of)
    opens = sorted((p for p in points if p.is_open), key=point_order)
    result = []
    for c in closed_frontier(points):
        match = next((o for o in opens if o.score >= c.score - tol), None)
        if match is None:
            result.append(FrontierPoint(c, None, lag_in_months(as_of, c.date), True))
        else:
            result.append(FrontierPoint(c, match, lag_in_months(match.date, c.date), False))
    return result


def match_summary(frontier: Sequence[FrontierPoint], as_of: date,
                  window_months: int = MATCH_WINDOW_MONTHS) -> tuple[float | None, bool]:
    """Median lag over frontier points in the window, and whether it is only a lower bound.

    Censored points count at their lower bound; `at_least` is true when a censored point's
    lower bound is at or above the lower middle value: raising any such point raises the median
    (with an even count, the median averages the two middle values, so a censored point that is
    the lower of them already makes the median a lower bound).
    """
    start = window_start(as_of, window_months)
    recent = [f for f in frontier if start < f.closed.date <= as_of]
    if not recent:
        return None, False
    lags = sorted(f.lag_months for f in recent)
    median = statistics.median(lags)
    lower_middle = lags[(len(lags) - 1) // 2]
    return median, any(f.censored and f.lag_months >= lower_middle for f in recent)


def match_statistic(as_of: date, window_months: int, tol: float = 0.0) -> Callable[[Sequence[Point]], float | None]:
    def statistic(points: Sequence[Point]) -> float | None:
        return match_summary(match_points(points, as_of, tol), as_of, window_months)[0]

    return statistic


# --------------------------------------------------------------------------- horizon
def _step_arrays(points: Sequence[Point]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Arrays for fast lookups (numpy sorts: the bootstrap calls this 1,000 times): open release
    days ascending with the running best open score, closed scores ascending with, for each, the
    earliest release day among closed models scoring at least that much."""
    open_days = np.array([p.date.toordinal() for p in points if p.is_open], dtype=np.int64)
    open_scores = np.array([p.score for p in points if p.is_open], dtype=float)
    order = np.argsort(open_days, kind="stable")
    open_days = open_days[order]
    open_best = np.maximum.accumulate(open_scores[order]) if len(order) else open_scores
    closed_days = np.array([p.date.toordinal() for p in points if not p.is_open], dtype=np.int64)
    closed_scores = np.array([p.score for p in points if not p.is_open], dtype=float)
    order = np.lexsort((closed_days, -closed_scores))  # score descending, then earliest
    earliest = np.minimum.accumulate(closed_days[order]) if len(order) else closed_days
    return open_days, open_best, closed_scores[order][::-1].copy(), earliest


def horizon_series(points: Sequence[Point], days: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each day ordinal t: O(t), the best open score released by t (NaN: none), and
    r(t), the first day a closed model released by t scored >= O(t) (-1: none)."""
    open_days, open_best, closed_asc, earliest = _step_arrays(points)
    idx = np.searchsorted(open_days, days, side="right") - 1
    best_open = np.where(idx >= 0, open_best[np.maximum(idx, 0)] if len(open_best) else np.nan, np.nan)
    reached = np.full(len(days), -1, dtype=np.int64)
    if len(closed_asc):
        have = ~np.isnan(best_open)
        # closed models scoring >= O(t): the last `count` of the ascending scores, i.e. the
        # first `count` of the descending order, whose earliest date is earliest[count - 1]
        count = len(closed_asc) - np.searchsorted(closed_asc, np.where(have, best_open, np.inf), side="left")
        first = np.where(count > 0, earliest[np.maximum(count - 1, 0)], -1)
        # the earliest such model was released by t, or none was
        reached = np.where(have & (count > 0) & (first <= days), first, -1)
    return best_open, reached


def closed_best_series(points: Sequence[Point], days: np.ndarray) -> np.ndarray:
    """Best closed score among closed models released by each day (NaN: none)."""
    closed = sorted((p for p in points if not p.is_open), key=point_order)
    closed_days = np.array([p.date.toordinal() for p in closed], dtype=np.int64)
    best = np.maximum.accumulate(np.array([p.score for p in closed], dtype=float)) if closed else np.array([])
    idx = np.searchsorted(closed_days, days, side="right") - 1
    return np.where(idx >= 0, best[np.maximum(idx, 0)] if len(best) else np.nan, np.nan)


def window_days(as_of: date, window_months: int) -> np.ndarray:
    start = window_start(as_of, window_months).toordinal()
    return np.arange(start + 1, as_of.toordinal() + 1, dtype=np.int64)


@dataclass(frozen=True)
class Horizon:
    """The horizon headline: mean lag over measured days, and the day counts behind it."""

    lag_months: float | None
    days_measured: int  # days where O(t) and r(t) exist
    open_leads_days: int  # days where O(t) exists but no closed model had reached it


def horizon(points: Sequence[Point], as_of: date, window_months: int = HORIZON_WINDOW_MONTHS) -> Horizon:
    """Mean of lag(t) = (t - r(t)) / 30.44 over the days of the window where it is defined."""
    days = window_days(as_of, window_months)
    best_open, reached = horizon_series(released_by(points, as_of), days)
    has_open = ~np.isnan(best_open)
    measured = has_open & (reached >= 0)
    leads = int(np.count_nonzero(has_open & (reached < 0)))
    if not measured.any():
        return Horizon(None, 0, leads)
    lag = float(np.mean(days[measured] - reached[measured])) / DAYS_PER_MONTH
    return Horizon(lag, int(np.count_nonzero(measured)), leads)


def horizon_statistic(as_of: date, window_months: int) -> Callable[[Sequence[Point]], float | None]:
    def statistic(points: Sequence[Point]) -> float | None:
        return horizon(points, as_of, window_months).lag_months

    return statistic


# --------------------------------------------------------------------------- gap
@dataclass(frozen=True)
class Gap:
    """Best closed minus best open score among models released by the date."""

    closed: Point | None
    open: Point | None

    @property
    def points(self) -> float | None:
        return None if self.closed is None or self.open is None else self.closed.score - self.open.score


def best_of(points: Sequence[Point]) -> Point | None:
    """Highest score; ties go to the earliest released."""
    return min(points, key=lambda p: (-p.score, p.date, p.ident), default=None)


def gap(points: Sequence[Point], as_of: date) -> Gap:
    points = released_by(points, as_of)
    return Gap(best_of([p for p in points if not p.is_open]), best_of([p for p in points if p.is_open]))


METHODS = ("horizon", "match")


def default_window(method: str) -> int:
    return HORIZON_WINDOW_MONTHS if method == "horizon" else MATCH_WINDOW_MONTHS

"""The 90% bootstrap interval of a parity headline: resample models within each side.

One procedure (docs/parity.md), two evaluations of it: `bootstrap_ci` recomputes any statistic
on each resample; `horizon_bootstrap` computes the horizon lag of all draws at once with numpy
(the overview needs 1,000 draws for each of dozens of benchmarks). Both use the same draws from
`draw_indices`, so they give the same interval.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

import numpy as np

from .parity import BOOTSTRAP_DRAWS, BOOTSTRAP_SEED, DAYS_PER_MONTH, Point, point_order, window_days


def sides(points: Sequence[Point]) -> tuple[list[Point], list[Point]]:
    """Closed and open models, each in `point_order`: the order the draws index into."""
    return (sorted((p for p in points if not p.is_open), key=point_order),
            sorted((p for p in points if p.is_open), key=point_order))


def draw_indices(n_closed: int, n_open: int, draws: int = BOOTSTRAP_DRAWS,
                 seed: int = BOOTSTRAP_SEED) -> tuple[np.ndarray, np.ndarray]:
    """The resamples: for each draw in turn, `n_closed` closed indices then `n_open` open
    indices, uniform with replacement, from one `numpy.random.default_rng(seed)`."""
    rng = np.random.default_rng(seed)
    closed = np.empty((draws, n_closed), dtype=np.int64)
    opened = np.empty((draws, n_open), dtype=np.int64)
    for i in range(draws):
        closed[i] = rng.integers(0, n_closed, size=n_closed)
        opened[i] = rng.integers(0, n_open, size=n_open)
    return closed, opened


def interval(values: Sequence[float]) -> list[float] | None:
    """5th and 95th percentiles (numpy's default linear interpolation); None without values."""
    if len(values) == 0:
        return None
    lo, hi = np.percentile(np.asarray(values, dtype=float), [5, 95])
    return [float(lo), float(hi)]


def bootstrap_ci(points: Sequence[Point], statistic: Callable[[Sequence[Point]], float | None],
                 draws: int = BOOTSTRAP_DRAWS, seed: int = BOOTSTRAP_SEED) -> tuple[list[float] | None, int]:
    """90% interval of `statistic` over resamples of the models, and how many draws gave a value.

    Each draw keeps both sides at their sizes (closed models drawn from the closed ones, open
    from the open ones); draws where the statistic is undefined are left out. No model on one
    side: (None, 0).
    """
    closed, opened = sides(points)
    if not closed or not opened:
        return None, 0
    closed_idx, open_idx = draw_indices(len(closed), len(opened), draws, seed)
    values = []
    for ci, oi in zip(closed_idx, open_idx):
        value = statistic([closed[i] for i in ci] + [opened[i] for i in oi])
        if value is not None:
            values.append(value)
    return interval(values), len(values)


def horizon_bootstrap(points: Sequence[Point], as_of: date, window_months: int, draws: int = BOOTSTRAP_DRAWS,
                      seed: int = BOOTSTRAP_SEED) -> tuple[list[float] | None, int]:
    """`bootstrap_ci(points, horizon_statistic(as_of, window_months))`, all draws at once."""
    closed, opened = sides(points)  # the same pool as bootstrap_ci: the caller filters by date
    if not closed or not opened:
        return None, 0
    closed_idx, open_idx = draw_indices(len(closed), len(opened), draws, seed)
    days = window_days(as_of, window_months)
    rows = np.arange(draws)[:, None]

    # O(t) per draw: open models in release order; the running best among those drawn
    open_days = np.array([p.date.toordinal() for p in opened], dtype=np.int64)
    order = np.argsort(open_days, kind="stable")
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    drawn = np.zeros((draws, len(opened)), dtype=bool)
    drawn[rows, rank[open_idx]] = True
    open_scores = np.array([p.score for p in opened], dtype=float)[order]
    running = np.maximum.accumulate(np.where(drawn, open_scores, -np.inf), axis=1)
    upto = np.searchsorted(open_days[order], days, side="right") - 1
    best_open = np.where(upto >= 0, running[:, np.maximum(upto, 0)], -np.inf)  # draws x days
    has_open = best_open > -np.inf

    # r(t) per draw: closed models by score descending (then earliest); for the first k of them,
    # the earliest release among those drawn; k = how many closed models score >= O(t)
    closed_days = np.array([p.date.toordinal() for p in closed], dtype=np.int64)
    closed_scores = np.array([p.score for p in closed], dtype=float)
    order = np.lexsort((closed_days, -closed_scores))
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    drawn = np.zeros((draws, len(closed)), dtype=bool)
    drawn[rows, rank[closed_idx]] = True
    never = np.iinfo(np.int64).max
    earliest = np.minimum.accumulate(np.where(drawn, closed_days[order], never), axis=1)
    ascending = closed_scores[order][::-1]
    count = len(ascending) - np.searchsorted(ascending, np.where(has_open, best_open, np.inf), side="left")
    first = np.take_along_axis(earliest, np.maximum(count - 1, 0), axis=1)
    measured = has_open & (count > 0) & (first <= days[None, :])

    n = measured.sum(axis=1)
    total = np.where(measured, days[None, :] - np.where(measured, first, 0), 0).sum(axis=1)
    values = [float(t) / int(k) / DAYS_PER_MONTH for t, k in zip(total, n) if k > 0]
    return interval(values), len(values)

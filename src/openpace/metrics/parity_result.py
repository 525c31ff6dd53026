"""The parity result in the JSON shape of `openpace parity --json`, and the timeline, from
plain points (pure: no warehouse). Definitions in `parity` and docs/parity.md."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import numpy as np

from .parity import (
    BOOTSTRAP_DRAWS,
    BOOTSTRAP_SEED,
    DAYS_PER_MONTH,
    METHODS,
    FrontierPoint,
    Point,
    closed_best_series,
    default_window,
    gap,
    horizon,
    horizon_series,
    match_points,
    match_statistic,
    match_summary,
    released_by,
    window_start,
)
from .parity_bootstrap import bootstrap_ci, horizon_bootstrap


# --------------------------------------------------------------------------- timeline
def month_ends(first: date, last: date) -> list[date]:
    """Every month end from `first`'s month up to `last`, and `last` itself."""
    out = []
    year, month = first.year, first.month
    while True:
        end = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
        if end >= last:
            break
        out.append(end)
        year, month = year + (month == 12), month % 12 + 1
    return [*out, last]


def timeline(points: Sequence[Point], as_of: date, end: date | None = None) -> list[dict]:
    """Both frontiers and lag(t) at each month end from the first release to `as_of`, or to `end`
    when earlier (the last day both sides are observed: the series stops where the data stops)."""
    points = released_by(points, as_of)
    if not points:
        return []
    last = min(as_of, end) if end else as_of
    days_list = month_ends(min(p.date for p in points), last)
    days = np.array([d.toordinal() for d in days_list], dtype=np.int64)
    best_open, reached = horizon_series(points, days)
    best_closed = closed_best_series(points, days)
    rows = []
    for i, day in enumerate(days_list):
        lag = (int(days[i]) - int(reached[i])) / DAYS_PER_MONTH if reached[i] >= 0 else None
        rows.append({
            "date": day.isoformat(),
            "open_best": None if np.isnan(best_open[i]) else float(best_open[i]),
            "closed_best": None if np.isnan(best_closed[i]) else float(best_closed[i]),
            "lag_months": None if lag is None else round(lag, 2),
        })
    return rows


# --------------------------------------------------------------------------- the result
def _r(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def frontier_dict(f: FrontierPoint, start: date) -> dict:
    return {
        "closed_model": f.closed.model, "closed_date": f.closed.date.isoformat(), "closed_score": f.closed.score,
        "open_model": f.open.model if f.open else None,
        "open_date": f.open.date.isoformat() if f.open else None,
        "open_score": f.open.score if f.open else None,
        "lag_months": _r(f.lag_months), "censored": f.censored,
        # beyond the spec's keys: where each score came from, and whether it counts in the median
        "closed_source": f.closed.source, "open_source": f.open.source if f.open else None,
        "in_window": f.closed.date > start,
    }


def parity_result(points: Sequence[Point], as_of: date, method: str = "horizon", window_months: int | None = None,
                  with_timeline: bool = False, tol: float = 0.0, timeline_end: date | None = None) -> dict:
    """The `headline`, `points` and `gap` parts of `openpace parity --json` (plus `timeline`
    when asked, and `stats`: day counts and bootstrap details), from plain points."""
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, not {method!r}")
    window = window_months or default_window(method)
    points = released_by(points, as_of)
    frontier = match_points(points, as_of, tol)
    if method == "horizon":
        h = horizon(points, as_of, window)
        value, at_least, leads = h.lag_months, False, h.open_leads_days
        measured: dict = {"days_measured": h.days_measured}
    else:
        value, at_least = match_summary(frontier, as_of, window)
        leads = None
        start = window_start(as_of, window)
        measured = {"frontier_points_in_window": sum(f.closed.date > start for f in frontier)}
    if value is None:
        ci, defined = None, 0
    elif method == "horizon":
        ci, defined = horizon_bootstrap(points, as_of, window)
    else:
        ci, defined = bootstrap_ci(points, match_statistic(as_of, window, tol))
    g = gap(points, as_of)
    result = {
        "headline": {"lag_months": _r(value), "ci90": [_r(ci[0]), _r(ci[1])] if ci else None,
                     "at_least": at_least, "window_months": window, "open_leads_days": leads},
        "points": [frontier_dict(f, window_start(as_of, window)) for f in frontier],
        "gap": {"closed_best": g.closed.score if g.closed else None, "closed_model": g.closed.model if g.closed else None,
                "open_best": g.open.score if g.open else None, "open_model": g.open.model if g.open else None,
                "points": _r(g.points, 4)},
        "stats": {**measured, "window_start": window_start(as_of, window).isoformat(),
                  "bootstrap": {"draws": BOOTSTRAP_DRAWS, "defined": defined, "seed": BOOTSTRAP_SEED,
                                "resampling": "models with replacement, within each side"}},
    }
    if with_timeline:
        result["timeline"] = timeline(points, as_of, timeline_end)
    return result

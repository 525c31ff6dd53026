"""`openpace parity --benchmark capability`: the horizon lag on the capability index.

The points are the index's models (capability, release date, openness from the reconciled
identity); models whose date or openness is unknown are left out and counted. The lag, gap and
interval are those of any benchmark (`parity_result`); the 90% interval resamples the indexed
models within each side WITHOUT refitting the index (docs/parity.md says why), so it reflects
which models are in the data, not the fit's own uncertainty.
"""

from __future__ import annotations

from datetime import date

import duckdb

from ..domain import basis as basis_rules
from .capability import SOURCE, CapabilityIndex, capability_index
from .parity import Point, default_window
from .parity_result import parity_result
from .staleness import Staleness

NAME = "capability"  # the benchmark name that asks for the index


def is_capability(benchmark: str) -> bool:
    return " ".join(benchmark.split()).lower() in (NAME, "capability index")


def index_points(index: CapabilityIndex) -> tuple[list[Point], dict[str, int]]:
    """One point per indexed model with a release date and a side; the others counted."""
    points, left_out = [], {"no_release_date": 0, "unknown_open_closed": 0}
    for m in index.models:
        if m.release_date is None:
            left_out["no_release_date"] += 1
        elif m.open is None:
            left_out["unknown_open_closed"] += 1
        else:
            points.append(Point(model=m.model, date=m.release_date, score=m.capability, is_open=m.open,
                                key=m.model_id or m.model, source=SOURCE))
    return sorted(points, key=lambda p: (p.date, -p.score, p.ident)), {k: v for k, v in left_out.items() if v}


def capability_parity(con: duckdb.DuckDBPyConnection, as_of: date | None = None, method: str = "horizon",
                      window_months: int | None = None, timeline: bool = False) -> dict:
    """The parity result (JSON shape of `openpace parity --json`) on the capability index fitted
    to the models released by `as_of` (None: all of them, as of the last release date)."""
    index = capability_index(con, as_of=as_of)
    points, left_out = index_points(index)
    day = as_of or max((p.date for p in points), default=date.today())
    opens = [p for p in points if p.is_open]
    closed = [p for p in points if not p.is_open]
    head = {"benchmark": NAME, "source": SOURCE, "as_of": day.isoformat(), "method": method,
            # the index stitches Epoch's runs and its external tables, leaderboards and developers'
            # reports alike: its basis is mixed
            "basis": basis_rules.MIXED}
    models = [{"model": p.model, "model_id": p.key, "release_date": p.date.isoformat(), "capability": round(p.score, 4),
               "open": p.is_open} for p in points]
    data = {"unit": "capability index (WinoGrande difficulty = 0)", "open_models": len(opens),
            "closed_models": len(closed), "first_date": points[0].date.isoformat() if points else None,
            "last_date": points[-1].date.isoformat() if points else None, "excluded_models": left_out,
            "sources": [{"source": SOURCE, "origin": origin, "license": licence,
                         "observed": observed.isoformat() if observed else None, "models": len(points)}
                        for origin, licence, observed in con.execute(
                            "SELECT 'epoch/benchmark-stitching (' || count(DISTINCT origin) || ' tables)', "
                            "any_value(license), max(observed) FROM scores WHERE source = ?", [SOURCE]).fetchall()],
            "fit": index.fit, "models": models,
            "staleness": Staleness(max((p.date for p in opens), default=None),
                                   max((p.date for p in closed), default=None)).to_json(),
            "bootstrap_refit": False}
    if len(opens) < basis_rules.MIN_MODELS_PER_SIDE or len(closed) < basis_rules.MIN_MODELS_PER_SIDE:
        result = insufficient_result_for(len(opens), len(closed), method, window_months)
        return {**head, "status": "insufficient_data", **result, "data": data}
    end = min(max(p.date for p in opens), max(p.date for p in closed))
    result = parity_result(points, day, method, window_months, with_timeline=timeline, timeline_end=end)
    result["stats"]["bootstrap"]["resampling"] = ("indexed models with replacement, within each side; the index "
                                                  "is not refitted per draw")
    since = date.fromisoformat(result["stats"]["window_start"])
    result["stats"]["level_average_months"] = {  # Epoch's reading, for comparison (docs/parity.md)
        "all_levels": _r(level_lag(points, day)),
        "levels_reached_in_window": _r(level_lag(points, day, since)),
    }
    return {**head, "status": "ok", **result, "data": data}


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def insufficient_result_for(n_open: int, n_closed: int, method: str, window_months: int | None) -> dict:
    return {"reason": (f"insufficient data: {n_open} open and {n_closed} closed indexed models "
                       f"(at least {basis_rules.MIN_MODELS_PER_SIDE} of each needed)"),
            "headline": {"lag_months": None, "ci90": None, "at_least": False,
                         "window_months": window_months or default_window(method), "open_leads_days": None},
            "points": [], "gap": {"closed_best": None, "closed_model": None, "open_best": None, "open_model": None,
                                  "points": None}}


def level_lag(points: list[Point], as_of: date, since: date | None = None, levels: int = 200) -> float | None:
    """Epoch AI's reading of the lag: the horizontal distance between the open and the closed
    frontier (first date each side reached a level), averaged over evenly spaced levels that both
    frontiers reached by `as_of` (and, with `since`, above the best open level before `since`),
    in months. For comparison with Epoch's published figure; the headline stays the day average."""
    def first_reach(side: list[Point], level: float) -> date | None:
        return min((p.date for p in side if p.score >= level), default=None)

    pts = [p for p in points if p.date <= as_of]
    opens, closed = [p for p in pts if p.is_open], [p for p in pts if not p.is_open]
    if not opens or not closed:
        return None
    low = max(min(p.score for p in opens), min(p.score for p in closed))
    if since is not None:
        low = max(low, max((p.score for p in opens if p.date < since), default=low))
    high = min(max(p.score for p in opens), max(p.score for p in closed))
    if high <= low:
        return None
    gaps = []
    for i in range(levels):
        level = low + (high - low) * (i + 0.5) / levels
        t_open, t_closed = first_reach(opens, level), first_reach(closed, level)
        if t_open and t_closed:
            gaps.append((t_open - t_closed).days / 30.44)
    return sum(gaps) / len(gaps) if gaps else None

"""Cost to reach a score: the cheapest qualifying blended price month by month, and its decline.

For threshold S on benchmark B, at the end of each month the cheapest blended price (the rule of
`metrics.prices.price_model`: first-party for closed models, median of hosts for open ones) among
models with score >= S, released by then (when the release date is known) and with a price in
force then. Prices are carried forward from their latest dated observation, so the fit uses only
the months in which a qualifying model has a new dated observation (a catalogue snapshot, a
price-change date): carried-forward months repeat a value and would overstate the evidence.

Fit: ordinary least squares of ln(price) on time in years. Decline factor per year = exp(-slope);
its 90% interval comes from the slope's standard error and Student's t with n-2 degrees of
freedom (computed here; no SciPy needed).
"""

from __future__ import annotations

import math
from calendar import monthrange
from collections import defaultdict
from datetime import date
from typing import Any

import duckdb
import numpy as np

from ..errors import InputError
from .prices import (DEFAULT_BLEND, Observation, blend_label, load_models, load_observations, model_scores,
                     price_model, with_score_facts)

DAYS_PER_YEAR = 365.25
MIN_FIT_POINTS = 3


# --------------------------------------------------------------------------- Student's t
def _betacf(a: float, b: float, x: float) -> float:
    """Continued fraction for the incomplete beta function (modified Lentz)."""
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        for num in (m * (b - m) * x / ((qam + m2) * (a + m2)), -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))):
            d = 1.0 + num * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + num / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1.0) < 1e-15:
            break
    return h


def _betainc(a: float, b: float, x: float) -> float:
    """Regularised incomplete beta I_x(a, b)."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x))
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _betacf(a, b, x) / a
    return 1.0 - front * _betacf(b, a, 1.0 - x) / b


def t_cdf(t: float, df: float) -> float:
    """P(T <= t) for Student's t with `df` degrees of freedom."""
    tail = 0.5 * _betainc(df / 2.0, 0.5, df / (df + t * t))
    return 1.0 - tail if t >= 0 else tail


def t_quantile(p: float, df: float) -> float:
    """The p-quantile of Student's t (bisection on the CDF; p in (0.5, 1))."""
    lo, hi = 0.0, 1e4
    for _ in range(200):
        mid = (lo + hi) / 2
        if t_cdf(mid, df) < p:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


# --------------------------------------------------------------------------- the fit
def loglinear_fit(points: list[tuple[date, float]], level: float = 0.90) -> dict[str, Any]:
    """OLS of ln(price) on time in years; the decline factor per year exp(-slope) with a `level` interval.

    Fewer than three points, or all on one date, give no fit (`decline_factor_per_year` None, `reason` set).
    """
    pts = [(d, p) for d, p in points if p > 0]
    base = {"n": len(pts), "level": level, "slope_per_year": None, "se": None, "decline_factor_per_year": None,
            "interval": None, "r2": None, "start": pts[0][0] if pts else None, "end": pts[-1][0] if pts else None}
    if len(pts) < MIN_FIT_POINTS:
        return {**base, "reason": f"needs at least {MIN_FIT_POINTS} observed months, has {len(pts)}"}
    t0 = pts[0][0]
    x = np.array([(d - t0).days / DAYS_PER_YEAR for d, _ in pts])
    y = np.log(np.array([p for _, p in pts]))
    sxx = float(((x - x.mean()) ** 2).sum())
    if sxx == 0:
        return {**base, "reason": "all observations fall on one date"}
    slope = float(((x - x.mean()) * (y - y.mean())).sum() / sxx)
    intercept = float(y.mean() - slope * x.mean())
    resid = y - (intercept + slope * x)
    df = len(pts) - 2
    sse = float((resid ** 2).sum())
    se = math.sqrt(sse / df / sxx)
    sst = float(((y - y.mean()) ** 2).sum())
    h = t_quantile(0.5 + level / 2, df) * se
    return {**base, "slope_per_year": slope, "se": se, "decline_factor_per_year": math.exp(-slope),
            # a steeper fall (slope - h) is the larger decline factor
            "interval": [math.exp(-(slope + h)), math.exp(-(slope - h))],
            "r2": 1 - sse / sst if sst > 0 else None, "reason": None}


# --------------------------------------------------------------------------- the series
def month_end(d: date) -> date:
    return date(d.year, d.month, monthrange(d.year, d.month)[1])


def months_between(start: date, end: date) -> list[date]:
    """Month ends from `start`'s month to `end`'s month, inclusive."""
    out, y, m = [], start.year, start.month
    while (y, m) <= (end.year, end.month):
        out.append(date(y, m, monthrange(y, m)[1]))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def cost_trend(con: duckdb.DuckDBPyConnection, benchmark: str, min_score: float, as_of: date | None = None,
               blend: tuple[float, float] = DEFAULT_BLEND, source: str | None = None,
               level: float = 0.90, release_dating: bool = False) -> dict[str, Any]:
    """Cheapest blended price of a model scoring >= `min_score` on `benchmark`, month by month, with
    log-linear fits (overall, open-only, closed-only).

    By default only recorded dates count (catalogue snapshots, explicit price changes);
    `release_dating=True` also dates undated genai-prices rows from the model's release (see
    `metrics.prices.SINCE_RELEASE_SOURCES` for why that is opt-in).
    """
    scores = model_scores(con, benchmark, source, as_of)
    qualifying = sorted(mid for mid, s in scores.items() if s["score"] >= min_score)
    if not qualifying:
        raise InputError(f"no model scores >= {min_score:g} on {benchmark!r} (and joins a canonical model)")
    models = with_score_facts(load_models(con), scores)
    grouped: dict[str, list[Observation]] = defaultdict(list)
    for obs in load_observations(con, qualifying, release_dating):
        if obs.start is not None and (as_of is None or obs.start <= as_of):
            grouped[obs.model_id].append(obs)
    if not grouped:
        raise InputError(f"none of the {len(qualifying)} models scoring >= {min_score:g} on {benchmark!r} "
                         "has a dated price")
    starts = [o.start for obs in grouped.values() for o in obs]
    months = months_between(min(starts), max(starts))
    # months in which each model has a new dated observation
    fresh: dict[str, set[tuple[int, int]]] = {mid: {(o.start.year, o.start.month) for o in obs}
                                              for mid, obs in grouped.items()}
    groups = {"all": None, "open": True, "closed": False}
    series: dict[str, list[dict[str, Any]]] = {g: [] for g in groups}
    for end in months:
        cut = min(end, as_of) if as_of else end
        prices = {}
        for mid, obs in grouped.items():
            info = models.get(mid)
            if info is None or (info.release_date and info.release_date > cut):
                continue
            priced = price_model(info, obs, cut, blend)
            if priced:
                prices[mid] = priced
        for g, flag in groups.items():
            pool = {m: p for m, p in prices.items() if flag is None or p["open_weights"] is flag}
            if not pool:
                continue
            mid = min(pool, key=lambda m: (pool[m]["blended_usd_per_mtok"], m))
            best = pool[mid]
            series[g].append({
                "month": end.strftime("%Y-%m"), "date": cut, "cheapest_usd_per_mtok": best["blended_usd_per_mtok"],
                "model": mid, "display_name": best["display_name"], "open_weights": best["open_weights"],
                "score": scores[mid]["score"], "provider": best["provider"], "price_basis": best["price_basis"],
                "price_sources": best["price_sources"],
                "date_basis": sorted({p["date_basis"] for p in best["providers"]}),
                "candidates": len(pool),
                "observed": any((end.year, end.month) in fresh[m] for m in pool),
            })
    fits = {g: loglinear_fit([(p["date"], p["cheapest_usd_per_mtok"]) for p in s if p["observed"]], level)
            for g, s in series.items()}
    return {"benchmark": benchmark, "min_score": min_score, "as_of": as_of, "blend": blend_label(blend),
            "release_dating": release_dating,
            "qualifying_models": len(qualifying), "priced_models": len(grouped),
            "series": series["all"], "open": series["open"], "closed": series["closed"],
            "fit": fits["all"], "fit_open": fits["open"], "fit_closed": fits["closed"]}

"""Cost to reach a score: the cheapest qualifying blended price month by month, and its decline.

For threshold S on benchmark B, at the end of each month the cheapest blended price (the rule of
`metrics.prices.price_model`: first-party for closed models, median of hosts for open ones) among
models with score >= S, released by then (when the release date is known) and with a price in
force then (`metrics.price_observations`: a catalogue snapshot speaks until its next one). The fit
(`metrics.decline`) uses only the months in which a candidate has a dated observation (a catalogue
snapshot, a price-change date): carried-forward months repeat a value and would overstate the evidence.
"""

from __future__ import annotations

from calendar import monthrange
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from ..errors import InputError
from .decline import DeclineFit, loglinear_fit, t_quantile  # noqa: F401 (t_quantile re-exported)
from .prices import (DEFAULT_BLEND, Observation, blend_label, load_models, load_observations, model_scores,
                     price_model, scores_basis, with_score_facts)


@dataclass(frozen=True)
class TrendPoint:
    """The cheapest qualifying model at the end of one month (cut at the as-of date)."""

    month: str  # YYYY-MM
    date: date
    cheapest_usd_per_mtok: float
    model: str
    display_name: str
    open_weights: bool | None
    score: float
    provider: str
    price_basis: str
    price_sources: tuple[str, ...]
    date_basis: tuple[str, ...]
    candidates: int  # qualifying models with a price in force that month
    observed: bool  # some candidate has a dated observation in this month (the fit uses these)

    def to_json(self) -> dict[str, Any]:
        return {"month": self.month, "date": self.date.isoformat(), "cheapest_usd_per_mtok": self.cheapest_usd_per_mtok,
                "model": self.model, "display_name": self.display_name, "open_weights": self.open_weights,
                "score": self.score, "provider": self.provider, "price_basis": self.price_basis,
                "price_sources": list(self.price_sources), "date_basis": list(self.date_basis),
                "candidates": self.candidates, "observed": self.observed}


@dataclass(frozen=True)
class CostTrend:
    """`cost_trend`'s result: the monthly series overall, open-only and closed-only, and their fits."""

    benchmark: str
    min_score: float
    as_of: date | None
    blend: str
    release_dating: bool
    qualifying_models: int
    priced_models: int
    series: tuple[TrendPoint, ...]
    open: tuple[TrendPoint, ...]
    closed: tuple[TrendPoint, ...]
    fit: DeclineFit
    fit_open: DeclineFit
    fit_closed: DeclineFit
    score_basis: str | None = None  # independent | self_reported | mixed (domain.basis)
    score_basis_status: str | None = None  # "insufficient_data": fewer than 3 models a side on that basis

    def observed_months(self, side: str = "series") -> list[str]:
        return [p.month for p in getattr(self, side) if p.observed]

    def to_json(self) -> dict[str, Any]:
        return {"benchmark": self.benchmark, "min_score": self.min_score,
                "as_of": self.as_of.isoformat() if self.as_of else None, "blend": self.blend,
                "release_dating": self.release_dating, "score_basis": self.score_basis,
                "score_basis_status": self.score_basis_status,
                "qualifying_models": self.qualifying_models, "priced_models": self.priced_models,
                "series": [p.to_json() for p in self.series], "open": [p.to_json() for p in self.open],
                "closed": [p.to_json() for p in self.closed], "fit": self.fit.to_json(),
                "fit_open": self.fit_open.to_json(), "fit_closed": self.fit_closed.to_json()}


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
               level: float = 0.90, release_dating: bool = False, basis: str | None = None) -> CostTrend:
    """Cheapest blended price of a model scoring >= `min_score` on `benchmark`, month by month, with
    log-linear fits (overall, open-only, closed-only).

    By default only recorded dates count (catalogue snapshots, explicit price changes);
    `release_dating=True` also dates undated genai-prices rows from the model's release (see
    `metrics.price_observations.SINCE_RELEASE_SOURCES` for why that is opt-in).
    """
    scores = model_scores(con, benchmark, source, as_of, basis)
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
    starts = [o.start for obs in grouped.values() for o in obs if o.start is not None]
    months = months_between(min(starts), max(starts))
    # months in which each model has a dated observation
    fresh: dict[str, set[tuple[int, int]]] = {mid: {(o.start.year, o.start.month) for o in obs if o.start}
                                              for mid, obs in grouped.items()}
    groups: dict[str, bool | None] = {"all": None, "open": True, "closed": False}
    series: dict[str, list[TrendPoint]] = {g: [] for g in groups}
    for end in months:
        cut = min(end, as_of) if as_of else end
        prices = {}
        for mid, model_obs in grouped.items():
            info = models.get(mid)
            if info is None or (info.release_date and info.release_date > cut):
                continue
            priced = price_model(info, model_obs, cut, blend)
            if priced:
                prices[mid] = priced
        for g, flag in groups.items():
            pool = {m: p for m, p in prices.items() if flag is None or p["open_weights"] is flag}
            if not pool:
                continue
            mid = min(pool, key=lambda m: (pool[m]["blended_usd_per_mtok"], m))
            best = pool[mid]
            series[g].append(TrendPoint(
                month=end.strftime("%Y-%m"), date=cut, cheapest_usd_per_mtok=best["blended_usd_per_mtok"],
                model=mid, display_name=best["display_name"], open_weights=best["open_weights"],
                score=scores[mid]["score"], provider=best["provider"], price_basis=best["price_basis"],
                price_sources=tuple(best["price_sources"]),
                date_basis=tuple(sorted({p["date_basis"] for p in best["providers"]})), candidates=len(pool),
                observed=any((end.year, end.month) in fresh[m] for m in pool)))
    fits = {g: loglinear_fit([(p.date, p.cheapest_usd_per_mtok) for p in s if p.observed], level)
            for g, s in series.items()}
    score_basis, basis_status = scores_basis(scores)
    return CostTrend(benchmark=benchmark, min_score=min_score, as_of=as_of, blend=blend_label(blend),
                     release_dating=release_dating, qualifying_models=len(qualifying), priced_models=len(grouped),
                     series=tuple(series["all"]), open=tuple(series["open"]), closed=tuple(series["closed"]),
                     fit=fits["all"], fit_open=fits["open"], fit_closed=fits["closed"],
                     score_basis=score_basis, score_basis_status=basis_status)

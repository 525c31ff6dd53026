"""Decline of a price over time: a log-linear fit with its interval, and what the interval allows one to say.

Fit: ordinary least squares of ln(price) on time in years. Decline factor per year = exp(-slope)
(above 1: cheaper each year); its interval comes from the slope's standard error and Student's t
with n-2 degrees of freedom (computed here; no SciPy needed). The verdict reads the interval, not
the point estimate: `falling` when the whole interval is above 1x, `rising` when it is below, and
`no clear trend` when it includes 1x (a factor of 1.14x with an interval 0.87x-1.50x is not evidence
that prices fall).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import partial
from datetime import date
from typing import Any

import numpy as np

DAYS_PER_YEAR = 365.25
MIN_FIT_POINTS = 3
FALLING, RISING, NO_CLEAR_TREND, NO_FIT = "falling", "rising", "no clear trend", "no fit"


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
@dataclass(frozen=True)
class DeclineFit:
    """A log-linear fit of a price series: the decline factor per year, its interval and the verdict."""

    n: int
    level: float
    start: date | None
    end: date | None
    slope_per_year: float | None = None
    se: float | None = None
    decline_factor_per_year: float | None = None
    interval: tuple[float, float] | None = None
    r2: float | None = None
    reason: str | None = None  # why there is no fit

    @property
    def verdict(self) -> str:
        """`falling` / `rising` when the whole interval is above / below 1x, else `no clear trend`."""
        if self.interval is None:
            return NO_FIT
        lo, hi = self.interval
        return FALLING if lo > 1 else RISING if hi < 1 else NO_CLEAR_TREND

    def to_json(self) -> dict[str, Any]:
        return {"n": self.n, "level": self.level, "slope_per_year": self.slope_per_year, "se": self.se,
                "decline_factor_per_year": self.decline_factor_per_year,
                "interval": list(self.interval) if self.interval else None, "r2": self.r2,
                "start": self.start.isoformat() if self.start else None,
                "end": self.end.isoformat() if self.end else None, "verdict": self.verdict, "reason": self.reason}


def loglinear_fit(points: list[tuple[date, float]], level: float = 0.90) -> DeclineFit:
    """OLS of ln(price) on time in years; the decline factor per year exp(-slope) with a `level` interval.

    Fewer than three points, or all on one date, give no fit (`decline_factor_per_year` None, `reason` set).
    """
    pts = sorted((d, p) for d, p in points if p > 0)
    base = partial(DeclineFit, len(pts), level, pts[0][0] if pts else None, pts[-1][0] if pts else None)
    if len(pts) < MIN_FIT_POINTS:
        return base(reason=f"needs at least {MIN_FIT_POINTS} observed months, has {len(pts)}")
    t0 = pts[0][0]
    x = np.array([(d - t0).days / DAYS_PER_YEAR for d, _ in pts])
    y = np.log(np.array([p for _, p in pts]))
    sxx = float(((x - x.mean()) ** 2).sum())
    if sxx == 0:
        return base(reason="all observations fall on one date")
    slope = float(((x - x.mean()) * (y - y.mean())).sum() / sxx)
    intercept = float(y.mean() - slope * x.mean())
    resid = y - (intercept + slope * x)
    df = len(pts) - 2
    sse = float((resid ** 2).sum())
    se = math.sqrt(sse / df / sxx)
    sst = float(((y - y.mean()) ** 2).sum())
    h = t_quantile(0.5 + level / 2, df) * se
    # a steeper fall (slope - h) is the larger decline factor
    return base(slope_per_year=slope, se=se, decline_factor_per_year=math.exp(-slope),
                      interval=(math.exp(-(slope + h)), math.exp(-(slope - h))), r2=1 - sse / sst if sst > 0 else None)

"""Cost to reach a score: the t quantile, the log-linear fit on series with a known rate, and the
monthly series on constructed warehouse rows (expected values worked out by hand below)."""

from __future__ import annotations

import math
from datetime import date, timedelta

import numpy as np
import pytest

from openpace.errors import InputError
from openpace.metrics.trend import cost_trend, loglinear_fit, months_between, t_quantile

from test_prices import add_model, price, score


@pytest.mark.parametrize(("p", "df", "expected"), [
    # Student's t table values (any statistics text): t_{0.95, 1}, t_{0.95, 10}, t_{0.975, 30}
    (0.95, 1, 6.313752), (0.95, 10, 1.812461), (0.975, 30, 2.042272),
], ids=["df1", "df10", "df30-two-sided-95"])
def test_t_quantile_matches_tables(p, df, expected):
    assert t_quantile(p, df) == pytest.approx(expected, abs=1e-5)


def known_rate_series(factor: float, noise: float = 0.0, seed: int = 0, n: int = 12) -> list[tuple[date, float]]:
    """Monthly-ish points whose price falls exactly `factor`x per year, times log-normal noise."""
    rng = np.random.default_rng(seed)
    start = date(2024, 1, 31)
    out = []
    for i in range(n):
        day = start + timedelta(days=30 * i)
        years = (day - start).days / 365.25
        out.append((day, 100.0 * factor ** (-years) * math.exp(noise * rng.standard_normal())))
    return out


def test_fit_recovers_an_exact_rate():
    fit = loglinear_fit(known_rate_series(10.0))
    assert fit.decline_factor_per_year == pytest.approx(10.0, rel=1e-9)
    lo, hi = fit.interval
    assert lo == pytest.approx(10.0, rel=1e-6) and hi == pytest.approx(10.0, rel=1e-6)
    assert fit.n == 12 and fit.r2 == pytest.approx(1.0)


def test_fit_of_a_rising_price_is_below_one():
    fit = loglinear_fit(known_rate_series(0.5))
    assert fit.decline_factor_per_year == pytest.approx(0.5, rel=1e-9)


def test_ninety_percent_interval_covers_the_true_rate_about_ninety_percent_of_the_time():
    hits = 0
    runs = 300
    for seed in range(runs):
        fit = loglinear_fit(known_rate_series(10.0, noise=0.4, seed=seed))
        lo, hi = fit.interval
        assert lo < fit.decline_factor_per_year < hi
        hits += lo <= 10.0 <= hi
    # binomial(300, 0.9): sd ~ 5.2 hits; 0.84..0.96 is beyond 3 sd either side
    assert 0.84 <= hits / runs <= 0.96


def test_too_few_points_give_no_fit():
    fit = loglinear_fit(known_rate_series(10.0, n=2))
    assert fit.decline_factor_per_year is None and "at least 3" in fit.reason
    same_day = [(date(2024, 1, 1), 1.0), (date(2024, 1, 1), 2.0), (date(2024, 1, 1), 3.0)]
    assert loglinear_fit(same_day).reason == "all observations fall on one date"


def test_months_between():
    assert months_between(date(2023, 11, 14), date(2024, 2, 1)) == [
        date(2023, 11, 30), date(2023, 12, 31), date(2024, 1, 31), date(2024, 2, 29)]


@pytest.fixture
def market(fresh_db):
    con = fresh_db
    add_model(con, "acme/a", open_weights=False, org="Acme", name="A")
    add_model(con, "free/b", open_weights=True, org="Free", name="B")
    add_model(con, "free/c", open_weights=True, org="Free", name="C")
    score(con, "A", "acme/a", 85.0, released=date(2024, 1, 1), open_weights=False)
    score(con, "B", "free/b", 82.0, released=date(2024, 2, 1), open_weights=True)
    score(con, "C", "free/c", 70.0, released=date(2024, 1, 1), open_weights=True)
    # One catalogue's snapshots; each lists every model it prices on that day. A snapshot speaks
    # until the next one, so a model missing from a snapshot has no price from then on.
    snapshots = {
        date(2024, 1, 10): {"c": 0.01},  # C is below the threshold
        date(2024, 1, 15): {"a": 8.0, "c": 0.01},
        # B is priced before its release date: not a candidate until released
        date(2024, 1, 20): {"a": 8.0, "b": 0.5, "c": 0.01},
        date(2024, 2, 20): {"a": 8.0, "b": 6.0, "c": 0.01},
        date(2024, 3, 10): {"a": 4.0, "c": 0.01},  # B delisted for a month
        date(2024, 4, 5): {"a": 4.0, "b": 1.0, "c": 0.01},
    }
    hosts = {"a": ("acme", "acme/a"), "b": ("h1", "free/b"), "c": ("h1", "free/c")}
    for day, listed in snapshots.items():
        for name, usd in listed.items():
            provider, model_id = hosts[name]
            price(con, name, provider, usd, usd, model_id=model_id, observed=day)
    return con


def test_monthly_series_on_constructed_rows(market):
    result = cost_trend(market, "MMLU", 80)
    series = [(p.month, p.cheapest_usd_per_mtok, p.model, p.observed) for p in result.series]
    assert series == [
        ("2024-01", pytest.approx(8.0), "acme/a", True),   # B not released yet
        ("2024-02", pytest.approx(6.0), "free/b", True),
        ("2024-03", pytest.approx(4.0), "acme/a", True),
        ("2024-04", pytest.approx(1.0), "free/b", True),
    ]
    # B is not in the March snapshot: no open model qualifies at the end of March
    assert [(p.month, p.observed) for p in result.open] == [("2024-02", True), ("2024-04", True)]
    assert [p.cheapest_usd_per_mtok for p in result.closed] == [8.0, 8.0, 4.0, 4.0]
    # the overall fit: OLS of ln(price) on years since 2024-01-31, done here with numpy.polyfit
    days = [date(2024, 1, 31), date(2024, 2, 29), date(2024, 3, 31), date(2024, 4, 30)]
    x = [(d - days[0]).days / 365.25 for d in days]
    slope = np.polyfit(x, np.log([8.0, 6.0, 4.0, 1.0]), 1)[0]
    assert result.fit.decline_factor_per_year == pytest.approx(math.exp(-slope))
    assert result.fit.n == 4
    # every snapshot re-lists A, so each month observes the closed side
    closed_slope = np.polyfit(x, np.log([8.0, 8.0, 4.0, 4.0]), 1)[0]
    assert result.fit_closed.decline_factor_per_year == pytest.approx(math.exp(-closed_slope))
    # the open side has two observed months only: no fit
    assert result.fit_open.decline_factor_per_year is None


def test_as_of_cuts_the_series(market):
    result = cost_trend(market, "MMLU", 80, as_of=date(2024, 3, 1))
    assert [p.month for p in result.series] == ["2024-01", "2024-02"]


def test_unreachable_threshold_is_an_input_error(market):
    with pytest.raises(InputError, match=">= 99"):
        cost_trend(market, "MMLU", 99)


def test_release_dated_genai_prices_only_when_asked(market):
    # C2 scores 90, released 2023-12-01, priced only by genai-prices without a date constraint
    add_model(market, "acme/c2", open_weights=False, org="Acme", name="C2", released=date(2023, 12, 1))
    score(market, "C2", "acme/c2", 90.0, released=date(2023, 12, 1), open_weights=False)
    price(market, "c2", "acme", 20.0, 20.0, source="genai_prices", observed=None, model_id="acme/c2")
    with_release = cost_trend(market, "MMLU", 80, release_dating=True)
    assert with_release.series[0].month == "2023-12"
    assert with_release.series[0].date_basis == ("release_date",)
    assert with_release.series[0].cheapest_usd_per_mtok == pytest.approx(20.0)
    observed_only = cost_trend(market, "MMLU", 80)
    assert observed_only.series[0].month == "2024-01"


@pytest.mark.parametrize(("factor", "noise", "verdict"), [
    (10.0, 0.0, "falling"), (0.5, 0.0, "rising"),
], ids=["falls-10x", "doubles"])
def test_verdict_reads_the_interval(factor, noise, verdict):
    assert loglinear_fit(known_rate_series(factor, noise)).verdict == verdict


def test_an_interval_including_one_is_no_clear_trend():
    # a flat price with noise: the point estimate is off 1x, but the interval straddles it
    fit = loglinear_fit(known_rate_series(1.0, noise=0.3, seed=3))
    lo, hi = fit.interval
    assert lo < 1 < hi and fit.decline_factor_per_year != 1
    assert fit.verdict == "no clear trend" and fit.to_json()["verdict"] == "no clear trend"
    assert loglinear_fit(known_rate_series(10.0, n=2)).verdict == "no fit"


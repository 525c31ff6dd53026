"""Frontier lag and gap: hand-checkable cases on small synthetic point sets.

Every expected value is worked out in the comment beside it (days / 30.44 = months).
The models are invented; no fact about the world is asserted here.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from openpace.metrics.parity import (
    BOOTSTRAP_DRAWS,
    Point,
    closed_frontier,
    gap,
    horizon,
    horizon_statistic,
    match_points,
    match_summary,
    months_before,
    point_order,
)
from openpace.metrics.parity_bootstrap import bootstrap_ci, horizon_bootstrap
from openpace.metrics.parity_result import month_ends, parity_result, timeline

D = date


def closed(name: str, day: date, score: float) -> Point:
    return Point(name, day, score, False)


def opened(name: str, day: date, score: float) -> Point:
    return Point(name, day, score, True)


# closed A (Jan 50), C (Mar 55), B (Jun 60); open X (Apr 52), Y (Sep 61)
BASIC = [
    closed("A", D(2023, 1, 1), 50), closed("B", D(2023, 6, 1), 60), closed("C", D(2023, 3, 1), 55),
    opened("X", D(2023, 4, 1), 52), opened("Y", D(2023, 9, 1), 61),
]


def test_match_basic_frontier_and_lags():
    points = match_points(BASIC, D(2023, 12, 31))
    assert [(f.closed.model, f.open.model) for f in points] == [("A", "X"), ("C", "Y"), ("B", "Y")]
    # A Jan 1 -> X Apr 1: 90 days; C Mar 1 -> Y Sep 1: 184 days; B Jun 1 -> Y Sep 1: 92 days
    assert [f.lag_months for f in points] == pytest.approx([90 / 30.44, 184 / 30.44, 92 / 30.44])
    assert not any(f.censored for f in points)
    median, at_least = match_summary(points, D(2023, 12, 31))
    assert median == pytest.approx(92 / 30.44) and at_least is False


def test_frontier_ties_equal_score_is_not_an_advance_and_same_day_keeps_best():
    points = [
        closed("A", D(2023, 1, 1), 50),
        closed("A-again", D(2023, 2, 1), 50),  # equals the frontier: not an advance
        closed("B-low", D(2023, 3, 1), 52), closed("B-high", D(2023, 3, 1), 58),  # same day: only the best
        closed("C", D(2023, 4, 1), 57),  # below the frontier
    ]
    assert [p.model for p in closed_frontier(points)] == ["A", "B-high"]


def test_open_tie_matches_and_same_day_open_takes_highest():
    points = [closed("A", D(2023, 1, 1), 50), opened("X-low", D(2023, 2, 1), 50), opened("X-high", D(2023, 2, 1), 70)]
    [f] = match_points(points, D(2023, 12, 31))
    # score >= 50 matches (tie); both open models came the same day: the higher-scoring one is named
    assert f.open.model == "X-high" and f.lag_months == pytest.approx(31 / 30.44)


def test_tolerance_lowers_the_bar():
    points = [closed("A", D(2023, 1, 1), 50), opened("X", D(2023, 2, 1), 49), opened("Y", D(2023, 5, 1), 51)]
    assert match_points(points, D(2023, 12, 31))[0].open.model == "Y"
    assert match_points(points, D(2023, 12, 31), tol=1.0)[0].open.model == "X"


def test_open_ahead_gives_negative_lag_and_negative_gap():
    points = [opened("X", D(2023, 1, 1), 70), closed("A", D(2023, 3, 2), 60)]
    [f] = match_points(points, D(2023, 12, 31))
    assert f.open.model == "X" and f.lag_months == pytest.approx(-60 / 30.44)  # Jan 1 is 60 days before Mar 2
    g = gap(points, D(2023, 12, 31))
    assert g.points == pytest.approx(-10) and g.closed.model == "A" and g.open.model == "X"


def test_censored_point_counts_at_its_lower_bound_and_marks_at_least():
    points = [closed("A", D(2023, 1, 1), 50), opened("X", D(2023, 2, 1), 55), closed("B", D(2023, 6, 1), 90)]
    as_of = D(2023, 12, 31)
    a, b = match_points(points, as_of)
    assert (a.censored, b.censored) == (False, True)
    assert b.open is None and b.lag_months == pytest.approx(213 / 30.44)  # Jun 1 -> Dec 31: 213 days
    median, at_least = match_summary([a, b], as_of)
    # median of 31 and 213 days; the censored 213 is above it, so the median is a lower bound
    assert median == pytest.approx((31 + 213) / 2 / 30.44) and at_least is True


def test_censored_point_below_median_does_not_mark_at_least():
    points = [
        closed("A", D(2023, 1, 1), 50), opened("X", D(2023, 9, 1), 55),  # 243 days
        closed("B", D(2023, 2, 1), 60), opened("Y", D(2023, 12, 1), 65),  # 303 days
        closed("C", D(2023, 12, 1), 70),  # censored: Dec 1 -> Dec 31 = 30 days
    ]
    frontier = match_points(points, D(2023, 12, 31))
    median, at_least = match_summary(frontier, D(2023, 12, 31))
    assert median == pytest.approx(243 / 30.44) and at_least is False


def test_censored_lower_middle_of_an_even_count_marks_at_least():
    """Four points, the censored one second-lowest: the median averages it with the next,
    so raising it raises the median (found by an independent implementation on MMLU)."""
    points = [
        closed("A", D(2023, 1, 1), 50), opened("X", D(2023, 1, 31), 51),  # 30 days
        closed("B", D(2023, 2, 1), 60), opened("Y", D(2023, 12, 1), 61),  # 303 days
        closed("C", D(2023, 3, 1), 70), opened("Z", D(2023, 12, 31), 71),  # 305 days
        closed("E", D(2023, 10, 1), 80),  # censored: Oct 1 -> Dec 31 = 91 days
    ]
    frontier = match_points(points, D(2023, 12, 31))
    median, at_least = match_summary(frontier, D(2023, 12, 31))
    assert median == pytest.approx((91 + 303) / 2 / 30.44) and at_least is True


def test_match_window_keeps_points_of_the_last_24_months():
    points = [closed("old", D(2020, 1, 1), 50), opened("X", D(2020, 3, 1), 55)]
    frontier = match_points(points, D(2023, 12, 31))
    assert len(frontier) == 1
    assert match_summary(frontier, D(2023, 12, 31)) == (None, False)  # empty window
    assert match_summary(frontier, D(2023, 12, 31), window_months=48)[0] == pytest.approx(60 / 30.44)


def test_as_of_drops_later_models():
    points = [*BASIC, opened("Z", D(2024, 1, 1), 99), closed("late", D(2024, 2, 1), 99.5)]
    frontier = match_points(points, D(2023, 12, 31))
    assert [f.closed.model for f in frontier] == ["A", "C", "B"]
    assert gap(points, D(2023, 12, 31)).open.model == "Y"


def test_horizon_open_behind():
    # closed A Jan 1 (60); open X Mar 1 (55); window of 1 month to Mar 31 = Mar 1..Mar 31.
    # O(t) = 55 and r(t) = Jan 1 every day: lag 59..89 days, mean 74 days.
    points = [closed("A", D(2023, 1, 1), 60), opened("X", D(2023, 3, 1), 55)]
    h = horizon(points, D(2023, 3, 31), window_months=1)
    assert h.lag_months == pytest.approx(74 / 30.44)
    assert (h.days_measured, h.open_leads_days) == (31, 0)


def test_horizon_open_leads_days_counted_apart():
    # closed A Jan 1 (50), B Jul 1 (70); open X Apr 1 (55); window 2023-01-01..2023-12-31.
    # Jan 1 - Mar 31: no open model (not counted). Apr 1 - Jun 30 (91 days): no closed model has
    # reached 55 yet, open leads. Jul 1 - Dec 31 (184 days): r(t) = Jul 1, lag 0..183 days, mean 91.5.
    points = [closed("A", D(2023, 1, 1), 50), closed("B", D(2023, 7, 1), 70), opened("X", D(2023, 4, 1), 55)]
    h = horizon(points, D(2023, 12, 31), window_months=12)
    assert h.lag_months == pytest.approx(91.5 / 30.44)
    assert (h.days_measured, h.open_leads_days) == (184, 91)


def test_horizon_reached_uses_the_earliest_closed_model_at_or_above():
    # O(t) = 55 from Mar 1. Closed: A Jan 1 (60) and B Feb 1 (58) both reach it; the first is Jan 1.
    points = [closed("B", D(2023, 2, 1), 58), closed("A", D(2023, 1, 1), 60), opened("X", D(2023, 3, 1), 55)]
    assert horizon(points, D(2023, 3, 1), window_months=1).lag_months == pytest.approx(59 / 30.44)


@pytest.mark.parametrize("points", [
    pytest.param([opened("X", D(2023, 1, 1), 50), opened("Y", D(2023, 2, 1), 60)], id="only-open"),
    pytest.param([closed("A", D(2023, 1, 1), 50)], id="only-closed"),
    pytest.param([], id="empty"),
])
def test_one_side_missing(points):
    result = parity_result(points, D(2023, 12, 31))
    assert result["headline"]["lag_months"] is None and result["headline"]["ci90"] is None
    assert result["gap"]["points"] is None
    match = parity_result(points, D(2023, 12, 31), method="match")["headline"]
    if any(not p.is_open for p in points):
        # no open model: the closed frontier point is censored, Jan 1 -> Dec 31 = 364 days at least
        assert (match["lag_months"], match["at_least"], match["ci90"]) == (round(364 / 30.44, 2), True, None)
    else:
        assert match["lag_months"] is None


def test_horizon_empty_window():
    # the only open model arrives after the window's last day
    points = [closed("A", D(2023, 1, 1), 50), opened("X", D(2024, 6, 1), 55)]
    h = horizon(points, D(2023, 12, 31))
    assert h.lag_months is None and h.days_measured == 0 and h.open_leads_days == 0


def test_months_before_clamps_to_month_end():
    assert months_before(D(2024, 3, 31), 1) == D(2024, 2, 29)
    assert months_before(D(2024, 9, 30), 12) == D(2023, 9, 30)
    assert months_before(D(2024, 1, 15), 2) == D(2023, 11, 15)


def test_bootstrap_is_reproducible_and_follows_the_documented_draws():
    points = [closed("A", D(2023, 1, 1), 50), closed("B", D(2023, 2, 1), 70),
              opened("X", D(2023, 3, 1), 40), opened("Y", D(2023, 4, 1), 60), opened("Z", D(2023, 5, 1), 45)]

    def spread(sample):  # a simple statistic: mean closed score minus mean open score
        return (np.mean([p.score for p in sample if not p.is_open]) - np.mean([p.score for p in sample if p.is_open]))

    ci, defined = bootstrap_ci(points, spread, seed=7)
    assert bootstrap_ci(points, spread, seed=7) == (ci, defined)
    assert defined == BOOTSTRAP_DRAWS
    # the documented procedure: models in point order, one Generator, closed indices then open
    # indices per draw, 5th/95th percentiles
    cl = sorted([p for p in points if not p.is_open], key=point_order)
    op = sorted([p for p in points if p.is_open], key=point_order)
    rng = np.random.default_rng(7)
    values = []
    for _ in range(BOOTSTRAP_DRAWS):
        ci_idx, op_idx = rng.integers(0, 2, size=2), rng.integers(0, 3, size=3)
        values.append(np.mean([cl[i].score for i in ci_idx]) - np.mean([op[i].score for i in op_idx]))
    assert ci == pytest.approx(list(np.percentile(values, [5, 95])))
    assert ci[0] < ci[1]


def test_bootstrap_with_one_model_a_side_is_degenerate():
    points = [closed("A", D(2023, 1, 1), 60), opened("X", D(2023, 3, 1), 55)]
    result = parity_result(points, D(2023, 3, 31), window_months=1)
    assert result["headline"]["ci90"] == [round(74 / 30.44, 2)] * 2  # every resample is the same two models


def test_parity_result_shape_and_rounding():
    result = parity_result(BASIC, D(2023, 12, 31), method="match", with_timeline=True)
    assert set(result["headline"]) == {"lag_months", "ci90", "at_least", "window_months", "open_leads_days"}
    assert result["headline"]["window_months"] == 24 and result["headline"]["lag_months"] == round(92 / 30.44, 2)
    assert set(result["points"][0]) >= {"closed_model", "closed_date", "closed_score", "open_model", "open_date",
                                        "open_score", "lag_months", "censored"}
    assert result["gap"] == {"closed_best": 60, "closed_model": "B", "open_best": 61, "open_model": "Y", "points": -1}
    assert parity_result(BASIC, D(2023, 12, 31))["headline"]["window_months"] == 12


def test_timeline_month_ends():
    assert month_ends(D(2023, 1, 15), D(2023, 3, 10)) == [D(2023, 1, 31), D(2023, 2, 28), D(2023, 3, 10)]
    assert month_ends(D(2023, 1, 15), D(2023, 2, 28)) == [D(2023, 1, 31), D(2023, 2, 28)]
    rows = timeline(BASIC, D(2023, 4, 30))
    assert [r["date"] for r in rows] == ["2023-01-31", "2023-02-28", "2023-03-31", "2023-04-30"]
    assert [r["closed_best"] for r in rows] == [50, 50, 55, 55]
    assert [r["open_best"] for r in rows] == [None, None, None, 52]
    # Apr 30: O = 52, first reached by C (55) on Mar 1 (A's 50 falls short): 60 days
    assert [r["lag_months"] for r in rows] == [None, None, None, round(60 / 30.44, 2)]


def test_vectorised_horizon_bootstrap_equals_the_per_draw_one():
    # same draws, two evaluations: the per-draw statistic and the all-at-once numpy version
    rng = np.random.default_rng(1)
    points = [Point(f"m{i}", date.fromordinal(D(2023, 1, 1).toordinal() + int(rng.integers(0, 500))),
                    float(rng.integers(30, 90)), bool(i % 3)) for i in range(40)]
    as_of = D(2024, 5, 1)
    per_draw = bootstrap_ci(points, horizon_statistic(as_of, 12), draws=200, seed=3)
    assert horizon_bootstrap(points, as_of, 12, draws=200, seed=3) == per_draw
    assert per_draw[0] is not None and 0 < per_draw[1] < 200  # some draws have a lag, some (open leads) not

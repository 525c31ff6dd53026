"""Chart label placement (report/labels.py): labels never overlap each other or leave the plot,
prefer free space next to their point, and the scales map values where the drawing puts them.
Pure geometry: no browser (tests/test_report_page.py checks the drawn page in Chromium)."""

from __future__ import annotations

import itertools

from openpace.report.labels import Box, LinearScale, LogScale, TimeScale, path_boxes, place, point_boxes, text_width


def test_crowded_labels_never_overlap_and_stay_inside():
    # ten labels on nearly the same point: each gets its own place or none, never a shared one
    anchors = [(f"Model number {i}", 200.0 + i, 100.0 + i) for i in range(10)]
    spots = place(anchors, 300, 220, [], 13)
    boxes = [s.box for s in spots if s]
    assert len(boxes) >= 6
    assert all(0 <= b.x0 and b.x1 <= 300 and 0 <= b.y0 and b.y1 <= 220 for b in boxes)
    assert not any(a.hits(b) for a, b in itertools.combinations(boxes, 2))
    # a label far from its point is tied to it by a leader line
    assert all(s.leader for s in spots if s and abs(s.dy) > 20)


def test_a_label_keeps_off_points_when_it_can():
    # points to the upper left of the anchor: the label goes where there are none
    points = point_boxes([(150 - 10 * i, 90 - 3 * i) for i in range(8)])
    spot = place([("DeepSeek V3", 150.0, 100.0)], 300, 220, points, 13)[0]
    assert spot is not None and not any(spot.box.hits(b) for b, _ in points)


def test_a_long_name_near_the_edge_is_pulled_inside():
    width = text_width("Claude 3.5 Sonnet (20241022)", 13)
    spot = place([("Claude 3.5 Sonnet (20241022)", 290.0, 50.0)], 300, 220, [], 13)[0]
    assert spot is not None and spot.box.x1 <= 300 and spot.box.x1 - spot.box.x0 == width


def test_scales_map_the_ends_of_their_domain_to_the_ends_of_the_plot():
    y = LinearScale.around([26.3, 87.6], 220)
    assert y.lo <= 26.3 and y.hi >= 87.6 and y(y.lo) == 220 and y(y.hi) == 0
    log = LogScale.around([0.07, 6.0], 300, flip=False)
    assert log.lo <= 0.07 and log.hi >= 6.0 and abs(log(log.lo)) < 1e-9 and abs(log(log.hi) - 300) < 1e-9
    ticks = log.ticks(30)
    assert 1.0 in ticks and all(abs(log(a) - log(b)) >= 30 for a, b in itertools.combinations(ticks, 2))
    t = TimeScale.around(["2023-01-01", "2025-01-01"], 400)
    assert 0 < t("2023-01-01") < t("2024-01-01") < t("2025-01-01") < 400


def test_a_step_line_is_an_obstacle_along_both_of_its_legs():
    boxes = [b for b, _ in path_boxes([(0, 100), (100, 50)], "step-after")]
    assert any(b.hits(Box(50, 99, 51, 101)) for b in boxes)  # the level leg at y=100
    assert any(b.hits(Box(99, 75, 101, 76)) for b in boxes)  # the vertical leg at x=100


def test_frontier_csv_holds_the_steps_and_the_dots():
    """A frontier chart's CSV: each month-end sample of both step lines (none for a side with no model yet)
    and each dot, in date order."""
    from openpace.report.sections import DOT_SERIES, STEP_SERIES, frontier_csv_rows

    detail = {"timeline": [{"date": "2024-01-31", "open_best": None, "closed_best": 70.0},
                           {"date": "2024-02-29", "open_best": 60.0, "closed_best": 70.0},
                           {"date": "2024-03-31", "open_best": 60.0, "closed_best": 75.0}]}
    dots = [{"date": "2024-03-10", "kind": "closed", "score": 75.0, "model": "Model C", "source_name": "model-c"}]
    rows = frontier_csv_rows(detail, dots)
    steps = [(r["date"], r["kind"], r["score"]) for r in rows if r["series"] == STEP_SERIES]
    assert sorted(steps) == [("2024-01-31", "closed", 70.0), ("2024-02-29", "closed", 70.0),
                             ("2024-02-29", "open", 60.0), ("2024-03-31", "closed", 75.0),
                             ("2024-03-31", "open", 60.0)]
    assert [r["model"] for r in rows if r["series"] == DOT_SERIES] == ["Model C"]
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)

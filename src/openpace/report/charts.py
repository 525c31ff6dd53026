"""Altair (Vega-Lite) chart specs for the report, rendered to inline SVG with vl-convert.

The page carries no JavaScript: each chart is drawn here, at build time, into an SVG whose text
nodes the renderer escapes. Charts only draw what a metric function returned; they never compute
a figure of their own (a step line is a drawing of the frontier the metric gave).

Legibility rules: each chart is drawn twice, at a phone's width and at a desktop's (`SIZES`; the
page shows the one that fits, by CSS), so its text is never shrunk below its drawn size; only the
last point of each series is labelled, at a position `labels.place` found clear of every other
label and of the marks (the table beside every chart names the rest); every axis names its unit;
the chart's title, sources and data date are the figure's caption in the page, not text inside
the drawing.
"""

from __future__ import annotations

import json
import re
import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

import altair as alt
import vl_convert

from ..domain.text import chart_safe
from ..errors import OpenpaceError
from .escape import attr
from .labels import LinearScale, LogScale, Obstacle, TimeScale, path_boxes, place, point_boxes

KIND_DOMAIN = ["open", "closed"]
KIND_RANGE = ["#1b7837", "#762a83"]  # green for open weights, purple for closed; readable in greyscale too
HALO = "#ffffff"  # the fill of a label's halo (tests tell halos from labels by it)
_SVG_NS = "{http://www.w3.org/2000/svg}"
_FORBIDDEN = {"script", "foreignObject", "iframe", "object", "embed"}
_WIDTH_ATTR = re.compile(r'\swidth="([0-9.]+)"')


@dataclass(frozen=True)
class Size:
    """One drawing of a chart: the plot area in pixels and the font size of its text."""

    name: str
    width: int
    height: int
    font: int


PHONE = Size("phone", 292, 220, 13)  # with its axes, no wider than a 390 px screen's column
WIDE = Size("wide", 640, 300, 14)
SIZES = (PHONE, WIDE)


def config(size: Size) -> dict[str, Any]:
    f = size.font
    return {
        "axis": {"labelFontSize": f - 1, "titleFontSize": f, "titleFontWeight": "normal", "labelLimit": 180,
                 # labels closer than 4 px are thinned out (a browser's text box is taller than Vega's estimate)
                 "labelOverlap": "greedy", "labelSeparation": 4, "labelFlush": True},
        "legend": {"labelFontSize": f - 1, "titleFontSize": f, "symbolSize": 120, "labelLimit": 260},
        "header": {"labelFontSize": f, "titleFontSize": f},
        "text": {"fontSize": f},
        "view": {"stroke": None},
    }


# A unit the source wrote into a benchmark's name: "METR time horizon (minutes)"
NAMED_UNIT = re.compile(r"\((minutes|hours|seconds|days|tokens|USD|dollars|Elo|%)\)\s*$", re.IGNORECASE)


def named_unit(benchmark: str | None) -> str | None:
    """The unit a source put in the benchmark's name ("minutes" of "METR time horizon (minutes)")."""
    match = NAMED_UNIT.search(benchmark or "")
    return match.group(1) if match else None


def unit_title(unit: str | None, benchmark: str) -> str:
    """The score axis' title with its unit: percent, Elo, or the benchmark's own scale."""
    known = {"percent": "score (%)", "elo": "Elo rating", "index": "capability index"}.get(unit or "")
    stated = named_unit(benchmark)
    return known or (f"score ({stated})" if stated else "score (the benchmark's own scale)")


def _kind_color(legend: bool = True) -> alt.Color:
    return alt.Color("kind:N", scale=alt.Scale(domain=KIND_DOMAIN, range=KIND_RANGE), title=None,
                     legend=alt.Legend(orient="top", direction="horizontal") if legend else None)


def _finish(chart: Any, size: Size, height: int | None = None) -> dict:
    spec: dict = chart.properties(width=size.width, height=height or size.height).to_dict(validate=False)
    spec["config"] = config(size)
    return spec


def _time_x(field: str, scale: TimeScale, title: str, fmt: str = "%Y") -> alt.X:
    return alt.X(f"{field}:T", title=title, scale=alt.Scale(domain=scale.domain, nice=False),
                 axis=alt.Axis(format=fmt, tickCount="year" if fmt == "%Y" else 5))


def _labels(rows: list[dict], x: Any, y: Any, text: str, color: Any, anchors: list[tuple[str, float, float]],
            obstacles: list[Obstacle], size: Size) -> tuple[list[Any], list[dict]]:
    """One text layer per label that found a place (`labels.place`), and the rows left unlabelled."""
    layers, left_out = [], []
    for row, spot in zip(rows, place(anchors, size.width, size.height, obstacles, size.font)):
        if spot is None:
            left_out.append(row)
            continue
        one = alt.Chart(alt.Data(values=[row]))
        if spot.leader:  # a label away from its point: a thin line from the point to it
            layers.append(one.mark_rule(strokeWidth=1, opacity=0.7).encode(
                x=x, y=y, x2=alt.value(spot.leader[0]), y2=alt.value(spot.leader[1]), color=color))
        # a white halo under the text keeps it readable where it crosses a line
        layers.append(one.mark_text(align=spot.align, baseline=spot.baseline, dx=spot.dx, dy=spot.dy, fontWeight="bold",
                                    fontSize=size.font, stroke=HALO, strokeWidth=4, strokeJoin="round", fill=HALO,
                                    ).encode(x=x, y=y, text=f"{text}:N"))
        layers.append(one.mark_text(align=spot.align, baseline=spot.baseline, dx=spot.dx, dy=spot.dy, fontWeight="bold",
                                    fontSize=size.font).encode(x=x, y=y, text=f"{text}:N", color=color))
    return layers, left_out


def frontier_chart(benchmark: str, unit: str | None, frontier: list[dict], models: list[dict],
                   last: list[dict], size: Size = WIDE) -> dict:
    """Open and closed best scores over time as step lines; dots at the frontier models; a label
    at each side's latest frontier model only.

    `frontier` rows: {date, kind, score}; `models` {date, kind, score, model}; `last` the same, one per side.
    """
    xs = TimeScale.around([r["date"] for r in frontier + models], size.width)
    ys = LinearScale.around([r["score"] for r in frontier + models], size.height)
    x = _time_x("date", xs, "release date")
    y = alt.Y("score:Q", title=unit_title(unit, benchmark), scale=alt.Scale(domain=ys.domain, nice=False, zero=False))
    lines = alt.Chart(alt.Data(values=frontier)).mark_line(interpolate="step-after", strokeWidth=2.5).encode(
        x=x, y=y, color=_kind_color())
    dots = alt.Chart(alt.Data(values=models)).mark_point(filled=True, size=55).encode(x=x, y=y, color=_kind_color())
    obstacles = point_boxes([(xs(m["date"]), ys(m["score"])) for m in models])
    for kind in KIND_DOMAIN:
        obstacles += path_boxes([(xs(r["date"]), ys(r["score"])) for r in frontier if r["kind"] == kind], "step-after")
    ranked = sorted(last, key=lambda r: r["score"], reverse=True)
    texts, _ = _labels(ranked, x, y, "model", _kind_color(legend=False),
                       [(str(r["model"]), xs(r["date"]), ys(r["score"])) for r in ranked], obstacles, size)
    return _finish(alt.layer(lines, dots, *texts), size)


def lag_chart(rows: list[dict], size: Size = WIDE) -> dict:
    """lag(t) in months, one panel per benchmark (so no two lines hide each other): a point at each
    month end the metric computed it, joined by a thin line; rows: {date, benchmark, lag_months}."""
    benchmarks = list(dict.fromkeys(r["benchmark"] for r in rows))
    xs = TimeScale.around([r["date"] for r in rows], size.width)
    x = _time_x("date", xs, "month end")
    y = alt.Y("lag_months:Q", title="months behind", scale=alt.Scale(zero=True, nice=True),
              axis=alt.Axis(tickCount=3))
    base = alt.Chart()
    line = base.mark_line(strokeWidth=1, color="#999").encode(x=x, y=y)
    points = base.mark_point(filled=True, size=22 if size is PHONE else 28, color="#333").encode(x=x, y=y)
    chart = alt.layer(line, points, data=alt.Data(values=rows)).properties(width=size.width, height=70).facet(
        row=alt.Row("benchmark:N", sort=benchmarks, title=None,
                    header=alt.Header(labelAngle=0, labelAlign="left", labelAnchor="start", labelOrient="top",
                                      labelFontWeight="bold")))
    spec: dict = chart.resolve_scale(y="independent").to_dict(validate=False)
    spec["config"] = config(size)
    return spec


def price_chart(benchmark: str, unit: str | None, models: list[dict], frontier: list[dict],
                labels: list[dict], size: Size = WIDE) -> dict:
    """Score against log blended price, open and closed Pareto frontiers as lines, the cheapest
    open and closed model reaching the threshold labelled. Rows: {model, kind, score, price[, order]}."""
    xs = LogScale.around([r["price"] for r in models + frontier], size.width, flip=False)
    ys = LinearScale.around([r["score"] for r in models + frontier], size.height)
    price = alt.X("price:Q", title="blended price, USD per million tokens (log)",
                  scale=alt.Scale(type="log", domain=xs.domain, nice=False),
                  axis=alt.Axis(values=xs.ticks(size.font * 3.2), format="~g"))
    y = alt.Y("score:Q", title=unit_title(unit, benchmark), scale=alt.Scale(domain=ys.domain, nice=False, zero=False))
    dots = alt.Chart(alt.Data(values=models)).mark_point(filled=True, size=50, opacity=0.5).encode(
        x=price, y=y, color=_kind_color())
    line = alt.Chart(alt.Data(values=frontier)).mark_line(interpolate="step-after", strokeWidth=2).encode(
        x=price, y=y, color=_kind_color(), detail="kind:N", order="order:Q")
    obstacles = point_boxes([(xs(m["price"]), ys(m["score"])) for m in models])
    for kind in KIND_DOMAIN:
        side = sorted((r for r in frontier if r["kind"] == kind), key=lambda r: r.get("order", 0))
        obstacles += path_boxes([(xs(r["price"]), ys(r["score"])) for r in side], "step-after")
    texts, _ = _labels(labels, price, y, "model", _kind_color(legend=False),
                       [(str(r["model"]), xs(r["price"]), ys(r["score"])) for r in labels], obstacles, size)
    return _finish(alt.layer(dots, line, *texts), size)


def cost_trend_chart(rows: list[dict], last: list[dict], size: Size = WIDE) -> dict:
    """The cheapest price reaching a score per month, open and closed as separate lines (log);
    rows: {date, kind, price}; `last`: one per kind with `model`."""
    xs = TimeScale.around([r["date"] for r in rows], size.width)
    ys = LogScale.around([r["price"] for r in rows], size.height)
    x = _time_x("date", xs, "month", fmt="%b %Y")
    y = alt.Y("price:Q", title="USD per million tokens (log)", scale=alt.Scale(type="log", domain=ys.domain, nice=False),
              axis=alt.Axis(values=ys.ticks(size.font * 1.6), format="~g"))
    lines = alt.Chart(alt.Data(values=rows)).mark_line(point=True, interpolate="step-after", strokeWidth=2).encode(
        x=x, y=y, color=_kind_color())
    obstacles = point_boxes([(xs(r["date"]), ys(r["price"])) for r in rows])
    for kind in KIND_DOMAIN:
        obstacles += path_boxes([(xs(r["date"]), ys(r["price"])) for r in rows if r["kind"] == kind], "step-after")
    texts, _ = _labels(last, x, y, "model", _kind_color(legend=False),
                       [(str(r["model"]), xs(r["date"]), ys(r["price"])) for r in last], obstacles, size)
    return _finish(alt.layer(lines, *texts), size)


def hub_chart(monthly: list[dict], statements: list[dict], size: Size = WIDE) -> dict:
    """Models on the Hub: the docs' statements as points (a statement is a moment, not a level held
    until the next), the listing's cumulative count as a line (a floor); the newest statement
    labelled. Only series with data get a legend entry.

    `monthly` rows: {month, created, cumulative}; `statements` rows: {date, models_count, statement}.
    """
    domain, colours = [], []
    stated_rows = [{"date": s["date"], "models": s["models_count"], "statement": s["statement"],
                    "series": "Hub docs statement"} for s in statements]
    listed_rows = [{"date": m["month"], "models": m["cumulative"], "series": "listing, cumulative (a floor)"}
                   for m in monthly]
    if stated_rows:
        domain.append("Hub docs statement")
        colours.append("#d6604d")
    if listed_rows:
        domain.append("listing, cumulative (a floor)")
        colours.append("#4393c3")
    series = alt.Color("series:N", title=None, scale=alt.Scale(domain=domain, range=colours),
                       legend=alt.Legend(orient="top", direction="horizontal"))
    every = stated_rows + listed_rows
    xs = TimeScale.around([r["date"] for r in every], size.width)
    ys = LinearScale.around([float(r["models"]) for r in every], size.height, zero=True)
    x = _time_x("date", xs, "date")
    y = alt.Y("models:Q", title="models on the Hub", scale=alt.Scale(domain=ys.domain, nice=False),
              axis=alt.Axis(format="~s"))
    layers: list[Any] = []
    obstacles = point_boxes([(xs(r["date"]), ys(r["models"])) for r in stated_rows], radius=5)
    if listed_rows:
        layers.append(alt.Chart(alt.Data(values=listed_rows)).mark_line(strokeWidth=2).encode(x=x, y=y, color=series))
        obstacles += path_boxes([(xs(r["date"]), ys(r["models"])) for r in listed_rows])
    if stated_rows:
        layers.append(alt.Chart(alt.Data(values=stated_rows)).mark_point(filled=True, size=80).encode(
            x=x, y=y, color=series))
        newest = stated_rows[-1:]
        texts, _ = _labels(newest, x, y, "statement", alt.value("#222"),
                           [(str(r["statement"]), xs(r["date"]), ys(r["models"])) for r in newest], obstacles, size)
        layers += texts
    return _finish(alt.layer(*layers), size)


def hub_monthly_chart(monthly: list[dict], size: Size = WIDE) -> dict:
    """The listing's models created per month; rows: {month, created}."""
    return _finish(alt.Chart(alt.Data(values=monthly)).mark_bar(color="#4393c3").encode(
        x=alt.X("yearmonth(month):T", title="month created"),
        y=alt.Y("created:Q", title="models created")), size, height=size.height // 2)


def lineage_chart(rows: list[dict], size: Size = WIDE) -> dict:
    """Derivatives per base, stacked by relation; rows: {base, relation, models}."""
    spec: dict = alt.Chart(alt.Data(values=rows)).mark_bar().encode(
        y=alt.Y("base:N", title=None, sort="-x", axis=alt.Axis(labelLimit=150 if size is PHONE else 260)),
        x=alt.X("models:Q", title="derivative models (count)"),
        color=alt.Color("relation:N", title=None, legend=alt.Legend(orient="top", direction="horizontal",
                                                                    columns=3 if size is PHONE else 6)),
    ).properties(height=alt.Step(22), width=size.width - (120 if size is PHONE else 200)).to_dict(validate=False)
    spec["config"] = config(size)
    return spec


def contributors_chart(rows: list[dict], last: list[dict], size: Size = WIDE) -> dict:
    """Distinct authors per month per repository, each line labelled at its last month (a legend
    instead when a label finds no free place); rows: {month, repo, authors}."""
    xs = TimeScale.around([r["month"] for r in rows], size.width)
    ys = LinearScale.around([float(r["authors"]) for r in rows], size.height, zero=True)
    x = _time_x("month", xs, "month")
    y = alt.Y("authors:Q", title="distinct authors per month", scale=alt.Scale(domain=ys.domain, nice=False))
    obstacles: list[Obstacle] = []
    for repo in dict.fromkeys(r["repo"] for r in rows):
        obstacles += path_boxes([(xs(r["month"]), ys(r["authors"])) for r in rows if r["repo"] == repo])
    ranked = sorted(last, key=lambda r: r["authors"], reverse=True)
    texts, left_out = _labels(ranked, x, y, "repo", alt.Color("repo:N", legend=None), [
        (str(r["repo"]), xs(r["month"]), ys(r["authors"])) for r in ranked], obstacles, size)
    legend = alt.Legend(orient="top", direction="horizontal") if left_out else None
    lines = alt.Chart(alt.Data(values=rows)).mark_line(strokeWidth=2).encode(
        x=x, y=y, color=alt.Color("repo:N", title=None, legend=legend))
    return _finish(alt.layer(lines, *texts), size)


def warm_up() -> threading.Thread:
    """Start the renderer (its first drawing pays a one-off start-up) in the background, so that
    it overlaps the metric calls; join the thread before drawing."""
    spec = {"data": {"values": [{"x": 0}]}, "mark": "point", "encoding": {"x": {"field": "x", "type": "quantitative"}}}
    thread = threading.Thread(target=vl_convert.vegalite_to_svg, args=(json.dumps(spec),), daemon=True)
    thread.start()
    return thread


def render_svg(spec: dict, label: str, size: Size = WIDE) -> str:
    """Draw a Vega-Lite spec to an SVG string fit for inlining, with an accessible label and the
    class of its size (`op-chart-phone` / `op-chart-wide`: the page shows the one that fits).

    The renderer escapes every data string into text nodes; as a second line of defence the SVG is
    parsed and refused if it holds anything active (a script, a foreign object, an `on*` handler).
    """
    try:
        # every string escaped first: a NUL or ESC in a name aborts the renderer (domain/text.py)
        svg = vl_convert.vegalite_to_svg(json.dumps(chart_safe(spec), allow_nan=False, default=str))
    except (ValueError, RuntimeError) as exc:
        raise OpenpaceError(f"chart {label!r} could not be drawn: {str(exc).splitlines()[0]}") from None
    root = ET.fromstring(svg)
    for element in root.iter():
        tag = element.tag.removeprefix(_SVG_NS)
        if tag in _FORBIDDEN or any(name.lower().startswith("on") for name in element.attrib):
            raise OpenpaceError(f"chart {label!r}: the drawing holds active content <{tag}>; refused")
    head, rest = svg.split("<svg", 1)
    width = _WIDTH_ATTR.search(rest)  # shown no wider than drawn: the text keeps its drawn size
    style = f' style="max-width:{float(width.group(1)):.0f}px"' if width else ""
    return f'{head}<svg class="op-chart op-chart-{size.name}" role="img" aria-label="{attr(label)}"{style}{rest}'

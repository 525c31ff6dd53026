"""Altair (Vega-Lite) chart specs for the report, rendered to inline SVG with vl-convert.

The page carries no JavaScript: each chart is drawn here, at build time, into an SVG whose text
nodes the renderer escapes. Charts only draw what a metric function returned; they never compute
a figure of their own (a step line is a drawing of the frontier the metric gave).

Legibility rules: drawn at a phone's width and scaled (the SVG keeps its viewBox) so the labels
stay readable on a 390 px screen; large fonts; only the last point of each series is labelled
(the table beside every chart names the rest); every axis names its unit; the chart's title,
sources and data date are the figure's caption in the page, not text inside the drawing.
"""

from __future__ import annotations

import json
import re
import threading
import xml.etree.ElementTree as ET
from typing import Any, Literal

import altair as alt
import vl_convert

from ..domain.text import chart_safe
from ..errors import OpenpaceError
from .escape import attr

KIND_DOMAIN = ["open", "closed"]
KIND_RANGE = ["#1b7837", "#762a83"]  # green for open weights, purple for closed; readable in greyscale too
WIDTH = 400  # plot area; the page scales the drawing to the column (at most MAX_SCALE times this)
HEIGHT = 230
FONT = 14
MAX_SCALE = 1.25
_SVG_NS = "{http://www.w3.org/2000/svg}"
_FORBIDDEN = {"script", "foreignObject", "iframe", "object", "embed"}
_WIDTH_ATTR = re.compile(r'\swidth="([0-9.]+)"')

CONFIG: dict[str, Any] = {
    "axis": {"labelFontSize": FONT - 1, "titleFontSize": FONT, "titleFontWeight": "normal", "labelLimit": 180},
    "legend": {"labelFontSize": FONT - 1, "titleFontSize": FONT, "symbolSize": 120, "labelLimit": 260},
    "header": {"labelFontSize": FONT, "titleFontSize": FONT},
    "text": {"fontSize": FONT - 1},
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


def _finish(chart: Any, height: int = HEIGHT, width: int = WIDTH) -> dict:
    spec = chart.properties(width=width, height=height).to_dict(validate=False)
    spec["config"] = CONFIG
    return spec


def frontier_chart(benchmark: str, unit: str | None, frontier: list[dict], models: list[dict],
                   last: list[dict]) -> dict:
    """Open and closed best scores over time as step lines; dots at the frontier models; a label
    at each side's latest frontier model only.

    `frontier` rows: {date, kind, score}; `models` {date, kind, score, model}; `last` the same, one per side.
    """
    x = alt.X("date:T", title="release date", axis=alt.Axis(format="%Y", tickCount="year"))
    y = alt.Y("score:Q", title=unit_title(unit, benchmark), scale=alt.Scale(zero=False))
    lines = alt.Chart(alt.Data(values=frontier)).mark_line(interpolate="step-after", strokeWidth=2.5).encode(
        x=x, y=y, color=_kind_color())
    dots = alt.Chart(alt.Data(values=models)).mark_point(filled=True, size=55).encode(
        x="date:T", y="score:Q", color=_kind_color())
    # the higher of the two labels sits above its point, the lower one below: they never overlap
    ranked = sorted(last, key=lambda r: r["score"], reverse=True)
    layers = [lines, dots]
    placements: tuple[tuple[list[dict], int, Literal["bottom", "top"]], ...] = (
        (ranked[:1], -10, "bottom"), (ranked[1:], 10, "top"))
    for rows, dy, baseline in placements:
        if rows:
            layers.append(alt.Chart(alt.Data(values=rows)).mark_text(
                align="right", dx=-6, dy=dy, baseline=baseline, fontWeight="bold").encode(
                x="date:T", y="score:Q", text="model:N", color=_kind_color(legend=False)))
    return _finish(alt.layer(*layers))


def lag_chart(rows: list[dict]) -> dict:
    """lag(t) in months, one panel per benchmark (so no two lines hide each other);
    rows: {date, benchmark, lag_months}."""
    benchmarks = list(dict.fromkeys(r["benchmark"] for r in rows))
    base = alt.Chart(alt.Data(values=rows)).mark_line(strokeWidth=2, color="#444").encode(
        x=alt.X("date:T", title="month end", axis=alt.Axis(format="%Y", tickCount="year")),
        y=alt.Y("lag_months:Q", title="months behind"))
    chart = base.properties(width=WIDTH, height=70).facet(
        row=alt.Row("benchmark:N", sort=benchmarks, title=None,
                    header=alt.Header(labelAngle=0, labelAlign="left", labelAnchor="start", labelOrient="top",
                                      labelFontWeight="bold")))
    spec = chart.resolve_scale(y="independent").to_dict(validate=False)
    spec["config"] = CONFIG
    return spec


def price_chart(benchmark: str, unit: str | None, models: list[dict], frontier: list[dict],
                labels: list[dict]) -> dict:
    """Score against log blended price, open and closed Pareto frontiers as lines, the cheapest
    open and closed model reaching the threshold labelled. Rows: {model, kind, score, price[, order]}."""
    price = alt.X("price:Q", title="blended price, USD per million tokens (log scale)", scale=alt.Scale(type="log"))
    y = alt.Y("score:Q", title=unit_title(unit, benchmark), scale=alt.Scale(zero=False))
    dots = alt.Chart(alt.Data(values=models)).mark_point(filled=True, size=50, opacity=0.5).encode(
        x=price, y=y, color=_kind_color())
    line = alt.Chart(alt.Data(values=frontier)).mark_line(interpolate="step-after", strokeWidth=2).encode(
        x=price, y="score:Q", color=_kind_color(), detail="kind:N", order="order:Q")
    # the open model (cheaper) labelled to its left, the closed one to its right: they never collide
    def label(kind: str, align: Literal["left", "right"], dx: int) -> alt.Chart:
        return alt.Chart(alt.Data(values=[r for r in labels if r["kind"] == kind])).mark_text(
            align=align, dx=dx, dy=-10, fontWeight="bold").encode(x=price, y="score:Q", text="model:N",
                                                                 color=_kind_color(legend=False))

    return _finish(alt.layer(dots, line, label("open", "right", -4), label("closed", "left", 4)))


def cost_trend_chart(rows: list[dict], last: list[dict]) -> dict:
    """The cheapest price reaching a score per month, open and closed as separate lines (log);
    rows: {date, kind, price}; `last`: one per kind with `model`."""
    y = alt.Y("price:Q", title="USD per million tokens (log scale)", scale=alt.Scale(type="log"))
    x = alt.X("date:T", title="month", axis=alt.Axis(format="%b %Y", labelOverlap=True, tickCount=5))
    lines = alt.Chart(alt.Data(values=rows)).mark_line(point=True, interpolate="step-after", strokeWidth=2).encode(
        x=x, y=y, color=_kind_color())
    text = alt.Chart(alt.Data(values=last)).mark_text(align="right", dx=-6, dy=-10, fontWeight="bold").encode(
        x="date:T", y=y, text="model:N", color=_kind_color(legend=False))
    return _finish(lines + text)


def hub_chart(monthly: list[dict], statements: list[dict]) -> dict:
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
    x = alt.X("date:T", title="date", axis=alt.Axis(format="%Y", tickCount="year"))
    y = alt.Y("models:Q", title="models on the Hub", axis=alt.Axis(format="~s"))
    layers: list[Any] = []
    if listed_rows:
        layers.append(alt.Chart(alt.Data(values=listed_rows)).mark_line(strokeWidth=2).encode(x=x, y=y, color=series))
    if stated_rows:
        stated = alt.Chart(alt.Data(values=stated_rows))
        layers += [stated.mark_point(filled=True, size=80).encode(x=x, y=y, color=series),
                   alt.Chart(alt.Data(values=stated_rows[-1:])).mark_text(
                       align="right", dx=-8, dy=-4, fontWeight="bold").encode(x="date:T", y="models:Q",
                                                                            text="statement:N")]
    return _finish(alt.layer(*layers))


def hub_monthly_chart(monthly: list[dict]) -> dict:
    """The listing's models created per month; rows: {month, created}."""
    return _finish(alt.Chart(alt.Data(values=monthly)).mark_bar(color="#4393c3").encode(
        x=alt.X("yearmonth(month):T", title="month created"),
        y=alt.Y("created:Q", title="models created")), height=HEIGHT // 2)


def lineage_chart(rows: list[dict]) -> dict:
    """Derivatives per base, stacked by relation; rows: {base, relation, models}."""
    return _finish(alt.Chart(alt.Data(values=rows)).mark_bar().encode(
        y=alt.Y("base:N", title=None, sort="-x", axis=alt.Axis(labelLimit=150)),
        x=alt.X("models:Q", title="derivative models (count)"),
        color=alt.Color("relation:N", title=None, legend=alt.Legend(orient="top", direction="horizontal")),
    ), height=alt.Step(22), width=WIDTH - 120)  # type: ignore[arg-type]


def contributors_chart(rows: list[dict], last: list[dict]) -> dict:
    """Distinct authors per month per repository, each line labelled at its last month;
    rows: {month, repo, authors}."""
    x = alt.X("month:T", title="month", axis=alt.Axis(format="%Y", tickCount="year"))
    y = alt.Y("authors:Q", title="distinct authors per month")
    color = alt.Color("repo:N", title=None, legend=None)
    lines = alt.Chart(alt.Data(values=rows)).mark_line(strokeWidth=2).encode(x=x, y=y, color=color)
    text = alt.Chart(alt.Data(values=last)).mark_text(align="right", dx=-4, dy=-9, fontWeight="bold").encode(
        x="month:T", y="authors:Q", text="repo:N", color=color)
    return _finish(lines + text)


def warm_up() -> threading.Thread:
    """Start the renderer (its first drawing pays a one-off start-up) in the background, so that
    it overlaps the metric calls; join the thread before drawing."""
    spec = {"data": {"values": [{"x": 0}]}, "mark": "point", "encoding": {"x": {"field": "x", "type": "quantitative"}}}
    thread = threading.Thread(target=vl_convert.vegalite_to_svg, args=(json.dumps(spec),), daemon=True)
    thread.start()
    return thread


def render_svg(spec: dict, label: str) -> str:
    """Draw a Vega-Lite spec to an SVG string fit for inlining, with an accessible label; the page
    scales it to the column's width (at most MAX_SCALE times its drawn size).

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
    width = _WIDTH_ATTR.search(rest)
    style = f' style="max-width:{float(width.group(1)) * MAX_SCALE:.0f}px"' if width else ""
    return f'{head}<svg class="op-chart" role="img" aria-label="{attr(label)}"{style}{rest}'

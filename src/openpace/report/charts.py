"""Altair (Vega-Lite) chart specs for the report, rendered to inline SVG with vl-convert.

The page carries no JavaScript: each chart is drawn here, at build time, into an SVG whose text
nodes the renderer escapes. Charts only draw what a metric function returned; they never compute
a figure of their own (a step line is a drawing of the frontier the metric gave).
"""

from __future__ import annotations

import json
import threading
import xml.etree.ElementTree as ET
from typing import Any

import altair as alt
import vl_convert

from ..domain.text import chart_safe
from ..errors import OpenpaceError
from .escape import attr

KIND_DOMAIN = ["open", "closed"]
KIND_RANGE = ["#1b7837", "#762a83"]  # green for open weights, purple for closed; readable in greyscale too
WIDTH = 560
HEIGHT = 240
_SVG_NS = "{http://www.w3.org/2000/svg}"
_FORBIDDEN = {"script", "foreignObject", "iframe", "object", "embed"}


def _kind_color(title: str | None = None) -> alt.Color:
    return alt.Color("kind:N", scale=alt.Scale(domain=KIND_DOMAIN, range=KIND_RANGE), title=title,
                     legend=alt.Legend(orient="top-left"))


def frontier_chart(benchmark: str, frontier: list[dict], labels: list[dict], unit: str) -> dict:
    """Open and closed best scores over time as step lines, the frontier models labelled.

    `frontier` rows: {date, kind, score}; `labels` rows: {date, kind, score, model}.
    """
    y_title = {"elo": "Elo", "percent": "score (%)"}.get(unit, "score")
    base = alt.Chart(alt.Data(values=frontier))
    lines = base.mark_line(interpolate="step-after", strokeWidth=2).encode(
        x=alt.X("date:T", title=None), y=alt.Y("score:Q", title=y_title, scale=alt.Scale(zero=False)),
        color=_kind_color())
    marks = alt.Chart(alt.Data(values=labels))
    dots = marks.mark_point(filled=True, size=40).encode(x="date:T", y="score:Q", color=_kind_color())
    text = marks.mark_text(align="left", dx=5, dy=-6, fontSize=9).encode(
        x="date:T", y="score:Q", text="model:N", color=_kind_color())
    return (lines + dots + text).properties(title=f"{benchmark}: best open and closed score", width=WIDTH,
                                           height=HEIGHT).to_dict(validate=False)


def lag_chart(rows: list[dict]) -> dict:
    """lag(t) in months per benchmark; rows: {date, benchmark, lag_months}."""
    return alt.Chart(alt.Data(values=rows)).mark_line(strokeWidth=1.5).encode(
        x=alt.X("date:T", title=None), y=alt.Y("lag_months:Q", title="open behind closed (months)"),
        color=alt.Color("benchmark:N", title=None, legend=alt.Legend(orient="bottom", columns=2)),
    ).properties(title="Frontier lag over time, lag(t)", width=WIDTH, height=HEIGHT).to_dict(validate=False)


def price_chart(benchmark: str, models: list[dict], frontier: list[dict]) -> dict:
    """Score against log blended price, open and closed Pareto frontiers as lines.

    `models` rows: {model, kind, score, price}; `frontier` rows: {model, kind, score, price, order}.
    """
    price = alt.X("price:Q", title="blended price, USD per million tokens (log)", scale=alt.Scale(type="log"))
    dots = alt.Chart(alt.Data(values=models)).mark_point(filled=True, size=35, opacity=0.55).encode(
        x=price, y=alt.Y("score:Q", title=f"{benchmark} score", scale=alt.Scale(zero=False)),
        color=_kind_color(), tooltip=["model:N", "price:Q", "score:Q"])
    front = alt.Chart(alt.Data(values=frontier))
    line = front.mark_line(interpolate="step-after", strokeWidth=2).encode(
        x=price, y="score:Q", color=_kind_color(), detail="kind:N", order="order:Q")
    text = front.mark_text(align="left", dx=5, dy=-6, fontSize=9).encode(x=price, y="score:Q", text="model:N",
                                                                          color=_kind_color())
    return (dots + line + text).properties(title=f"Price against {benchmark} score, Pareto frontiers",
                                           width=WIDTH, height=HEIGHT).to_dict(validate=False)


def cost_trend_chart(title: str, points: list[dict], fit: list[dict]) -> dict:
    """Cheapest price reaching a score per month (log), with the fitted trend; rows: {date, price[, model]}."""
    y = alt.Y("price:Q", title="USD per million tokens (log)", scale=alt.Scale(type="log"))
    dots = alt.Chart(alt.Data(values=points)).mark_line(point=True, interpolate="step-after").encode(
        x=alt.X("date:T", title=None, axis=alt.Axis(format="%b %Y", labelOverlap=True)), y=y)
    layers: Any = dots
    if fit:
        layers = dots + alt.Chart(alt.Data(values=fit)).mark_line(strokeDash=[4, 3], color="#888").encode(
            x="date:T", y=y)
    return layers.properties(title=title, width=WIDTH, height=HEIGHT).to_dict(validate=False)


def hub_chart(monthly: list[dict], statements: list[dict]) -> dict:
    """Models on the Hub: the listing's cumulative count (a floor) beside the docs' statements, on one
    axis but never blended; below, the listing's models created per month.

    `monthly` rows: {month, created, cumulative}; `statements` rows: {date, models_count, statement}.
    """
    y = alt.Y("models:Q", title="models on the Hub")
    series = alt.Color("series:N", title=None, legend=alt.Legend(orient="top-left"),
                       scale=alt.Scale(domain=["docs statement", "listing, cumulative"], range=["#d6604d", "#4393c3"]))
    stated_rows = [{"date": s["date"], "models": s["models_count"], "statement": s["statement"],
                    "series": "docs statement"} for s in statements]
    listed_rows = [{"date": m["month"], "models": m["cumulative"], "series": "listing, cumulative"} for m in monthly]
    layers = []
    if stated_rows:
        stated = alt.Chart(alt.Data(values=stated_rows))
        layers += [stated.mark_line(interpolate="step-after", point=True).encode(x=alt.X("date:T", title=None), y=y,
                                                                                  color=series),
                   stated.mark_text(align="left", dx=5, dy=-7, fontSize=9).encode(x="date:T", y=y, text="statement:N")]
    if listed_rows:
        layers.append(alt.Chart(alt.Data(values=listed_rows)).mark_line().encode(
            x=alt.X("date:T", title=None), y=y, color=series))
    top = alt.layer(*layers).properties(title="Models on the Hugging Face Hub", width=WIDTH, height=HEIGHT)
    if not monthly:
        return top.to_dict(validate=False)
    bars = alt.Chart(alt.Data(values=[{"date": m["month"], "created": m["created"]} for m in monthly])).mark_bar(
        color="#4393c3").encode(x=alt.X("yearmonth(date):T", title=None), y=alt.Y("created:Q", title="created per month"),
    ).properties(title="Listing: models created per month", width=WIDTH, height=HEIGHT // 2)
    return alt.vconcat(top, bars).to_dict(validate=False)


def lineage_chart(rows: list[dict]) -> dict:
    """Derivatives per base within a window, stacked by relation; rows: {base, relation, models}."""
    return alt.Chart(alt.Data(values=rows)).mark_bar().encode(
        y=alt.Y("base:N", title=None, sort="-x"), x=alt.X("models:Q", title="derivative models"),
        color=alt.Color("relation:N", title=None, legend=alt.Legend(orient="bottom")),
    ).properties(title="Derivatives of the top base models, by relation (all time)", width=WIDTH - 120).to_dict(validate=False)


def contributors_chart(rows: list[dict]) -> dict:
    """Distinct authors per month per repository; rows: {month, repo, authors}."""
    return alt.Chart(alt.Data(values=rows)).mark_line(strokeWidth=1.5).encode(
        x=alt.X("month:T", title=None), y=alt.Y("authors:Q", title="distinct authors per month"),
        color=alt.Color("repo:N", title=None, legend=alt.Legend(orient="bottom")),
    ).properties(title="Contributors per month", width=WIDTH, height=HEIGHT).to_dict(validate=False)


def warm_up() -> threading.Thread:
    """Start the renderer (its first drawing pays a one-off start-up) in the background, so that
    it overlaps the metric calls; join the thread before drawing."""
    spec = {"data": {"values": [{"x": 0}]}, "mark": "point", "encoding": {"x": {"field": "x", "type": "quantitative"}}}
    thread = threading.Thread(target=vl_convert.vegalite_to_svg, args=(json.dumps(spec),), daemon=True)
    thread.start()
    return thread


def render_svg(spec: dict, label: str) -> str:
    """Draw a Vega-Lite spec to an SVG string fit for inlining, with an accessible label.

    The renderer escapes every data string into text nodes; as a second line of defence the SVG is
    parsed and refused if it holds anything active (a script, a foreign object, an `on*` handler).
    """
    try:
        # every string escaped first: a NUL or ESC in a name aborts the renderer (domain/text.py)
        svg = vl_convert.vegalite_to_svg(json.dumps(chart_safe(spec), allow_nan=False))
    except (ValueError, RuntimeError) as exc:
        raise OpenpaceError(f"chart {label!r} could not be drawn: {str(exc).splitlines()[0]}") from None
    root = ET.fromstring(svg)
    for element in root.iter():
        tag = element.tag.removeprefix(_SVG_NS)
        if tag in _FORBIDDEN or any(name.lower().startswith("on") for name in element.attrib):
            raise OpenpaceError(f"chart {label!r}: the drawing holds active content <{tag}>; refused")
    head, rest = svg.split("<svg", 1)
    return f'{head}<svg class="op-chart" role="img" aria-label="{attr(label)}"{rest}'

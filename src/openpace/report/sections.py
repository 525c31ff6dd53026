"""The report's sections as HTML fragments: each takes what a metric returned, formats it,
escapes every string, and draws its charts. Nothing here computes a figure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..domain import formatting
from . import charts
from .build import Gathered, Missing, stale
from .escape import text as h


@dataclass
class Fragment:
    """One section: its HTML and the number of charts drawn in it."""

    key: str
    title: str
    html: str
    charts: int = 0
    has_data: bool = True
    notes: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- formatting
# One rule per kind of number, shared with the terminal (openpace.domain.formatting)
num = formatting.number


def usd(value: Any) -> str:
    """A price in USD per million tokens, as everywhere ($4.375, $0.2625)."""
    return formatting.usd_per_mtok(value, symbol=True)


def money(value: Any) -> str:
    """A money amount ($1,234.50)."""
    return formatting.usd(value, symbol=True)


def code_spans(escaped: str) -> str:
    """`command` in already-escaped text becomes <code>command</code> (the content stays escaped)."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", escaped)


def missing_html(missing: Missing) -> str:
    """The notice shown instead of an empty chart: what is missing and how to get it."""
    return (f'<div class="op-missing"><p>{code_spans(h(missing.what))}</p>'
            f'<p>How to get it: {code_spans(h(missing.how))}.</p></div>')


def table(head: list[str], rows: list[list[str]]) -> str:
    """An HTML table of plain strings, every cell escaped."""
    body = "".join("<tr>" + "".join(f"<td>{h(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table><thead><tr>{"".join(f"<th>{h(c)}</th>" for c in head)}</tr></thead><tbody>{body}</tbody></table>'


def chart(spec: dict, label: str) -> str:
    return f'<figure class="op-figure">{charts.render_svg(spec, label)}</figure>'


# --------------------------------------------------------------------------- parity
def lag_text(headline: dict | None) -> str:
    """`lag_months` (with `at_least`) of a parity headline or overview row."""
    if not headline or headline.get("lag_months") is None:
        return "–"
    prefix = "at least " if headline.get("at_least") else ""
    return f"{prefix}{num(headline['lag_months'])} months"


def ci_text(headline: dict | None) -> str:
    ci = (headline or {}).get("ci90")
    if not ci or ci[0] is None or ci[1] is None:
        return "no interval"
    return f"90% interval {num(ci[0])} to {num(ci[1])} months"


def parity_section(g: Gathered) -> Fragment:
    title = "Parity: how far open models trail the closed frontier"
    if isinstance(g.parity, Missing):
        return Fragment("parity", title, missing_html(g.parity), has_data=False)
    rows = []
    for row in g.parity:
        digits = 0 if row.get("unit") == "elo" else 1
        gap = (f"{num(row.get('gap_points'), digits)} ({row.get('closed_model') or '–'} "
               f"{num(row.get('closed_best'), digits)} vs {row.get('open_model') or '–'} "
               f"{num(row.get('open_best'), digits)})")
        rows.append([row["benchmark"] + (" †" if stale(row) else ""), lag_text(row), ci_text(row),
                     num(row.get("open_leads_days"), 0), gap,
                     f"{num(row.get('open_models'), 0)} / {num(row.get('closed_models'), 0)}",
                     f"{row.get('basis') or 'mixed'}: " + ", ".join(row.get("sources") or [])])
    window = g.parity[0].get("window_months")
    parts = [f"<p>Lag (method <code>horizon</code>, as Epoch AI measures it): for each day of the {h(num(window, 0))} "
             "months to the as-of date, how long before a closed model had first reached the best open score of "
             "that day, averaged over the window; days on which no closed model had reached it count as days open "
             "led. Gap: best closed score minus best open score. Sorted by lag.</p>",
             table(["benchmark", "lag", "interval", "days open led", "score gap (closed vs open)",
                    "models open / closed", "score basis: sources"], rows)]
    if any(stale(r) for r in g.parity):
        parts.append('<p class="op-note">† No model released in the window: the lag there grows with the calendar, '
                     "not with the data; pass an earlier <code>--as-of</code> (e.g. the end of that benchmark's "
                     "data).</p>")
    n = 0
    lag_rows: list[dict] = []
    for benchmark, detail in g.parity_details.items():
        frontier, labels = frontier_rows(detail)
        if frontier:
            unit = next((r.get("unit") for r in g.parity if r["benchmark"] == benchmark), None) or "other"
            parts.append(chart(charts.frontier_chart(benchmark, frontier, labels, unit),
                               f"{benchmark}: best open and closed scores over time"))
            n += 1
        lag_rows += [{"date": t["date"], "benchmark": benchmark, "lag_months": t["lag_months"]}
                     for t in detail.get("timeline") or [] if t.get("lag_months") is not None]
    if lag_rows:
        parts.append(chart(charts.lag_chart(lag_rows), "Frontier lag over time per benchmark"))
        n += 1
    if len(g.parity) > len(g.parity_details):
        parts.append(f'<p class="op-note">Charts for {len(g.parity_details)} benchmarks: current ones first (a model '
                     "released in the window), then those with the most models on their smaller side; "
                     "<code>openpace parity --benchmark B --timeline</code> gives any other.</p>")
    return Fragment("parity", title, "".join(parts), n)


def frontier_rows(detail: dict) -> tuple[list[dict], list[dict]]:
    """Step-line rows (only where a frontier moves, and the last day) and model labels."""
    frontier: list[dict] = []
    timeline = detail.get("timeline") or []
    for kind, key in (("open", "open_best"), ("closed", "closed_best")):
        last = None
        for i, t in enumerate(timeline):
            value = t.get(key)
            if value is not None and (value != last or i == len(timeline) - 1):
                frontier.append({"date": t["date"], "kind": kind, "score": value})
                last = value
    labels: list[dict] = []
    seen: set[tuple[str, str]] = set()
    for p in detail.get("points") or []:
        for kind in ("closed", "open"):
            model = p.get(f"{kind}_model")
            if model and (kind, model) not in seen and p.get(f"{kind}_date") is not None:
                seen.add((kind, model))
                labels.append({"date": str(p[f"{kind}_date"]), "kind": kind, "score": p[f"{kind}_score"],
                               "model": model})
    return frontier, labels


# --------------------------------------------------------------------------- prices
def prices_section(g: Gathered) -> Fragment:
    title = "Price-performance: what a score costs, open and closed"
    p = g.prices
    if not isinstance(p, dict):
        return Fragment("prices", title, missing_html(p or Missing("No prices.", "Run `openpace refresh`")),
                        has_data=False)
    scatter = g.price_scatter if isinstance(g.price_scatter, dict) else p
    bench = p.get("benchmark")
    parts = [f"<p>Blended price = ({h(p.get('blend'))} input:output) USD per million tokens; closed models at "
             "their first-party price, open models at the median over hosts (the cheapest host beside it). "
             f"Threshold: {h(bench)} score at least {h(num(p.get('min_score')))} "
             "(the best open score on that benchmark now).</p>"]
    rows = []
    for kind in ("open", "closed"):
        c = p.get(f"cheapest_{kind}")
        if c:
            rows.append([kind, c.get("display_name") or c["model"], num(c.get("score")), usd(c["blended_usd_per_mtok"]),
                         c.get("provider") or "–", c.get("price_basis") or "–", ", ".join(c.get("catalogues") or [])])
    if rows:
        parts.append(table(["cheapest", "model", "score", "blended", "provider", "basis", "catalogues"], rows))
    if p.get("ratio") is not None:
        parts.append(f"<p>Closed costs <strong>{h(formatting.ratio(p['ratio']))}</strong> the open price at this "
                     "score.</p>")
    n = 0
    models, front = price_rows(scatter)
    if models:
        parts.append(chart(charts.price_chart(scatter.get("benchmark") or "benchmark", models, front),
                           f"{scatter.get('benchmark')} score against blended price"))
        n += 1
    trend = g.cost_trend
    if isinstance(trend, dict):
        body, drawn = trend_html(trend)
        parts.append(body)
        n += drawn
    elif isinstance(trend, Missing):
        parts.append(missing_html(trend))
    return Fragment("prices", title, "".join(parts), n)


def price_rows(p: dict) -> tuple[list[dict], list[dict]]:
    """Scatter rows for scored, priced models of known openness, and the Pareto fronts in order."""
    by_id = {m["model"]: m for m in p.get("models") or []}
    models = [{"model": m.get("display_name") or m["model"], "kind": "open" if m["open_weights"] else "closed",
               "score": m["score"], "price": m["blended_usd_per_mtok"]}
              for m in by_id.values() if m.get("score") is not None and m.get("open_weights") is not None
              and (m.get("blended_usd_per_mtok") or 0) > 0]
    front = []
    for kind in ("open", "closed"):
        for i, mid in enumerate((p.get("pareto") or {}).get(kind) or []):
            m = by_id.get(mid)
            if m and (m.get("blended_usd_per_mtok") or 0) > 0:
                front.append({"model": m.get("display_name") or mid, "kind": kind, "score": m["score"],
                              "price": m["blended_usd_per_mtok"], "order": i})
    return models, front


def decline_text(fit: dict | None, with_value: bool = True) -> str:
    """A trend fit's decline factor per year with its interval, or why there is no fit."""
    if not fit or fit.get("decline_factor_per_year") is None:
        return (fit or {}).get("reason") or "no fit"
    lo, hi = fit.get("interval") or (None, None)
    value = f"{decline_value(fit)} " if with_value else ""
    return f"{value}(90% interval {formatting.ratio(lo)} to {formatting.ratio(hi)}; {fit['n']} observed months)"


def decline_value(fit: dict) -> str:
    """The decline factor per year as the metric gives it (price a year earlier / price now)."""
    factor = fit["decline_factor_per_year"]
    # the metric's verdict reads the interval: one that includes 1x is no clear trend
    note = {"falling": "cheaper each year", "rising": "prices rose"}.get(fit.get("verdict") or "", "no clear trend")
    return f"{formatting.ratio(factor)} per year ({note})"


def trend_html(t: dict) -> tuple[str, int]:
    """The cost-to-reach-a-score trend: its fit per group and the monthly cheapest price."""
    rows = [[label, decline_text(t.get(key))] for label, key in (("all models", "fit"), ("open", "fit_open"),
                                                                  ("closed", "fit_closed"))]
    html = (f"<h3>Cost to reach {h(t.get('benchmark'))} &ge; {h(num(t.get('min_score')))}</h3>"
            + table(["models", "decline factor of the cheapest price per year"], rows))
    series = [{"date": str(s["date"]), "price": s["cheapest_usd_per_mtok"]} for s in t.get("series") or []
              if (s.get("cheapest_usd_per_mtok") or 0) > 0]
    if not series:
        return html, 0
    title = f"Cheapest price of a model scoring at least {num(t.get('min_score'))} on {t.get('benchmark')}"
    return html + chart(charts.cost_trend_chart(title, series, []), title), 1


# --------------------------------------------------------------------------- ecosystem
def ecosystem_section(g: Gathered) -> Fragment:
    title = "Ecosystem: the Hub, derivatives, contributors"
    parts: list[str] = []
    n = 0
    any_data = False
    for label, value, draw in (("Hub growth", g.hub, hub_html), ("Derivative velocity", g.lineage, lineage_html),
                               ("Contributors", g.contributors, contributors_html)):
        parts.append(f"<h3>{h(label)}</h3>")
        if isinstance(value, dict):
            body, drawn = draw(value)
            parts.append(body)
            n += drawn
            any_data = True
        else:
            parts.append(missing_html(value or Missing(f"No {label.lower()} data.", "Run `openpace refresh`")))
    if g.as_of is not None and any_data:
        parts.insert(0, f'<p class="op-note">Cut at the as-of date ({h(g.as_of.isoformat())}): docs statements '
                        "first seen and listed models created by then (the listing was observed later, so these "
                        "counts are floors), derivatives declared by then, and contributor months that had ended "
                        "by then.</p>")
    return Fragment("ecosystem", title, "".join(parts), n, has_data=any_data)


def hub_html(d: dict) -> tuple[str, int]:
    """Models created per month in the listing (when there is one) beside the docs' statements."""
    parts = []
    statements = d.get("statements") or []
    monthly = [{**m, "month": f"{m['month']}-01"} for m in d.get("monthly") or []]
    if not monthly:
        parts.append(missing_html(Missing("No Hub listing in the warehouse: only the Hub docs' own statements are shown.",
                                          d.get("message") or "Run `openpace refresh --source hf_hub`")))
    else:
        listing = d.get("listing") or {}
        parts.append(f"<p>{h(num(d.get('models')))} models in the listing ({h(', '.join(listing.get('origins') or []))},"
                     f" observed {h(listing.get('observed'))}); a past month's count is a floor: deleted and private "
                     "models are not listed.</p>")
    if statements:
        rows = [[s["date"], s["statement"], num(s["models_count"]), num(s.get("listing_created_by_then")),
                 s.get("origin") or "–"] for s in statements]
        parts.append(table(["first seen in the docs", "statement", "models", "listing by then", "origin"], rows))
    if not monthly and not statements:
        return "".join(parts), 0
    spec = charts.hub_chart(monthly, statements)
    return "".join(parts) + chart(spec, "Hugging Face Hub growth"), 1


def lineage_html(d: dict) -> tuple[str, int]:
    """Derivative counts of the top bases: windows in a table, relations in a chart."""
    bases = d.get("bases") or []
    if not bases:
        return missing_html(Missing("No base model has derivatives in the Hub listing.",
                                    "Run `openpace refresh --source hf_hub`")), 0
    rows = []
    bars = []
    for b in bases:
        c = b.get("derivatives") or {}
        rows.append([b["model"], b.get("created") or "not listed", num(c.get("within_7d")), num(c.get("within_30d")),
                     num(c.get("within_90d")), num(c.get("within_30d_excl_quantized")), num(c.get("total"))])
        bars += [{"base": b["model"], "relation": rel, "models": n} for rel, n in (c.get("by_relation") or {}).items()
                 if n]
    html = ("<p>Hub models declaring the base directly as <code>base_model</code>, created within 7, 30 and 90 "
            "days of the base; the headline column leaves quantizations out.</p>"
            + table(["base", "created", "7 days", "30 days", "90 days", "30 days, no quantized", "all time"], rows))
    if not bars:
        return html, 0
    return html + chart(charts.lineage_chart(bars), "Derivatives of the top base models by relation"), 1


def contributors_html(d: dict) -> tuple[str, int]:
    """Per repository: totals and the last 12 months against the 12 before; authors per month."""
    rows, series = [], []
    for repo in d.get("repos") or []:
        s = repo.get("summary") or {}
        last, prior = s.get("last_12m") or {}, s.get("prior_12m") or {}
        rows.append([repo["repo"], f"{s.get('first_month')} to {s.get('last_month')}", num(s.get("commits")),
                     num(s.get("authors")), num(s.get("peak_month_authors")),
                     f"{num(last.get('first_time_authors'))} vs {num(prior.get('first_time_authors'))}",
                     f"{num(last.get('commits'))} vs {num(prior.get('commits'))}", repo.get("origin") or "–"])
        series += [{"month": f"{m['month']}-01", "repo": repo["repo"], "authors": m["distinct_authors"]}
                   for m in repo.get("months") or []]
    html = ("<p>Counts from the repositories' git history (no names kept). The last 12 months end at each "
            "repository's latest month in the data.</p>"
            + table(["repository", "months", "commits", "authors", "peak authors in a month",
                     "first-time authors, last 12 months vs prior 12", "commits, last 12 vs prior 12", "origin"], rows))
    if not series:
        return html, 0
    return html + chart(charts.contributors_chart(series), "Distinct authors per month per repository"), 1


# --------------------------------------------------------------------------- TCO
def tco_section(g: Gathered) -> Fragment:
    title = "TCO example: self-hosting against an API"
    t = g.tco
    if not isinstance(t, dict):
        return Fragment("tco", title, missing_html(t or Missing("No TCO example.", "Run `openpace tco --help`")),
                        has_data=False)
    inputs = t.get("inputs") or {}
    rows = [[k.replace("_", " "), num(v, 2)] for k, v in inputs.items() if v is not None]
    api = t.get("compare_to") or {}
    out = [["self-hosting, USD per million tokens", usd(t.get("self_host_usd_per_mtok"))],
           [f"API: {api.get('display_name') or api.get('asked') or '–'}", usd(t.get("api_usd_per_mtok"))],
           ["monthly self-hosting", money(t.get("monthly_self_host_usd"))],
           ["monthly API", money(t.get("monthly_api_usd"))],
           ["break-even, tokens per month", num(t.get("break_even_monthly_tokens"), 0)],
           [f"savings over {num(inputs.get('months'), 0)} months", money(t.get("savings_usd"))]]
    html = ("<p>Inputs are the reader's own (hardware is never assumed); the API price comes from the "
            "warehouse.</p>" + table(["input", "value"], rows) + table(["result", "value"], out))
    if t.get("break_even_note"):
        html += f'<p class="op-note">{h(t["break_even_note"])}</p>'
    return Fragment("tco", title, html)

"""The ecosystem and TCO sections: Hub growth, derivatives, contributors, and the TCO example."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any

from ..domain import formatting
from .build import Gathered, Missing
from .sections import figure, money, notice, num, shown, usd
from . import charts
from .view import Section, Table, source_titles


def observed_date(value: Any, cut: date | None) -> str | None:
    """The date a listing was observed (the newest of several), no later than the as-of cut."""
    days = [str(v)[:10] for v in (value if isinstance(value, list) else [value]) if v]
    if not days:
        return None
    newest = max(days)
    return min(newest, cut.isoformat()) if cut else newest


def ecosystem_section(g: Gathered) -> Section:
    s = Section("ecosystem", "Ecosystem: the Hub, derivatives, contributors")
    if g.as_of is not None:
        s.add("note", f"Cut at {g.as_of.isoformat()}: docs statements first seen and listed models created by then "
                      "(the listing was observed later, so these counts are floors), derivatives declared by then, "
                      "and contributor months that had ended by then.")
    any_data = False
    for label, value, draw in (("Hub growth", g.hub, hub_blocks), ("Derivative velocity", g.lineage, lineage_blocks),
                               ("Contributors", g.contributors, contributors_blocks)):
        s.add("h3", label)
        if isinstance(value, dict):
            draw(s, value, g.as_of)
            any_data = True
        else:
            s.add("notice", notice(value, Missing(f"No {label.lower()} data.", "Run `openpace refresh`")))
    s.has_data = any_data
    return s


def hub_blocks(s: Section, d: dict, cut: date | None) -> None:
    """The docs' statements (points) beside the listing's cumulative count and models per month."""
    statements = d.get("statements") or []
    monthly = [{**m, "month": f"{m['month']}-01"} for m in d.get("monthly") or []]
    listing = d.get("listing") or {}
    if not monthly:
        s.add("notice", notice(None, Missing("No Hub listing in the warehouse: only the Hub docs' own statements "
                                             "are shown.", d.get("message") or "Run `openpace refresh --source hf_hub`")))
    else:
        s.add("prose", f"{num(d.get('models'))} models in the listing (observed "
                       f"{observed_date(listing.get('observed'), None)}); a past "
                       "month's count is a floor: deleted and private models are not listed.")
    if statements:
        rows = [[x["date"], x["statement"], num(x["models_count"]), num(x.get("listing_created_by_then"))]
                for x in statements]
        s.add("table", Table("Hub docs statements", ["first seen in the docs", "statement", "models (count)",
                                                     "listing by then (count)"], rows,
                             caption="Source: Hugging Face Hub docs (git history of docs/hub/index.md)."))
    if not monthly and not statements:
        return
    sources = source_titles(["hub_docs" if statements else None, "hf_hub" if monthly else None])
    ends = [x["date"] for x in statements] + [m["month"][:7] for m in monthly]
    data = ([{"date": x["date"], "series": "docs statement", "models": x["models_count"]} for x in statements]
            + [{"date": m["month"], "series": "listing, cumulative", "models": m["cumulative"]} for m in monthly])
    s.add("figure", figure(partial(charts.hub_chart, monthly, statements), "Models on the Hugging Face Hub", sources,
                           max(ends) if ends else None, data, ["date", "series", "models"],
                           note="Each docs statement is a point: the Hub's own figure on the day it first appeared."))
    if monthly:
        s.add("figure", figure(partial(charts.hub_monthly_chart, monthly), "Listing: models created per month", ["Hugging Face Hub listing"],
                               monthly[-1]["month"][:7], monthly, ["month", "created", "cumulative"]))


def lineage_blocks(s: Section, d: dict, cut: date | None) -> None:
    """Derivative counts of the top bases: windows in a table, relations in a chart."""
    bases = d.get("bases") or []
    if not bases:
        s.add("notice", notice(None, Missing("No base model has derivatives in the Hub listing.",
                                             "Run `openpace refresh --source hf_hub`")))
        return
    rows, bars = [], []
    for b in bases:
        c = b.get("derivatives") or {}
        rows.append([b["model"], b.get("created") or "not listed", num(c.get("within_7d")), num(c.get("within_30d")),
                     num(c.get("within_90d")), num(c.get("within_30d_excl_quantized")), num(c.get("total"))])
        bars += [{"base": b["model"], "relation": rel, "models": n} for rel, n in (c.get("by_relation") or {}).items()
                 if n]
    observed = observed_date((d.get("listing") or {}).get("observed"), cut)
    s.add("prose", "Hub models declaring the base directly as `base_model`, created within 7, 30 and 90 days of the "
                   "base; the headline column leaves quantizations out.")
    s.add("table", Table("derivatives of the top base models",
                         ["base", "created", "within 7 days (models)", "within 30 days (models)",
                          "within 90 days (models)", "within 30 days, no quantized (models)", "all time (models)"],
                         rows, caption=f"Source: Hugging Face Hub listing{f', observed {observed}' if observed else ''}."))
    if bars:
        s.add("figure", figure(partial(charts.lineage_chart, bars), "Derivatives of the top base models, by relation (all time)",
                               ["Hugging Face Hub listing"], observed, bars,
                               ["base", "relation", "models"]))


def contributors_blocks(s: Section, d: dict, cut: date | None) -> None:
    """Per repository: totals and the last 12 months against the 12 before; authors per month."""
    rows, series, last = [], [], []
    for repo in d.get("repos") or []:
        x = repo.get("summary") or {}
        recent, prior = x.get("last_12m") or {}, x.get("prior_12m") or {}
        rows.append([repo["repo"], f"{x.get('first_month')} to {x.get('last_month')}", num(x.get("commits")),
                     num(x.get("authors")), num(x.get("peak_month_authors")),
                     f"{num(recent.get('first_time_authors'))} vs {num(prior.get('first_time_authors'))}",
                     f"{num(recent.get('commits'))} vs {num(prior.get('commits'))}"])
        months = [{"month": f"{m['month']}-01", "repo": repo["repo"], "authors": m["distinct_authors"]}
                  for m in repo.get("months") or []]
        series += months
        last += months[-1:]
    ends = [m["month"][:7] for m in series]
    s.add("prose", "Counts from the repositories' git history (no names kept). The last 12 months end at each "
                   "repository's latest complete month in the data (a month still running when the data was "
                   "counted is left out).")
    s.add("table", Table("contributors per repository",
                         ["repository", "months", "commits (count)", "authors (count)", "peak authors in a month",
                          "first-time authors, last 12 months vs prior 12", "commits, last 12 months vs prior 12"],
                         rows, caption=f"Source: git history of the repositories; data to {max(ends) if ends else '–'}."))
    if series:
        s.add("figure", figure(partial(charts.contributors_chart, series, last), "Distinct authors per month, per repository",
                               ["git history of the repositories"], max(ends), series, ["repo", "month", "authors"]))


# --------------------------------------------------------------------------- TCO
def tco_section(g: Gathered) -> Section:
    s = Section("tco", "TCO example: self-hosting against an API")
    t = g.tco
    if not isinstance(t, dict):
        if isinstance(g.prices, dict) and g.prices.get("cheapest_open") and g.prices.get("cheapest_closed"):
            return hosted_example(s, g.prices)
        s.has_data = False
        return s.add("notice", notice(t, Missing("No TCO example.", "Run `openpace tco --help`")))
    inputs = t.get("inputs") or {}
    rows = [[k.replace("_", " "), num(v, 2)] for k, v in inputs.items() if v is not None]
    api = t.get("compare_to") or {}
    out = [["self-hosting (USD per million tokens)", usd(t.get("self_host_usd_per_mtok"))],
           [f"API: {shown(api) if api.get('display_name') or api.get('model') else api.get('asked') or '–'} "
            "(USD per million tokens)",
            usd(t.get("api_usd_per_mtok"))],
           ["monthly self-hosting (USD)", money(t.get("monthly_self_host_usd"))],
           ["monthly API (USD)", money(t.get("monthly_api_usd"))],
           ["break-even (tokens per month)", num(t.get("break_even_monthly_tokens"), 0)],
           [f"savings over {num(inputs.get('months'), 0)} months (USD)", money(t.get("savings_usd"))]]
    s.add("prose", "Inputs are the reader's own (hardware is never assumed); the API price comes from the warehouse.")
    s.add("table", Table("TCO inputs", ["input", "value"], rows))
    s.add("table", Table("TCO results", ["result", "value"], out))
    if t.get("break_even_note"):
        s.add("note", t["break_even_note"])
    return s


def hosted_example(s: Section, p: dict) -> Section:
    """Without the reader's hardware figures: an example from published prices only, the open model
    of the price section bought from hosts against its closed peer's API, with how to run one's own."""
    s.title = "TCO example: the open model, hosted, against its closed peer"
    open_, closed = p["cheapest_open"], p["cheapest_closed"]
    s.add("example", f"**Example** built from published prices only (no hardware figure is assumed): "
                     f"{shown(open_)} bought from hosts against {shown(closed)}'s own API, the "
                     f"cheapest open and closed models scoring at least {num(p.get('min_score'))} on "
                     f"{p.get('benchmark')} (see Price-performance).")
    rows = []
    for kind, c in (("open, hosted", open_), ("closed, API", closed)):
        rows.append([kind, shown(c), usd(c.get("input_usd_per_mtok")),
                     usd(c.get("output_usd_per_mtok")), usd(c.get("blended_usd_per_mtok")),
                     c.get("provider") or "–", c.get("price_basis") or "–",
                     ", ".join(source_titles(c.get("price_sources") or c.get("catalogues") or []))])
    s.add("table", Table("TCO example, hosted prices",
                         ["side", "model", "input (USD per Mtok)", "output (USD per Mtok)",
                          f"blended {p.get('blend')} (USD per Mtok)", "provider", "price basis", "sources"], rows))
    if p.get("ratio") is not None:
        s.add("prose", f"At these prices the closed API costs {formatting.ratio(p['ratio'])} the open model's "
                       f"hosted price per token: this pair at the single threshold {p.get('benchmark')} ≥ "
                       f"{num(p.get('min_score'))}, not the headline (the ratio over every score level).")
    s.add("prose", "Your own: self-hosting depends on your hardware and volume, which no public source gives. "
                   "Write them to a JSON file and run `openpace report --tco FILE` (or `openpace tco` for the "
                   f"figures alone), e.g. {{\"model\": \"{open_.get('model')}\", \"compare_to\": "
                   f"\"{closed.get('model')}\", \"gpu_hour_usd\": …, \"gpus\": …, \"tokens_per_second\": …, "
                   "\"utilization\": …, \"monthly_tokens\": …}; `openpace tco --help` describes each input.")
    return s

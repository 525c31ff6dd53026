"""The headline numbers: picked from what the metrics returned, formatted once for the page,
the terminal and `--json`. Each names the metric it came from."""

from __future__ import annotations

from typing import Any

from ..domain import formatting
from .build import Gathered, stale
from .sections import ci_text, decline_text, decline_value, lag_text, num, usd


def headline(label: str, value: str, detail: str, metric: str, data: Any) -> dict[str, Any]:
    return {"label": label, "value": value, "detail": detail, "metric": metric, "data": data}


def headlines(g: Gathered) -> list[dict[str, Any]]:
    """One entry per headline number the warehouse supports; absent data gives no entry."""
    out: list[dict[str, Any]] = []
    if isinstance(g.parity, list):
        # the charted benchmarks (current first, most models per side): not three-model noise
        for benchmark in g.parity_details:
            row = next(r for r in g.parity if r["benchmark"] == benchmark)
            if row.get("lag_months") is not None:
                note = "; † no model released in the window" if stale(row) else ""
                out.append(headline(f"Lag on {benchmark}", lag_text(row),
                                    f"{ci_text(row)}; {num(row.get('window_months'), 0)}-month window{note}",
                                    "metrics.parity.parity_overview",
                                    {k: row.get(k) for k in ("lag_months", "ci90", "window_months")}))
            if row.get("gap_points") is not None:
                elo = row.get("unit") == "elo"  # Elo in whole points, percent scores to one decimal
                digits = 0 if elo else 1
                out.append(headline(f"Score gap on {benchmark}", f"{num(row['gap_points'], digits)} "
                                    f"{'Elo' if elo else 'points'}",
                                    f"{row.get('closed_model')} {num(row.get('closed_best'), digits)} vs "
                                    f"{row.get('open_model')} {num(row.get('open_best'), digits)}",
                                    "metrics.parity.parity_overview",
                                    {k: row.get(k) for k in ("gap_points", "closed_best", "open_best")}))
    p = g.prices
    if isinstance(p, dict) and p.get("ratio") is not None:
        out.append(headline("Closed / open price at equal score", formatting.ratio(p["ratio"]),
                            _cheapest_text(p), "metrics.prices.price_performance",
                            {k: p.get(k) for k in ("benchmark", "min_score", "ratio")}))
    t = g.cost_trend
    fit = t.get("fit") if isinstance(t, dict) else None
    if fit and fit.get("decline_factor_per_year") is not None:
        out.append(headline(f"Cost to reach {t['benchmark']} >= {num(t['min_score'])}",
                            f"decline {decline_value(fit)}",
                            decline_text(fit, with_value=False), "metrics.trend.cost_trend",
                            {k: fit.get(k) for k in ("decline_factor_per_year", "interval", "n")}))
    if isinstance(g.hub, dict):
        out += _hub_headlines(g.hub)
    bases = g.lineage.get("bases") if isinstance(g.lineage, dict) else None
    if bases:
        top = bases[0]
        within = (top.get("derivatives") or {}).get("within_30d_excl_quantized")
        if within is not None:
            out.append(headline(f"Derivatives of {top['model']}", f"{num(within)} in 30 days",
                                "Hub models declaring it as base within 30 days of its creation, quantizations "
                                "excluded (the base with most derivatives)", "metrics.lineage.lineage_report",
                                {"model": top["model"], "within_30d_excl_quantized": within}))
    for repo in (g.contributors.get("repos") or []) if isinstance(g.contributors, dict) else []:
        s = repo.get("summary") or {}
        last, prior = s.get("last_12m") or {}, s.get("prior_12m") or {}
        if last.get("first_time_authors") is not None:
            out.append(headline(f"New contributors to {repo['repo']}", f"{num(last['first_time_authors'])} in 12 months",
                                f"{last.get('from')} to {last.get('to')}; {num(prior.get('first_time_authors'))} in the "
                                "12 months before", "metrics.contributors.velocity",
                                {"repo": repo["repo"], "last_12m": last, "prior_12m": prior}))
    return out


def _hub_headlines(hub: dict) -> list[dict[str, Any]]:
    out = []
    statements = hub.get("statements") or []
    if statements:
        first, last = statements[0], statements[-1]
        out.append(headline("Hub size, per its docs", f"{last['statement']}",
                            f"first stated {last['date']}; {first['statement']} on {first['date']}",
                            "metrics.hub.hub_growth", {"first": first, "last": last}))
    monthly = hub.get("monthly") or []
    if monthly:
        cut = f"; created on or before {hub['until']}, a floor" if hub.get("until") else ""
        out.append(headline("Hub listing", f"{num(hub.get('models'))} models",
                            f"{num(monthly[-1]['created'])} created in {monthly[-1]['month']}{cut}",
                            "metrics.hub.hub_growth", {"models": hub.get("models"), "last_month": monthly[-1]}))
    return out


def _cheapest_text(p: dict) -> str:
    bench = f"{p.get('benchmark')} >= {num(p.get('min_score'))}" if p.get("benchmark") else "any score"
    parts = []
    for kind in ("open", "closed"):
        c = p.get(f"cheapest_{kind}") or {}
        if c:
            parts.append(f"{kind} {c.get('display_name') or c.get('model')} {usd(c.get('blended_usd_per_mtok'))}")
    return f"{bench}: " + ", ".join(parts)


def summary(g: Gathered, heads: list[dict[str, Any]], sections: dict[str, bool], charts: int, path: str) -> dict:
    """The report's summary as plain data (the terminal's and `--json`'s)."""
    return {
        "path": path,
        "as_of": g.as_of.isoformat() if g.as_of else None,
        "charts": charts,
        "sections": sections,
        "headline": heads,  # each with `data`: the metric's own values behind the formatted text
    }

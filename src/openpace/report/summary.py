"""The answer first: one or two sentences generated from the numbers, then at most six headline
figures chosen by rule, each with its interval, the date its data ends and its sources by name.
Formatted once for the page, the terminal and `--json` (`data` keeps the metric's own values).

The rule, in order (a figure without data is left out, never padded):
1. the lag on the headline parity result (`headline_parity`: the capability index when
   `openpace parity --benchmark capability` gives a result; else the current benchmark with the
   most models on its smaller side);
2. the gap on that same result ("open leads by …" when open is ahead);
3. the lag on the (next) current benchmark by the same rule (a second, independent reading);
4. the closed/open price ratio at equal score: the price curve's median over every score level with its
   quartiles and where it is undefined (`metrics.price_curve`), never one threshold's ratio;
5. the Hub's size per its own docs;
6. first-time contributors to the repository with the most of them in the last 12 months.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from ..domain import formatting
from .article import claims_summary
from .build import Gathered, stale
from .sections import (basis_words, curve_text, gap_text, insufficient, interval_text, lag_text, num, row_digits,
                       undefined_text)
from .view import source_titles

MAX_FIGURES = 6
PARITY_KEYS = ("benchmark", "unit", "lag_months", "ci90", "at_least", "gap_points", "closed_best", "closed_model",
               "open_best", "open_model", "open_models", "closed_models", "last_date", "sources", "basis", "status")


@dataclass
class HeadFigure:
    """One headline figure; `value` None means the metric said "insufficient data" (see `status`)."""

    key: str
    label: str
    value: str | None
    data_date: str | None
    sources: list[str]
    interval: str | None = None
    detail: str | None = None
    basis: str | None = None
    status: str | None = None
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class Headline:
    sentences: list[str]
    figures: list[HeadFigure]

    def to_json(self) -> dict:
        return {"sentences": self.sentences, "figures": [asdict(f) for f in self.figures]}


def current_by_size(g: Gathered) -> list[dict]:
    """Parity rows with a model released in the window, most models on the smaller side first."""
    if not isinstance(g.parity, list):
        return []
    rows = [r for r in g.parity if not stale(r) and r.get("lag_months") is not None or insufficient(r)]
    return sorted(rows, key=lambda r: (insufficient(r), -min(r.get("open_models") or 0, r.get("closed_models") or 0),
                                       r["benchmark"].lower()))


def capability_row(result: dict) -> dict:
    """`openpace parity --benchmark capability --json` in the shape of a parity overview row."""
    head, gap, data = result.get("headline") or {}, result.get("gap") or {}, result.get("data") or {}
    sources = [x.get("source") for x in data.get("sources") or []] or [result.get("source")]
    return {"benchmark": "the capability index", "query": result.get("benchmark") or "capability",
            "unit": "index", "lag_months": head.get("lag_months"), "ci90": head.get("ci90"),
            "at_least": head.get("at_least"), "window_months": head.get("window_months"),
            "gap_points": gap.get("points"), "closed_best": gap.get("closed_best"),
            "closed_model": gap.get("closed_model"), "open_best": gap.get("open_best"),
            "open_model": gap.get("open_model"), "open_models": data.get("open_models"),
            "closed_models": data.get("closed_models"), "last_date": data.get("last_date") or result.get("as_of"),
            "sources": [x for x in sources if x], "basis": result.get("basis"), "status": result.get("status")}


def headline_parity(g: Gathered) -> list[dict]:
    """The parity results the headline reads, best first (see the module's rule)."""
    first = [capability_row(g.capability)] if isinstance(g.capability, dict) else []
    return first + current_by_size(g)


def lag_figure(row: dict, key: str) -> HeadFigure:
    what = row["benchmark"]
    data = {k: row.get(k) for k in ("benchmark", "lag_months", "ci90", "window_months", "open_models",
                                    "closed_models", "last_date", "basis", "status")}
    data["query"] = row.get("query") or row["benchmark"]  # what `openpace parity --benchmark` takes
    date, sources, basis = row.get("last_date"), source_titles(row.get("sources") or []), row.get("basis")
    if insufficient(row):
        return HeadFigure(key, f"Lag on {what}", None, date, sources, basis=basis, data=data,
                          status="insufficient data",
                          detail=f"{num(row.get('open_models'), 0)} open, {num(row.get('closed_models'), 0)} closed "
                                 "models: fewer than 3 on a side")
    return HeadFigure(key, f"Open models trail on {what}", lag_text(row), date, sources, basis=basis, data=data,
                      interval=interval_text(row.get("ci90")),
                      detail=f"over the last {num(row.get('window_months'), 0)} months; "
                             f"{num(row.get('open_models'), 0)} open and {num(row.get('closed_models'), 0)} closed "
                             "models")


def gap_figure(row: dict, name: Callable[[str | None], str | None] = lambda x: x) -> HeadFigure | None:
    if insufficient(row) or row.get("gap_points") is None:
        return None
    digits = row_digits(row)
    return HeadFigure("gap", f"Best scores on {row['benchmark']}", gap_text(row), row.get("last_date"),
                      source_titles(row.get("sources") or []),
                      detail=f"closed {name(row.get('closed_model'))} {formatting.score(row.get('closed_best'), digits)}, "
                             f"open {name(row.get('open_model'))} {formatting.score(row.get('open_best'), digits)}",
                      basis=row.get("basis"),
                      data={k: row.get(k) for k in ("benchmark", "gap_points", "closed_best", "closed_model",
                                                    "open_best", "open_model", "unit")}
                      | {"query": row.get("query") or row["benchmark"]})


def price_figure(g: Gathered) -> HeadFigure | None:
    """The price curve's headline (`metrics.price_curve`): the median closed/open ratio over every score
    level with its quartiles, never one threshold's ratio (a knife edge on a saturated benchmark). The
    same call as `openpace prices --benchmark B --json` (`price_performance(con, B)`, default basis)."""
    p = g.price_scatter
    if not isinstance(p, dict):
        return None
    curve = p.get("curve")
    if not isinstance(curve, dict) or not curve.get("headline"):
        return None
    h = curve["headline"]
    # the models that are cheapest at some level: their prices make the curve, so theirs is its date
    ids = {side["model"] for pt in curve.get("points") or [] if pt.get("ratio") is not None
           for side in (pt["open"], pt["closed"])}
    chosen = [m for m in p.get("models") or [] if m.get("model") in ids]
    since = [str(m["since"]) for m in chosen if m.get("since")]
    sources = source_titles([c for m in chosen for c in m.get("price_sources") or m.get("catalogues") or []])
    (q1, q3), (lo, hi) = h["quartiles"], h["range"]
    detail = (f"{curve.get('benchmark')}, {basis_words(curve.get('score_basis'))}: cheapest closed / cheapest open "
              f"at each of {num(h['levels'], 0)} score levels from {num(h['levels_from'])} to {num(h['levels_to'])}; "
              f"range {formatting.ratio(lo)} to {formatting.ratio(hi)}; open cheaper at "
              f"{formatting.percent(h['open_cheaper_share'], 1)} of levels")
    undefined = undefined_text(curve)
    if undefined:
        detail += f"; {undefined}"
    return HeadFigure("price_ratio", "Closed vs open price per token at equal score, median over score levels",
                      f"{formatting.ratio(h['median_ratio'])} the open price", max(since) if since else None,
                      sources, interval=f"quartiles {formatting.ratio(q1)} to {formatting.ratio(q3)}",
                      detail=detail, basis=curve.get("score_basis"),
                      data={"benchmark": curve.get("benchmark"), "score_basis": curve.get("score_basis"), **h,
                            "undefined": curve.get("undefined") or []})


def hub_figure(g: Gathered) -> HeadFigure | None:
    statements = (g.hub.get("statements") or []) if isinstance(g.hub, dict) else []
    if not statements:
        return None
    first, last = statements[0], statements[-1]
    return HeadFigure("hub", "Models on the Hugging Face Hub, per its docs", last["statement"], last["date"],
                      source_titles(["hub_docs"]), detail=f"{first['statement']} on {first['date']}",
                      data={"first": first, "last": last})


def contributors_figure(g: Gathered) -> HeadFigure | None:
    repos = (g.contributors.get("repos") or []) if isinstance(g.contributors, dict) else []
    scored = [(r, (r.get("summary") or {}).get("last_12m") or {}) for r in repos]
    scored = [(r, last) for r, last in scored if last.get("first_time_authors") is not None]
    if not scored:
        return None
    repo, last = max(scored, key=lambda x: (x[1]["first_time_authors"], x[0]["repo"]))
    prior = (repo.get("summary") or {}).get("prior_12m") or {}
    return HeadFigure("contributors", f"New contributors to {repo['repo']}",
                      f"{num(last['first_time_authors'])} in 12 months", last.get("to"),
                      source_titles(["git"]),
                      detail=f"{last.get('from')} to {last.get('to')}; {num(prior.get('first_time_authors'))} in the "
                             "12 months before",
                      data={"repo": repo["repo"], "last_12m": last, "prior_12m": prior})


def headline(g: Gathered) -> Headline:
    """The sentences and figures, by the module's rule."""
    figures: list[HeadFigure] = []
    parity_rows = headline_parity(g)
    if parity_rows:
        figures.append(lag_figure(parity_rows[0], "lag"))
        gap = gap_figure(parity_rows[0], g.name)
        if gap:
            figures.append(gap)
        if len(parity_rows) > 1:
            figures.append(lag_figure(parity_rows[1], "lag_second"))
    for extra in (price_figure(g), hub_figure(g), contributors_figure(g)):
        if extra is not None:
            figures.append(extra)
    figures = figures[:MAX_FIGURES]
    return Headline(sentences(figures), figures)


def sentences(figures: list[HeadFigure]) -> list[str]:
    """One or two sentences answering the page's question from the figures (never a number for
    insufficient data)."""
    by_key = {f.key: f for f in figures}
    out = []
    lag = by_key.get("lag")
    if lag is not None and lag.value is not None:
        interval = f" ({lag.interval})" if lag.interval else ""
        gap = by_key.get("gap")
        lead = ""
        if gap and gap.value and gap.value != "level":  # "closed leads by 0.20 index points"
            side, rest = gap.value.split(" leads ", 1)
            lead = f"; the best {side} model leads the best {'open' if side == 'closed' else 'closed'} one {rest}"
        out.append(f"Open-weight models trail the closed frontier by {lag.value} on {lag.data['benchmark']}"
                   f"{interval}, with data to {lag.data_date}{lead}.")
    elif lag is not None:
        out.append(f"There is not enough data to say how far open-weight models trail on {lag.data['benchmark']} "
                   f"({lag.detail}).")
    price = by_key.get("price_ratio")
    if price is not None:
        said = curve_text({"benchmark": price.data["benchmark"], "score_basis": price.data["score_basis"],
                           "headline": price.data, "undefined": price.data["undefined"]})
        out.append(f"At equal score, {said}; prices as of {price.data_date or 'an undated observation'}.")
    return out


def summary(g: Gathered, head: Headline, sections: dict[str, bool], charts: int, path: str) -> dict:
    """The report's summary as plain data (the terminal's and `--json`'s)."""
    return {
        "path": path,
        "as_of": g.as_of.isoformat() if g.as_of else None,
        "charts": charts,
        "sections": sections,
        "answer": head.sentences,
        "headline": [asdict(f) for f in head.figures],  # each with `data`: the metric's own values
        "data_as_of": [c.to_json() for c in g.coverage],
        # the parity table's numbers as the metric gave them (the CSV download has the same rows)
        "parity": [{k: r.get(k) for k in PARITY_KEYS} for r in g.parity] if isinstance(g.parity, list) else [],
        "claims": claims_summary(g.claims) if isinstance(g.claims, dict) else None,
    }

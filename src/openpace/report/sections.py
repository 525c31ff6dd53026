"""The parity and price sections: what a metric returned, formatted into tables and figures (the
templates turn them into markup, escaping every string). Nothing here computes a figure."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from markupsafe import Markup

from ..domain import formatting
from ..domain.display import readable_with_setting
from ..metrics.staleness import STALE_MONTHS
from . import charts
from .build import Gathered, Missing, stale
from .charts import named_unit
from .view import Figure, Notice, Section, Table, records_csv, source_titles

# One rule per kind of number, shared with the terminal (openpace.domain.formatting)
num = formatting.number


def usd(value: Any) -> str:
    """A price in USD per million tokens, as everywhere ($4.375, $0.2625)."""
    return formatting.usd_per_mtok(value, symbol=True)


def shown(record: dict) -> str:
    """A metric's model record by its display name, an id written as words (`domain.display`)."""
    return readable_with_setting(str(record.get("display_name") or record.get("model") or "–"))


def money(value: Any) -> str:
    """A money amount ($1,234.50)."""
    return formatting.usd(value, symbol=True)


def notice(missing: Missing | None, fallback: Missing) -> Notice:
    m = missing or fallback
    return Notice(m.what, m.how)


def figure(draw: Callable[[charts.Size], dict], title: str, sources: list[str], data_end: str | None,
           data: list[dict], columns: list[str] | None = None, note: str | None = None) -> Figure:
    """A drawn chart in its figure: title, sources by name, the date its data ends, its data as CSV.
    `draw(size)` gives the chart's spec at each of `charts.SIZES` (a phone's and a desktop's drawing;
    the page's CSS shows the one that fits)."""
    # each drawing is checked for active content by render_svg
    svg = Markup("".join(charts.render_svg(draw(size), title, size) for size in charts.SIZES))
    return Figure(title, svg, sources, data_end, records_csv(title, data, columns), note)


# --------------------------------------------------------------------------- parity
def insufficient(row: dict | None) -> bool:
    """A parity result with too few models on a side carries a status instead of a number."""
    return "insufficient" in str((row or {}).get("status") or "")


def score_digits(unit: str | None) -> int:
    """Elo in whole points, the capability index to two decimals, percent scores to one."""
    return {"elo": 0, "index": 2}.get(unit or "", 1)


def row_digits(row: dict) -> int:
    """Decimals for a parity row's two best scores and its gap: the unit's (`score_digits`), more when
    the gap would not show from the scores (`formatting.score_decimals`)."""
    return formatting.score_decimals(row.get("closed_best"), row.get("open_best"), score_digits(row.get("unit")),
                                     row.get("gap_points"))


def unit_label(unit: str | None, benchmark: str | None = None) -> str:
    """The unit a score gap is in: percentage points, Elo, index points; for a benchmark on its own
    scale (unit "other"), the unit its name states, else "score points" (points on that scale)."""
    known = {"percent": "points", "elo": "Elo", "index": "index points"}.get(unit or "")
    return known or named_unit(benchmark) or "score points"


def lag_text(row: dict | None) -> str:
    """`lag_months` (with `at_least`) of a parity headline or overview row."""
    if insufficient(row):
        return "insufficient data"
    if not row or row.get("lag_months") is None:
        return "–"
    prefix = "at least " if row.get("at_least") else ""
    return f"{prefix}{num(row['lag_months'])} months"


def interval_text(ci: Any, unit: str = "months") -> str | None:
    if not ci or ci[0] is None or ci[1] is None:
        return None
    return f"90% interval {num(ci[0])} to {num(ci[1])} {unit}"


def gap_text(row: dict) -> str:
    """Best closed minus best open in the benchmark's unit; a negative gap is said as 'open leads'."""
    gap = row.get("gap_points")
    if insufficient(row) or gap is None:
        return "–"
    digits, unit = row_digits(row), unit_label(row.get("unit"), row.get("benchmark"))
    if gap < 0:
        return f"open leads by {formatting.score(-gap, digits)} {unit}"
    if gap == 0:
        return "level"
    return f"closed leads by {formatting.score(gap, digits)} {unit}"


def data_to_text(row: dict) -> str:
    """The "data to" cell: the newest scored model's date, and when one side stopped being measured
    (metrics.staleness), which side and its own last date, marked ‡."""
    last = row.get("last_date") or "–"
    side = row.get("stale_side")
    if side not in ("open", "closed"):
        return last
    return f"{last} ‡ ({side} side: last {row.get(f'last_{side}') or '–'})"


def _best(g: Gathered, row: dict, kind: str) -> str:
    model, score = g.name(row.get(f"{kind}_model")), row.get(f"{kind}_best")
    if model is None:
        return "–"
    return f"{model}: {formatting.score(score, row_digits(row))}"


def parity_section(g: Gathered) -> Section:
    s = Section("parity", "Parity: how far open models trail the closed frontier")
    if isinstance(g.parity, Missing):
        s.has_data = False
        return s.add("notice", notice(g.parity, g.parity))
    window = g.parity[0].get("window_months")
    s.add("prose", f"**Lag** (method `horizon`, as Epoch AI measures it): for each day of the {num(window, 0)} "
                   "months to the cut-off, how long before a closed model had first reached the best open score of "
                   "that day, averaged over the window; days on which no closed model had reached it count as days "
                   "open led. **Gap**: best closed score minus best open score, in the benchmark's unit.")
    has_basis = any(r.get("basis") for r in g.parity)
    head = ["benchmark", "lag (months)", "90% interval (months)", "days open led", "gap (closed − open)",
            "best closed (model: score)", "best open (model: score)", "models open / closed", "data to", "scores from"]
    rows = []
    for r in g.parity:
        row = [r["benchmark"] + (" †" if stale(r) else ""),
               lag_text(r) if insufficient(r) or r.get("lag_months") is None
               else ("≥ " if r.get("at_least") else "") + num(r["lag_months"]),
               "–" if insufficient(r) else (f"{num(r['ci90'][0])} to {num(r['ci90'][1])}" if r.get("ci90") and
                                            None not in r["ci90"] else "–"),
               num(r.get("open_leads_days"), 0), gap_text(r), _best(g, r, "closed"), _best(g, r, "open"),
               f"{num(r.get('open_models'), 0)} / {num(r.get('closed_models'), 0)}", data_to_text(r),
               ", ".join(source_titles(r.get("sources") or []))]
        if has_basis:
            row.append(str(r.get("basis") or "–").replace("_", "-"))  # self_reported -> self-reported
        rows.append(row)
    if has_basis:
        head.append("score basis")
    sources = source_titles([x for r in g.parity for x in r.get("sources") or []])
    s.add("table", Table("parity by benchmark", head, rows,
                         caption=f"Sources: {', '.join(sources)}. “Data to”: the release date of the newest scored "
                                 "model on that benchmark."))
    if any(stale(r) for r in g.parity):
        s.add("note", "† No model released in the window: the lag there grows with the calendar, not with the data; "
                      "pass an earlier `--as-of` (e.g. the benchmark's “data to” date).")
    if any(r.get("stale_side") for r in g.parity):
        s.add("note", f"‡ One side stopped being measured: its newest scored model is more than "
                      f"{STALE_MONTHS} months older than the other side's, so after that date the page cannot tell "
                      "whether that side kept up; read such a row's lag and gap as of the earlier date.")
    capability_figure(s, g)
    lag_rows: list[dict] = []
    by_name = {r["benchmark"]: r for r in g.parity}
    for benchmark, detail in g.parity_details.items():
        bench_row = by_name.get(benchmark, {})
        frontier, models, newest = frontier_rows(detail, g.name)
        if frontier:
            s.add("figure", figure(
                partial(charts.frontier_chart, benchmark, bench_row.get("unit"), frontier, models, newest),
                f"{benchmark}: best open and best closed score by release date",
                source_titles(bench_row.get("sources") or []), bench_row.get("last_date"),
                frontier_csv_rows(detail, models), FRONTIER_CSV,
                note="Steps: the best score released so far on each side; dots: the models that set it; "
                     "labelled: each side's current best."))
        lag_rows += [{"date": t["date"], "benchmark": benchmark, "lag_months": t["lag_months"]}
                     for t in detail.get("timeline") or [] if t.get("lag_months") is not None]
    if lag_rows:
        charted = [by_name.get(b, {}) for b in g.parity_details]
        ends = [str(r["last_date"]) for r in charted if r.get("last_date")]
        s.add("figure", figure(partial(charts.lag_chart, lag_rows), "Lag over time: months open models trail, per benchmark",
                               source_titles([x for r in charted for x in r.get("sources") or []]),
                               max(ends) if ends else None, lag_rows, ["benchmark", "date", "lag_months"],
                               note="At each month end: how long before a closed model had reached that day's best "
                                    "open score."))
    if len(g.parity) > len(g.parity_details):
        s.add("note", f"Charts for {len(g.parity_details)} benchmarks: current ones first (a model released in the "
                      "window), then those with the most models on their smaller side; "
                      "`openpace parity --benchmark B --timeline` gives any other.")
    return s


def capability_figure(s: Section, g: Gathered) -> None:
    """The headline's number drawn: the capability index's best open and best closed model over
    time (`openpace parity --benchmark capability --timeline`), the lag the answer states."""
    cap = g.capability
    if not isinstance(cap, dict) or not cap.get("timeline"):
        return
    frontier, models, newest = frontier_rows(cap, g.name)
    if not frontier:
        return
    s.add("figure", figure(
        partial(charts.frontier_chart, "capability index", "index", frontier, models, newest),
        "Capability index: best open and best closed model by release date", source_titles([cap.get("source")]),
        cap.get("as_of"), frontier_csv_rows(cap, models), FRONTIER_CSV,
        note="The headline's measure: one index per model fitted from its benchmark scores (`openpace capability`); "
             "steps: the best index released so far on each side; dots: the models that set it; labelled: each "
             "side's current best."))


def frontier_rows(detail: dict, name: Callable[[str | None], str | None] = lambda x: x,
                  ) -> tuple[list[dict], list[dict], list[dict]]:
    """Step-line rows (where a frontier moves, and the last day), the frontier models, and each
    side's latest frontier model (the only ones labelled)."""
    frontier: list[dict] = []
    timeline = detail.get("timeline") or []
    for kind, key in (("open", "open_best"), ("closed", "closed_best")):
        last = None
        for i, t in enumerate(timeline):
            value = t.get(key)
            if value is not None and (value != last or i == len(timeline) - 1):
                frontier.append({"date": t["date"], "kind": kind, "score": value})
                last = value
    models: list[dict] = []
    seen: set[tuple[str, str]] = set()
    for p in detail.get("points") or []:
        for kind in ("closed", "open"):
            model = p.get(f"{kind}_model")
            if model and (kind, model) not in seen and p.get(f"{kind}_date") is not None:
                seen.add((kind, model))
                models.append({"date": str(p[f"{kind}_date"]), "kind": kind, "score": p[f"{kind}_score"],
                               "model": name(model), "source_name": model})
    gap = detail.get("gap") or {}
    last = []
    for kind in ("closed", "open"):
        best = gap.get(f"{kind}_model")
        mine = [m for m in models if m["kind"] == kind]
        pick = next((m for m in mine if m["source_name"] == best), None) or (max(mine, key=lambda m: m["date"])
                                                                        if mine else None)
        if pick:
            last.append(pick)
    return frontier, models, last


STEP_SERIES = "best so far (month-end sample)"  # the step line: `--timeline`'s month ends
DOT_SERIES = "model that set it"  # a dot: a frontier model on its release date
FRONTIER_CSV = ["date", "kind", "series", "model", "source_name", "score"]


def frontier_csv_rows(detail: dict, models: list[dict]) -> list[dict]:
    """What a frontier chart draws, as its CSV holds it: every month-end sample of each side's step line
    (the best score released so far) and every dot, in date order."""
    steps = [{"date": t["date"], "kind": kind, "series": STEP_SERIES, "score": t[key]}
             for kind, key in (("open", "open_best"), ("closed", "closed_best"))
             for t in detail.get("timeline") or [] if t.get(key) is not None]
    dots = [{**m, "series": DOT_SERIES} for m in models]
    return sorted(steps + dots, key=lambda r: (str(r["date"]), r["kind"], r["series"]))


# --------------------------------------------------------------------------- prices
def prices_section(g: Gathered) -> Section:
    s = Section("prices", "Price-performance: what a score costs, open and closed")
    p = g.prices
    if not isinstance(p, dict):
        s.has_data = False
        return s.add("notice", notice(p, Missing("No prices.", "Run `openpace refresh`")))
    scatter = g.price_scatter if isinstance(g.price_scatter, dict) else p
    bench = p.get("benchmark")
    s.add("prose", f"Blended price = ({p.get('blend')} input:output) USD per million tokens; closed models at their "
                   "first-party price, open models at the median over hosts. Threshold: "
                   f"{bench} score at least {num(p.get('min_score'))} (the best open score on that benchmark now).")
    rows = []
    for kind in ("open", "closed"):
        c = p.get(f"cheapest_{kind}")
        if c:
            rows.append([kind, shown(c), num(c.get("score")),
                         usd(c["blended_usd_per_mtok"]), c.get("provider") or "–", c.get("price_basis") or "–",
                         ", ".join(source_titles(c.get("catalogues") or []))])
    if rows:
        s.add("table", Table("cheapest model reaching the threshold",
                             ["cheapest", "model", f"{bench} score", "blended price (USD per Mtok)", "provider",
                              "price basis", "price catalogues"], rows))
    if p.get("ratio") is not None:
        s.add("prose", f"At this one threshold only, closed costs {formatting.ratio(p['ratio'])} the open price: a "
                       "single level on a benchmark can swing the ratio several-fold, so the headline is the "
                       "comparison over every level below.")
    curve = scatter.get("curve") if isinstance(scatter.get("curve"), dict) else None
    said = curve_text(curve) if curve else None
    if said:
        s.add("prose", f"The headline, at equal score over every level: {said}.")
    models, front = price_rows(scatter)
    labels = [{"model": shown(c), "kind": kind, "score": c["score"],
               "price": c["blended_usd_per_mtok"]} for kind in ("open", "closed")
              if (c := p.get(f"cheapest_{kind}")) and (c.get("blended_usd_per_mtok") or 0) > 0]
    unit = next((r.get("unit") for r in g.parity if r["benchmark"] == scatter.get("benchmark")), None) \
        if isinstance(g.parity, list) else None
    if models:
        srcs = source_titles([m.get("score_source") for m in scatter.get("models") or []]
                             + [c for m in scatter.get("models") or [] for c in m.get("catalogues") or []])
        seen = [str(m.get("since")) for m in scatter.get("models") or [] if m.get("since")]
        s.add("figure", figure(partial(charts.price_chart, scatter.get("benchmark") or "benchmark", unit, models, front,
                                       labels),
                               f"{scatter.get('benchmark')} score against blended price",
                               srcs, max(seen) if seen else None, models, ["model", "kind", "score", "price"],
                               note="Lines: the Pareto frontier of each side (no model cheaper at a higher score); "
                                    "labelled: the cheapest open and closed model reaching the threshold."))
    trend = g.cost_trend
    if isinstance(trend, dict):
        trend_blocks(s, trend)
    elif isinstance(trend, Missing):
        s.add("notice", notice(trend, trend))
    return s


def basis_words(basis: str | None) -> str:
    """The score basis as prose ("independent scores", "self-reported scores")."""
    return f"{(basis or 'unknown-basis').replace('_', '-')} scores"


def undefined_text(curve: dict, digits: int = 1) -> str:
    """Where the curve's closed/open ratio is undefined, and which side has no model there ("" if nowhere)."""
    parts = []
    for u in curve.get("undefined") or []:
        where = (f"at {num(u['from'], digits)}" if u["from"] == u["to"]
                 else f"from {num(u['from'], digits)} to {num(u['to'], digits)}")
        parts.append(f"{where} (no {u['missing']} model scores that high)")
    return "undefined " + " and ".join(parts) if parts else ""


def curve_text(curve: dict, digits: int = 1) -> str | None:
    """The price curve's headline as one clause: the median closed/open ratio at equal score over the levels,
    its quartiles and range, the share of levels where open is cheaper, and where it is undefined."""
    h = curve.get("headline")
    if not h:
        return None
    (q1, q3), (lo, hi) = h["quartiles"], h["range"]
    undefined = undefined_text(curve, digits)
    return (f"the cheapest closed model costs a median {formatting.ratio(h['median_ratio'])} as much per token as the "
            f"cheapest open one over {num(h['levels'], 0)} {curve.get('benchmark')} score levels from "
            f"{num(h['levels_from'], digits)} to {num(h['levels_to'], digits)} "
            f"({basis_words(curve.get('score_basis'))}; quartiles {formatting.ratio(q1)} to {formatting.ratio(q3)}, "
            f"range {formatting.ratio(lo)} to {formatting.ratio(hi)}; open is cheaper at "
            f"{formatting.percent(h['open_cheaper_share'], 1)} of levels)"
            + (f"; the ratio is {undefined}" if undefined else ""))


def price_rows(p: dict) -> tuple[list[dict], list[dict]]:
    """Scatter rows for scored, priced models of known openness, and the Pareto fronts in order."""
    by_id = {m["model"]: m for m in p.get("models") or []}
    models = [{"model": shown(m), "kind": "open" if m["open_weights"] else "closed",
               "score": m["score"], "price": m["blended_usd_per_mtok"]}
              for m in by_id.values() if m.get("score") is not None and m.get("open_weights") is not None
              and (m.get("blended_usd_per_mtok") or 0) > 0]
    front = []
    for kind in ("open", "closed"):
        for i, mid in enumerate((p.get("pareto") or {}).get(kind) or []):
            m = by_id.get(mid)
            if m and (m.get("blended_usd_per_mtok") or 0) > 0:
                front.append({"model": shown(m), "kind": kind, "score": m["score"],
                              "price": m["blended_usd_per_mtok"], "order": i})
    return models, front


def decline_text(fit: dict | None, with_value: bool = True) -> str:
    """A trend fit's decline factor per year with its interval, or why there is no fit. A fit with
    no spread (the same price every month) has no interval to give: it says so instead of a
    zero-width one."""
    if not fit or fit.get("decline_factor_per_year") is None:
        return (fit or {}).get("reason") or "no fit"
    lo, hi = fit.get("interval") or (None, None)
    value = f"{decline_value(fit)} " if with_value else ""
    if lo is not None and hi is not None and formatting.ratio(lo) == formatting.ratio(hi):  # no spread, as shown
        if formatting.ratio(fit["decline_factor_per_year"]) == formatting.ratio(1.0):
            return f"no change: the same price in all {fit['n']} observed months"
        return f"{value}(an exact fit, so no interval; {fit['n']} observed months)"
    return f"{value}(90% interval {formatting.ratio(lo)} to {formatting.ratio(hi)}; {fit['n']} observed months)"


def decline_value(fit: dict) -> str:
    """The decline factor per year as the metric gives it (price a year earlier / price now)."""
    factor = fit["decline_factor_per_year"]
    # the metric's verdict reads the interval: one that includes 1x is no clear trend
    note = {"falling": "cheaper each year", "rising": "prices rose"}.get(fit.get("verdict") or "", "no clear trend")
    return f"{formatting.ratio(factor)} per year ({note})"


def model_runs(rows: list[dict]) -> list[tuple[str, str, str]]:
    """The cheapest model month by month as runs: (model, first month, last month), in order."""
    runs: list[tuple[str, str, str]] = []
    for r in rows:
        name, month = shown(r), str(r.get("month") or r.get("date", ""))[:7]
        if runs and runs[-1][0] == name:
            runs[-1] = (name, runs[-1][1], month)
        else:
            runs.append((name, month, month))
    return runs


def runs_text(rows: list[dict]) -> str:
    """Which model is the cheapest when; with more than one, the fit measures a change of model too."""
    runs = model_runs(rows)
    if not runs:
        return "–"
    text = ", then ".join(f"{m} ({a} to {b})" if a != b else f"{m} ({a})" for m, a, b in runs)
    if len(runs) > 1:
        text += ": the cheapest model changes, so the decline includes the switch, not only price cuts"
    return text


def trend_blocks(s: Section, t: dict) -> None:
    """The cost-to-reach-a-score trend: its fit per group, which model is the cheapest when (a fit
    across a change of model is not prices falling), and the monthly cheapest price, open and
    closed as separate lines."""
    s.add("h3", f"Cost to reach {t.get('benchmark')} ≥ {num(t.get('min_score'))} (at this one threshold)")
    rows = [[label, decline_text(t.get(key)), runs_text(t.get(series) or [])]
            for label, key, series in (("all models", "fit", "series"), ("open", "fit_open", "open"),
                                       ("closed", "fit_closed", "closed"))]
    s.add("table", Table("cost trend fits", ["models", "decline factor of the cheapest price per year (×)",
                                             "cheapest model, by month"], rows))
    series: list[dict] = []
    last: list[dict] = []
    for kind in ("open", "closed"):
        side = [{"date": str(r["date"]), "kind": kind, "price": r["cheapest_usd_per_mtok"],
                 "model": shown(r), "provider": r.get("provider"),
                 "sources": "; ".join(source_titles(r.get("price_sources") or []))}
                for r in t.get(kind) or [] if (r.get("cheapest_usd_per_mtok") or 0) > 0]
        series += side
        last += side[-1:]
    if not series:
        return
    srcs = source_titles([x for kind in ("open", "closed") for r in t.get(kind) or [] for x in
                          r.get("price_sources") or []])
    title = f"Cheapest price of a model scoring at least {num(t.get('min_score'))} on {t.get('benchmark')}, per month"
    s.add("figure", figure(partial(charts.cost_trend_chart, series, last), title, srcs, max(r["date"] for r in series), series,
                           ["date", "kind", "model", "price", "provider", "sources"],
                           note="Open and closed cheapest separately; labelled: the model at the last month."))

"""Gather the report's data: call the metric functions and keep what they return, section by section.

The report never computes a metric: each figure on the page is a value a function in
`openpace.metrics` (or `openpace.claims`) returned, formatted. A metric
that finds no data in the warehouse gives a `Missing` notice saying how to get the data; every metric
is a plain import (a missing one is an import error, never a notice).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import duckdb

from .. import claims
from ..domain.display import readable_with_setting
from ..errors import DataError, InputError
from ..metrics import contributors, hub, lineage, parity_data, prices, tco, trend
from ..metrics.coverage import SourceCoverage, data_coverage
from ..metrics.inventory import source_inventory
from ..warehouse.snapshot import snapshot_provenance

TOP_BASES = 10  # base models in the lineage chart
MAX_FRONTIER_CHARTS = 4  # keep the page (and its build time) small; every benchmark is in the table


@dataclass
class Missing:
    """A section (or part of one) without data, and how to get it."""

    what: str
    how: str


@dataclass
class Gathered:
    """Everything the page shows, as the metric functions returned it."""

    as_of: date | None
    parity: list[dict] | Missing
    parity_details: dict[str, dict] = field(default_factory=dict)
    capability: dict | Missing | None = None  # `parity --benchmark capability --timeline`: the headline's first reading
    prices: dict | Missing | None = None
    price_scatter: dict | Missing | None = None
    cost_trend: dict | Missing | None = None
    hub: dict | Missing | None = None
    lineage: dict | Missing | None = None
    contributors: dict | Missing | None = None
    tco: dict | Missing | None = None
    tco_example: bool = False  # the TCO section is the default example, not the reader's inputs
    claims: dict | Missing | None = None
    article: str | None = None
    sources: list[dict] = field(default_factory=list)
    coverage: list[SourceCoverage] = field(default_factory=list)
    provenance: dict | None = None
    names: dict[str, str] = field(default_factory=dict)  # a source's model name -> its display name

    def name(self, model: str | None) -> str | None:
        """The display name of a model a metric named by its source's spelling (`gpt-5.1_high` ->
        `GPT 5.1 (high)`); where that name is an id (`gpt-5-2025-08-07`), its parts as words
        (`domain.display`); a name the identity does not know is shown as given."""
        return None if model is None else readable_with_setting(self.names.get(model, model))


NAMES_SQL = """
SELECT a.alias, coalesce(base.display_name || ' (' || m.setting || ')', m.display_name)
FROM model_aliases a JOIN models m ON m.model_id = a.model_id
LEFT JOIN models base ON base.model_id = m.setting_of AND m.setting IS NOT NULL
ORDER BY a.alias, a.source
"""


def display_names(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Source spellings of model names -> the identity's display name, a reasoning setting after the
    base model's name; the first source (alphabetically) wins when spellings collide."""
    names: dict[str, str] = {}
    for alias, name in con.execute(NAMES_SQL).fetchall():
        if name and alias not in names:
            names[alias] = name
    return names


def call(fn: Callable[..., Any], missing: Missing, *args: Any, **kwargs: Any) -> Any:
    """Call a metric; "no data" (`DataError`/`InputError`, or an empty result) gives `missing`.

    Only "no data" degrades; any other error is a bug and propagates.
    """
    try:
        result = fn(*args, **kwargs)
    except (DataError, InputError) as exc:
        return Missing(missing.what, f"{missing.how} ({exc})")
    # typed results (frozen dataclasses) reach the page as their JSON shape
    result = result.to_json() if hasattr(result, "to_json") else result
    if result is None or result == [] or result == {}:
        return missing
    return result


REFRESH_SCORES = Missing("No benchmark scores in the warehouse.",
                         "Run `openpace refresh --source epoch_trends --source epoch_benchmarks` "
                         "(or `openpace refresh --offline DIR` with a mirror)")
CAPABILITY = "capability"  # the benchmark name `openpace parity` reads as the capability index
NO_CAPABILITY = Missing("No capability index.", "Run `openpace parity --benchmark capability` to see why")
REFRESH_PRICES = Missing("No prices joined to scores in the warehouse.",
                         "Run `openpace refresh --source models_dev --source genai_prices --source openrouter` "
                         "and the benchmark sources")
REFRESH_HUB = Missing("No Hugging Face Hub listing or docs statements in the warehouse.",
                      "Run `openpace refresh --source hf_hub` (live Hub API) and `--source hub_docs`")
REFRESH_LINEAGE = Missing("No Hub listing in the warehouse, so no lineage.",
                          "Run `openpace refresh --source hf_hub` (live Hub API; set HF_TOKEN for higher rate limits)")
REFRESH_GIT = Missing("No contributor history in the warehouse.",
                      "Run `openpace refresh --source git`, or `openpace contributors PATH` on a local clone")
NO_TCO = Missing("No TCO example: a TCO needs the reader's own hardware figures, and none were given.",
                 'Pass `openpace report --tco FILE` with a JSON object of `openpace tco` inputs, e.g. '
                 '{"compare_to": "<API model>", "model": "<open model>", "gpu_hour_usd": ..., "gpus": ..., '
                 '"tokens_per_second": ..., "utilization": ..., "monthly_tokens": ...}; `openpace tco --help` '
                 "describes each")


def gather(con: duckdb.DuckDBPyConnection, as_of: date | None = None, article: str | None = None,
           tco_inputs: dict[str, Any] | None = None) -> Gathered:
    """Call every metric the report shows; `article` (text) is checked when given, and a TCO
    example is computed from `tco_inputs` (the keyword arguments of `metrics.tco.tco`) when given."""
    overview = call(parity_data.parity_overview, REFRESH_SCORES, con, as_of=as_of)
    details: dict[str, dict] = {}
    if isinstance(overview, list):
        for row in charted_benchmarks(overview):
            detail = call(parity_data.parity_for, REFRESH_SCORES, con, row["benchmark"], as_of=as_of,
                          timeline=True)
            if isinstance(detail, dict):
                details[row["benchmark"]] = detail
    # the capability index (i11): "no data" until the index is in the build and the warehouse,
    # and then the headline reads it first (report.summary.headline_parity)
    capability = call(parity_data.parity_for, NO_CAPABILITY, con, CAPABILITY, as_of=as_of, timeline=True)
    gathered = Gathered(as_of=as_of, parity=overview, parity_details=details, capability=capability,
                        sources=[s.to_json() for s in source_inventory(con)], coverage=data_coverage(con, as_of=as_of),
                        provenance=snapshot_provenance(), names=display_names(con))
    choice = price_benchmark(con, overview if isinstance(overview, list) else [])
    if choice is None:
        gathered.prices = gathered.price_scatter = gathered.cost_trend = REFRESH_PRICES
    else:
        benchmark, threshold = choice
        gathered.price_scatter = call(prices.price_performance, REFRESH_PRICES, con, benchmark,
                                      as_of=as_of)
        gathered.prices = call(prices.price_performance, REFRESH_PRICES, con, benchmark,
                               min_score=threshold, as_of=as_of)
        gathered.cost_trend = call(trend.cost_trend, REFRESH_PRICES, con, benchmark, threshold,
                                   as_of=as_of)
    # the ecosystem is cut at the as-of date too, so no card shows a figure from after it
    gathered.hub = _hub(con, as_of)
    gathered.lineage = _lineage(con, as_of)
    gathered.contributors = _contributors(con, as_of)
    gathered.tco = _tco(con, tco_inputs, as_of)
    if article is not None:
        gathered.article = article
        gathered.claims = claims.check_text(con, article)
    return gathered


def stale(row: dict) -> bool:
    """No model released inside the lag window: that lag grows with the calendar, not the data."""
    return row.get("models_in_window") == 0


def charted_benchmarks(overview: list[dict]) -> list[dict]:
    """The benchmarks drawn as charts (and in the headline): current ones first (a model released in
    the window), then those with the most models on their smaller side (open or closed), so a chart
    shows a frontier, not three dots; the table lists every benchmark."""
    ranked = sorted(overview, key=lambda r: (stale(r), -min(r.get("open_models") or 0, r.get("closed_models") or 0),
                                             r["benchmark"].lower()))
    return ranked[:MAX_FRONTIER_CHARTS]


def price_benchmark(con: duckdb.DuckDBPyConnection, overview: list[dict]) -> tuple[str, float] | None:
    """The benchmark for the price section and its threshold: of the benchmarks with a parity result,
    the one with the most priced models (`metrics.prices.price_coverage`), at its best open score now
    (the parity metric's `open_best`). None when nothing qualifies."""
    candidates = {r["benchmark"].lower(): r for r in overview if r.get("open_best") is not None}
    if not candidates:
        return None
    priced = [(b["priced"], b["benchmark"]) for b in prices.price_coverage(con)["benchmarks"]
              if b["benchmark"].lower() in candidates and b["priced"] >= 2]
    if not priced:
        return None
    _, name = min(priced, key=lambda x: (-x[0], x[1].lower()))
    row = candidates[name.lower()]
    return row["benchmark"], row["open_best"]


def _hub(con: duckdb.DuckDBPyConnection, as_of: date | None = None) -> dict | Missing:
    """Hub growth (statements first seen and models created by `as_of`); with neither a listing nor
    a docs statement there is nothing to show."""
    growth = call(hub.hub_growth, REFRESH_HUB, con, until=as_of)
    if isinstance(growth, dict) and not growth.get("statements") and not growth.get("models"):
        if as_of is not None and not isinstance(_hub(con), Missing):
            return Missing(f"No Hub docs statement or listed model dated on or before {as_of.isoformat()}.",
                           "Pick a later `--as-of`")
        return REFRESH_HUB
    return growth


def _lineage(con: duckdb.DuckDBPyConnection, as_of: date | None = None) -> dict | Missing:
    """Derivative velocity of the top bases as of `as_of` (no Hub-wide chains: the report shows only
    the bases)."""
    return call(lineage.lineage_report, REFRESH_LINEAGE, con, lineage.LineageQuery(top=TOP_BASES, until=as_of),
                with_chains=False)


def _contributors(con: duckdb.DuckDBPyConnection, as_of: date | None = None) -> dict | Missing:
    """Per repository: monthly commits and authors with the metric's summary (`{"repos": [...]}`),
    from the months that had ended by `as_of`."""
    rows = call(contributors.rows_from_table, REFRESH_GIT, con, until=as_of)
    if not isinstance(rows, list):
        if as_of is not None and isinstance(call(contributors.rows_from_table, REFRESH_GIT, con), list):
            return Missing(f"No contributor month ended on or before {as_of.isoformat()}.", "Pick a later `--as-of`")
        return rows
    # typed result: `call` gives its JSON shape, {"repos": [...]}
    return call(contributors.velocity, REFRESH_GIT, rows, until=as_of)


def _tco(con: duckdb.DuckDBPyConnection, inputs: dict[str, Any] | None, as_of: date | None) -> dict | Missing:
    """The TCO example from the reader's inputs; bad inputs are the reader's to fix, so they raise."""
    if inputs is None:
        return NO_TCO
    try:
        return tco.tco(con, as_of=as_of, **inputs).to_json()
    except TypeError as exc:
        raise InputError(f"--tco: {exc}") from None

"""Which score stands for which model: selecting parity points from the warehouse.

Score choice (docs/parity.md): rows of one benchmark (names matched case-insensitively, with
aliases) are kept when they have a score, a release date and an open/closed status (each the
row's own, else its canonical model's through `model_aliases`/`models`), were released on or
before the as-of date, are not low-trust (Epoch trust -1) unless `all_rows`, and are not on a
moving alias (`models.moving`: `mistral-medium-latest` has no fixed release or weights). A model
is its canonical `model_id` when the alias table knows it, else `source:name`; a reasoning-effort
or thinking-budget setting counts as the model it is applied to (`models.setting_of`), so a model
is one point at the best of its settings, as Epoch reports it. Each model then keeps
one row: the highest-priority source (SOURCE_PRIORITY), then its best score, then the earliest
release date, then the name.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

import duckdb

from ..domain.benchmarks import benchmark_key
from ..domain.priority import FactKind, order, rank
from ..errors import DataError, InputError
from .parity import METHODS, Point, default_window, gap, horizon, window_start
from .parity_bootstrap import horizon_bootstrap
from .parity_result import parity_result

# The score priority and its reasons: openpace.domain.priority (SCORE); any other source follows,
# alphabetically.
SOURCE_PRIORITY = order(FactKind.SCORE)
MIN_MODELS_PER_SIDE = 3  # the overview lists a benchmark with at least this many on each side


def source_rank(source: str) -> tuple[int, str]:
    return rank(FactKind.SCORE, source)


@dataclass
class Selection:
    """The points of one benchmark and what was left out, with the provenance of the rows used."""

    benchmark: str
    unit: str | None
    points: list[Point]
    provenance: list[dict] = field(default_factory=list)
    excluded: dict[str, int] = field(default_factory=dict)
    basis: dict[str, int] = field(default_factory=dict)  # how date/openness were resolved

    def side(self, is_open: bool) -> list[Point]:
        return [p for p in self.points if p.is_open is is_open]

    def summary(self) -> dict:
        dates = [p.date for p in self.points]
        return {
            "unit": self.unit,
            "open_models": len(self.side(True)),
            "closed_models": len(self.side(False)),
            "first_date": min(dates).isoformat() if dates else None,
            "last_date": max(dates).isoformat() if dates else None,
            "sources": [dict(p) for p in self.provenance],
            "excluded_rows": self.excluded,
            "resolved_from_canonical": self.basis,
        }


SELECT_ROWS = """
WITH alias AS (
    SELECT source, alias, min(model_id) AS model_id FROM model_aliases GROUP BY source, alias
)
SELECT s.model_name, s.benchmark, s.score, s.unit, s.source, s.origin, s.license, s.observed, s.trust,
       s.release_date, m.release_date, s.open_weights, m.open_weights,
       coalesce(m.setting_of, a.model_id), coalesce(m.moving, false)
FROM scores s
LEFT JOIN alias a ON a.source = s.source AND a.alias = s.model_name
LEFT JOIN models m ON m.model_id = a.model_id
WHERE true {filters}
"""


class Candidate(NamedTuple):
    """A usable row, in the order score choice sorts them (source priority, model, best score)."""

    rank: tuple[int, str]
    key: str
    neg_score: float
    released: date
    name: str
    benchmark: str
    unit: str
    source: str
    origin: str
    license: str
    observed: date | None
    is_open: bool
    score: float
    date_from_canonical: bool
    open_from_canonical: bool


def fetch_rows(con: duckdb.DuckDBPyConnection, names: list[str] | None, source: str | None) -> list[tuple]:
    """Score rows with their canonical model's date and openness (names None: every benchmark)."""
    filters, params = "", []
    if names is not None:
        filters += " AND s.benchmark IN (SELECT unnest(?))"
        params.append(names)
    if source:
        filters += " AND s.source = ?"
        params.append(source)
    return con.execute(SELECT_ROWS.format(filters=filters), params).fetchall()


def benchmark_names(con: duckdb.DuckDBPyConnection, source: str | None = None) -> dict[str, list[str]]:
    """Benchmark key -> the names the warehouse uses for it (optionally in one source)."""
    sql = "SELECT DISTINCT benchmark FROM scores" + (" WHERE source = ?" if source else "") + " ORDER BY 1"
    names: dict[str, list[str]] = {}
    for (name,) in con.execute(sql, [source] if source else []).fetchall():
        names.setdefault(benchmark_key(name), []).append(name)
    return names


def check_source(con: duckdb.DuckDBPyConnection, source: str | None) -> None:
    if source is None:
        return
    known = [r[0] for r in con.execute("SELECT DISTINCT source FROM scores ORDER BY 1").fetchall()]
    if source not in known:
        raise InputError(f"--source {source!r}: no scores from that source (sources with scores: {', '.join(known) or 'none'})")


def main_unit(candidates: list[Candidate]) -> str | None:
    """The benchmark's unit: the most common among its highest-priority source's rows (ties:
    alphabetical). Rows in another unit (another scale under the same name) are left out, not mixed."""
    if not candidates:
        return None
    top = Counter(c.unit for c in candidates if c.rank == candidates[0].rank)
    return min(top, key=lambda u: (-top[u], u))


def select_points(con: duckdb.DuckDBPyConnection, benchmark: str, source: str | None = None,
                  as_of: date | None = None, all_rows: bool = False) -> Selection:
    """One point per model for `benchmark`, by the score choice in the module docstring."""
    names = benchmark_names(con, source).get(benchmark_key(benchmark))
    if not names:
        where = f" from source {source!r}" if source else ""
        raise DataError(f"no scores for benchmark {benchmark!r}{where}; `openpace parity` lists the benchmarks")
    return choose(fetch_rows(con, names, source), as_of or date.today(), all_rows, names[0])


def choose(rows: list[tuple], as_of: date, all_rows: bool, fallback_name: str) -> Selection:
    """Filter the rows of one benchmark and keep one per model (module docstring)."""
    excluded: Counter[str] = Counter()
    candidates = []
    for (name, bench, score, unit, src, origin, licence, observed, trust,
         row_date, model_date, row_open, model_open, model_id, moving) in rows:
        released = row_date if row_date is not None else model_date
        is_open = row_open if row_open is not None else model_open
        if moving:
            excluded["moving_alias"] += 1
        elif trust == -1 and not all_rows:
            excluded["low_trust"] += 1
        elif released is None:
            excluded["no_release_date"] += 1
        elif is_open is None:
            excluded["unknown_open_closed"] += 1
        elif released > as_of:
            excluded["released_after_as_of"] += 1
        else:
            candidates.append(Candidate(source_rank(src), model_id or f"{src}:{name}", -score, released, name, bench,
                                        unit, src, origin, licence, observed, bool(is_open), score,
                                        row_date is None, row_open is None))
    candidates.sort(key=lambda c: (c.rank, c.key, c.neg_score, c.released, c.name))
    unit = main_unit(candidates)
    chosen: dict[str, Candidate] = {}
    for cand in candidates:
        if cand.unit != unit:
            excluded["other_unit"] += 1
        elif cand.key in chosen:
            excluded["not_chosen_duplicate"] += 1
        else:
            chosen[cand.key] = cand
    points = [Point(model=c.name, date=c.released, score=c.score, is_open=c.is_open, key=c.key, source=c.source)
              for c in chosen.values()]
    provenance = Counter((c.source, c.origin, c.license, c.observed) for c in chosen.values())
    basis = {"release_date": sum(c.date_from_canonical for c in chosen.values()),
             "open_weights": sum(c.open_from_canonical for c in chosen.values())}
    return Selection(
        benchmark=candidates[0].benchmark if candidates else fallback_name,  # the highest-priority source's name
        unit=unit, points=sorted(points, key=lambda p: (p.date, -p.score, p.ident)),
        provenance=[{"source": s, "origin": o, "license": lic, "observed": obs.isoformat() if obs else None, "models": n}
                    for (s, o, lic, obs), n in sorted(provenance.items(), key=lambda kv: (source_rank(kv[0][0]), kv[0][1]))],
        excluded=dict(sorted(excluded.items())), basis={k: v for k, v in basis.items() if v},
    )


def check_options(method: str, window_months: int | None) -> None:
    if method not in METHODS:
        raise InputError(f"--method {method!r}: expected one of {', '.join(METHODS)}")
    if window_months is not None and window_months < 1:
        raise InputError(f"--window-months {window_months}: expected a whole number of months >= 1")


def parity_for(con: duckdb.DuckDBPyConnection, benchmark: str, source: str | None = None, as_of: date | None = None,
               method: str = "horizon", window_months: int | None = None, all_rows: bool = False,
               timeline: bool = False) -> dict:
    """Frontier lag and gap for one benchmark, in the JSON shape of `openpace parity --json`.

    `window_months` None means the method's default (12 for horizon, 24 for match). Beyond the
    spec's keys: `data` (model counts, span, sources with origin and licence, excluded rows)
    and `stats` (day counts, bootstrap details); `timeline` when asked.
    """
    check_options(method, window_months)
    check_source(con, source)
    as_of = as_of or date.today()
    sel = select_points(con, benchmark, source, as_of, all_rows)
    result = parity_result(sel.points, as_of, method, window_months, with_timeline=timeline)
    start = date.fromisoformat(result["stats"]["window_start"])
    data = {**sel.summary(), "models_in_window": sum(start < p.date <= as_of for p in sel.points)}
    return {"benchmark": sel.benchmark, "source": source, "as_of": as_of.isoformat(), "method": method,
            **result, "data": data}


def parity_overview(con: duckdb.DuckDBPyConnection, as_of: date | None = None, source: str | None = None,
                    all_rows: bool = False, window_months: int | None = None) -> list[dict]:
    """Every benchmark with at least 3 open and 3 closed models: the horizon headline with its
    90% interval, the gap, model counts and data span; sorted by lag (shortest first, none last)."""
    check_options("horizon", window_months)
    check_source(con, source)
    as_of = as_of or date.today()
    window = window_months or default_window("horizon")
    grouped: dict[str, list[tuple]] = {}
    for row in fetch_rows(con, None, source):  # one query for every benchmark
        grouped.setdefault(benchmark_key(row[1]), []).append(row)
    rows = []
    for key in sorted(grouped):
        sel = choose(grouped[key], as_of, all_rows, grouped[key][0][1])
        n_open, n_closed = len(sel.side(True)), len(sel.side(False))
        if n_open < MIN_MODELS_PER_SIDE or n_closed < MIN_MODELS_PER_SIDE:
            continue
        h = horizon(sel.points, as_of, window)
        ci, _ = horizon_bootstrap(sel.points, as_of, window) if h.lag_months is not None else (None, 0)
        g = gap(sel.points, as_of)
        summary = sel.summary()
        rows.append({
            "benchmark": sel.benchmark, "unit": sel.unit,
            "sources": list(dict.fromkeys(p["source"] for p in summary["sources"])),
            "lag_months": None if h.lag_months is None else round(h.lag_months, 2),
            "ci90": [round(ci[0], 2), round(ci[1], 2)] if ci else None,
            "window_months": window, "open_leads_days": h.open_leads_days, "days_measured": h.days_measured,
            "gap_points": None if g.points is None else round(g.points, 4),
            "closed_best": g.closed.score, "closed_model": g.closed.model,
            "open_best": g.open.score, "open_model": g.open.model,
            "open_models": n_open, "closed_models": n_closed,
            "first_date": summary["first_date"], "last_date": summary["last_date"],
            # no model released inside the window: the lag there only grows with the calendar
            "models_in_window": sum(window_start(as_of, window) < p.date <= as_of for p in sel.points),
        })
    rows.sort(key=lambda r: (r["lag_months"] is None, r["lag_months"] or 0.0, r["benchmark"].lower()))
    return rows

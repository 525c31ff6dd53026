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

Score basis (`domain.basis`): every row is independent, self-reported or unknown by its provenance;
a selection uses one basis. By default the independent rows when each side has at least 3 models,
else the self-reported rows when each side has; else the result is "insufficient data" with the
counts. `basis="any"` keeps every row and is labelled mixed. The independent basis uses ONE
evaluator (`domain.basis.evaluator_of`): the one with the most models on its smaller side (then
the most in all, then by name), so Epoch's SWE-bench harness never meets swebench.com's in a gap;
its counts are that evaluator's.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

import duckdb

from ..domain import basis as basis_rules
from ..domain.benchmarks import benchmark_key
from ..domain.priority import FactKind, order, rank
from ..errors import DataError, InputError
from ..identity.report import date_conflicts
from .parity import METHODS, Point, default_window, gap, horizon, window_start
from .parity_bootstrap import horizon_bootstrap
from .parity_capability import capability_parity, is_capability
from .staleness import Staleness, iso as _iso
from .parity_result import parity_result
from .parity_types import OverviewRow, ParityOverview, ParityResult

# The score priority and its reasons: openpace.domain.priority (SCORE); any other source follows,
# alphabetically.
SOURCE_PRIORITY = order(FactKind.SCORE)
MIN_MODELS_PER_SIDE = basis_rules.MIN_MODELS_PER_SIDE  # fewer on a side: "insufficient data", no number
OK, INSUFFICIENT = "ok", "insufficient_data"


def source_rank(source: str) -> tuple[int, str]:
    return rank(FactKind.SCORE, source)


@dataclass
class Selection:
    """The points of one benchmark on one score basis and what was left out, with provenance.

    `basis` is "independent", "self_reported" or "mixed" (every row, `--basis any`); `status` is
    "insufficient_data" when a side has fewer than MIN_MODELS_PER_SIDE models on that basis;
    `counts` gives, per basis, the open and closed models it would have.
    """

    benchmark: str
    unit: str | None
    points: list[Point]
    provenance: list[dict] = field(default_factory=list)
    excluded: dict[str, int] = field(default_factory=dict)
    resolved: dict[str, int] = field(default_factory=dict)  # how date/openness were resolved
    basis: str = basis_rules.MIXED
    status: str = OK
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    last_by_basis: dict[str, dict[str, str | None]] = field(default_factory=dict)
    evaluator: str | None = None  # the one evaluator of an independent selection
    evaluator_counts: dict[str, dict[str, int]] = field(default_factory=dict)

    def side(self, is_open: bool) -> list[Point]:
        return [p for p in self.points if p.is_open is is_open]

    def staleness(self) -> Staleness:
        return Staleness(max((p.date for p in self.side(True)), default=None),
                         max((p.date for p in self.side(False)), default=None))

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
            "resolved_from_canonical": self.resolved,
            "basis_counts": self.counts,
            "evaluator": self.evaluator,
            "evaluator_counts": self.evaluator_counts,
            "staleness": {**self.staleness().to_json(), "by_basis": self.last_by_basis},
        }


SELECT_ROWS = """
WITH alias AS (
    SELECT source, alias, min(model_id) AS model_id FROM model_aliases GROUP BY source, alias
)
SELECT s.model_name, s.benchmark, s.score, s.unit, s.source, s.origin, s.license, s.observed, s.trust,
       s.release_date, m.release_date, s.open_weights, m.open_weights,
       coalesce(m.setting_of, a.model_id), coalesce(m.moving, false), s.raw
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
    basis: str  # independent | self_reported | unknown (domain.basis)
    evaluator: str | None  # who ran an independent row (domain.basis.evaluator_of)


def fetch_rows(con: duckdb.DuckDBPyConnection, names: list[str] | None, source: str | None) -> list[tuple]:
    """Score rows with their canonical model's date and openness (names None: every benchmark)."""
    filters, params = "", list[Any]()
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


def check_basis(choice: str | None) -> None:
    if choice is not None and choice not in basis_rules.CHOICES:
        raise InputError(f"--basis {choice!r}: expected one of {', '.join(basis_rules.CHOICES)}")


def select_points(con: duckdb.DuckDBPyConnection, benchmark: str, source: str | None = None,
                  as_of: date | None = None, all_rows: bool = False, basis: str | None = "any") -> Selection:
    """One point per model for `benchmark` on one score basis (module docstring).

    The default `basis="any"` (every row, labelled mixed) keeps the callers that predate score
    bases (metrics.prices) as they were; parity passes its own choice.

    `basis` None: independent when each side has >= 3 models, else self-reported when each side
    has, else (`auto_basis`) the fuller one with status "insufficient_data". `as_of` None: the last release date
    the benchmark's rows cover.
    """
    check_basis(basis)
    names = benchmark_names(con, source).get(benchmark_key(benchmark))
    if not names:
        where = f" from source {source!r}" if source else ""
        raise DataError(f"no scores for benchmark {benchmark!r}{where}; `openpace parity` lists the benchmarks")
    return choose(fetch_rows(con, names, source), as_of, all_rows, names[0], basis)


def data_end(rows: list[tuple]) -> date | None:
    """The last release date a benchmark's rows cover (row date, else the canonical model's)."""
    return max((r[9] if r[9] is not None else r[10] for r in rows if (r[9] or r[10]) is not None), default=None)


def candidates_of(rows: list[tuple], as_of: date, all_rows: bool) -> tuple[list[Candidate], Counter[str]]:
    """The usable rows (filters in the module docstring), in score-choice order, and the counts left out."""
    excluded: Counter[str] = Counter()
    candidates = []
    for (name, bench, score, unit, src, origin, licence, observed, trust,
         row_date, model_date, row_open, model_open, model_id, moving, raw) in rows:
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
                                        row_date is None, row_open is None,
                                        basis_rules.score_basis(src, bench, origin, raw),
                                        basis_rules.evaluator_of(src, bench, origin, raw)))
    candidates.sort(key=lambda c: (c.rank, c.key, c.neg_score, c.released, c.name))
    return candidates, excluded


def one_per_model(candidates: list[Candidate], excluded: Counter[str]) -> tuple[str | None, dict[str, Candidate]]:
    """The unit and, per model, its chosen row (the first in score-choice order, in the unit)."""
    unit = main_unit(candidates)
    chosen: dict[str, Candidate] = {}
    for cand in candidates:
        if cand.unit != unit:
            excluded["other_unit"] += 1
        elif cand.key in chosen:
            excluded["not_chosen_duplicate"] += 1
        else:
            chosen[cand.key] = cand
    return unit, chosen


def side_counts(chosen: dict[str, Candidate]) -> dict[str, int]:
    return {"open": sum(c.is_open for c in chosen.values()), "closed": sum(not c.is_open for c in chosen.values())}


def enough(counts: dict[str, int]) -> bool:
    return counts["open"] >= MIN_MODELS_PER_SIDE and counts["closed"] >= MIN_MODELS_PER_SIDE


def auto_basis(counts: dict[str, dict[str, int]]) -> str:
    """Independent when each side has enough models, else self-reported when it has; else the
    basis with more models on its smaller side (then more in all; ties: independent), whose
    result will say "insufficient data" with these counts."""
    for b in basis_rules.BASES:
        if enough(counts[b]):
            return b
    return max(basis_rules.BASES, key=lambda b: (min(counts[b].values()), sum(counts[b].values()),
                                                 b == basis_rules.INDEPENDENT))


def one_evaluator(candidates: list[Candidate]) -> tuple[str | None, dict[str, dict[str, int]]]:
    """The evaluator an independent selection uses (module docstring) and every evaluator's counts."""
    per_evaluator: dict[str, dict[str, int]] = {}
    for name in sorted({c.evaluator for c in candidates if c.evaluator}):
        _, chosen = one_per_model([c for c in candidates if c.evaluator == name], Counter())
        per_evaluator[name] = side_counts(chosen)
    if not per_evaluator:
        return None, {}
    # names in alphabetical order: max keeps the first of equals, so a tie is settled by name
    best = max(per_evaluator, key=lambda e: (min(per_evaluator[e].values()), sum(per_evaluator[e].values())))
    return best, per_evaluator


def choose(rows: list[tuple], as_of: date | None, all_rows: bool, fallback_name: str,
           basis: str | None = None) -> Selection:
    """Filter the rows of one benchmark, pick the basis, and keep one row per model."""
    as_of = as_of or data_end(rows) or date.today()
    candidates, excluded = candidates_of(rows, as_of, all_rows)
    evaluator, evaluator_counts = one_evaluator([c for c in candidates if c.basis == basis_rules.INDEPENDENT])
    per_basis = {}
    for b in basis_rules.BASES:
        unit, chosen = one_per_model([c for c in candidates if c.basis == b and
                                      (b != basis_rules.INDEPENDENT or c.evaluator == evaluator)], Counter())
        per_basis[b] = chosen
    counts = {b: side_counts(per_basis[b]) for b in basis_rules.BASES}
    last = {b: {"open": _iso(max((c.released for c in per_basis[b].values() if c.is_open), default=None)),
                "closed": _iso(max((c.released for c in per_basis[b].values() if not c.is_open), default=None))}
            for b in basis_rules.BASES}
    if basis == "any":
        used, label = candidates, basis_rules.MIXED
    else:
        label = basis or auto_basis(counts)
        used = [c for c in candidates if c.basis == label]
        excluded[f"basis_not_{label}"] += len(candidates) - len(used)
        if label == basis_rules.INDEPENDENT:
            others = [c for c in used if c.evaluator != evaluator]
            used = [c for c in used if c.evaluator == evaluator]
            excluded["other_evaluator"] += len(others)
    unit, chosen = one_per_model(used, excluded)
    status = OK if enough(side_counts(chosen)) else INSUFFICIENT
    points = [Point(model=c.name, date=c.released, score=c.score, is_open=c.is_open, key=c.key, source=c.source)
              for c in chosen.values()]
    provenance = Counter((c.source, c.origin, c.license, c.observed) for c in chosen.values())
    resolved = {"release_date": sum(c.date_from_canonical for c in chosen.values()),
                "open_weights": sum(c.open_from_canonical for c in chosen.values())}
    return Selection(
        benchmark=used[0].benchmark if used else (candidates[0].benchmark if candidates else fallback_name),
        unit=unit, points=sorted(points, key=lambda p: (p.date, -p.score, p.ident)),
        provenance=[{"source": s, "origin": o, "license": lic, "observed": obs.isoformat() if obs else None, "models": n}
                    for (s, o, lic, obs), n in sorted(provenance.items(), key=lambda kv: (source_rank(kv[0][0]), kv[0][1]))],
        excluded={k: v for k, v in sorted(excluded.items()) if v}, resolved={k: v for k, v in resolved.items() if v},
        basis=label, status=status, counts=counts, last_by_basis=last,
        evaluator=evaluator if label == basis_rules.INDEPENDENT else None, evaluator_counts=evaluator_counts,
    )


def check_options(method: str, window_months: int | None) -> None:
    if method not in METHODS:
        raise InputError(f"--method {method!r}: expected one of {', '.join(METHODS)}")
    if window_months is not None and window_months < 1:
        raise InputError(f"--window-months {window_months}: expected a whole number of months >= 1")


def insufficient_result(sel: Selection, method: str, window_months: int | None) -> dict:
    """No number: a side has fewer than MIN_MODELS_PER_SIDE models on the basis."""
    n_open, n_closed = len(sel.side(True)), len(sel.side(False))
    return {
        "reason": (f"insufficient data: {n_open} open and {n_closed} closed models on the {sel.basis} basis"
                   + (f" (one evaluator: {sel.evaluator})" if sel.evaluator else "")
                   + "".join(f"; {b}: {c['open']} open, {c['closed']} closed" for b, c in sel.counts.items()
                             if b != sel.basis)
                   + f" (at least {MIN_MODELS_PER_SIDE} of each needed)"),
        "headline": {"lag_months": None, "ci90": None, "at_least": False,
                     "window_months": window_months or default_window(method), "open_leads_days": None},
        "points": [],
        "gap": {"closed_best": None, "closed_model": None, "open_best": None, "open_model": None, "points": None},
    }


def parity_for(con: duckdb.DuckDBPyConnection, benchmark: str, source: str | None = None, as_of: date | None = None,
               method: str = "horizon", window_months: int | None = None, all_rows: bool = False,
               timeline: bool = False, basis: str | None = None) -> ParityResult:
    """Frontier lag and gap for one benchmark (`to_json()`: the JSON of `openpace parity --json`).

    `window_months` None means the method's default (12 for horizon, 24 for match); `as_of` None
    the last release date the benchmark's data covers; `basis` None independent first (module
    docstring). Beyond the spec's keys: `basis`, `status`, `data` (model counts, span, sources
    with origin and licence, excluded rows, staleness) and `stats` (day counts, bootstrap
    details); `timeline` when asked.
    """
    check_options(method, window_months)
    if is_capability(benchmark):
        if source is not None or basis not in (None, "any"):
            raise InputError("--benchmark capability: the index is fitted on Epoch's benchmarking data, every basis "
                             "(drop --source and --basis)")
        return ParityResult.from_json(capability_parity(con, as_of, method, window_months, timeline))
    check_source(con, source)
    sel = select_points(con, benchmark, source, as_of, all_rows, basis)
    day = as_of or _data_as_of(sel)
    head = {"benchmark": sel.benchmark, "source": source, "as_of": day.isoformat(), "method": method,
            "basis": sel.basis}
    if sel.status == INSUFFICIENT:
        return ParityResult.from_json({**head, "status": INSUFFICIENT, **insufficient_result(sel, method, window_months),
                                       "data": sel.summary()})
    staleness = sel.staleness()
    result = parity_result(sel.points, day, method, window_months, with_timeline=timeline,
                           timeline_end=staleness.data_end)
    start = date.fromisoformat(result["stats"]["window_start"])
    data = {**sel.summary(), "models_in_window": sum(start < p.date <= day for p in sel.points),
            "date_conflicts": result_date_conflicts(con, sel.points, result)}
    return ParityResult.from_json({**head, "status": OK, **result, "data": data})


def result_date_conflicts(con: duckdb.DuckDBPyConnection, points: list[Point], result: dict) -> list[dict]:
    """The release-date conflicts (sources more than 30 days apart, `openpace models --conflicts`)
    of the models the result names: the gap's two models and every frontier point's."""
    named = {result["gap"]["closed_model"], result["gap"]["open_model"]}
    for f in result["points"]:
        named |= {f["closed_model"], f["open_model"]}
    ids = {p.key for p in points if p.model in named}
    if not ids:
        return []
    return [{"model_id": c["model_id"], "release_date": c["release_date"].isoformat(),
             "release_source": c["release_source"], "max_days_apart": c["max_days_apart"],
             "sources": [{**s, "release_date": s["release_date"].isoformat()} for s in c["sources"]]}
            for c in date_conflicts(con) if c["model_id"] in ids]


def _data_as_of(sel: Selection) -> date:
    """The as-of used when none is given: the last release date among the selection's models."""
    return max((p.date for p in sel.points), default=date.today())


def parity_overview(con: duckdb.DuckDBPyConnection, as_of: date | None = None, source: str | None = None,
                    all_rows: bool = False, window_months: int | None = None, basis: str | None = None) -> ParityOverview:
    """Every benchmark with at least 3 open and 3 closed models on its basis: the horizon headline
    with its 90% interval, the gap, model counts, data span and staleness; sorted by lag (shortest
    first, none last). `as_of` None: each benchmark as of the last date its data covers."""
    check_options("horizon", window_months)
    check_source(con, source)
    check_basis(basis)
    window = window_months or default_window("horizon")
    grouped: dict[str, list[tuple]] = {}
    for row in fetch_rows(con, None, source):  # one query for every benchmark
        grouped.setdefault(benchmark_key(row[1]), []).append(row)
    rows = []
    for key in sorted(grouped):
        sel = choose(grouped[key], as_of, all_rows, grouped[key][0][1], basis)
        if sel.status != OK:
            continue
        day = as_of or _data_as_of(sel)
        n_open, n_closed = len(sel.side(True)), len(sel.side(False))
        h = horizon(sel.points, day, window)
        ci, _ = horizon_bootstrap(sel.points, day, window) if h.lag_months is not None else (None, 0)
        g = gap(sel.points, day)
        summary = sel.summary()
        stale = sel.staleness()
        rows.append({
            "benchmark": sel.benchmark, "unit": sel.unit, "basis": sel.basis, "evaluator": sel.evaluator,
            "as_of": day.isoformat(),
            "sources": list(dict.fromkeys(p["source"] for p in summary["sources"])),
            "lag_months": None if h.lag_months is None else round(h.lag_months, 2),
            "ci90": [round(ci[0], 2), round(ci[1], 2)] if ci else None,
            "window_months": window, "open_leads_days": h.open_leads_days, "days_measured": h.days_measured,
            "gap_points": None if g.points is None else round(g.points, 4),
            "closed_best": g.closed.score if g.closed else None, "closed_model": g.closed.model if g.closed else None,
            "open_best": g.open.score if g.open else None, "open_model": g.open.model if g.open else None,
            "open_models": n_open, "closed_models": n_closed,
            "first_date": summary["first_date"], "last_date": summary["last_date"],
            "last_open": _iso(stale.last_open), "last_closed": _iso(stale.last_closed), "stale_side": stale.stale_side,
            # no model released inside the window: the lag there only grows with the calendar
            "models_in_window": sum(window_start(day, window) < p.date <= day for p in sel.points),
        })
    rows.sort(key=lambda r: (r["lag_months"] is None, r["lag_months"] or 0.0, r["benchmark"].lower()))
    return ParityOverview(tuple(OverviewRow(**{**r, "as_of": date.fromisoformat(r["as_of"]), "sources": tuple(r["sources"]),
                                                "ci90": tuple(r["ci90"]) if r["ci90"] else None}) for r in rows))

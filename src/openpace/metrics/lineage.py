"""Derivative velocity on the Hub: how fast models are built on a base model, from `hub_lineage`.

Definition (docs/ecosystem.md, spec "Derivative velocity"): for a base model, the Hub models that
declare it directly as `base_model`, and those created at most 7 / 30 / 90 days (exact 24-hour
days) after the base was created, split by relation (finetune, adapter, merge, quantized, and
`unspecified` for a bare `base_model:<id>` tag). A model declaring several bases counts once for
each. The headline, `within_30d_excl_quantized`, leaves quantizations out: they repackage weights
rather than build on them. A derivative created before its base (a re-created repository) counts
in every window. A base that is not in the listing has no creation date, so no windows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, NamedTuple

import duckdb
import numpy as np

from ..errors import DataError, InputError

WINDOWS = (7, 30, 90)
RELATIONS = ("finetune", "adapter", "merge", "quantized", "unspecified")
HEADLINE = "within_30d_excl_quantized"
TIME_TO = 10  # time_to_10_days: days from the base's creation to its 10th non-quantized derivative
MAX_DEPTH = 64  # a longer chain than this can only be a cycle of base_model declarations

# One row per base. Bases were resolved to listed models at ingest (hub_lineage.base_id, matched
# case-insensitively as Hub ids are); an unlisted base is keyed by its lower-cased name.
KEY = "coalesce(base_id, lower(base))"
BASES_SQL = """
SELECT {key} AS k, any_value(base_created) AS created, any_value(base_id IS NOT NULL) AS listed, count(*) AS total,
       {windows},
       count(*) FILTER (WHERE relation <> 'quantized' AND child_created <= base_created + INTERVAL 30 DAY) AS w30x,
       {relations}
FROM hub_lineage
WHERE {edges}
GROUP BY 1
HAVING {where}
ORDER BY total DESC, k
LIMIT $top
"""


class BaseRow(NamedTuple):
    """One row of BASES_SQL (column names as the query writes them)."""

    k: str
    created: datetime | None
    listed: bool
    total: int
    w7: int
    w30: int
    w90: int
    w30x: int
    r_finetune: int
    r_adapter: int
    r_merge: int
    r_quantized: int
    r_unspecified: int


@dataclass(frozen=True)
class Derivatives:
    """A base's derivative counts; the windows are None for a base with no creation date."""

    total: int
    within_7d: int | None
    within_30d: int | None
    within_90d: int | None
    within_30d_excl_quantized: int | None
    by_relation: dict[str, int]

    def to_json(self) -> dict[str, Any]:
        return {"total": self.total, "within_7d": self.within_7d, "within_30d": self.within_30d,
                "within_90d": self.within_90d, HEADLINE: self.within_30d_excl_quantized,
                "by_relation": dict(self.by_relation)}


@dataclass(frozen=True)
class BaseVelocity:
    model: str
    created: str | None
    listed: bool
    derivatives: Derivatives
    time_to_10_days: float | None
    leaf_share: float | None

    def to_json(self) -> dict[str, Any]:
        return {"model": self.model, "created": self.created, "listed": self.listed,
                "derivatives": self.derivatives.to_json(), "time_to_10_days": self.time_to_10_days,
                "leaf_share": self.leaf_share}


@dataclass(frozen=True)
class Chains:
    derivatives: int
    leaves: int
    leaf_share: float | None
    max_depth: int
    by_depth: dict[str, int]
    in_cycles: int

    def to_json(self) -> dict[str, Any]:
        return {"derivatives": self.derivatives, "leaves": self.leaves, "leaf_share": self.leaf_share,
                "max_depth": self.max_depth, "by_depth": dict(self.by_depth), "in_cycles": self.in_cycles}


@dataclass(frozen=True)
class ListingProvenance:
    source: str
    models: int
    edges: int
    origins: tuple[str, ...]
    observed: tuple[str | None, str | None]
    refreshed: str | None

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "models": self.models, "edges": self.edges, "origins": list(self.origins),
                "observed": list(self.observed), "refreshed": self.refreshed}


@dataclass(frozen=True)
class LineageReport:
    """Everything `openpace lineage --json` prints."""

    bases: tuple[BaseVelocity, ...]
    chains: Chains | None
    listing: ListingProvenance
    definition: str

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"bases": [b.to_json() for b in self.bases]}
        if self.chains is not None:
            out["chains"] = self.chains.to_json()
        out["listing"] = self.listing.to_json()
        out["definition"] = self.definition
        return out


@dataclass
class LineageQuery:
    """What `openpace lineage` asks: one base, the top N, bases created since a date, and an as-of
    day (`until`): only declarations by models created on or before it, of bases created by then."""

    base: str | None = None
    top: int = 20
    since: date | None = None
    until: date | None = None


def edges_sql(until: date | None, alias: str = "") -> str:
    """The declarations visible on `until` (all of them without it): child created by then, and a
    base not created after it. The day is the query's `$until` parameter (`as_of_params`)."""
    if until is None:
        return "TRUE"
    cut = "$until::DATE + INTERVAL 1 DAY"
    return (f"({alias}child_created < {cut} AND ({alias}base_created IS NULL OR {alias}base_created < {cut}))")


def as_of_params(until: date | None, **params: Any) -> dict[str, Any]:
    """A query's named parameters, with `$until` when `edges_sql(until)` wrote it in (DuckDB refuses
    a parameter the query does not use)."""
    return {**params, "until": until} if until is not None else params


def bases_sql(where: str, edges: str = "TRUE") -> str:
    windows = ",\n".join(
        f"count(*) FILTER (WHERE child_created <= base_created + INTERVAL {d} DAY) AS w{d}" for d in WINDOWS)
    relations = ",\n".join(f"count(*) FILTER (WHERE relation = '{r}') AS r_{r}" for r in RELATIONS)
    return BASES_SQL.format(key=KEY, windows=windows, relations=relations, where=where, edges=edges)


def base_rows(con: duckdb.DuckDBPyConnection, query: LineageQuery) -> list[BaseRow]:
    """Per base: totals, windowed counts and counts by relation, sorted by total descending."""
    where: list[str] = ["TRUE"]
    params: dict[str, Any] = {"top": query.top}
    if query.base:
        where.append(f"{KEY} = coalesce((SELECT min(id) FROM hub_models WHERE lower(id) = lower($base)), lower($base))")
        params["base"] = query.base
    if query.since:
        where.append("any_value(base_created) >= $since")
        params["since"] = datetime.combine(query.since, datetime.min.time())
    if query.top < 1:
        raise InputError(f"--top {query.top}: expected a positive number")
    cursor = con.execute(bases_sql(" AND ".join(where), edges_sql(query.until)), as_of_params(query.until, **params))
    names = tuple(d[0] for d in cursor.description or ())
    if names != BaseRow._fields:  # BASES_SQL and BaseRow are written apart: fail loudly if they drift
        raise AssertionError(f"BASES_SQL columns {names} != BaseRow {BaseRow._fields}")
    return [BaseRow(*row) for row in cursor.fetchall()]


def time_to_n(con: duckdb.DuckDBPyConnection, keys: list[str], n: int = TIME_TO,
              until: date | None = None) -> dict[str, float]:
    """Days from each base's creation to its n-th non-quantized derivative (absent if fewer)."""
    if not keys:
        return {}
    rows = con.execute(f"""
        WITH e AS (SELECT {KEY} AS k, child_created, base_created FROM hub_lineage
                   WHERE {KEY} IN (SELECT unnest($keys)) AND relation <> 'quantized' AND {edges_sql(until)}
                     AND child_created IS NOT NULL AND base_created IS NOT NULL),
             ranked AS (SELECT *, row_number() OVER (PARTITION BY k ORDER BY child_created) AS i FROM e)
        SELECT k, epoch(child_created) - epoch(base_created) FROM ranked WHERE i = $n""",
        as_of_params(until, keys=keys, n=n)).fetchall()
    return {k: round(seconds / 86400, 2) for k, seconds in rows}


def leaf_shares(con: duckdb.DuckDBPyConnection, keys: list[str], until: date | None = None) -> dict[str, float]:
    """For each base, the share of its direct derivatives that nothing declares as a base."""
    if not keys:
        return {}
    rows = con.execute(f"""
        WITH bases AS (SELECT DISTINCT base_id AS listed_base FROM hub_lineage
                       WHERE base_id IS NOT NULL AND {edges_sql(until)})
        SELECT {KEY}, avg(CASE WHEN b.listed_base IS NULL THEN 1.0 ELSE 0.0 END)
        FROM hub_lineage l LEFT JOIN bases b ON b.listed_base = l.child
        WHERE {KEY} IN (SELECT unnest($keys)) AND {edges_sql(until, "l.")} GROUP BY 1""",
        as_of_params(until, keys=keys)).fetchall()
    return {k: round(share, 4) for k, share in rows}


def velocity(con: duckdb.DuckDBPyConnection, query: LineageQuery | None = None) -> list[BaseVelocity]:
    """The `bases` of `openpace lineage --json`: each base with its derivative counts."""
    query = query or LineageQuery()
    rows = base_rows(con, query)
    keys = [r.k for r in rows]
    times, leaves = time_to_n(con, keys, until=query.until), leaf_shares(con, keys, until=query.until)
    unlisted = [r.k for r in rows if not r.listed]
    written = dict(con.execute(  # an unlisted base is shown as its declarations spell it
        "SELECT lower(base), min(base) FROM hub_lineage WHERE base_id IS NULL AND lower(base) IN (SELECT unnest(?)) "
        "GROUP BY 1", [unlisted]).fetchall()) if unlisted else {}
    result = []
    for r in rows:
        dated = r.created is not None
        counts = Derivatives(
            total=r.total, within_7d=r.w7 if dated else None, within_30d=r.w30 if dated else None,
            within_90d=r.w90 if dated else None, within_30d_excl_quantized=r.w30x if dated else None,
            by_relation={rel: getattr(r, f"r_{rel}") for rel in RELATIONS})
        result.append(BaseVelocity(
            model=r.k if r.listed else written.get(r.k, r.k),
            created=r.created.isoformat() if r.created is not None else None, listed=r.listed,
            derivatives=counts, time_to_10_days=times.get(r.k), leaf_share=leaves.get(r.k)))
    return result


def chains(con: duckdb.DuckDBPyConnection) -> Chains:
    """Depth of derivative chains and the share of derivatives that are leaves, Hub-wide.

    A derivative's depth is the number of base_model hops on its longest chain to a model that
    declares no base (a fine-tune of a fine-tune of a base has depth 2). A leaf is a derivative
    that no model declares as its base. Models caught in a cycle of declarations are counted apart.
    """
    derivatives = one_value(con, "SELECT count(DISTINCT child) FROM hub_lineage")
    if not derivatives:
        return Chains(derivatives=0, leaves=0, leaf_share=None, max_depth=0, by_depth={}, in_cycles=0)
    # Only edges whose base is itself a derivative lengthen a chain; every other derivative has
    # depth 1. Those edges are few, so the longest-path iteration runs on a small graph.
    inner = con.execute("""
        SELECT DISTINCT child, base_id FROM hub_lineage
        WHERE base_id IN (SELECT child FROM hub_lineage)""").fetchall()
    index: dict[str, int] = {}
    child = np.fromiter((index.setdefault(c, len(index)) for c, _ in inner), dtype=np.int64, count=len(inner))
    base = np.fromiter((index.setdefault(b, len(index)) for _, b in inner), dtype=np.int64, count=len(inner))
    depth = np.ones(len(index), dtype=np.int64)  # every node here is a derivative
    for _ in range(MAX_DEPTH + 1):
        new = np.ones(len(index), dtype=np.int64)
        np.maximum.at(new, child, depth[base] + 1)
        if np.array_equal(new, depth):
            break
        depth = new
    cyclic = depth > MAX_DEPTH
    deep = np.bincount(depth[~cyclic]) if len(index) else np.zeros(2, dtype=np.int64)
    by_depth = {str(d): int(n) for d, n in enumerate(deep) if d >= 2 and n}
    in_cycles = int(cyclic.sum())
    counted = derivatives - in_cycles
    by_depth = {"1": counted - sum(by_depth.values()), **by_depth}
    bases_among = len({b for _, b in inner})  # derivatives that something is built on
    leaves = derivatives - bases_among
    return Chains(derivatives=derivatives, leaves=leaves, leaf_share=round(leaves / derivatives, 4),
                  max_depth=max(int(d) for d, n in by_depth.items() if n) if counted else 0,
                  by_depth={d: n for d, n in by_depth.items() if n}, in_cycles=in_cycles)


def one_value(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> Any:
    """The one value of an aggregate query."""
    row = con.execute(sql, params or []).fetchone()
    if row is None:
        raise AssertionError(f"an aggregate query returned no row: {sql}")
    return row[0]


def listing_provenance(con: duckdb.DuckDBPyConnection) -> ListingProvenance:
    """Where the listing came from: models, edges, origins, observed dates, last refresh."""
    row = con.execute(
        "SELECT count(*), list(DISTINCT origin ORDER BY origin), min(observed), max(observed) FROM hub_models"
    ).fetchone()
    if row is None:
        raise AssertionError("an aggregate query returned no row")
    models, origins, first, last = row
    edges = one_value(con, "SELECT count(*) FROM hub_lineage")
    refreshed = one_value(con, "SELECT max(finished_at) FROM ingest_runs WHERE source = 'hf_hub' AND status = 'ok'")
    return ListingProvenance(
        source="hf_hub", models=models, edges=edges, origins=tuple(origins or ()),
        observed=(first.isoformat() if first else None, last.isoformat() if last else None),
        refreshed=refreshed.isoformat(timespec="seconds") if refreshed else None)


def lineage_report(con: duckdb.DuckDBPyConnection, query: LineageQuery | None = None,
                   with_chains: bool = True) -> LineageReport:
    """Everything `openpace lineage --json` prints: bases, chains and the listing's provenance."""
    query = query or LineageQuery()
    if one_value(con, "SELECT count(*) FROM hub_models") == 0:
        raise DataError("no Hub listing in the warehouse; run `openpace refresh --source hf_hub` "
                        "(live) or `openpace refresh --source hf_hub --offline DIR` with huggingface/models-*.jsonl.gz")
    bases = velocity(con, query)
    if query.base and not bases:
        raise InputError(f"--base {query.base}: no model in the Hub listing declares it as base_model")
    return LineageReport(bases=tuple(bases), chains=chains(con) if with_chains else None,
                         listing=listing_provenance(con),
                         definition=(__doc__ or "").split("\n\n", 1)[1].strip().replace("\n", " "))

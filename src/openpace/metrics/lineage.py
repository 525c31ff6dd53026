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
from typing import Any

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
LIMIT ?
"""


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
    base not created after it. The date is inlined, so only a real `date` is accepted."""
    if until is None:
        return "TRUE"
    if not isinstance(until, date):
        raise TypeError(f"until must be a date, not {type(until).__name__}")
    cut = f"DATE '{until.isoformat()}' + INTERVAL 1 DAY"
    return (f"({alias}child_created < {cut} AND ({alias}base_created IS NULL OR {alias}base_created < {cut}))")


def bases_sql(where: str, edges: str = "TRUE") -> str:
    windows = ",\n".join(
        f"count(*) FILTER (WHERE child_created <= base_created + INTERVAL {d} DAY) AS w{d}" for d in WINDOWS)
    relations = ",\n".join(f"count(*) FILTER (WHERE relation = '{r}') AS r_{r}" for r in RELATIONS)
    return BASES_SQL.format(key=KEY, windows=windows, relations=relations, where=where, edges=edges)


def base_rows(con: duckdb.DuckDBPyConnection, query: LineageQuery) -> list[dict[str, Any]]:
    """Per base: totals, windowed counts and counts by relation, sorted by total descending."""
    where, params = ["TRUE"], []
    if query.base:
        where.append(f"{KEY} = coalesce((SELECT min(id) FROM hub_models WHERE lower(id) = lower(?)), lower(?))")
        params += [query.base, query.base]
    if query.since:
        where.append("any_value(base_created) >= ?")
        params.append(datetime.combine(query.since, datetime.min.time()))
    if query.top < 1:
        raise InputError(f"--top {query.top}: expected a positive number")
    cursor = con.execute(bases_sql(" AND ".join(where), edges_sql(query.until)), [*params, query.top])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def time_to_n(con: duckdb.DuckDBPyConnection, keys: list[str], n: int = TIME_TO,
              until: date | None = None) -> dict[str, float]:
    """Days from each base's creation to its n-th non-quantized derivative (absent if fewer)."""
    if not keys:
        return {}
    rows = con.execute(f"""
        WITH e AS (SELECT {KEY} AS k, child_created, base_created FROM hub_lineage
                   WHERE {KEY} IN (SELECT unnest(?)) AND relation <> 'quantized' AND {edges_sql(until)}
                     AND child_created IS NOT NULL AND base_created IS NOT NULL),
             ranked AS (SELECT *, row_number() OVER (PARTITION BY k ORDER BY child_created) AS i FROM e)
        SELECT k, epoch(child_created) - epoch(base_created) FROM ranked WHERE i = {int(n)}""", [keys]).fetchall()
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
        WHERE {KEY} IN (SELECT unnest(?)) AND {edges_sql(until, "l.")} GROUP BY 1""", [keys]).fetchall()
    return {k: round(share, 4) for k, share in rows}


def velocity(con: duckdb.DuckDBPyConnection, query: LineageQuery | None = None) -> list[dict[str, Any]]:
    """The `bases` of `openpace lineage --json`: each base with its derivative counts."""
    query = query or LineageQuery()
    rows = base_rows(con, query)
    keys = [r["k"] for r in rows]
    times, leaves = time_to_n(con, keys, until=query.until), leaf_shares(con, keys, until=query.until)
    unlisted = [r["k"] for r in rows if not r["listed"]]
    written = dict(con.execute(  # an unlisted base is shown as its declarations spell it
        "SELECT lower(base), min(base) FROM hub_lineage WHERE base_id IS NULL AND lower(base) IN (SELECT unnest(?)) "
        "GROUP BY 1", [unlisted]).fetchall()) if unlisted else {}
    result = []
    for r in rows:
        dated = r["created"] is not None
        counts: dict[str, Any] = {"total": r["total"]}
        for d in WINDOWS:
            counts[f"within_{d}d"] = r[f"w{d}"] if dated else None
        counts[HEADLINE] = r["w30x"] if dated else None
        counts["by_relation"] = {rel: r[f"r_{rel}"] for rel in RELATIONS}
        result.append({
            "model": r["k"] if r["listed"] else written.get(r["k"], r["k"]),
            "created": r["created"].isoformat() if dated else None, "listed": r["listed"],
            "derivatives": counts, "time_to_10_days": times.get(r["k"]), "leaf_share": leaves.get(r["k"]),
        })
    return result


def chains(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Depth of derivative chains and the share of derivatives that are leaves, Hub-wide.

    A derivative's depth is the number of base_model hops on its longest chain to a model that
    declares no base (a fine-tune of a fine-tune of a base has depth 2). A leaf is a derivative
    that no model declares as its base. Models caught in a cycle of declarations are counted apart.
    """
    derivatives = con.execute("SELECT count(DISTINCT child) FROM hub_lineage").fetchone()[0]
    if not derivatives:
        return {"derivatives": 0, "leaves": 0, "leaf_share": None, "max_depth": 0, "by_depth": {}, "in_cycles": 0}
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
    return {
        "derivatives": derivatives, "leaves": leaves, "leaf_share": round(leaves / derivatives, 4),
        "max_depth": max(int(d) for d, n in by_depth.items() if n) if counted else 0,
        "by_depth": {d: n for d, n in by_depth.items() if n}, "in_cycles": in_cycles,
    }


def listing_provenance(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Where the listing came from: models, edges, origins, observed dates, last refresh."""
    models, origins, first, last = con.execute(
        "SELECT count(*), list(DISTINCT origin ORDER BY origin), min(observed), max(observed) FROM hub_models"
    ).fetchone()
    edges = con.execute("SELECT count(*) FROM hub_lineage").fetchone()[0]
    refreshed = con.execute(
        "SELECT max(finished_at) FROM ingest_runs WHERE source = 'hf_hub' AND status = 'ok'").fetchone()[0]
    return {"source": "hf_hub", "models": models, "edges": edges, "origins": origins or [],
            "observed": [d.isoformat() if d else None for d in (first, last)],
            "refreshed": refreshed.isoformat(timespec="seconds") if refreshed else None}


def lineage_report(con: duckdb.DuckDBPyConnection, query: LineageQuery | None = None,
                   with_chains: bool = True) -> dict[str, Any]:
    """Everything `openpace lineage --json` prints: bases, chains and the listing's provenance."""
    query = query or LineageQuery()
    if con.execute("SELECT count(*) FROM hub_models").fetchone()[0] == 0:
        raise DataError("no Hub listing in the warehouse; run `openpace refresh --source hf_hub` "
                        "(live) or `openpace refresh --source hf_hub --offline DIR` with huggingface/models-*.jsonl.gz")
    bases = velocity(con, query)
    if query.base and not bases:
        raise InputError(f"--base {query.base}: no model in the Hub listing declares it as base_model")
    report: dict[str, Any] = {"bases": bases}
    if with_chains:
        report["chains"] = chains(con)
    report["listing"] = listing_provenance(con)
    report["definition"] = __doc__.split("\n\n", 1)[1].strip().replace("\n", " ")
    return report

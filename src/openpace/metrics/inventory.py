"""What the warehouse holds, per source: rows, last refresh, origin and licence."""

from __future__ import annotations

import duckdb

from ..sources import SOURCES
from ..warehouse.db import FACT_TABLES


def source_rows(con: duckdb.DuckDBPyConnection, name: str) -> int:
    total = sum(con.execute(f"SELECT count(*) FROM {t} WHERE source = ?", [name]).fetchone()[0] for t in FACT_TABLES)
    if name == "hf_hub":
        total += con.execute("SELECT count(*) FROM hub_models").fetchone()[0]
    return total


def source_inventory(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """One object per registered source: `{name, rows, last_refresh, origin, license}`."""
    result = []
    for name, spec in SOURCES.items():
        last = con.execute(
            "SELECT finished_at, origin FROM ingest_runs WHERE source = ? AND status = 'ok' "
            "ORDER BY finished_at DESC LIMIT 1", [name]).fetchone()
        origins = [r[0] for r in con.execute(
            f"SELECT DISTINCT origin FROM ({' UNION ALL '.join(f'SELECT origin, source FROM {t}' for t in FACT_TABLES)}) "
            "WHERE source = ? ORDER BY origin", [name]).fetchall()]
        origin = last[1] if last else (origins[0] if len(origins) == 1 else (f"{len(origins)} files" if origins else None))
        result.append({
            "name": name,
            "rows": source_rows(con, name),
            "last_refresh": last[0].isoformat(timespec="seconds") if last else None,
            "origin": origin,
            "license": spec.license,
        })
    return result

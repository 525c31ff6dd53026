"""What the warehouse holds, per source: rows, last refresh, origin and licence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb

from ..sources import SOURCES
from ..warehouse.db import FACT_TABLES

# one count per fact table, the source's rows summed (table names come from FACT_TABLES, not input)
ROWS_SQL = " + ".join(f"(SELECT count(*) FROM {t} WHERE source = $source)" for t in FACT_TABLES)
HUB_ROWS_SQL = "SELECT count(*) FROM hub_models"
LAST_OK_SQL = ("SELECT finished_at, origin FROM ingest_runs WHERE source = $source AND status = 'ok' "
               "ORDER BY finished_at DESC LIMIT 1")
ORIGINS_SQL = ("SELECT DISTINCT origin FROM (" + " UNION ALL ".join(f"SELECT origin, source FROM {t}" for t in FACT_TABLES)
               + ") WHERE source = $source ORDER BY origin")


@dataclass(frozen=True)
class SourceInventory:
    """One registered source: its rows in the warehouse, last successful refresh, origin, licence."""

    name: str
    rows: int
    last_refresh: str | None
    origin: str | None
    license: str

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "rows": self.rows, "last_refresh": self.last_refresh, "origin": self.origin,
                "license": self.license}


def source_rows(con: duckdb.DuckDBPyConnection, name: str) -> int:
    """Rows a source holds across the fact tables (and the Hub listing for `hf_hub`)."""
    row = con.execute(f"SELECT {ROWS_SQL}", {"source": name}).fetchone()
    total = int(row[0]) if row else 0
    if name == "hf_hub":
        hub = con.execute(HUB_ROWS_SQL).fetchone()
        total += int(hub[0]) if hub else 0
    return total


def source_inventory(con: duckdb.DuckDBPyConnection) -> list[SourceInventory]:
    """One entry per registered source."""
    result = []
    for name, spec in SOURCES.items():
        last = con.execute(LAST_OK_SQL, {"source": name}).fetchone()
        origins = [r[0] for r in con.execute(ORIGINS_SQL, {"source": name}).fetchall()]
        origin = last[1] if last else (origins[0] if len(origins) == 1 else (f"{len(origins)} files" if origins else None))
        result.append(SourceInventory(
            name=name, rows=source_rows(con, name),
            last_refresh=last[0].isoformat(timespec="seconds") if last else None, origin=origin, license=spec.license))
    return result

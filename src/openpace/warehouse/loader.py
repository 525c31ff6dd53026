"""Transactional loading: a source's rows are replaced in one transaction or not at all."""

from __future__ import annotations

import dataclasses
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import datetime

import duckdb

from ..sources.base import RECORD_TYPES, Record
from .tx import transaction, utc_now

TABLE_COLUMNS: dict[str, list[str]] = {
    rt.TABLE: [f.name for f in dataclasses.fields(rt)] for rt in RECORD_TYPES
}


def group_by_table(records: Iterable[Record], progress: Callable[[int], None] | None = None) -> dict[str, list[dict]]:
    """Materialise a source's records (this is where parse errors surface, before any write)."""
    grouped: dict[str, list[dict]] = defaultdict(list)
    for count, record in enumerate(records, 1):
        grouped[record.TABLE].append(record.row())
        if progress and count % 500 == 0:
            progress(count)
    return grouped


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    import pandas as pd  # here, not at the top: a refresh of the Hub listing alone never needs it (start-up)

    frame = pd.DataFrame(rows, columns=TABLE_COLUMNS[table])
    con.register("_openpace_rows", frame)
    try:
        columns = ", ".join(TABLE_COLUMNS[table])
        con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM _openpace_rows")
    finally:
        con.unregister("_openpace_rows")


def replace_source(
    con: duckdb.DuckDBPyConnection,
    source: str,
    grouped: dict[str, list[dict]],
    tables: Iterable[str],
    after: Callable[[duckdb.DuckDBPyConnection], None] | None = None,
    history: Iterable[str] = (),
) -> int:
    """Delete the source's rows from each of its tables and insert the new ones, atomically.

    A `history` table keeps the source's rows of other observation dates: only the rows observed on
    a date the new rows bring are replaced (an undated observation replaces the undated rows), so a
    refresh on the same day is idempotent and one on a new day adds to the history.
    `after` runs inside the same transaction (the identity rebuild), so derived tables never
    disagree with the facts. Any exception, Ctrl-C included, rolls everything back.
    """
    kept = set(history)
    with transaction(con):
        for table in sorted(set(tables) | set(grouped)):
            rows = grouped.get(table, [])
            if table in kept:
                for observed in {row["observed"] for row in rows}:
                    con.execute(f"DELETE FROM {table} WHERE source = ? AND observed IS NOT DISTINCT FROM ?",
                                [source, observed])
            else:
                con.execute(f"DELETE FROM {table} WHERE source = ?", [source])
            insert_rows(con, table, rows)
        if after:
            after(con)
    return sum(len(rows) for rows in grouped.values())


def record_run(
    con: duckdb.DuckDBPyConnection,
    source: str,
    started_at: datetime,
    status: str,
    rows: int | None,
    origin: str | None,
    license: str | None,
    error: str | None = None,
) -> None:
    con.execute(
        "INSERT INTO ingest_runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [uuid.uuid4().hex, source, started_at, utc_now(),
         status, rows, origin, license, error],
    )

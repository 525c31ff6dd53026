"""What period each source's data covers: its newest observation, per kind of fact.

"As of" on the report means the date the data ends, not the day the page was generated: the
Epoch trends table stops in 2024, a price catalogue was observed last month. One row per source
and fact table, from the warehouse alone (pure: no network, no clock).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import duckdb

# per fact table: the date column that says when a row's fact holds, and what that date is
COVERAGE_COLUMNS: dict[str, tuple[str, str]] = {
    "scores": ("coalesce(evaluated_date, release_date)", "benchmark scores (evaluation or release date)"),
    "model_facts": ("release_date", "model releases"),
    "prices": ("coalesce(valid_from, observed)", "price observations"),
    "hub_statements": ("date", "Hub docs model-count statements (first seen)"),
    "repo_activity": ("CAST(month || '-01' AS DATE)", "contributor months (month start)"),
    "arena_tops": ("date", "top Elo per arena category"),
}


@dataclass(frozen=True)
class SourceCoverage:
    """One source's data of one kind: how many rows, the oldest and newest dated observation."""

    source: str
    table: str
    covers: str
    rows: int
    dated_rows: int
    first: date | None
    last: date | None

    def to_json(self) -> dict:
        return {"source": self.source, "table": self.table, "covers": self.covers, "rows": self.rows,
                "dated_rows": self.dated_rows, "first": self.first.isoformat() if self.first else None,
                "last": self.last.isoformat() if self.last else None}


def _day(value: date | datetime | None) -> date | None:
    return value.date() if isinstance(value, datetime) else value


def data_coverage(con: duckdb.DuckDBPyConnection, as_of: date | None = None) -> list[SourceCoverage]:
    """Per source and fact table with rows: the first and last dated observation (on or before
    `as_of` when given), newest first. The Hub listing counts by model creation time."""
    out: list[SourceCoverage] = []
    cut = "" if as_of is None else "WHERE d IS NULL OR d <= ?"
    params = [] if as_of is None else [as_of]
    for table, (column, covers) in COVERAGE_COLUMNS.items():
        rows = con.execute(
            f"SELECT source, count(*), count(d), min(d), max(d) FROM "
            f"(SELECT source, {column} AS d FROM {table}) {cut} GROUP BY source", params).fetchall()
        out += [SourceCoverage(s, table, covers, n, dated, _day(lo), _day(hi)) for s, n, dated, lo, hi in rows]
    hub_cut = "" if as_of is None else "WHERE created_at < CAST(? AS DATE) + INTERVAL 1 DAY"
    for s, n, lo, hi in con.execute(
            f"SELECT source, count(*), min(created_at), max(created_at) FROM hub_models {hub_cut} GROUP BY source",
            params).fetchall():
        out.append(SourceCoverage(s, "hub_models", "Hub listing (model creation time)", n, n, _day(lo), _day(hi)))
    return sorted(out, key=lambda c: (c.last is None, -(c.last.toordinal() if c.last else 0), c.source, c.table))

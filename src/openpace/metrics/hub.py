"""Hub growth from the model listing (`hub_models`), beside the Hub docs' own statements.

Counts are of models *in the listing*, dated by `createdAt`: models deleted or made private since
are not in it, so the cumulative count on a past date is a floor of what the Hub held then. The
docs' statements (`hub_statements`, e.g. "900k models") are rounded floors too, and lag reality;
both are shown side by side, never blended.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import duckdb

DIMENSIONS = {"pipeline": "pipeline_tag", "library": "library_name", "license": "license"}
TOP = 12
TOP_SERIES = 6  # categories given a month-by-month series
HOW_TO_GET = ("no Hub listing in the warehouse: `openpace refresh --source hf_hub` fetches it live, or "
              "`openpace refresh --source hf_hub --offline DIR` reads huggingface/models-*.jsonl.gz under DIR")


@dataclass(frozen=True)
class MonthCount:
    month: str  # YYYY-MM (UTC)
    created: int
    cumulative: int

    def to_json(self) -> dict[str, Any]:
        return {"month": self.month, "created": self.created, "cumulative": self.cumulative}


@dataclass(frozen=True)
class Share:
    """Models with one value of a column; `values` counts the values folded into `(other)`."""

    name: str
    models: int
    share: float
    values: int | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "models": self.models, "share": self.share}
        if self.values is not None:
            out["values"] = self.values
        return out


@dataclass(frozen=True)
class AuthorCount:
    author: str
    models: int

    def to_json(self) -> dict[str, Any]:
        return {"author": self.author, "models": self.models}


@dataclass(frozen=True)
class Statement:
    """A Hub docs statement ("900k models") beside the listing's count of models created by its date."""

    date: str
    statement: str
    models_count: int
    commit: str | None
    source: str
    origin: str
    license: str
    listing_created_by_then: int | None
    listing_to_statement: float | None

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Listing:
    source: str
    origins: tuple[str, ...]
    observed: str | None

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "origins": list(self.origins), "observed": self.observed}


@dataclass(frozen=True)
class HubGrowth:
    """Everything `openpace hub --json` prints. Without a listing only `statements`, `until`,
    `models` (0) and `message` are set."""

    statements: tuple[Statement, ...]
    until: str | None
    models: int
    message: str | None = None
    undated: int | None = None
    created_range: tuple[str, str] | None = None
    monthly: tuple[MonthCount, ...] = ()
    by: dict[str, tuple[Share, ...]] = field(default_factory=dict)
    monthly_by: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)
    top_authors: tuple[AuthorCount, ...] = ()
    listing: Listing | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"statements": [s.to_json() for s in self.statements], "until": self.until,
                               "models": self.models}
        if self.listing is None:
            out["message"] = self.message
            return out
        out.update({
            "undated": self.undated, "created_range": list(self.created_range) if self.created_range else None,
            "monthly": [m.to_json() for m in self.monthly],
            "by": {name: [s.to_json() for s in rows] for name, rows in self.by.items()},
            "monthly_by": self.monthly_by, "top_authors": [a.to_json() for a in self.top_authors],
            "listing": self.listing.to_json(),
        })
        return out


# The listing as of `$until` (every model when it is NULL): models created on or before that day,
# so an as-of view never counts a later model; undated models drop out then.
LISTING = "(SELECT * FROM hub_models WHERE $until::DATE IS NULL OR created_at < $until::DATE + INTERVAL 1 DAY)"


def monthly(con: duckdb.DuckDBPyConnection, until: date | None = None) -> list[MonthCount]:
    """Models created per month (UTC) and the cumulative count at each month's end."""
    rows = con.execute(f"""
        SELECT strftime(created_at, '%Y-%m') AS month, count(*) AS created
        FROM {LISTING} WHERE created_at IS NOT NULL GROUP BY 1 ORDER BY 1""", {"until": until}).fetchall()
    total, result = 0, []
    for month, created in rows:
        total += created
        result.append(MonthCount(month, created, total))
    return result


def breakdown(con: duckdb.DuckDBPyConnection, column: str, top: int = TOP,
              until: date | None = None) -> list[Share]:
    """Models per value of a column, the top values then `(other)`; `(none)` when unset."""
    rows = con.execute(f"""
        SELECT coalesce({column}, '(none)') AS name, count(*) AS models
        FROM {LISTING} GROUP BY 1 ORDER BY models DESC, name""", {"until": until}).fetchall()
    total = sum(n for _, n in rows) or 1
    result = [Share(name, n, round(n / total, 4)) for name, n in rows[:top]]
    rest = sum(n for _, n in rows[top:])
    if rest:
        result.append(Share("(other)", rest, round(rest / total, 4), values=len(rows) - top))
    return result


def monthly_by(con: duckdb.DuckDBPyConnection, column: str, top: int = TOP_SERIES,
               until: date | None = None) -> dict[str, dict[str, int]]:
    """Month-by-month creations for the `top` most common values of a column."""
    rows = con.execute(f"""
        WITH leaders AS (SELECT {column} AS name FROM {LISTING} WHERE {column} IS NOT NULL
                         GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT $top)
        SELECT h.{column}, strftime(h.created_at, '%Y-%m'), count(*) FROM {LISTING} h
        WHERE h.{column} IN (SELECT name FROM leaders) AND h.created_at IS NOT NULL
        GROUP BY ALL ORDER BY 1, 2""", {"until": until, "top": top}).fetchall()
    series: dict[str, dict[str, int]] = {}
    for name, month, n in rows:
        series.setdefault(name, {})[month] = n
    return series


def top_authors(con: duckdb.DuckDBPyConnection, top: int = 15, until: date | None = None) -> list[AuthorCount]:
    rows = con.execute(f"""SELECT author, count(*) AS models FROM {LISTING} WHERE author IS NOT NULL
                          GROUP BY 1 ORDER BY models DESC, author LIMIT $top""", {"until": until, "top": top}).fetchall()
    return [AuthorCount(a, n) for a, n in rows]


def statements(con: duckdb.DuckDBPyConnection, until: date | None = None) -> list[Statement]:
    """Each docs statement (first seen on or before `until`, when given) with the listing's count of
    models created on or before its date."""
    listed = one_row(con, "SELECT count(*) FROM hub_models")[0]
    rows = con.execute("""
        SELECT s.date, s.statement, s.models_count, s.commit, s.source, s.origin, s.license,
               (SELECT count(*) FROM hub_models h WHERE h.created_at < s.date + INTERVAL 1 DAY) AS listed
        FROM hub_statements s WHERE ?::DATE IS NULL OR s.date <= ?::DATE
        ORDER BY s.date, s.models_count""", [until, until]).fetchall()
    result = []
    for day, text, count, commit, source, origin, licence, by_then in rows:
        result.append(Statement(
            date=day.isoformat(), statement=text, models_count=count, commit=commit, source=source, origin=origin,
            license=licence, listing_created_by_then=by_then if listed else None,
            listing_to_statement=round(by_then / count, 3) if listed and count else None))
    return result


def hub_growth(con: duckdb.DuckDBPyConnection, until: date | None = None) -> HubGrowth:
    """Everything `openpace hub --json` prints. With no listing, the statements and how to get one.

    `until`: an as-of view: only docs statements first seen and listed models created on or before
    that day (the listing was observed later, so its count on that day is a floor).
    """
    models, undated, first, last = one_row(
        con, f"SELECT count(*), count(*) - count(created_at), min(created_at), max(created_at) FROM {LISTING}",
        {"until": until})
    said = tuple(statements(con, until))
    cut = until.isoformat() if until else None
    if not models:
        whole = one_row(con, "SELECT count(*) FROM hub_models")[0] if until else 0
        message = f"no model in the Hub listing was created on or before {until}" if whole else HOW_TO_GET
        return HubGrowth(statements=said, until=cut, models=0, message=message)
    origins, observed = one_row(con, "SELECT list(DISTINCT origin ORDER BY origin), max(observed) FROM hub_models")
    return HubGrowth(
        statements=said, until=cut, models=models, undated=undated,
        created_range=(first.isoformat(), last.isoformat()) if first else None,
        monthly=tuple(monthly(con, until)),
        by={name: tuple(breakdown(con, column, until=until)) for name, column in DIMENSIONS.items()},
        monthly_by={name: monthly_by(con, column, until=until) for name, column in DIMENSIONS.items()},
        top_authors=tuple(top_authors(con, until=until)),
        listing=Listing("hf_hub", tuple(origins), observed.isoformat() if observed else None),
    )


def one_row(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | dict[str, Any] | None = None) -> tuple[Any, ...]:
    """The one row an aggregate query returns."""
    row = con.execute(sql, params or []).fetchone()
    if row is None:
        raise AssertionError(f"an aggregate query returned no row: {sql}")
    return row

"""Hub growth from the model listing (`hub_models`), beside the Hub docs' own statements.

Counts are of models *in the listing*, dated by `createdAt`: models deleted or made private since
are not in it, so the cumulative count on a past date is a floor of what the Hub held then. The
docs' statements (`hub_statements`, e.g. "900k models") are rounded floors too, and lag reality;
both are shown side by side, never blended.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb

DIMENSIONS = {"pipeline": "pipeline_tag", "library": "library_name", "license": "license"}
TOP = 12
TOP_SERIES = 6  # categories given a month-by-month series
HOW_TO_GET = ("no Hub listing in the warehouse: `openpace refresh --source hf_hub` fetches it live, or "
              "`openpace refresh --source hf_hub --offline DIR` reads huggingface/models-*.jsonl.gz under DIR")


def listing(until: date | None = None) -> str:
    """The listing as a SQL table expression: every model, or (with `until`) only those created on
    or before that day, so an as-of view never counts a later model. Undated models drop out then."""
    if until is None:
        return "hub_models"
    if not isinstance(until, date):  # inlined below: only a real date may reach the SQL text
        raise TypeError(f"until must be a date, not {type(until).__name__}")
    return f"(SELECT * FROM hub_models WHERE created_at < DATE '{until.isoformat()}' + INTERVAL 1 DAY)"


def monthly(con: duckdb.DuckDBPyConnection, until: date | None = None) -> list[dict[str, Any]]:
    """Models created per month (UTC) and the cumulative count at each month's end."""
    rows = con.execute(f"""
        SELECT strftime(created_at, '%Y-%m') AS month, count(*) AS created
        FROM {listing(until)} WHERE created_at IS NOT NULL GROUP BY 1 ORDER BY 1""").fetchall()
    total, result = 0, []
    for month, created in rows:
        total += created
        result.append({"month": month, "created": created, "cumulative": total})
    return result


def breakdown(con: duckdb.DuckDBPyConnection, column: str, top: int = TOP,
              until: date | None = None) -> list[dict[str, Any]]:
    """Models per value of a column, the top values then `(other)`; `(none)` when unset."""
    rows = con.execute(f"""
        SELECT coalesce({column}, '(none)') AS name, count(*) AS models
        FROM {listing(until)} GROUP BY 1 ORDER BY models DESC, name""").fetchall()
    total = sum(n for _, n in rows) or 1
    result = [{"name": name, "models": n, "share": round(n / total, 4)} for name, n in rows[:top]]
    rest = sum(n for _, n in rows[top:])
    if rest:
        result.append({"name": "(other)", "models": rest, "share": round(rest / total, 4), "values": len(rows) - top})
    return result


def monthly_by(con: duckdb.DuckDBPyConnection, column: str, top: int = TOP_SERIES,
               until: date | None = None) -> dict[str, dict[str, int]]:
    """Month-by-month creations for the `top` most common values of a column."""
    rows = con.execute(f"""
        WITH leaders AS (SELECT {column} AS name FROM {listing(until)} WHERE {column} IS NOT NULL
                         GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT ?)
        SELECT h.{column}, strftime(h.created_at, '%Y-%m'), count(*) FROM {listing(until)} h
        WHERE h.{column} IN (SELECT name FROM leaders) AND h.created_at IS NOT NULL
        GROUP BY ALL ORDER BY 1, 2""", [top]).fetchall()
    series: dict[str, dict[str, int]] = {}
    for name, month, n in rows:
        series.setdefault(name, {})[month] = n
    return series


def top_authors(con: duckdb.DuckDBPyConnection, top: int = 15, until: date | None = None) -> list[dict[str, Any]]:
    rows = con.execute(f"""SELECT author, count(*) AS models FROM {listing(until)} WHERE author IS NOT NULL
                          GROUP BY 1 ORDER BY models DESC, author LIMIT ?""", [top]).fetchall()
    return [{"author": a, "models": n} for a, n in rows]


def statements(con: duckdb.DuckDBPyConnection, until: date | None = None) -> list[dict[str, Any]]:
    """Each docs statement (first seen on or before `until`, when given) with the listing's count of
    models created on or before its date."""
    listed = con.execute("SELECT count(*) FROM hub_models").fetchone()[0]
    rows = con.execute("""
        SELECT s.date, s.statement, s.models_count, s.commit, s.source, s.origin, s.license,
               (SELECT count(*) FROM hub_models h WHERE h.created_at < s.date + INTERVAL 1 DAY) AS listed
        FROM hub_statements s WHERE ?::DATE IS NULL OR s.date <= ?::DATE
        ORDER BY s.date, s.models_count""", [until, until]).fetchall()
    result = []
    for day, text, count, commit, source, origin, licence, by_then in rows:
        result.append({
            "date": day.isoformat(), "statement": text, "models_count": count, "commit": commit,
            "source": source, "origin": origin, "license": licence,
            "listing_created_by_then": by_then if listed else None,
            "listing_to_statement": round(by_then / count, 3) if listed and count else None,
        })
    return result


def hub_growth(con: duckdb.DuckDBPyConnection, until: date | None = None) -> dict[str, Any]:
    """Everything `openpace hub --json` prints. With no listing, the statements and how to get one.

    `until`: an as-of view: only docs statements first seen and listed models created on or before
    that day (the listing was observed later, so its count on that day is a floor).
    """
    models, undated, first, last = con.execute(
        f"SELECT count(*), count(*) - count(created_at), min(created_at), max(created_at) FROM {listing(until)}"
    ).fetchone()
    report: dict[str, Any] = {"statements": statements(con, until), "until": until.isoformat() if until else None}
    if not models:
        whole = con.execute("SELECT count(*) FROM hub_models").fetchone()[0] if until else 0
        report.update({"models": 0, "message": f"no model in the Hub listing was created on or before {until}"
                       if whole else HOW_TO_GET})
        return report
    origins, observed = con.execute(
        "SELECT list(DISTINCT origin ORDER BY origin), max(observed) FROM hub_models").fetchone()
    report.update({
        "models": models, "undated": undated,
        "created_range": [first.isoformat(), last.isoformat()] if first else None,
        "monthly": monthly(con, until),
        "by": {name: breakdown(con, column, until=until) for name, column in DIMENSIONS.items()},
        "monthly_by": {name: monthly_by(con, column, until=until) for name, column in DIMENSIONS.items()},
        "top_authors": top_authors(con, until=until),
        "listing": {"source": "hf_hub", "origins": origins, "observed": observed.isoformat() if observed else None},
    })
    return report

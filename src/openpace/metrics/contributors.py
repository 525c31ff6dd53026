"""Contributor velocity: commits, distinct authors and first-time authors per repository and month.

Pure functions over monthly rows, whether they come from the warehouse (`repo_activity`, the
mirror's table) or were just counted from a clone or the GitHub API. Distinct authors cannot be
added across months (the same person commits in many), so the yearly figures are commits and
first-time authors, which do add up: each author is first-time exactly once.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

import duckdb

COLUMNS = ("repo", "month", "commits", "distinct_authors", "first_time_authors", "head_commit",
           "source", "origin", "observed", "license")


def rows_from_table(con: duckdb.DuckDBPyConnection, repos: Iterable[str] | None = None,
                    until: date | None = None) -> list[dict[str, Any]]:
    """Monthly rows from `repo_activity`, optionally only some repositories, and (with `until`) only
    the months that had ended by that day: a month's count cannot be cut mid-month, so a month
    still running on `until` is left out rather than counted with commits from after it."""
    wanted = list(repos or [])
    where = "WHERE repo IN (SELECT unnest(?))" if wanted else ""
    cursor = con.execute(f"SELECT {', '.join(COLUMNS)} FROM repo_activity {where} ORDER BY repo, month",
                         [wanted] if wanted else [])
    rows = [dict(zip(COLUMNS, row)) for row in cursor.fetchall()]
    if until is None:
        return rows
    last = last_complete_month(until)
    return [r for r in rows if r["month"] <= last]


def last_complete_month(day: date) -> str:
    """The latest month (YYYY-MM) that had ended by the end of `day`."""
    month = day.strftime("%Y-%m")
    return month if (day + timedelta(days=1)).month != day.month else shift_month(month, -1)


def shift_month(month: str, delta: int) -> str:
    year, mon = (int(x) for x in month.split("-"))
    index = year * 12 + (mon - 1) + delta
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def summary(months: list[dict[str, Any]]) -> dict[str, Any]:
    """One repository: totals, and the last 12 months against the 12 before them.

    "Last 12 months" ends at the repository's latest month with a commit in the data, not today,
    so a stale table is not read as a slowdown.
    """
    if not months:
        return {"months": 0}
    last = max(m["month"] for m in months)
    recent_from, prior_from = shift_month(last, -11), shift_month(last, -23)

    def window(lo: str, hi: str, key: str) -> int:
        return sum(m[key] for m in months if lo <= m["month"] <= hi)

    recent_commits = window(recent_from, last, "commits")
    prior_commits = window(prior_from, shift_month(recent_from, -1), "commits")
    recent_new = window(recent_from, last, "first_time_authors")
    prior_new = window(prior_from, shift_month(recent_from, -1), "first_time_authors")
    return {
        "first_month": min(m["month"] for m in months), "last_month": last, "months": len(months),
        "commits": sum(m["commits"] for m in months),
        "authors": sum(m["first_time_authors"] for m in months),
        "peak_month_authors": max(m["distinct_authors"] for m in months),
        "last_12m": {"from": recent_from, "to": last, "commits": recent_commits, "first_time_authors": recent_new},
        "prior_12m": {"from": prior_from, "to": shift_month(recent_from, -1), "commits": prior_commits,
                      "first_time_authors": prior_new},
        "commits_growth": round(recent_commits / prior_commits, 3) if prior_commits else None,
        "first_time_authors_growth": round(recent_new / prior_new, 3) if prior_new else None,
    }


def velocity(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Group monthly rows by repository: each with its months, provenance and summary."""
    by_repo: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_repo.setdefault(row["repo"], []).append(row)
    result = []
    for repo, months in sorted(by_repo.items()):
        months.sort(key=lambda m: m["month"])
        first = months[0]
        observed = first.get("observed")
        result.append({
            "repo": repo, "source": first.get("source"), "origin": first.get("origin"),
            "observed": observed.isoformat() if hasattr(observed, "isoformat") else observed,
            "license": first.get("license"), "head_commit": first.get("head_commit"),
            "months": [{k: m[k] for k in ("month", "commits", "distinct_authors", "first_time_authors")}
                       for m in months],
            "summary": summary(months),
        })
    return result

"""Contributor velocity: commits, distinct authors and first-time authors per repository and month.

Pure functions over monthly rows, whether they come from the warehouse (`repo_activity`, the
mirror's table) or were just counted from a clone or the GitHub API. Distinct authors cannot be
added across months (the same person commits in many), so the yearly figures are commits and
first-time authors (newcomers), which do add up: each author is first-time exactly once.

"Last 12 months" ends at the last *complete* month of the data: a month still running when the
data was read (the month of its `observed` date, unless that is the month's last day) is left out
of both windows, and so is the data's last month when nothing says when it was read (the mirror's
table has no date): a partial month would read as a slowdown.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
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


def ratio(recent: int, prior: int) -> float | None:
    return round(recent / prior, 3) if prior else None


@dataclass(frozen=True)
class Window:
    """Twelve months of one repository: commits and newcomers (first-time authors)."""

    start: str
    end: str
    commits: int
    first_time_authors: int

    def to_json(self) -> dict[str, Any]:
        return {"from": self.start, "to": self.end, "commits": self.commits,
                "first_time_authors": self.first_time_authors}


def window(months: list[dict[str, Any]], start: str, end: str) -> Window:
    inside = [m for m in months if start <= m["month"] <= end]
    return Window(start, end, sum(m["commits"] for m in inside), sum(m["first_time_authors"] for m in inside))


@dataclass(frozen=True)
class RepoSummary:
    """One repository: totals, and the last 12 complete months against the 12 before them."""

    first_month: str
    last_month: str  # the data's last month, complete or not
    months: int
    commits: int
    authors: int  # everyone who ever committed: the sum of first-time authors
    peak_month_authors: int
    last_12m: Window
    prior_12m: Window
    partial_months: tuple[str, ...]  # left out of both windows (not yet complete when the data was read)

    @property
    def commits_growth(self) -> float | None:
        return ratio(self.last_12m.commits, self.prior_12m.commits)

    @property
    def first_time_authors_growth(self) -> float | None:
        """The newcomers ratio: first-time authors in the last 12 months over the 12 before."""
        return ratio(self.last_12m.first_time_authors, self.prior_12m.first_time_authors)

    def to_json(self) -> dict[str, Any]:
        return {"first_month": self.first_month, "last_month": self.last_month, "months": self.months,
                "commits": self.commits, "authors": self.authors, "peak_month_authors": self.peak_month_authors,
                "last_12m": self.last_12m.to_json(), "prior_12m": self.prior_12m.to_json(),
                "partial_months": list(self.partial_months), "commits_growth": self.commits_growth,
                "first_time_authors_growth": self.first_time_authors_growth}


def complete_through(months: list[dict[str, Any]], until: date | None = None) -> str:
    """The last complete month of a repository's rows: by `until` when given, else by the rows'
    `observed` date (the day they were counted); without either the data's last month is taken as
    partial (the mirror's table does not say when it was counted)."""
    last = max(m["month"] for m in months)
    observed = [m["observed"] for m in months if isinstance(m.get("observed"), date)]
    day = until or (max(observed) if observed else None)
    bound = last_complete_month(day) if day else shift_month(last, -1)
    return min(last, bound)


def summary(months: list[dict[str, Any]], until: date | None = None) -> RepoSummary | None:
    """One repository's totals and windows; None without months."""
    if not months:
        return None
    end = complete_through(months, until)
    recent_from, prior_from = shift_month(end, -11), shift_month(end, -23)
    return RepoSummary(
        first_month=min(m["month"] for m in months), last_month=max(m["month"] for m in months),
        months=len(months), commits=sum(m["commits"] for m in months),
        authors=sum(m["first_time_authors"] for m in months),
        peak_month_authors=max(m["distinct_authors"] for m in months),
        last_12m=window(months, recent_from, end), prior_12m=window(months, prior_from, shift_month(recent_from, -1)),
        partial_months=tuple(sorted(m["month"] for m in months if m["month"] > end)))


@dataclass(frozen=True)
class RepoVelocity:
    repo: str
    source: str | None
    origin: str | None
    observed: str | None
    license: str | None
    head_commit: str | None
    months: tuple[dict[str, Any], ...]
    summary: RepoSummary

    def to_json(self) -> dict[str, Any]:
        return {"repo": self.repo, "source": self.source, "origin": self.origin, "observed": self.observed,
                "license": self.license, "head_commit": self.head_commit, "months": list(self.months),
                "summary": self.summary.to_json()}


@dataclass(frozen=True)
class ContributorVelocity:
    """`velocity`'s result: one entry per repository, sorted by name."""

    repos: tuple[RepoVelocity, ...]

    def to_json(self) -> dict[str, Any]:
        return {"repos": [r.to_json() for r in self.repos]}


def velocity(rows: Iterable[dict[str, Any]], until: date | None = None) -> ContributorVelocity:
    """Group monthly rows by repository: each with its months, provenance and summary (`until`: the
    day the rows were cut at, so the months before it count as complete)."""
    by_repo: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_repo.setdefault(row["repo"], []).append(row)
    result = []
    for repo, months in sorted(by_repo.items()):
        months.sort(key=lambda m: m["month"])
        first = months[0]
        observed = first.get("observed")
        made = summary(months, until)
        assert made is not None  # a repository in the rows has months
        result.append(RepoVelocity(
            repo=repo, source=first.get("source"), origin=first.get("origin"),
            observed=observed.isoformat() if isinstance(observed, date) else observed,
            license=first.get("license"), head_commit=first.get("head_commit"),
            months=tuple({k: m[k] for k in ("month", "commits", "distinct_authors", "first_time_authors")}
                         for m in months),
            summary=made))
    return ContributorVelocity(tuple(result))

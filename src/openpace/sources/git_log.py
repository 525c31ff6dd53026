"""Contributor activity of a local git clone, from `git log`: commits, distinct and first-time
authors per month, as `RepoActivity` records (source `git`, the same shape as the mirror's CSV).

No names are kept: each author e-mail is hashed in memory to tell authors apart and forgotten
once counted; only counts leave this module. Months are UTC months of the author date. The
history is the one `git log` walks from HEAD (merge commits included).
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TypedDict

from ..errors import InputError
from .base import RepoActivity

NAME = "git"
LICENSE = "facts (counts only, no names)"
LOG_FORMAT = "%H%x09%aE%x09%aI"  # %aE: the e-mail after .mailmap, so one person counts once
GITHUB_PATH = re.compile(r"github\.com[:/]+([^/\s]+)/([^/\s]+?)(?:\.git)?/?$")


def author_key(email: str) -> str:
    """An opaque in-memory key for an author (e-mails compare case-insensitively)."""
    return hashlib.sha256(email.strip().lower().encode("utf-8")).hexdigest()


def month_of(moment: datetime) -> str:
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc)
    return moment.strftime("%Y-%m")


class MonthCounts(TypedDict):
    """One month of a repository's activity, as `RepoActivity` takes it."""

    month: str
    commits: int
    distinct_authors: int
    first_time_authors: int


def monthly_counts(commits: Iterable[tuple[str, datetime]]) -> list[MonthCounts]:
    """`(author_key, author_date)` pairs -> per month: commits, distinct authors, first-time authors.

    An author is first-time in the month of their earliest commit, so summing first-time authors
    over all months gives the number of distinct authors ever.
    """
    commits_per: dict[str, int] = defaultdict(int)
    authors_per: dict[str, set[str]] = defaultdict(set)
    first_month: dict[str, str] = {}
    for key, moment in commits:
        month = month_of(moment)
        commits_per[month] += 1
        authors_per[month].add(key)
        if key not in first_month or month < first_month[key]:
            first_month[key] = month
    newcomers: dict[str, int] = defaultdict(int)
    for month in first_month.values():
        newcomers[month] += 1
    return [MonthCounts(month=m, commits=commits_per[m], distinct_authors=len(authors_per[m]),
                        first_time_authors=newcomers[m]) for m in sorted(commits_per)]


def run_git(path: Path, *args: str) -> subprocess.Popen:
    if shutil.which("git") is None:
        raise InputError("git is not installed; it is needed to read a local clone")
    return subprocess.Popen(["git", "-C", str(path), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, encoding="utf-8", errors="replace")


def git_output(path: Path, *args: str) -> str | None:
    proc = run_git(path, *args)
    out, _ = proc.communicate()
    return out.strip() if proc.returncode == 0 else None


def repo_name(path: Path) -> str:
    """`owner/name` from a GitHub remote (credentials in the URL are never kept), else the folder name."""
    remote = git_output(path, "remote", "get-url", "origin") or ""
    match = GITHUB_PATH.search(remote)
    return f"{match.group(1)}/{match.group(2)}" if match else path.resolve().name


def log_commits(path: Path) -> Iterator[tuple[str, datetime]]:
    """Stream `(author_key, author_date)` for every commit reachable from HEAD."""
    if not path.is_dir():
        raise InputError(f"{path}: not a directory")
    proc = run_git(path, "log", f"--format={LOG_FORMAT}", "--no-color")
    assert proc.stdout is not None
    for number, line in enumerate(proc.stdout, 1):
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 3:
            proc.kill()
            raise InputError(f"{path}: unexpected `git log` output at line {number}")
        try:
            moment = datetime.fromisoformat(parts[2])
        except ValueError:
            proc.kill()
            raise InputError(f"{path}: unreadable author date at `git log` line {number}") from None
        yield author_key(parts[1]), moment
    err = proc.stderr.read() if proc.stderr else ""
    if proc.wait() != 0:
        first = (err.strip().splitlines() or ["git log failed"])[-1]
        raise InputError(f"{path}: {first.removeprefix('fatal: ')}")


def clone_activity(path: Path) -> list[RepoActivity]:
    """Monthly activity of a local clone, as records with provenance (origin: the clone and HEAD)."""
    counts = monthly_counts(log_commits(path))
    head = git_output(path, "rev-parse", "HEAD")
    origin = f"git log of {path.resolve()}" + (f" at {head}" if head else "")
    repo = repo_name(path)
    today = date.today()
    return [RepoActivity(repo=repo, head_commit=head, source=NAME, origin=origin, observed=today, license=LICENSE,
                         **row) for row in counts]

"""Monthly commits and anonymous author counts of open-source repositories, from their full
git history (huggingface/peft and huggingface/huggingface_hub in the mirror).

Counts only, no names (facts). This module reads the mirror's table; counting a local clone or
asking the GitHub API belongs to `openpace contributors`, so the source has no live path here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import SourceError
from .base import RepoActivity, Record, SourceSpec, csv_rows, mirror_origin, read_text, register_source

NAME = "git"
LICENSE = "facts (counts only, no names)"
MIRROR_FILE = "git/monthly_contributors.csv"
LIVE_URL = "https://api.github.com"
MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
COLUMNS = ("repo", "month", "commits", "distinct_authors", "first_time_authors", "head_commit")


def count(value: str, where: str, column: str) -> int:
    """A non-negative integer count; anything else names the file, line and column."""
    text = value.strip()
    if not text.isdigit():
        raise SourceError(NAME, f"{where} column {column}", f"not a count: {value!r}")
    return int(text)


def parse_activity(text: str, where: str, origin: str, license: str) -> Iterator[Record]:
    """`repo,month,commits,distinct_authors,first_time_authors,head_commit` -> RepoActivity rows."""
    for line, row in csv_rows(text, where, NAME, COLUMNS):
        here = f"{where}:{line}"
        month = row["month"].strip()
        if not MONTH_RE.match(month):
            raise SourceError(NAME, here, f"month {month!r} is not YYYY-MM")
        yield RepoActivity(
            repo=row["repo"].strip(), month=month,
            commits=count(row["commits"], here, "commits"),
            distinct_authors=count(row["distinct_authors"], here, "distinct_authors"),
            first_time_authors=count(row["first_time_authors"], here, "first_time_authors"),
            head_commit=row["head_commit"].strip() or None,
            source=NAME, origin=origin, observed=None, license=license,  # the mirror does not say when it was counted
        )


def read_offline(root: Path) -> Iterator[Record]:
    path = root / MIRROR_FILE
    origin, licence = mirror_origin(root, path)
    yield from parse_activity(read_text(path, NAME), str(path), origin, licence or LICENSE)


register_source(SourceSpec(
    name=NAME, license=LICENSE,
    description="Monthly commits and distinct/first-time author counts per repository (from git history)",
    live_url=LIVE_URL, mirror_glob=MIRROR_FILE, offline=read_offline, live=None, tables=("repo_activity",),
))

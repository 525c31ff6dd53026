"""Contributor activity of a GitHub repository that is not cloned, from the REST API.

`GET {OPENPACE_GITHUB_API}/repos/{owner}/{repo}/commits?per_page=100`, every page through
`openpace.http.paginate` (Link `rel="next"`, retries and Retry-After), with `GITHUB_TOKEN` as a
bearer token when set (never printed or stored). The commits are those of the default branch;
each commit's git author e-mail and date are counted exactly as `git log` would be
(`sources/git_log.py`), hashed in memory and never kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime

from .. import config
from ..errors import InputError, SourceError
from ..http import paginate
from .base import RepoActivity
from .git_log import LICENSE, NAME, author_key, monthly_counts

REPO_RE = re.compile(r"^(?:github:|https?://github\.com/)?([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+?)(?:\.git)?/?$")
PER_PAGE = 100


def parse_repo(text: str) -> tuple[str, str]:
    """`owner/name`, `github:owner/name` or `https://github.com/owner/name` -> (owner, name)."""
    match = REPO_RE.match(text.strip())
    if not match:
        raise InputError(f"{text!r}: not a local clone, nor a GitHub repository (owner/name)")
    return match.group(1), match.group(2)


def headers() -> dict[str, str]:
    result = {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28"}
    token = config.github_token()
    if token:
        result["Authorization"] = f"Bearer {token}"
    return result


def api_commits(owner: str, name: str) -> Iterator[tuple[str, str, datetime]]:
    """Stream `(sha, author_key, author_date)` for the default branch, newest first."""
    url = f"{config.github_api_url()}/repos/{owner}/{name}/commits"
    for response in paginate(url, source=NAME, params={"per_page": PER_PAGE}, headers=headers()):
        try:
            items = response.json()
        except ValueError:
            raise SourceError(NAME, str(response.url), "not JSON") from None
        if not isinstance(items, list):
            raise SourceError(NAME, str(response.url), "expected a list of commits")
        for index, item in enumerate(items):
            author = ((item or {}).get("commit") or {}).get("author") or {}
            if not author.get("date") or author.get("email") is None:
                raise SourceError(NAME, f"{response.url} item {index}", "commit without author e-mail or date")
            try:
                moment = datetime.fromisoformat(author["date"].replace("Z", "+00:00"))
            except ValueError:
                raise SourceError(NAME, f"{response.url} item {index}", f"unreadable date {author['date']!r}") from None
            yield item.get("sha") or "", author_key(author["email"]), moment


def github_activity(repo: str) -> list[RepoActivity]:
    """Monthly activity of `owner/name` from the GitHub API, as records with provenance."""
    owner, name = parse_repo(repo)
    head: list[str] = []

    def pairs() -> Iterator[tuple[str, datetime]]:
        for sha, key, moment in api_commits(owner, name):
            if not head:
                head.append(sha)  # the newest commit of the default branch
            yield key, moment

    counts = monthly_counts(pairs())
    origin = f"{config.github_api_url()}/repos/{owner}/{name}/commits"
    today = date.today()
    return [RepoActivity(repo=f"{owner}/{name}", head_commit=head[0] if head else None, source=NAME, origin=origin,
                         observed=today, license=LICENSE, **row) for row in counts]

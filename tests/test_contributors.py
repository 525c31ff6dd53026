"""Contributor velocity: real git repositories made here, the GitHub API on a local server, and the
mirror's monthly table."""

from __future__ import annotations

import json
import os
import subprocess
import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from typer.testing import CliRunner

from openpace.cli import app
from openpace.errors import InputError, SourceError
from openpace.metrics.contributors import rows_from_table, summary, velocity
from openpace.sources.git_log import clone_activity
from openpace.sources.github import github_activity, parse_repo

# (author e-mail, author date) in commit order; months are UTC months of the author date
HISTORY = [
    ("alice@example.org", "2024-01-05T10:00:00+00:00"),
    ("bob@example.org", "2024-01-20T10:00:00+00:00"),
    ("alice@example.org", "2024-01-31T23:30:00-02:00"),  # 2024-02-01 01:30 UTC: February
    ("bob@example.org", "2024-02-10T10:00:00+00:00"),
    ("ALICE@example.org", "2024-03-02T10:00:00+00:00"),  # the same author, other case
    ("carol@example.org", "2024-04-01T05:00:00+09:00"),  # 2024-03-31 20:00 UTC: March
]
# counted by hand from HISTORY
EXPECTED = [
    {"month": "2024-01", "commits": 2, "distinct_authors": 2, "first_time_authors": 2},
    {"month": "2024-02", "commits": 2, "distinct_authors": 2, "first_time_authors": 0},
    {"month": "2024-03", "commits": 2, "distinct_authors": 2, "first_time_authors": 1},
]


def git(repo: Path, *args: str, env: dict[str, str] | None = None) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}).stdout.strip()


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    repo = tmp_path / "widget"
    repo.mkdir()
    git(repo, "init", "-q")
    for i, (email, when) in enumerate(HISTORY):
        (repo / "f.txt").write_text(str(i))
        git(repo, "add", "f.txt")
        name = email.split("@")[0].title()
        git(repo, "commit", "-q", "-m", f"c{i}", env={
            "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email, "GIT_AUTHOR_DATE": when,
            "GIT_COMMITTER_NAME": "ci", "GIT_COMMITTER_EMAIL": "ci@example.org", "GIT_COMMITTER_DATE": when})
    git(repo, "remote", "add", "origin", "https://someone:s3cret@github.com/acme/widget.git")
    return repo


def months(records) -> list[dict]:
    return [{k: r.row()[k] for k in ("month", "commits", "distinct_authors", "first_time_authors")} for r in records]


@pytest.mark.subprocess
def test_clone_counts_commits_authors_and_newcomers_per_month(clone: Path) -> None:
    records = clone_activity(clone)
    assert months(records) == EXPECTED
    head = git(clone, "rev-parse", "HEAD")
    assert {(r.repo, r.head_commit, r.source) for r in records} == {("acme/widget", head, "git")}
    assert all(str(clone.resolve()) in r.origin and "s3cret" not in r.origin for r in records)


@pytest.mark.subprocess
def test_cli_on_a_clone_keeps_no_names_or_emails(clone: Path) -> None:
    result = CliRunner().invoke(app, ["contributors", str(clone), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    [repo] = data["repos"]
    assert repo["repo"] == "acme/widget" and repo["months"] == EXPECTED
    assert repo["summary"]["authors"] == 3 and repo["summary"]["commits"] == 6
    for secret in ("alice", "Alice", "bob", "carol", "example.org", "s3cret"):
        assert secret not in result.output


@pytest.mark.subprocess
def test_not_a_repository_and_empty_repository_are_clear_errors(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    with pytest.raises(InputError, match="plain"):
        clone_activity(plain)
    empty = tmp_path / "empty"
    empty.mkdir()
    git(empty, "init", "-q")
    with pytest.raises(InputError, match="empty"):
        clone_activity(empty)
    result = CliRunner().invoke(app, ["contributors", str(plain)])
    assert result.exit_code == 1


def test_summary_compares_the_last_12_months_with_the_12_before() -> None:
    rows = [{"month": m, "commits": c, "distinct_authors": 1, "first_time_authors": f}
            for m, c, f in [("2022-12", 5, 1), ("2023-01", 10, 2), ("2023-12", 4, 0), ("2024-01", 30, 3)]]
    got = summary(rows, until=date(2024, 1, 31))  # read on the last day of 2024-01: that month is complete
    assert got.last_12m.to_json() == {"from": "2023-02", "to": "2024-01", "commits": 34, "first_time_authors": 3}
    assert got.prior_12m.to_json() == {"from": "2022-02", "to": "2023-01", "commits": 15, "first_time_authors": 3}
    assert got.commits_growth == round(34 / 15, 3) and got.authors == 6
    # the newcomers ratio divides newcomers by newcomers (3 / 3), not commits (34 / 15)
    assert got.first_time_authors_growth == 1.0
    assert got.partial_months == ()


def test_a_month_still_running_is_left_out_of_the_windows() -> None:
    rows = [{"month": m, "commits": c, "distinct_authors": 1, "first_time_authors": f, "observed": date(2024, 1, 20)}
            for m, c, f in [("2022-12", 5, 1), ("2023-01", 10, 2), ("2023-12", 4, 0), ("2024-01", 30, 3)]]
    got = summary(rows)  # counted on 2024-01-20: January is partial
    assert got.partial_months == ("2024-01",)
    assert got.last_12m.to_json() == {"from": "2023-01", "to": "2023-12", "commits": 14, "first_time_authors": 2}
    assert got.prior_12m.to_json() == {"from": "2022-01", "to": "2022-12", "commits": 5, "first_time_authors": 1}
    assert (got.commits_growth, got.first_time_authors_growth) == (round(14 / 5, 3), 2.0)
    # the totals still count every month
    assert (got.commits, got.last_month) == (49, "2024-01")
    # no date at all (the mirror's table): the data's last month cannot be shown complete
    undated = summary([{k: v for k, v in r.items() if k != "observed"} for r in rows])
    assert undated.partial_months == ("2024-01",)


def test_mirror_table_leaves_out_its_last_month(mirror_db) -> None:
    # git/monthly_contributors.csv ends at 2026-08 for both repositories (huggingface_hub: 31 commits that
    # month against 91 in 2026-07) and says nothing of when it was counted: 2026-08 is left out
    result = velocity(rows_from_table(mirror_db))
    hub = next(r for r in result.repos if r.repo == "huggingface/huggingface_hub")
    assert hub.summary.partial_months == ("2026-08",) and hub.summary.last_12m.end == "2026-07"
    months = {m["month"]: m for m in hub.months}
    assert (months["2026-07"]["commits"], months["2026-08"]["commits"]) == (91, 31)
    recent = [m for m in hub.months if "2025-08" <= m["month"] <= "2026-07"]
    assert hub.summary.last_12m.commits == sum(m["commits"] for m in recent)
    assert hub.summary.last_12m.first_time_authors == sum(m["first_time_authors"] for m in recent)


# --------------------------------------------------------------------------- GitHub API
class GitHub(BaseHTTPRequestHandler):
    """`GET /repos/acme/widget/commits?per_page=N&page=P`, newest first, with Link rel="next"."""

    commits: list[dict] = []
    seen: list[tuple[str, str | None]] = []

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802
        url = urlparse(self.path)
        query = parse_qs(url.query)
        type(self).seen.append((self.path, self.headers.get("Authorization")))
        if url.path != "/repos/acme/widget/commits":
            self.send_response(404)
            self.end_headers()
            self.wfile.write(b'{"message": "Not Found"}')
            return
        per_page, page = int(query["per_page"][0]), int(query.get("page", ["1"])[0])
        chunk = self.commits[(page - 1) * per_page: page * per_page]
        body = json.dumps(chunk).encode()
        self.send_response(200)
        if page * per_page < len(self.commits):
            host = f"http://127.0.0.1:{self.server.server_address[1]}"
            self.send_header("Link", f'<{host}{url.path}?per_page={per_page}&page={page + 1}>; rel="next", '
                                     f'<{host}{url.path}?per_page={per_page}&page=99>; rel="last"')
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def github(monkeypatch: pytest.MonkeyPatch):
    # 250 commits: the six of HISTORY, then 244 by dave in 2024-05 (three pages of 100)
    history = HISTORY + [("dave@example.org", f"2024-05-{1 + i % 28:02d}T12:00:00Z") for i in range(244)]
    GitHub.commits = [{"sha": f"{i:040x}", "commit": {"author": {"name": "x", "email": e, "date": d}},
                       "author": None} for i, (e, d) in reversed(list(enumerate(history)))]
    GitHub.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), GitHub)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    monkeypatch.setenv("OPENPACE_GITHUB_API", f"http://127.0.0.1:{server.server_address[1]}")
    yield GitHub
    server.shutdown()


def test_github_api_pages_through_every_commit(github, monkeypatch) -> None:
    monkeypatch.setenv("GITHUB_TOKEN", "ghp_secret_token")
    records = github_activity("https://github.com/acme/widget")
    assert months(records) == EXPECTED + [{"month": "2024-05", "commits": 244, "distinct_authors": 1,
                                           "first_time_authors": 1}]
    assert [p for p, _ in github.seen] == ["/repos/acme/widget/commits?per_page=100",
                                           "/repos/acme/widget/commits?per_page=100&page=2",
                                           "/repos/acme/widget/commits?per_page=100&page=3"]
    assert {a for _, a in github.seen} == {"Bearer ghp_secret_token"}
    assert records[0].head_commit == f"{249:040x}"
    assert all("ghp_secret_token" not in r.origin for r in records)


def test_github_cli_and_errors(github) -> None:
    result = CliRunner().invoke(app, ["contributors", "acme/widget", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["repos"][0]["months"][:3] == EXPECTED
    assert github.seen[0][1] is None  # no token, no header
    with pytest.raises(SourceError, match="HTTP 404"):
        github_activity("acme/missing")
    with pytest.raises(InputError, match="not a local clone"):
        parse_repo("no-slash-here")


# --------------------------------------------------------------------------- the shipped table
def test_without_paths_the_mirror_table_is_shown(mirror_db_path: Path) -> None:
    result = CliRunner().invoke(app, ["contributors", "--json", "--db", str(mirror_db_path)])
    assert result.exit_code == 0, result.output
    repos = {r["repo"]: r for r in json.loads(result.stdout)["repos"]}
    peft = {m["month"]: m for m in repos["huggingface/peft"]["months"]}
    # git/monthly_contributors.csv: huggingface/peft,2022-11,20,1,1 and 2023-02,116,12,9
    assert peft["2022-11"] == {"month": "2022-11", "commits": 20, "distinct_authors": 1, "first_time_authors": 1}
    assert peft["2023-02"] == {"month": "2023-02", "commits": 116, "distinct_authors": 12, "first_time_authors": 9}
    assert repos["huggingface/peft"]["origin"].startswith("mirror:git/monthly_contributors.csv")


def test_velocity_groups_rows_by_repository() -> None:
    rows = [{"repo": "b/x", "month": "2024-02", "commits": 1, "distinct_authors": 1, "first_time_authors": 1},
            {"repo": "a/y", "month": "2024-01", "commits": 2, "distinct_authors": 1, "first_time_authors": 1},
            {"repo": "b/x", "month": "2024-01", "commits": 3, "distinct_authors": 2, "first_time_authors": 2}]
    got = velocity(rows).repos
    assert [r.repo for r in got] == ["a/y", "b/x"]
    assert [m["month"] for m in got[1].months] == ["2024-01", "2024-02"]
    assert got[1].summary.commits == 4 and got[1].summary.authors == 3

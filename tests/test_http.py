"""openpace.http against a real HTTP server on 127.0.0.1, and the Epoch sources' live paths
refreshed from that server serving the mirror files."""

from __future__ import annotations

import json
import shutil
import threading
import time
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from openpace.errors import SourceError
from openpace.http import get_bytes, paginate
from openpace.refresh import refresh

# A route answers (status, headers, body) for a request's query string and its number (1-based).
Route = Callable[[dict[str, list[str]], int], tuple[int, dict[str, str], bytes]]


class Server:
    """A threaded http.server with per-path routes, a static folder, and a request log."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.static: Path | None = None
        self.hits: Counter[str] = Counter()
        self.log: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                parts = urlsplit(self.path)
                server.hits[parts.path] += 1
                server.log.append(self.path)
                route = server.routes.get(parts.path)
                if route is not None:
                    status, headers, body = route(parse_qs(parts.query), server.hits[parts.path])
                elif server.static is not None and (server.static / parts.path.lstrip("/")).is_file():
                    status, headers, body = 200, {}, (server.static / parts.path.lstrip("/")).read_bytes()
                else:
                    status, headers, body = 404, {}, b"not found"
                try:
                    self.send_response(status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (the timeout test)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[Server]:
    with Server() as running:
        yield running


@pytest.mark.realtime
def test_429_with_retry_after_then_success(server: Server) -> None:
    server.routes["/limited"] = lambda q, n: (429, {"Retry-After": "1"}, b"slow down") if n == 1 else (200, {}, b"ok")
    started = time.monotonic()
    # the backoff alone would wait 0.01 s: waiting about a second shows Retry-After was honoured
    body = get_bytes(server.url + "/limited", source="test", backoff_base=0.01)
    assert body == b"ok"
    assert server.hits["/limited"] == 2
    assert time.monotonic() - started >= 0.9


def test_500_gives_up_naming_the_url(server: Server) -> None:
    server.routes["/broken"] = lambda q, n: (500, {}, b"boom")
    with pytest.raises(SourceError) as err:
        get_bytes(server.url + "/broken", source="test", attempts=3, backoff_base=0.01)
    assert str(err.value) == f"test: {server.url}/broken: HTTP 500 after 3 attempts"
    assert server.hits["/broken"] == 3


def test_404_is_not_retried(server: Server) -> None:
    with pytest.raises(SourceError) as err:
        get_bytes(server.url + "/missing", source="test", attempts=3, backoff_base=0.01)
    assert f"{server.url}/missing: HTTP 404" in str(err.value)
    assert server.hits["/missing"] == 1


def test_unreadable_retry_after_falls_back_to_backoff(server: Server) -> None:
    server.routes["/odd"] = lambda q, n: (503, {"Retry-After": "soon"}, b"") if n == 1 else (200, {}, b"fine")
    assert get_bytes(server.url + "/odd", source="test", backoff_base=0.01) == b"fine"


@pytest.mark.realtime
def test_timeout_gives_up_naming_the_url(server: Server) -> None:
    def slow(query: dict, n: int) -> tuple[int, dict[str, str], bytes]:
        time.sleep(1.0)
        return 200, {}, b"too late"

    server.routes["/slow"] = slow
    started = time.monotonic()
    with pytest.raises(SourceError) as err:
        get_bytes(server.url + "/slow", source="test", timeout=0.2, attempts=2, backoff_base=0.01)
    assert str(err.value) == f"test: {server.url}/slow: timed out after 2 attempts"
    assert server.hits["/slow"] == 2
    assert time.monotonic() - started < 1.5  # gave up on the timeout, did not wait for the answers


def pages_route(server: Server) -> Route:
    """Three pages of a list API, each linking the next with `Link: <...>; rel="next"`."""
    def route(query: dict[str, list[str]], n: int) -> tuple[int, dict[str, str], bytes]:
        page = int(query.get("page", ["1"])[0])
        headers = {"Content-Type": "application/json"}
        if page < 3:
            headers["Link"] = f'<{server.url}/items?page={page + 1}>; rel="next"'
        return 200, headers, json.dumps([{"id": f"item-{page}-{i}"} for i in range(2)]).encode()
    return route


def test_link_pagination_over_three_pages(server: Server) -> None:
    server.routes["/items"] = pages_route(server)
    pages = list(paginate(server.url + "/items", source="test", params={"limit": 2}))
    assert [p.json()[0]["id"] for p in pages] == ["item-1-0", "item-2-0", "item-3-0"]
    # the first request carries the caller's params; the next links carry their own query
    assert server.log == ["/items?limit=2", "/items?page=2", "/items?page=3"]


def test_paginate_fetches_nothing_until_iterated(server: Server) -> None:
    server.routes["/items"] = pages_route(server)
    pages = paginate(server.url + "/items", source="test")
    assert server.hits["/items"] == 0
    first = next(pages)
    assert first.json()[1]["id"] == "item-1-1"
    assert server.hits["/items"] == 1
    pages.close()


def test_next_link_to_another_host_is_refused_and_gets_no_token(server: Server) -> None:
    """A page must not be able to send the caller's token to another origin."""
    seen_auth: list[str | None] = []
    with Server() as other:
        other.routes["/steal"] = lambda query, n: (200, {}, b"[]")
        server.routes["/items"] = lambda query, n: (
            200, {"Link": f'<{other.url}/steal>; rel="next"'}, json.dumps([{"id": 1}]).encode())
        pages = paginate(server.url + "/items", source="test", headers={"Authorization": "Bearer secret-token"})
        with pytest.raises(SourceError) as err:
            list(pages)
        seen_auth.extend(other.log)
    assert "another host" in str(err.value)
    assert "secret-token" not in str(err.value)
    assert seen_auth == []  # the other server was never contacted


# --------------------------------------------------------------------------- live paths
def test_epoch_trends_live_path_from_local_server(server: Server, mirror: Path, tmp_path: Path, fresh_db,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "served" / "trends"
    folder.mkdir(parents=True)
    src = mirror / "epoch/open-model-trends"
    # served under their live file names (epoch.ai calls the systems table all_ai_models.csv)
    shutil.copy(src / "benchmarks_with_model_accessibility.csv", folder)
    shutil.copy(src / "gsm1k_with_model_accessibility.csv", folder)
    shutil.copy(src / "all_ml_systems_2024-09-25.csv", folder / "all_ai_models.csv")
    server.static = tmp_path / "served"
    monkeypatch.setenv("OPENPACE_EPOCH_TRENDS_URL", server.url + "/trends/")

    [result] = refresh(fresh_db, ["epoch_trends"])
    assert result.status == "ok", result.error
    assert sorted(server.hits) == ["/trends/all_ai_models.csv", "/trends/benchmarks_with_model_accessibility.csv",
                                   "/trends/gsm1k_with_model_accessibility.csv"]
    # epoch/open-model-trends/benchmarks_with_model_accessibility.csv: Mixtral 8x22B, MMLU 0.778
    row = fresh_db.execute("SELECT score, origin FROM scores WHERE source = 'epoch_trends' "
                           "AND model_name = 'Mixtral 8x22B' AND benchmark = 'MMLU'").fetchall()
    assert row == [(pytest.approx(77.8), f"{server.url}/trends/benchmarks_with_model_accessibility.csv")]


def test_epoch_benchmarks_live_zip_from_local_server(server: Server, mirror: Path, tmp_path: Path, fresh_db,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    served = tmp_path / "served"
    served.mkdir()
    csvs = sorted((mirror / "epoch/benchmark-stitching").glob("*.csv"))
    with zipfile.ZipFile(served / "benchmark_data.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        for path in csvs:  # inside a folder, as zips often are: the reader must not care
            archive.write(path, f"benchmark_data/{path.name}")
    server.static = served
    monkeypatch.setenv("OPENPACE_EPOCH_BENCHMARKS_URL", server.url)

    [result] = refresh(fresh_db, ["epoch_benchmarks"])
    assert result.status == "ok", result.error
    assert server.hits["/benchmark_data.zip"] == 1
    # epoch/benchmark-stitching/benchmarks_runs.csv: o3-2025-04-16_high, FrontierMath-2025-02-28-Private, 0.187
    row = fresh_db.execute("SELECT score, origin, observed IS NOT NULL FROM scores WHERE source = 'epoch_benchmarks' "
                           "AND model_key = 'o3-2025-04-16_high' AND benchmark = 'FrontierMath'").fetchall()
    assert row == [(pytest.approx(18.7), f"{server.url}/benchmark_data.zip!benchmark_data/benchmarks_runs.csv", True)]
    # epoch/benchmark-stitching/model_versions.csv: 574 rows, one fact per version
    facts = fresh_db.execute("SELECT count(*) FROM model_facts WHERE source = 'epoch_benchmarks'").fetchone()[0]
    assert facts == 574


def test_epoch_benchmarks_live_not_a_zip(server: Server, fresh_db, monkeypatch: pytest.MonkeyPatch) -> None:
    server.routes["/benchmark_data.zip"] = lambda q, n: (200, {}, b"<html>maintenance</html>")
    monkeypatch.setenv("OPENPACE_EPOCH_BENCHMARKS_URL", server.url)
    [result] = refresh(fresh_db, ["epoch_benchmarks"])
    assert result.status == "failed"
    assert result.error == f"epoch_benchmarks: {server.url}/benchmark_data.zip: not a zip file"


def test_lmarena_live_path_from_local_hub(server: Server, mirror: Path, tmp_path: Path, fresh_db,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    space = "lmarena-ai/chatbot-arena-leaderboard"
    folder = tmp_path / "served" / "spaces" / space / "resolve" / "main"
    folder.mkdir(parents=True)
    names = ["leaderboard_table_20230619.csv", "leaderboard_table_20240109.csv", "arena_hard_auto_leaderboard_v0.1.csv"]
    for name in names:
        shutil.copy(mirror / "lmarena" / name, folder)
    shutil.copy(mirror / "lmarena/elo_data.json", tmp_path / "served")
    server.static = tmp_path / "served"
    # the Hub's tree API: a JSON list of {type, path, oid, size}; one file the source must ignore
    tree = [{"type": "file", "path": n, "oid": "0" * 40, "size": 1} for n in [*names, "app.py"]]
    server.routes[f"/api/spaces/{space}/tree/main"] = lambda q, n: (
        200, {"Content-Type": "application/json"}, json.dumps(tree).encode())
    monkeypatch.setenv("HF_ENDPOINT", server.url)
    monkeypatch.setenv("OPENPACE_LMARENA_ELO_URL", server.url + "/elo_data.json")

    [result] = refresh(fresh_db, ["lmarena"])
    assert result.status == "ok", result.error
    assert f"/spaces/{space}/resolve/main/app.py" not in server.hits
    # lmarena/leaderboard_table_20240109.csv: gpt-4-0314, MMLU 0.864
    row = fresh_db.execute("SELECT score, observed, origin FROM scores WHERE source = 'lmarena' "
                           "AND model_key = 'gpt-4-0314' AND benchmark = 'MMLU'").fetchall()
    assert row == [(pytest.approx(86.4), date(2024, 1, 9),
                    f"{server.url}/spaces/{space}/resolve/main/leaderboard_table_20240109.csv")]
    # lmarena/elo_data.json: 2,050 rows
    assert fresh_db.execute("SELECT count(*) FROM arena_tops WHERE source = 'lmarena'").fetchone()[0] == 2050

"""The HTTP guard against hostile servers on 127.0.0.1: tokens only to their own origin (openpace's
clients and huggingface_hub's alike), redirect and next-link loops, a trickling server, a gzip
bomb, 429/500 retried, and a refresh through a dead proxy."""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from hostile_server import HostileServer, trickle
from openpace.errors import SourceError
from openpace.http import fetch, get_bytes, paginate
from openpace.http_guard import source_deadline
from openpace.refresh import refresh
from openpace.sources import SOURCES

TOKEN = "hf_guardtest_never_elsewhere_0123456789"


@pytest.fixture
def home():
    with HostileServer() as server:
        yield server


@pytest.fixture
def elsewhere():
    with HostileServer() as server:
        yield server


def fast_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENPACE_HTTP_BACKOFF", "0.01")


# --------------------------------------------------------------------------- credentials and origins
def test_a_redirect_to_another_origin_is_followed_without_the_token(home, elsewhere) -> None:
    elsewhere.routes["/data"] = lambda q, n: (200, {}, b"payload")
    home.routes["/moved"] = lambda q, n: (302, {"Location": elsewhere.url + "/data"}, b"")
    fetched = fetch(home.url + "/moved", source="test", headers={"Authorization": f"Bearer {TOKEN}"})
    assert fetched.content == b"payload"
    assert fetched.url == elsewhere.url + "/data"  # the final URL is what a source stores as origin
    assert home.headers_sent("authorization") == [f"Bearer {TOKEN}"]
    assert elsewhere.headers_sent("authorization") == [None]


def test_a_redirect_loop_is_one_error(home) -> None:
    home.routes["/loop"] = lambda q, n: (302, {"Location": "/loop"}, b"")
    with pytest.raises(SourceError) as err:
        get_bytes(home.url + "/loop", source="test")
    assert "redirects" in str(err.value)
    assert home.counts["/loop"] <= 6


def test_a_next_link_to_itself_is_a_loop_read_once(home) -> None:
    home.routes["/items"] = lambda q, n: (200, {"Link": f'<{home.url}/items?page=1>; rel="next"'}, b"[]")
    with pytest.raises(SourceError) as err:
        list(paginate(home.url + "/items?page=1", source="test"))
    assert "loop" in str(err.value)
    assert home.counts["/items"] == 1


def test_pages_stop_at_the_cap(home) -> None:
    def endless(query: dict, n: int):
        page = int(query["page"][0])
        return 200, {"Link": f'<{home.url}/items?page={page + 1}>; rel="next"'}, b"[]"

    home.routes["/items"] = endless
    with pytest.raises(SourceError) as err:
        list(paginate(home.url + "/items?page=1", source="test", max_pages=5))
    assert "more than 5 pages" in str(err.value)
    assert home.counts["/items"] == 5


# --------------------------------------------------------------------------- deadlines, sizes, retries
@pytest.mark.realtime
def test_a_trickling_server_meets_the_request_deadline(home, monkeypatch) -> None:
    monkeypatch.setenv("OPENPACE_HTTP_DEADLINE", "1.5")
    home.routes["/slow"] = lambda q, n: (200, {}, trickle(b"x" * 100, 0.2))  # 20 s in all
    started = time.monotonic()
    with pytest.raises(SourceError) as err:
        get_bytes(home.url + "/slow", source="test", attempts=1)
    assert "deadline" in str(err.value)
    assert time.monotonic() - started < 5


@pytest.mark.realtime
def test_a_source_deadline_covers_all_its_requests(home) -> None:
    home.routes["/slow"] = lambda q, n: (200, {}, trickle(b"x" * 100, 0.2))
    started = time.monotonic()
    with source_deadline(1.0), pytest.raises(SourceError) as err:
        get_bytes(home.url + "/slow", source="test", attempts=1)
    assert "deadline" in str(err.value)
    assert time.monotonic() - started < 5


def test_a_gzip_bomb_stops_at_the_cap(home, monkeypatch) -> None:
    monkeypatch.setenv("OPENPACE_HTTP_MAX_BYTES", str(1_000_000))
    bomb = gzip.compress(b"\0" * 50_000_000, compresslevel=9)  # ~50 KB on the wire
    home.routes["/bomb"] = lambda q, n: (200, {"Content-Encoding": "gzip"}, bomb)
    with pytest.raises(SourceError) as err:
        get_bytes(home.url + "/bomb", source="test")
    assert "exceeds 1,000,000 bytes" in str(err.value)


def test_gzip_within_the_cap_is_decoded(home) -> None:
    home.routes["/ok"] = lambda q, n: (200, {"Content-Encoding": "gzip"}, gzip.compress(b"hello " * 1000))
    assert get_bytes(home.url + "/ok", source="test") == b"hello " * 1000


def test_a_zip_bomb_from_epoch_is_refused(home, fresh_db, monkeypatch) -> None:
    monkeypatch.setenv("OPENPACE_MAX_FILE_BYTES", str(2_000_000))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("benchmark_data/benchmarks_runs.csv", b"a" * 50_000_000)
    home.routes["/benchmark_data.zip"] = lambda q, n: (200, {}, buffer.getvalue())
    monkeypatch.setenv("OPENPACE_EPOCH_BENCHMARKS_URL", home.url)
    [result] = refresh(fresh_db, ["epoch_benchmarks"])
    assert result.status == "failed"
    assert "benchmarks_runs.csv: unpacks to over 2,000,000 bytes" in result.error


def test_429_and_500_are_retried(home, monkeypatch) -> None:
    home.routes["/flaky"] = lambda q, n: ((429, {"Retry-After": "0"}, b"") if n == 1 else
                                          (500, {}, b"") if n == 2 else (200, {}, b"fine"))
    assert get_bytes(home.url + "/flaky", source="test", backoff_base=0.01) == b"fine"
    assert home.counts["/flaky"] == 3


# --------------------------------------------------------------------------- huggingface_hub
def hub_page(models: list[dict], link: str | None) -> tuple[int, dict[str, str], bytes]:
    headers = {"Content-Type": "application/json"}
    if link:
        headers["Link"] = f'<{link}>; rel="next"'
    return 200, headers, json.dumps(models).encode()


def test_the_hub_crawl_never_sends_the_token_to_another_origin(home, elsewhere, fresh_db, monkeypatch) -> None:
    monkeypatch.setenv("HF_TOKEN", TOKEN)
    monkeypatch.setenv("HF_ENDPOINT", home.url)
    elsewhere.routes["/api/models"] = lambda q, n: hub_page([], None)
    home.routes["/api/models"] = lambda q, n: hub_page(
        [{"id": "a/b", "createdAt": "2025-01-01T00:00:00.000Z"}], elsewhere.url + "/api/models?cursor=x")
    [result] = refresh(fresh_db, ["hf_hub"])
    assert result.status == "failed"
    assert "another host" in result.error and TOKEN not in result.error
    assert elsewhere.requests == []
    # the configured origin gets the token (huggingface_hub 2.x also asks it for /api/agent-harnesses)
    assert [h.get("authorization") for path, h in home.requests if path.startswith("/api/models")] == [
        f"Bearer {TOKEN}"]


def test_the_hub_client_refuses_any_other_origin(home, elsewhere, monkeypatch) -> None:
    """Even a call that bypasses the crawl's own check goes through the guarded client."""
    from huggingface_hub import get_session

    from openpace.http import guard_huggingface_hub
    from openpace.http_guard import TransferRefused

    monkeypatch.setenv("HF_ENDPOINT", home.url)
    guard_huggingface_hub()
    elsewhere.routes["/x"] = lambda q, n: (200, {}, b"")
    with pytest.raises(TransferRefused):
        get_session().get(elsewhere.url + "/x", headers={"Authorization": f"Bearer {TOKEN}"})
    assert elsewhere.requests == []


def space_tree(names: list[str]) -> bytes:
    return json.dumps([{"type": "file", "path": n, "oid": "0" * 40, "size": 1} for n in names]).encode()


TREE = "/api/spaces/lmarena-ai/chatbot-arena-leaderboard/tree/main"


@pytest.mark.realtime
def test_the_space_listing_is_retried_on_500(home, monkeypatch) -> None:
    from openpace.sources.lmarena import space_files

    monkeypatch.setenv("HF_ENDPOINT", home.url)
    home.routes[TREE] = lambda q, n: (500, {}, b"") if n == 1 else (200, {}, space_tree(["a.csv"]))
    assert space_files() == ["a.csv"]
    assert home.counts[TREE] == 2


def test_the_space_listing_does_not_follow_a_link_elsewhere(home, elsewhere, monkeypatch) -> None:
    from openpace.sources.lmarena import space_files

    monkeypatch.setenv("HF_TOKEN", TOKEN)
    monkeypatch.setenv("HF_ENDPOINT", home.url)
    elsewhere.routes[TREE] = lambda q, n: (200, {}, space_tree(["stolen.csv"]))
    home.routes[TREE] = lambda q, n: (200, {"Link": f'<{elsewhere.url}{TREE}?cursor=1>; rel="next"'},
                                      space_tree(["a.csv"]))
    with pytest.raises(SourceError) as err:
        space_files()
    assert "not the configured origin" in str(err.value) and TOKEN not in str(err.value)
    assert elsewhere.requests == []


# --------------------------------------------------------------------------- no network at all
def test_refresh_through_a_dead_proxy_fails_each_source_in_one_line(mirror_db_path: Path, tmp_path: Path) -> None:
    import socket

    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k.lower() not in ("no_proxy", "all_proxy", "http_proxy", "https_proxy")}
    env.update(HTTPS_PROXY=f"http://127.0.0.1:{port}", HTTP_PROXY=f"http://127.0.0.1:{port}",
               OPENPACE_HTTP_BACKOFF="0.01", OPENPACE_HOME=str(tmp_path / "home"), HF_TOKEN=TOKEN)
    cli = [sys.executable, "-c", "from openpace.cli import main; main()"]
    before = subprocess.run([*cli, "sources", "--db", str(mirror_db_path), "--json"], env=env,
                            capture_output=True, text=True, check=True).stdout
    done = subprocess.run([*cli, "refresh", "--db", str(mirror_db_path)], env=env, capture_output=True, text=True,
                          timeout=240)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and TOKEN not in done.stderr
    assert "Retrying in" not in done.stderr  # huggingface_hub's own retry log is not one line per source
    errors = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    live = [name for name, spec in SOURCES.items() if spec.live is not None]
    assert sorted(line.split()[1].rstrip(":") for line in errors) == sorted(live)
    after = subprocess.run([*cli, "sources", "--db", str(mirror_db_path), "--json"], env=env,
                           capture_output=True, text=True, check=True).stdout
    rows = lambda text: {s["name"]: s["rows"] for s in json.loads(text)}  # noqa: E731
    assert rows(after) == rows(before)


def test_the_hub_crawl_stops_on_a_next_link_to_itself(home, fresh_db, monkeypatch) -> None:
    monkeypatch.setenv("HF_ENDPOINT", home.url)
    page = [{"id": "a/b", "createdAt": "2025-01-01T00:00:00.000Z"}]
    home.routes["/api/models"] = lambda q, n: hub_page(page, home.url + "/api/models?cursor=same")
    [result] = refresh(fresh_db, ["hf_hub"])
    assert result.status == "failed"
    assert "loop" in result.error
    assert sum(1 for path, _ in home.requests if path.startswith("/api/models")) == 2  # the first page, the loop once

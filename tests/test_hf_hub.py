"""The hf_hub source: the mirror (atomic, damaged files named) and the live listing against a local
HTTP server that serves `GET /api/models` pages in the API's shape with `Link: rel="next"` cursors,
429 with Retry-After, and a kill mid-stream followed by a resume."""

from __future__ import annotations

import base64
import gzip
import json
import os
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlparse

import pytest

from openpace.errors import SourceError
from openpace.refresh import refresh
from openpace.warehouse.hub import ingest, ingest_offline

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from hub_listing import generate  # noqa: E402

TOKEN = "hf_testtoken_do_not_store_123456"


# --------------------------------------------------------------------------- a local Hub
class Hub:
    """The models, newest first, and what the server was asked."""

    def __init__(self, models: list[dict]) -> None:
        self.models = sorted(models, key=lambda m: m.get("createdAt") or "", reverse=True)
        self.requests: list[dict] = []
        self.auth: list[str | None] = []
        self.throttle_once: set[int] = set()  # page offsets answered 429 the first time
        self.stall_at: int | None = None  # an offset at which the server hangs (until released)
        self.release = threading.Event()
        self.broken_at: int | None = None  # an offset answered with a damaged page
        self.generation = 0  # cursors of an older generation are refused (expired), as 400


def cursor_for(offset: int, generation: int = 0) -> str:
    return base64.urlsafe_b64encode(json.dumps({"$offset": offset, "gen": generation}).encode()).decode()


def make_handler(hub: Hub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # keep test output clean
            pass

        def do_GET(self) -> None:  # noqa: N802
            url = urlparse(self.path)
            query = parse_qs(url.query)
            if url.path != "/api/models":
                self.send_error(404)
                return
            cursor = json.loads(base64.urlsafe_b64decode(query["cursor"][0])) if "cursor" in query else {}
            offset = cursor.get("$offset", 0)
            limit = int(query.get("limit", ["1000"])[0])
            hub.requests.append({"offset": offset, "query": query})
            hub.auth.append(self.headers.get("Authorization"))
            if cursor and cursor["gen"] != hub.generation:
                body = b'{"error": "Invalid cursor"}'
                self.send_response(400)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            if offset in hub.throttle_once:
                hub.throttle_once.discard(offset)
                self.send_response(429)
                self.send_header("Retry-After", "0")
                self.end_headers()
                return
            if hub.stall_at == offset:
                hub.release.wait(30)
                return
            fields = query.get("expand", [])
            page = [{"_id": m["_id"], "id": m["id"], **{k: m[k] for k in fields if k in m}}
                    for m in hub.models[offset:offset + limit]]
            body = json.dumps(page).encode()
            if hub.broken_at == offset:
                body = body[: len(body) // 2]
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            if offset + limit < len(hub.models):
                rest = {k: v for k, v in query.items() if k != "cursor"}
                rest["cursor"] = [cursor_for(offset + limit, hub.generation)]
                host = f"http://{self.server.server_address[0]}:{self.server.server_address[1]}"
                self.send_header("Link", f'<{host}/api/models?{urlencode(rest, doseq=True)}>; rel="next"')
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


@pytest.fixture
def hub_server(monkeypatch: pytest.MonkeyPatch):
    """Start a local Hub with 2,500 generated models; HF_ENDPOINT points at it."""
    hub = Hub(list(generate(2500, seed=3)))
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(hub))
    # a short poll: shutdown() waits for the loop to notice, 0.5 s by default
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    endpoint = f"http://127.0.0.1:{server.server_address[1]}"
    monkeypatch.setenv("HF_ENDPOINT", endpoint)
    yield hub, endpoint
    hub.release.set()
    server.shutdown()


def small_pages(monkeypatch: pytest.MonkeyPatch, size: int = 300) -> None:
    monkeypatch.setattr("openpace.sources.hf_hub.PAGE_SIZE", size)


def stored_ids(con) -> list[str]:
    return [r[0] for r in con.execute("SELECT id FROM hub_models ORDER BY id").fetchall()]


# --------------------------------------------------------------------------- live
def test_live_crawl_follows_link_cursors_with_the_expand_fields(fresh_db, hub_server, monkeypatch) -> None:
    hub, endpoint = hub_server
    small_pages(monkeypatch)
    [result] = refresh(fresh_db, ["hf_hub"], None)
    assert result.status == "ok", result.error
    assert stored_ids(fresh_db) == sorted(m["id"] for m in hub.models)
    assert len(hub.requests) == 9  # 2,500 models in pages of 300
    first = hub.requests[0]["query"]
    assert first["sort"] == ["createdAt"] and first["limit"] == ["300"]
    assert set(first["expand"]) == {"createdAt", "lastModified", "tags", "downloads", "likes", "pipeline_tag",
                                    "library_name", "author"}
    assert hub.auth == [None] * 9  # no HF_TOKEN, no Authorization header
    row = fresh_db.execute("SELECT origin, observed, source FROM hub_models LIMIT 1").fetchone()
    assert row[0].startswith(f"{endpoint}/api/models?sort=createdAt") and row[2] == "hf_hub" and row[1] is not None
    edges = fresh_db.execute("SELECT count(*) FROM hub_lineage").fetchone()[0]
    assert edges == sum(1 for m in hub.models if any(t.startswith("base_model:") for t in m["tags"])) + \
        sum(len({t.split(":")[-1].lower() for t in m["tags"] if t.startswith("base_model:")}) - 1
            for m in hub.models if any(t.startswith("base_model:") for t in m["tags"]))


def test_token_is_sent_but_never_stored(fresh_db, hub_server, monkeypatch, tmp_path) -> None:
    hub, _ = hub_server
    small_pages(monkeypatch, 1000)
    monkeypatch.setenv("HF_TOKEN", TOKEN)
    ingest(fresh_db, None)
    assert set(hub.auth) == {f"Bearer {TOKEN}"}
    fresh_db.execute("CHECKPOINT")
    stored = fresh_db.execute(
        "SELECT string_agg(COALESCE(next_url, '') || endpoint, '') FROM hub_ingest_state").fetchone()[0]
    assert TOKEN not in stored
    assert TOKEN.encode() not in (tmp_path / "fresh.duckdb").read_bytes()


def test_429_with_retry_after_is_honoured(fresh_db, hub_server, monkeypatch) -> None:
    hub, _ = hub_server
    small_pages(monkeypatch, 1000)
    hub.throttle_once = {1000}
    ingest(fresh_db, None)
    offsets = [r["offset"] for r in hub.requests]
    assert offsets == [0, 1000, 1000, 2000]  # the throttled page asked again, nothing skipped
    assert len(stored_ids(fresh_db)) == 2500


def test_later_runs_fetch_only_newer_models(fresh_db, hub_server, monkeypatch) -> None:
    hub, _ = hub_server
    small_pages(monkeypatch)
    ingest(fresh_db, None)
    before = len(hub.requests)
    newer = [dict(m, id=f"new/{m['id'].split('/')[1]}", createdAt="2026-11-20T10:00:00.000Z")
             for m in list(generate(400, seed=5))[-400:]]
    hub.models = newer + hub.models
    added = ingest(fresh_db, None)
    assert added < 2500  # not a full crawl
    assert len(hub.requests) - before <= 3  # 400 new models: two pages, then one wholly older page
    assert stored_ids(fresh_db) == sorted(m["id"] for m in hub.models)
    assert fresh_db.execute("SELECT count(*) - count(DISTINCT id) FROM hub_models").fetchone()[0] == 0


def test_a_damaged_page_commits_nothing_and_the_crawl_resumes(fresh_db, hub_server, monkeypatch) -> None:
    hub, _ = hub_server
    small_pages(monkeypatch)
    hub.broken_at = 900
    with pytest.raises(SourceError, match="hf_hub: .*/api/models"):
        ingest(fresh_db, None)
    assert fresh_db.execute("SELECT count(*) FROM hub_stage").fetchone()[0] == 900
    assert stored_ids(fresh_db) == []  # the listing is swapped in only when complete
    hub.broken_at = None
    seen = len(hub.requests)
    ingest(fresh_db, None)
    assert hub.requests[seen]["offset"] == 900  # resumed from the committed cursor
    assert stored_ids(fresh_db) == sorted(m["id"] for m in hub.models)


@pytest.mark.subprocess
def test_killed_mid_stream_resumes_without_duplicates_or_gaps(tmp_path, hub_server, monkeypatch) -> None:
    """A real process killed with SIGKILL while waiting for page 5; a second run finishes the crawl."""
    hub, endpoint = hub_server
    hub.stall_at = 1200  # the fifth page of 300
    db = tmp_path / "kill.duckdb"
    env = dict(os.environ, HF_ENDPOINT=endpoint, OPENPACE_HOME=str(tmp_path / "home"))
    code = ("import openpace.sources.hf_hub as h; h.PAGE_SIZE = 300; "
            "from openpace.cli import main; import sys; sys.argv = ['openpace'] + sys.argv[1:]; main()")
    proc = subprocess.Popen([sys.executable, "-c", code, "refresh", "--source", "hf_hub", "--db", str(db)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 60
        while not any(r["offset"] == 1200 for r in hub.requests):
            assert proc.poll() is None and time.time() < deadline, "the crawl never reached page 5"
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    hub.release.set()
    hub.stall_at = None

    from openpace.warehouse import connect

    small_pages(monkeypatch)
    con = connect(db)
    state = con.execute("SELECT status, pages, rows FROM hub_ingest_state").fetchall()
    assert state == [("running", 4, 1200)]
    assert con.execute("SELECT count(*), count(DISTINCT id) FROM hub_stage").fetchone() == (1200, 1200)
    seen = len(hub.requests)
    ingest(con, None)
    resumed = [r["offset"] for r in hub.requests[seen:]]
    assert resumed == [1200, 1500, 1800, 2100, 2400]  # from the cursor, not from the start
    ids = [r[0] for r in con.execute("SELECT id FROM hub_models").fetchall()]
    assert len(ids) == len(set(ids)) == 2500  # no duplicates
    assert set(ids) == {m["id"] for m in hub.models}  # no gaps
    assert con.execute("SELECT count(*) FROM hub_stage").fetchone()[0] == 0
    assert con.execute("SELECT status FROM hub_ingest_state").fetchone()[0] == "done"
    con.close()


# --------------------------------------------------------------------------- mirror
def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    return path


def objects_lines(objects: list[dict]) -> list[str]:
    return [json.dumps(o) for o in objects]


def test_mirror_keeps_fields_licence_and_provenance(fresh_db, tmp_path) -> None:
    obj = {"_id": "1", "id": "acme/Tiny-Chat", "author": "acme", "createdAt": "2024-05-01T12:00:00.000Z",
           "lastModified": "2024-06-01T00:00:00.000Z", "downloads": 42, "likes": 3, "pipeline_tag": "text-generation",
           "library_name": "transformers",
           "tags": ["transformers", "base_model:acme/Tiny", "base_model:adapter:acme/Tiny", "license:apache-2.0"]}
    write_jsonl(tmp_path / "huggingface" / "models-2024-07-01.jsonl.gz", objects_lines([obj]))
    assert ingest_offline(fresh_db, tmp_path) == 1
    row = fresh_db.execute("SELECT id, author, created_at, downloads, likes, pipeline_tag, library_name, license, "
                           "origin, observed, source FROM hub_models").fetchone()
    assert row[:8] == ("acme/Tiny-Chat", "acme", __import__("datetime").datetime(2024, 5, 1, 12), 42, 3,
                       "text-generation", "transformers", "apache-2.0")
    assert row[8] == "mirror:huggingface/models-2024-07-01.jsonl.gz" and str(row[9]) == "2024-07-01"
    assert fresh_db.execute("SELECT child, base, relation, base_id FROM hub_lineage").fetchall() == [
        ("acme/Tiny-Chat", "acme/Tiny", "adapter", None)]


def test_only_the_base_model_tags_are_kept(fresh_db, tmp_path) -> None:
    tags = ["transformers", "license:mit", "base_model:a/b", "base_model:finetune:a/b", "region:us"]
    write_jsonl(tmp_path / "huggingface" / "models-2024-07-01.jsonl.gz", objects_lines([{"id": "a/c", "tags": tags}]))
    ingest_offline(fresh_db, tmp_path)
    assert fresh_db.execute("SELECT license, base_tags FROM hub_models").fetchone() == (
        "mit", ["base_model:a/b", "base_model:finetune:a/b"])
    assert "tags" not in [c[0] for c in fresh_db.execute("DESCRIBE hub_models").fetchall()]


def test_a_warehouse_with_whole_tag_lists_keeps_their_base_model_tags(tmp_path, monkeypatch) -> None:
    from openpace.warehouse import connect
    from openpace.warehouse.migrations import MIGRATIONS, apply_migrations

    path = tmp_path / "old.duckdb"
    with monkeypatch.context() as before:  # a warehouse from before migration 7 stored every tag
        before.delitem(MIGRATIONS, 7)
        con = connect(path)
    con.execute("""INSERT INTO hub_models (id, tags, source, origin, license_of_data)
                   VALUES ('a/c', ['license:mit', 'base_model:a/b', 'base_model:merge:a/b'], 'hf_hub', 'o', 'l'),
                          ('a/d', NULL, 'hf_hub', 'o', 'l')""")
    con.execute("INSERT INTO hub_stage (run_id, page, id, tags) VALUES ('r', 0, 'a/e', ['base_model:a/b', 'x'])")
    assert apply_migrations(con) == [7]
    assert con.execute("SELECT id, base_tags FROM hub_models ORDER BY id").fetchall() == [
        ("a/c", ["base_model:a/b", "base_model:merge:a/b"]), ("a/d", None)]
    assert con.execute("SELECT id, base_tags FROM hub_stage").fetchall() == [("a/e", ["base_model:a/b"])]
    con.close()


def test_later_mirror_file_supersedes_an_earlier_one(fresh_db, tmp_path) -> None:
    old = {"id": "a/m", "createdAt": "2024-01-01T00:00:00.000Z", "likes": 1, "tags": ["base_model:a/b"]}
    new = {"id": "a/m", "createdAt": "2024-01-01T00:00:00.000Z", "likes": 9, "tags": ["base_model:merge:a/c"]}
    write_jsonl(tmp_path / "huggingface" / "models-2024-01-01.jsonl.gz", objects_lines([old, {"id": "a/only-old"}]))
    write_jsonl(tmp_path / "huggingface" / "models-2024-02-01.jsonl.gz", objects_lines([new]))
    assert ingest_offline(fresh_db, tmp_path) == 2
    assert fresh_db.execute("SELECT likes FROM hub_models WHERE id = 'a/m'").fetchone()[0] == 9
    assert fresh_db.execute("SELECT base, relation FROM hub_lineage").fetchall() == [("a/c", "merge")]


@pytest.mark.parametrize("lines, message", [
    (['{"id": "a/b", "tags": []}', '{"id": "a/c", "tags": [}'], "not a Hub listing"),
    (['{"id": "a/b"}', '{"id": "a/b"}'], "model id 'a/b' appears 2 times"),
    (['{"id": "a/b"}', '{"author": "x"}'], "an object without an `id`"),
    (['{"id": "a/b", "createdAt": "yesterday"}'], "not a Hub listing"),
], ids=["broken-json", "duplicate-id", "missing-id", "bad-date"])
def test_damaged_mirror_names_the_file_and_keeps_the_old_listing(fresh_db, tmp_path, lines, message) -> None:
    good = tmp_path / "good"
    write_jsonl(good / "huggingface" / "models-2024-01-01.jsonl.gz", objects_lines([{"id": "keep/me"}]))
    ingest_offline(fresh_db, good)
    bad = tmp_path / "bad"
    path = write_jsonl(bad / "huggingface" / "models-2024-02-01.jsonl.gz", lines)
    [result] = refresh(fresh_db, ["hf_hub"], bad)
    assert result.status == "failed"
    assert result.error.startswith("hf_hub: ") and str(path) in result.error and message in result.error
    assert stored_ids(fresh_db) == ["keep/me"]


def test_mirror_without_listing_is_a_clear_error(fresh_db, tmp_path) -> None:
    with pytest.raises(SourceError, match="no mirror file matches"):
        ingest_offline(fresh_db, tmp_path)


def test_mirror_load_abandons_a_half_done_crawl(fresh_db, hub_server, monkeypatch, tmp_path) -> None:
    hub, _ = hub_server
    small_pages(monkeypatch)
    hub.broken_at = 600
    with pytest.raises(SourceError):
        ingest(fresh_db, None)
    write_jsonl(tmp_path / "huggingface" / "models-2024-01-01.jsonl.gz", objects_lines([{"id": "m/x"}]))
    ingest_offline(fresh_db, tmp_path)
    assert fresh_db.execute("SELECT count(*) FROM hub_stage").fetchone()[0] == 0
    assert fresh_db.execute("SELECT status FROM hub_ingest_state").fetchone()[0] == "abandoned"
    assert stored_ids(fresh_db) == ["m/x"]


def test_live_reader_fetches_nothing_until_iterated(hub_server, monkeypatch) -> None:
    from openpace.sources.hf_hub import read_live

    hub, _ = hub_server
    small_pages(monkeypatch, 1000)
    models = read_live()
    assert hub.requests == []
    first = next(iter(models))
    assert len(hub.requests) == 1 and first["id"] == hub.models[0]["id"]


def test_mirror_reader_yields_typed_rows_through_the_same_parser(tmp_path) -> None:
    from openpace.sources.hf_hub import read_offline

    write_jsonl(tmp_path / "huggingface" / "models-2024-01-01.jsonl.gz", objects_lines([
        {"id": "a/x", "createdAt": "2024-01-02T03:04:05.000Z", "tags": ["license:mit"], "downloads": 7}]))
    [row] = list(read_offline(tmp_path))
    assert (row["id"], str(row["created_at"]), row["license"], row["downloads"]) == \
        ("a/x", "2024-01-02 03:04:05", "mit", 7)


def test_an_expired_cursor_restarts_the_crawl_cleanly(fresh_db, hub_server, monkeypatch) -> None:
    hub, _ = hub_server
    small_pages(monkeypatch)
    hub.broken_at = 900
    with pytest.raises(SourceError):
        ingest(fresh_db, None)
    hub.broken_at, hub.generation = None, 1  # the saved cursor has expired meanwhile
    seen = len(hub.requests)
    ingest(fresh_db, None)
    assert [r["offset"] for r in hub.requests[seen:seen + 2]] == [900, 0]  # refused, then from the start
    ids = [r[0] for r in fresh_db.execute("SELECT id FROM hub_models").fetchall()]
    assert len(ids) == len(set(ids)) == 2500
    assert fresh_db.execute("SELECT status, count(*) FROM hub_ingest_state GROUP BY 1 ORDER BY 1").fetchall() == [
        ("abandoned", 1), ("done", 1)]
    assert fresh_db.execute("SELECT count(*) FROM hub_stage").fetchone()[0] == 0


def test_a_refused_cursor_mid_crawl_is_an_error_not_a_restart(fresh_db, hub_server, monkeypatch) -> None:
    hub, _ = hub_server
    small_pages(monkeypatch)
    hub.generation = 0

    def bump(rows: int) -> None:
        if rows == 600:
            hub.generation = 1  # cursors handed out so far are now refused

    with pytest.raises(SourceError, match="HTTP 400"):
        ingest(fresh_db, None, bump)
    assert fresh_db.execute("SELECT status, rows FROM hub_ingest_state").fetchall() == [("running", 600)]

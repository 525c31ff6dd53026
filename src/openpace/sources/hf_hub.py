"""The Hugging Face Hub model listing (~2M models): a streaming source that loads itself.

Mirror: `huggingface/models-*.jsonl[.gz]` under `--offline DIR`, one `GET /api/models` object per
line. Loaded by DuckDB's `read_json` straight into `hub_models`, lineage edges extracted in SQL,
all in one transaction: a refresh from the mirror is atomic.

Live: `GET {HF_ENDPOINT}/api/models?sort=createdAt&expand=...` page by page with the Hub's
`Link: <...>; rel="next"` cursor, through huggingface_hub's own HTTP layer (its session, headers
with `HF_TOKEN` when set, and its backoff honouring 429/Retry-After). `HfApi.list_models` would
hide the cursor, and a resumable crawl has to commit it: every page is written to `hub_stage`
together with the next-page URL in one transaction, so a crawl killed at any point resumes from
its last committed page with neither duplicates nor gaps. When the last page is in, the staged
listing replaces (first run) or extends (later runs) `hub_models` in one transaction.

Later runs are incremental: newest first, they stop after the first page that holds only models
created before the newest `createdAt` already stored. Limits, by design: an incremental run does
not see models deleted since, nor new likes, downloads or tags of models it already has; a run
with no stored listing (or `OPENPACE_HUB_FULL=1`) re-crawls everything.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import uuid
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlencode

import duckdb

from .. import config
from ..errors import SourceError
from ..http import guard_huggingface_hub, hub_request_extensions, next_page
from ..http_guard import origin_of
from ..warehouse.tx import transaction, utc_now
from .base import SourceSpec, mirror_files, register_source
from .hf_hub_parse import (
    EXPAND,
    MODEL_COLUMNS,
    NAME,
    STAGE_COLUMNS,
    dedupe_check,
    duckdb_reason,
    create_stage,
    load_json_into,
    resolve_new_bases,
    resolved_edges_sql,
    select_objects,
)

LICENSE = "Hugging Face Hub metadata (each model under its own licence, see hub_models.license)"
LIVE_URL = "https://huggingface.co/api/models"
MIRROR_GLOB = "huggingface/models-*.jsonl*"
PAGE_SIZE = 1000  # the Hub's maximum page size for /api/models
MAX_PAGES = 100_000  # 100M models: far past the Hub's size, short of forever
CURSOR_REJECTED = {400, 404, 410, 422}  # how an API refuses a stale or unknown cursor
DATE_IN_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})")

Progress = Callable[[int], None] | None


class CursorRejected(SourceError):
    """The API refused a saved next-page URL (e.g. an expired cursor), as opposed to failing."""


# --------------------------------------------------------------------------- mirror
def mirror_observed(path: Path) -> date | None:
    """A mirror file is dated by its name (`models-2026-07-01.jsonl.gz`); undated otherwise."""
    match = DATE_IN_NAME.search(path.name)
    try:
        return date.fromisoformat(match.group(1)) if match else None
    except ValueError:
        return None


def ingest_offline(con: duckdb.DuckDBPyConnection, root: Path, progress: Progress = None) -> int:
    """Replace the Hub listing with the mirror's, in one transaction; return the models loaded.

    Several files are one listing seen on several days: a model named in more than one keeps the
    object of the latest file (files sort by their dated names).
    """
    files = mirror_files(root, MIRROR_GLOB, NAME)
    where = str(root / MIRROR_GLOB) if len(files) > 1 else str(files[0])
    # the listing has no meaningful order, and without one read_json inserts on every thread
    con.execute("SET preserve_insertion_order = false")
    try:
        with transaction(con):
            abandon_crawls(con)
            con.execute("DELETE FROM hub_models")
            con.execute("DELETE FROM hub_lineage")
            for rank, path in enumerate(files):
                rel = path.relative_to(root).as_posix()
                observed = mirror_observed(path)
                try:
                    objects = select_objects([path], "newline_delimited")
                    if rank:  # a later file supersedes an earlier one, model by model
                        con.execute(f"DELETE FROM hub_models WHERE id IN (SELECT id FROM ({objects}))")
                    con.execute(f"INSERT INTO hub_models ({MODEL_COLUMNS}) "
                                f"SELECT {STAGE_COLUMNS}, ?, ?, ?, ? FROM ({objects})",
                                [NAME, f"mirror:{rel}", observed, LICENSE])
                except duckdb.ConstraintException:
                    raise SourceError(NAME, str(path), "an object without an `id`") from None
                except duckdb.Error as exc:
                    raise SourceError(NAME, str(path), f"not a Hub listing: {duckdb_reason(exc)}") from None
                if progress:
                    progress(con.execute("SELECT count(*) FROM hub_models").fetchone()[0])
            check_ids(con, "hub_models", where)
            con.execute(f"INSERT INTO hub_lineage {resolved_edges_sql('hub_models')}")
            rows = con.execute("SELECT count(*) FROM hub_models").fetchone()[0]
    finally:
        con.execute("RESET preserve_insertion_order")
    return rows


def check_ids(con: duckdb.DuckDBPyConnection, table: str, where: str) -> None:
    missing = con.execute(f"SELECT count(*) FROM {table} WHERE id IS NULL OR id = ''").fetchone()[0]
    if missing:
        raise SourceError(NAME, where, f"{missing:,} object(s) without an `id`")
    dedupe_check(con, table, where)


def read_offline(root: Path) -> Iterator[dict]:
    """The mirror's models as typed rows, read in batches through the same SQL parser."""
    con = duckdb.connect()
    try:
        files = mirror_files(root, MIRROR_GLOB, NAME)
        cursor = con.execute(select_objects(files, "newline_delimited"))
        names = [d[0] for d in cursor.description]
        while batch := cursor.fetchmany(10_000):
            yield from (dict(zip(names, row)) for row in batch)
    except duckdb.Error as exc:
        raise SourceError(NAME, str(root / MIRROR_GLOB), f"not a Hub listing: {duckdb_reason(exc)}") from None
    finally:
        con.close()


# --------------------------------------------------------------------------- live
def first_page_url(endpoint: str) -> str:
    """The listing, newest first, with exactly the fields openpace reads (as `list_models` asks)."""
    params = [("sort", "createdAt"), ("limit", PAGE_SIZE)] + [("expand", field) for field in EXPAND]
    return f"{endpoint}/api/models?{urlencode(params)}"


def fetch_page(url: str) -> tuple[bytes, str | None]:
    """One page of the listing and the next page's URL, via huggingface_hub's (guarded) client.

    The client refuses any origin but `HF_ENDPOINT`, retries 429/5xx honouring Retry-After, and
    caps the time and decoded size of each page (`openpace.http_guard`); a next link to another
    origin is refused here too, before it could be saved as the crawl's cursor.
    """
    from huggingface_hub import get_session
    from huggingface_hub.utils import build_hf_headers, hf_raise_for_status

    guard_huggingface_hub()
    headers = build_hf_headers(token=config.hf_token() or False, library_name="openpace")
    try:
        response = get_session().get(url, headers=headers, extensions=hub_request_extensions())
        hf_raise_for_status(response)
    except Exception as exc:  # huggingface_hub raises its own HTTP and transport errors
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        reason = reason.replace(config.hf_token() or "\0", "***")
        status = getattr(getattr(exc, "response", None), "status_code", None)
        error = CursorRejected if status in CURSOR_REJECTED else SourceError
        raise error(NAME, redact(url), f"HTTP {status}: {reason}" if status else reason) from None
    link = response.links.get("next", {}).get("url")
    if link is not None:
        link = next_page(link, response.url, origin_of(config.hf_endpoint()), {url}, NAME)
    return response.content, link


def redact(url: str) -> str:
    token = config.hf_token()
    return url.replace(token, "***") if token else url


def pending_crawl(con: duckdb.DuckDBPyConnection, endpoint: str) -> tuple | None:
    return con.execute(
        "SELECT run_id, mode, next_url, pages, rows, watermark, observed FROM hub_ingest_state "
        "WHERE status = 'running' AND endpoint = ? ORDER BY started_at DESC LIMIT 1", [endpoint]).fetchone()


def abandon_crawls(con: duckdb.DuckDBPyConnection) -> None:
    """Inside the caller's transaction: a mirror load supersedes any half-done live crawl."""
    con.execute("DELETE FROM hub_stage")
    con.execute("UPDATE hub_ingest_state SET status = 'abandoned', updated_at = ? WHERE status = 'running'", [utc_now()])


def start_crawl(con: duckdb.DuckDBPyConnection, endpoint: str) -> tuple:
    """A new crawl: incremental when this endpoint's listing is stored, else full."""
    origin_prefix = f"{endpoint}/api/models%"
    watermark = con.execute("SELECT max(created_at) FROM hub_models WHERE origin LIKE ?",
                            [origin_prefix]).fetchone()[0]
    full = watermark is None or os.environ.get("OPENPACE_HUB_FULL") == "1"
    run = (uuid.uuid4().hex, "full" if full else "incremental", first_page_url(endpoint), 0, 0,
           None if full else watermark, utc_now().date())
    with transaction(con):
        con.execute("DELETE FROM hub_stage WHERE run_id IN (SELECT run_id FROM hub_ingest_state "
                    "WHERE status = 'running' AND endpoint = ?)", [endpoint])
        con.execute("UPDATE hub_ingest_state SET status = 'abandoned' WHERE status = 'running' AND endpoint = ?",
                    [endpoint])
        con.execute("INSERT INTO hub_ingest_state VALUES (?, ?, 'running', ?, ?, ?, ?, ?, ?, ?, ?)",
                    [run[0], run[1], endpoint, utc_now(), utc_now(), run[2], run[3], run[4], run[5], run[6]])
    return run


def commit_page(con: duckdb.DuckDBPyConnection, run_id: str, page: int, body: bytes, next_url: str | None,
                url: str, scratch: Path) -> tuple[int, datetime | None]:
    """Stage one page and move the cursor past it, atomically. Returns (models, newest createdAt)."""
    # DuckDB reads a JSON array cut after a comma as the objects before the cut, without error;
    # so the page is checked whole first (a dropped connection must not lose models silently)
    try:
        objects = json.loads(body)
    except ValueError as exc:
        raise SourceError(NAME, redact(url), f"page is not valid JSON ({exc})") from None
    if not isinstance(objects, list):
        raise SourceError(NAME, redact(url), "expected a JSON array of models")
    path = scratch / f"page-{page}.json"
    path.write_bytes(body)
    try:
        with transaction(con):
            create_stage(con, "hub_page")
            count = load_json_into(con, "hub_page", [path], "array", redact(url))
            if count != len(objects):
                raise SourceError(NAME, redact(url), f"read {count} of the page's {len(objects)} models")
            newest = con.execute("SELECT max(created_at) FROM hub_page").fetchone()[0]
            con.execute(f"INSERT INTO hub_stage SELECT ?, ?, {STAGE_COLUMNS} FROM hub_page", [run_id, page])
            con.execute("UPDATE hub_ingest_state SET next_url = ?, pages = pages + 1, rows = rows + ?, updated_at = ? "
                        "WHERE run_id = ?", [next_url, count, utc_now(), run_id])
    finally:
        path.unlink(missing_ok=True)
    return count, newest


def finish_crawl(con: duckdb.DuckDBPyConnection, run_id: str, mode: str, endpoint: str, observed: date) -> int:
    """Swap the staged listing into hub_models/hub_lineage in one transaction."""
    origin = first_page_url(endpoint)
    with transaction(con):
        # a model seen on two pages (the listing moved under the cursor) keeps its latest page
        con.execute(f"""CREATE OR REPLACE TEMP TABLE hub_run AS SELECT {STAGE_COLUMNS} FROM hub_stage
                        WHERE run_id = ? QUALIFY row_number() OVER (PARTITION BY id ORDER BY page DESC) = 1""",
                    [run_id])
        if mode == "full":
            con.execute("DELETE FROM hub_models")
            con.execute("DELETE FROM hub_lineage")
        else:
            con.execute("DELETE FROM hub_models WHERE id IN (SELECT id FROM hub_run)")
            con.execute("DELETE FROM hub_lineage WHERE child IN (SELECT id FROM hub_run)")
        con.execute(f"INSERT INTO hub_models ({MODEL_COLUMNS}) SELECT {STAGE_COLUMNS}, ?, ?, ?, ? FROM hub_run",
                    [NAME, origin, observed, LICENSE])
        con.execute(f"INSERT INTO hub_lineage {resolved_edges_sql('hub_run')}")
        if mode != "full":
            resolve_new_bases(con, "hub_run")
        rows = con.execute("SELECT count(*) FROM hub_run").fetchone()[0]
        con.execute("DELETE FROM hub_stage WHERE run_id = ?", [run_id])
        con.execute("UPDATE hub_ingest_state SET status = 'done', next_url = NULL, updated_at = ? WHERE run_id = ?",
                    [utc_now(), run_id])
        con.execute("DROP TABLE hub_run")
    return rows


def ingest_live(con: duckdb.DuckDBPyConnection, progress: Progress = None) -> int:
    """Crawl (or resume crawling) the live listing; return the models fetched by this crawl."""
    endpoint = config.hf_endpoint()
    pending = pending_crawl(con, endpoint)
    run = pending or start_crawl(con, endpoint)
    run_id, mode, url, pages, rows, watermark, observed = run
    seen: set[str] = set()  # a cursor that comes back is a loop, not more models
    with tempfile.TemporaryDirectory(prefix="openpace-hub-") as scratch:
        while url:
            if url in seen or len(seen) >= MAX_PAGES:
                reason = "next-page link points back to a page already read (a loop)" if url in seen else \
                    f"more than {MAX_PAGES:,} pages in one run"
                raise SourceError(NAME, redact(url), f"{reason}; stopped (the crawl resumes from its last page)")
            seen.add(url)
            try:
                body, next_url = fetch_page(url)
            except CursorRejected:
                if not (pending and pages == pending[3]):
                    raise
                # the saved cursor of an interrupted crawl is refused (expired): start afresh,
                # dropping its staged pages, rather than stay stuck on it
                run_id, mode, url, pages, rows, watermark, observed = start_crawl(con, endpoint)
                pending = None
                continue
            count, newest = commit_page(con, run_id, pages, body, next_url, url, Path(scratch))
            pages, rows = pages + 1, rows + count
            if progress:
                progress(rows)
            if mode == "incremental" and (newest is None or newest < watermark):
                # the listing is newest first: a page wholly older than what we hold ends the crawl
                con.execute("UPDATE hub_ingest_state SET next_url = NULL WHERE run_id = ?", [run_id])
                break
            url = next_url
    return finish_crawl(con, run_id, mode, endpoint, observed)


def read_live() -> Iterator[dict]:
    """The live listing as API objects, page by page (for symmetry; refresh uses `ingest`)."""
    url: str | None = first_page_url(config.hf_endpoint())
    seen: set[str] = set()
    while url and url not in seen and len(seen) < MAX_PAGES:
        seen.add(url)
        body, url = fetch_page(url)
        yield from json.loads(body)


def ingest(con: duckdb.DuckDBPyConnection, offline: Path | None, progress: Progress = None) -> int:
    """The refresh entry point: the mirror when `offline` is given, else the live Hub."""
    if offline is not None:
        return ingest_offline(con, offline, progress)
    return ingest_live(con, progress)


register_source(SourceSpec(
    name=NAME, license=LICENSE,
    description="Hugging Face Hub model listing: creation dates, tags, licences, lineage (base_model tags)",
    live_url=LIVE_URL, mirror_glob=MIRROR_GLOB, offline=read_offline, live=read_live, ingest=ingest, tables=(),
))

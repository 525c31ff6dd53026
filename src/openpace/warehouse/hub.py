"""Loading the Hub listing (source `hf_hub`) into `hub_models` and `hub_lineage`.

The listing (~2M models) is too large to pass through Python as records, so it is loaded here, in
SQL, from what the source provides (`sources/hf_hub.py`: mirror files, live pages; `hf_hub_parse.py`:
the SQL that parses both).

Mirror: every file is read by DuckDB's `read_json` straight into `hub_models`, lineage edges
extracted in SQL, all in one transaction: a refresh from the mirror is atomic.

Live: every page is written to `hub_stage` together with the next-page URL in one transaction,
so a crawl killed at any point resumes from its last committed page with neither duplicates nor
gaps. When the last page is in, the staged listing replaces (first run) or extends (later runs)
`hub_models` in one transaction. Later runs are incremental: newest first, they stop after the
first page that holds only models created before the newest `createdAt` already stored. Limits,
by design: an incremental run does not see models deleted since, nor new likes, downloads or tags
of models it already has; a run with no stored listing (or `OPENPACE_HUB_FULL=1`) re-crawls everything.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb

from .. import config
from ..errors import SourceError
from ..sources import hf_hub
from ..sources.hf_hub_parse import (
    MODEL_COLUMNS,
    NAME,
    STAGE_COLUMNS,
    duckdb_reason,
    resolved_edges_sql,
    select_objects,
)
from .tx import transaction, utc_now

Progress = Callable[[int], None] | None
Crawl = tuple[str, str, str | None, int, int, datetime | None, date]  # run_id, mode, next_url, pages, rows, watermark, observed


def count(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> int:
    row = con.execute(sql, params or []).fetchone()
    return int(row[0]) if row and row[0] is not None else 0


# --------------------------------------------------------------------------- mirror
def ingest_offline(con: duckdb.DuckDBPyConnection, root: Path, progress: Progress = None) -> int:
    """Replace the Hub listing with the mirror's, in one transaction; return the models loaded.

    Several files are one listing seen on several days: a model named in more than one keeps the
    object of the latest file (files sort by their dated names).
    """
    files = hf_hub.listing_files(root)
    where = str(root / hf_hub.MIRROR_GLOB) if len(files) > 1 else str(files[0])
    # the listing has no meaningful order, and without one read_json inserts on every thread
    con.execute("SET preserve_insertion_order = false")
    try:
        with transaction(con):
            abandon_crawls(con)
            con.execute("DELETE FROM hub_models")
            con.execute("DELETE FROM hub_lineage")
            for rank, path in enumerate(files):
                rel = path.relative_to(root).as_posix()
                try:
                    objects = select_objects([path], "newline_delimited")
                    if rank:  # a later file supersedes an earlier one, model by model
                        con.execute(f"DELETE FROM hub_models WHERE id IN (SELECT id FROM ({objects}))")
                    con.execute(f"INSERT INTO hub_models ({MODEL_COLUMNS}) "
                                f"SELECT {STAGE_COLUMNS}, ?, ?, ?, ? FROM ({objects})",
                                [NAME, f"mirror:{rel}", hf_hub.mirror_observed(path), hf_hub.LICENSE])
                except duckdb.ConstraintException:
                    raise SourceError(NAME, str(path), "an object without an `id`") from None
                except duckdb.Error as exc:
                    raise SourceError(NAME, str(path), f"not a Hub listing: {duckdb_reason(exc)}") from None
                if progress:
                    progress(count(con, "SELECT count(*) FROM hub_models"))
            check_ids(con, "hub_models", where)
            con.execute(f"INSERT INTO hub_lineage {resolved_edges_sql('hub_models')}")
            rows = count(con, "SELECT count(*) FROM hub_models")
    finally:
        con.execute("RESET preserve_insertion_order")
    return rows


def check_ids(con: duckdb.DuckDBPyConnection, table: str, where: str) -> None:
    """Every object has an id, and a listing names each model once (a repeat means a damaged or
    concatenated file)."""
    check_present_ids(con, table, where)
    row = con.execute(f"SELECT id, count(*) FROM {table} GROUP BY id HAVING count(*) > 1 LIMIT 1").fetchone()
    if row:
        raise SourceError(NAME, where, f"model id {row[0]!r} appears {row[1]} times")


def check_present_ids(con: duckdb.DuckDBPyConnection, table: str, where: str) -> None:
    missing = count(con, f"SELECT count(*) FROM {table} WHERE id IS NULL OR id = ''")
    if missing:
        raise SourceError(NAME, where, f"{missing:,} object(s) without an `id`")


# --------------------------------------------------------------------------- live
def pending_crawl(con: duckdb.DuckDBPyConnection, endpoint: str) -> Crawl | None:
    row = con.execute(
        "SELECT run_id, mode, next_url, pages, rows, watermark, observed FROM hub_ingest_state "
        "WHERE status = 'running' AND endpoint = ? ORDER BY started_at DESC LIMIT 1", [endpoint]).fetchone()
    return (row[0], row[1], row[2], row[3], row[4], row[5], row[6]) if row else None


def abandon_crawls(con: duckdb.DuckDBPyConnection) -> None:
    """Inside the caller's transaction: a mirror load supersedes any half-done live crawl."""
    con.execute("DELETE FROM hub_stage")
    con.execute("UPDATE hub_ingest_state SET status = 'abandoned', updated_at = ? WHERE status = 'running'", [utc_now()])


def start_crawl(con: duckdb.DuckDBPyConnection, endpoint: str) -> Crawl:
    """A new crawl: incremental when this endpoint's listing is stored, else full."""
    origin_prefix = f"{endpoint}/api/models%"
    row = con.execute("SELECT max(created_at) FROM hub_models WHERE origin LIKE ?", [origin_prefix]).fetchone()
    watermark = row[0] if row else None
    full = watermark is None or os.environ.get("OPENPACE_HUB_FULL") == "1"
    run: Crawl = (uuid.uuid4().hex, "full" if full else "incremental", hf_hub.first_page_url(endpoint), 0, 0,
                  None if full else watermark, utc_now().date())
    with transaction(con):
        con.execute("DELETE FROM hub_stage WHERE run_id IN (SELECT run_id FROM hub_ingest_state "
                    "WHERE status = 'running' AND endpoint = ?)", [endpoint])
        con.execute("UPDATE hub_ingest_state SET status = 'abandoned' WHERE status = 'running' AND endpoint = ?",
                    [endpoint])
        con.execute("INSERT INTO hub_ingest_state VALUES (?, ?, 'running', ?, ?, ?, ?, ?, ?, ?, ?)",
                    [run[0], run[1], endpoint, utc_now(), utc_now(), run[2], run[3], run[4], run[5], run[6]])
    return run


def create_stage(con: duckdb.DuckDBPyConnection, table: str) -> None:
    """A temporary staging table with the typed listing columns (STAGE_COLUMNS)."""
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE {table} (
            id VARCHAR, author VARCHAR, created_at TIMESTAMP, last_modified TIMESTAMP, downloads BIGINT,
            likes BIGINT, pipeline_tag VARCHAR, library_name VARCHAR, license VARCHAR, base_tags VARCHAR[])""")


def commit_page(con: duckdb.DuckDBPyConnection, run_id: str, page: int, body: bytes, next_url: str | None,
                url: str, scratch: Path) -> tuple[int, datetime | None]:
    """Stage one page and move the cursor past it, atomically. Returns (models, newest createdAt)."""
    expected = hf_hub.page_size(body, url)
    path = scratch / f"page-{page}.json"
    path.write_bytes(body)
    where = hf_hub.redact(url)
    try:
        with transaction(con):
            create_stage(con, "hub_page")
            try:
                con.execute(f"INSERT INTO hub_page ({STAGE_COLUMNS}) {select_objects([path], 'array')}")
            except duckdb.Error as exc:
                raise SourceError(NAME, where, f"not a Hub listing: {duckdb_reason(exc)}") from None
            check_present_ids(con, "hub_page", where)
            got = count(con, "SELECT count(*) FROM hub_page")
            if got != expected:
                raise SourceError(NAME, where, f"read {got} of the page's {expected} models")
            newest = con.execute("SELECT max(created_at) FROM hub_page").fetchone()
            con.execute(f"INSERT INTO hub_stage (run_id, page, {STAGE_COLUMNS}) SELECT ?, ?, {STAGE_COLUMNS} FROM hub_page",
                        [run_id, page])
            con.execute("UPDATE hub_ingest_state SET next_url = ?, pages = pages + 1, rows = rows + ?, updated_at = ? "
                        "WHERE run_id = ?", [next_url, got, utc_now(), run_id])
    finally:
        path.unlink(missing_ok=True)
    return got, newest[0] if newest else None


def finish_crawl(con: duckdb.DuckDBPyConnection, run_id: str, mode: str, endpoint: str, observed: date) -> int:
    """Swap the staged listing into hub_models/hub_lineage in one transaction."""
    origin = hf_hub.first_page_url(endpoint)
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
                    [NAME, origin, observed, hf_hub.LICENSE])
        con.execute(f"INSERT INTO hub_lineage {resolved_edges_sql('hub_run')}")
        if mode != "full":
            resolve_new_bases(con, "hub_run")
        rows = count(con, "SELECT count(*) FROM hub_run")
        con.execute("DELETE FROM hub_stage WHERE run_id = ?", [run_id])
        con.execute("UPDATE hub_ingest_state SET status = 'done', next_url = NULL, updated_at = ? WHERE run_id = ?",
                    [utc_now(), run_id])
        con.execute("DROP TABLE hub_run")
    return rows


def resolve_new_bases(con: duckdb.DuckDBPyConnection, stage: str) -> None:
    """After an incremental load: edges whose base has just been (re)listed point at it now."""
    con.execute(f"""
        UPDATE hub_lineage SET base_id = s.id, base_created = s.created_at
        FROM (SELECT lower(id) AS k, id, created_at FROM {stage}) s
        WHERE lower(hub_lineage.base) = s.k""")


def ingest_live(con: duckdb.DuckDBPyConnection, progress: Progress = None) -> int:
    """Crawl (or resume crawling) the live listing; return the models fetched by this crawl."""
    endpoint = config.hf_endpoint()
    pending = pending_crawl(con, endpoint)
    run_id, mode, url, pages, rows, watermark, observed = pending or start_crawl(con, endpoint)
    seen: set[str] = set()  # a cursor that comes back is a loop, not more models
    with tempfile.TemporaryDirectory(prefix="openpace-hub-") as scratch:
        while url:
            if url in seen or len(seen) >= hf_hub.MAX_PAGES:
                reason = "next-page link points back to a page already read (a loop)" if url in seen else \
                    f"more than {hf_hub.MAX_PAGES:,} pages in one run"
                raise SourceError(NAME, hf_hub.redact(url), f"{reason}; stopped (the crawl resumes from its last page)")
            seen.add(url)
            try:
                body, next_url = hf_hub.fetch_page(url)
            except hf_hub.CursorRejected:
                if not (pending and pages == pending[3]):
                    raise
                # the saved cursor of an interrupted crawl is refused (expired): start afresh,
                # dropping its staged pages, rather than stay stuck on it
                run_id, mode, url, pages, rows, watermark, observed = start_crawl(con, endpoint)
                pending = None
                continue
            got, newest = commit_page(con, run_id, pages, body, next_url, url, Path(scratch))
            pages, rows = pages + 1, rows + got
            if progress:
                progress(rows)
            if mode == "incremental" and (newest is None or watermark is None or newest < watermark):
                # the listing is newest first: a page wholly older than what we hold ends the crawl
                con.execute("UPDATE hub_ingest_state SET next_url = NULL WHERE run_id = ?", [run_id])
                break
            url = next_url
    return finish_crawl(con, run_id, mode, endpoint, observed)


def ingest(con: duckdb.DuckDBPyConnection, offline: Path | None, progress: Progress = None) -> int:
    """The refresh entry point for `hf_hub`: the mirror when `offline` is given, else the live Hub."""
    if offline is not None:
        return ingest_offline(con, offline, progress)
    return ingest_live(con, progress)

"""The Hugging Face Hub model listing (~2M models): a streaming source, loaded by the warehouse layer.

The listing is too large to pass through Python as records, so this module never touches the
warehouse: it finds the mirror files, fetches live pages, and names the SQL that parses both
(`hf_hub_parse.py`); `warehouse/hub.py` loads them (atomically from the mirror, page by page and
resumably from the live API) and `refresh` calls it for every source registered `streamed`.

Mirror: `huggingface/models-*.jsonl[.gz]` under `--offline DIR`, one `GET /api/models` object per
line, dated by the file's name.

Live: `GET {HF_ENDPOINT}/api/models?sort=createdAt&expand=...` page by page with the Hub's
`Link: <...>; rel="next"` cursor, through huggingface_hub's own HTTP layer (its session, headers
with `HF_TOKEN` when set, and its backoff honouring 429/Retry-After). `HfApi.list_models` would
hide the cursor, and a resumable crawl has to commit it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import duckdb

from .. import config
from ..errors import SourceError
from ..http import guard_huggingface_hub, hub_request_extensions, next_page
from ..http_guard import origin_of
from .base import SourceSpec, mirror_files, register_source
from .hf_hub_parse import EXPAND, NAME, duckdb_reason, select_objects

LICENSE = "Hugging Face Hub metadata (each model under its own licence, see hub_models.license)"
LIVE_URL = "https://huggingface.co/api/models"
MIRROR_GLOB = "huggingface/models-*.jsonl*"
PAGE_SIZE = 1000  # the Hub's maximum page size for /api/models
MAX_PAGES = 100_000  # 100M models: far past the Hub's size, short of forever
CURSOR_REJECTED = {400, 404, 410, 422}  # how an API refuses a stale or unknown cursor
DATE_IN_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})")


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


def listing_files(root: Path) -> list[Path]:
    """The mirror's listing files, oldest name first (a later file supersedes an earlier one)."""
    return mirror_files(root, MIRROR_GLOB, NAME)


def read_offline(root: Path) -> Iterator[dict[str, Any]]:
    """The mirror's models as typed rows, read in batches through the same SQL parser."""
    con = duckdb.connect()
    try:
        cursor = con.execute(select_objects(listing_files(root), "newline_delimited"))
        names = [d[0] for d in cursor.description or ()]
        while batch := cursor.fetchmany(10_000):
            yield from (dict(zip(names, row)) for row in batch)
    except duckdb.Error as exc:
        raise SourceError(NAME, str(root / MIRROR_GLOB), f"not a Hub listing: {duckdb_reason(exc)}") from None
    finally:
        con.close()


# --------------------------------------------------------------------------- live
def first_page_url(endpoint: str) -> str:
    """The listing, newest first, with exactly the fields openpace reads (as `list_models` asks)."""
    params = [("sort", "createdAt"), ("limit", str(PAGE_SIZE))] + [("expand", field) for field in EXPAND]
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
        link = next_page(link, str(response.url), origin_of(config.hf_endpoint()), {url}, NAME)
    return response.content, link


def page_size(body: bytes, url: str) -> int:
    """The number of models on a page, after checking the page is whole.

    DuckDB reads a JSON array cut after a comma as the objects before the cut, without error; so
    the page is parsed whole here first (a dropped connection must not lose models silently).
    """
    try:
        objects = json.loads(body)
    except ValueError as exc:
        raise SourceError(NAME, redact(url), f"page is not valid JSON ({exc})") from None
    if not isinstance(objects, list):
        raise SourceError(NAME, redact(url), "expected a JSON array of models")
    return len(objects)


def redact(url: str) -> str:
    token = config.hf_token()
    return url.replace(token, "***") if token else url


def read_live() -> Iterator[dict[str, Any]]:
    """The live listing as API objects, page by page (for symmetry; refresh loads it through the warehouse)."""
    url: str | None = first_page_url(config.hf_endpoint())
    seen: set[str] = set()
    while url and url not in seen and len(seen) < MAX_PAGES:
        seen.add(url)
        body, url = fetch_page(url)
        yield from json.loads(body)


register_source(SourceSpec(
    name=NAME, license=LICENSE,
    description="Hugging Face Hub model listing: creation dates, tags, licences, lineage (base_model tags)",
    live_url=LIVE_URL, mirror_glob=MIRROR_GLOB, offline=read_offline, live=read_live, streamed=True, tables=(),
))

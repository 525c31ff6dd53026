"""The one HTTP module: guarded clients, one GET with every limit, and lazy Link pagination.

Sources never build their own clients, and huggingface_hub gets its client from here too
(`guard_huggingface_hub`), so every request passes the same guard (`http_guard.py`): credentials
only to their own origin, retries on 429/5xx, an overall deadline, a cap on decoded bytes.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx

from . import config
from .errors import SourceError
from .http_guard import (
    DEADLINE_EXT,
    MAX_ATTEMPTS,
    MAX_BYTES_EXT,
    MAX_REDIRECTS,
    RETRY_EXT,
    RETRY_STATUSES,
    Origin,
    Policy,
    TransferRefused,
    default_backoff,
    guard_client,
    origin_of,
    request_deadline_seconds,
    retry_after_seconds,  # noqa: F401  (re-exported)
    show_origin,
)

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
MAX_PAGES = 10_000
USER_AGENT = "openpace (+https://github.com/openpace)"


def make_client(headers: dict[str, str] | None = None, timeout: httpx.Timeout | float | None = None,
                *, home: str | None = None) -> httpx.Client:
    """A guarded client: our user agent, a timeout on every read, credentials only to `home`.

    `home` is the URL the caller's headers are meant for; without it, no request may carry
    credentials. Redirects are followed (at most MAX_REDIRECTS), credentials never across origins.
    """
    merged = {"User-Agent": USER_AGENT}
    merged.update(headers or {})
    homes: set[Origin] = {origin_of(home)} if home else set()
    client = httpx.Client(headers=merged, timeout=timeout or DEFAULT_TIMEOUT, follow_redirects=True,
                          max_redirects=MAX_REDIRECTS)
    return guard_client(client, httpx, Policy(lambda: homes))


@dataclass(frozen=True)
class Fetched:
    """A body and the URL it finally came from (after redirects): the URL to store as origin."""

    content: bytes
    url: str


def get(
    client: httpx.Client,
    url: str,
    *,
    source: str,
    params: dict[str, Any] | None = None,
    attempts: int = MAX_ATTEMPTS,
    backoff_base: float | None = None,
    max_bytes: int | None = None,
) -> httpx.Response:
    """GET with the guard's retries, deadline and size cap; raises SourceError naming the URL."""
    extensions = {RETRY_EXT: (attempts, default_backoff() if backoff_base is None else backoff_base), DEADLINE_EXT: time.monotonic() + request_deadline_seconds()}
    if max_bytes:
        extensions[MAX_BYTES_EXT] = max_bytes
    try:
        request = client.build_request("GET", url, params=params, extensions=extensions)
        response = client.send(request, stream=True)
        try:
            response.read()
        finally:
            response.close()
    except TransferRefused as exc:
        raise SourceError(source, url, str(exc).removeprefix(f"{url}: ")) from None
    except httpx.TimeoutException:
        raise SourceError(source, url, f"timed out after {attempts} attempts") from None
    except httpx.TooManyRedirects:
        raise SourceError(source, url, f"more than {MAX_REDIRECTS} redirects (a loop?); gave up") from None
    except httpx.TransportError as exc:
        raise SourceError(source, url, f"connection failed after {attempts} attempts ({type(exc).__name__})") from None
    except httpx.HTTPError as exc:
        raise SourceError(source, url, f"request failed ({type(exc).__name__})") from None
    if response.status_code in RETRY_STATUSES:
        raise SourceError(source, url, f"HTTP {response.status_code} after {attempts} attempts")
    if response.status_code >= 400:
        raise SourceError(source, url, f"HTTP {response.status_code}")
    return response


def fetch(url: str, *, source: str, headers: dict[str, str] | None = None,
          timeout: httpx.Timeout | float | None = None, **kwargs: Any) -> Fetched:
    """Fetch one URL's body and final URL (`attempts`, `backoff_base`, `max_bytes` as for `get`)."""
    with make_client(headers, timeout, home=url) as client:
        response = get(client, url, source=source, **kwargs)
        return Fetched(response.content, str(response.url))


def get_bytes(url: str, *, source: str, headers: dict[str, str] | None = None,
              timeout: httpx.Timeout | float | None = None, **kwargs: Any) -> bytes:
    """Fetch one URL's body (see `fetch`)."""
    return fetch(url, source=source, headers=headers, timeout=timeout, **kwargs).content


def paginate(
    url: str,
    *,
    source: str,
    params: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
    timeout: httpx.Timeout | float | None = None,
    max_pages: int = MAX_PAGES,
    **kwargs: Any,
) -> Iterator[httpx.Response]:
    """Yield each page, following `Link: <...>; rel="next"`. Nothing is fetched until iterated.

    A next link to another origin is refused (the client carries the caller's token), a link
    back to a page already read is a loop and refused, and at most `max_pages` are read.
    """
    origin = origin_of(url)
    with make_client(headers, timeout, home=url) as client:
        next_url: str | None = url
        next_params = params
        seen: set[str] = set()
        while next_url:
            if len(seen) >= max_pages:
                raise SourceError(source, next_url, f"more than {max_pages:,} pages; stopped")
            response = get(client, next_url, source=source, params=next_params, **kwargs)
            seen.add(str(response.request.url))
            yield response
            next_url = next_page(response.links.get("next", {}).get("url"), response.url, origin, seen, source)
            next_params = None  # the next link carries its own query


def next_page(link: str | None, current: Any, origin: Origin, seen: set[str], source: str) -> str | None:
    """The absolute next-page URL, or a SourceError when it leaves the origin or loops back."""
    if link is None:
        return None
    target = httpx.URL(str(current)).join(link)
    if origin_of(target) != origin:
        raise SourceError(source, str(current),
                          f"next-page link points to another host ({show_origin(origin_of(target))}); not followed")
    if str(target) in seen:
        raise SourceError(source, str(current), "next-page link points back to a page already read (a loop); stopped")
    return str(target)


def same_origin(a: Any, b: Any) -> bool:
    return origin_of(a) == origin_of(b)


# --------------------------------------------------------------------------- huggingface_hub
_HUB_GUARDED = False


def hub_origins() -> set[Origin]:
    """The one origin huggingface_hub may talk to: the configured `HF_ENDPOINT`."""
    return {origin_of(config.hf_endpoint())}


def guard_huggingface_hub() -> None:
    """Give huggingface_hub a guarded client: requests to any origin but `HF_ENDPOINT` are refused.

    huggingface_hub 1.x builds an httpx client, 2.x an httpx2 one; either way its client factory
    is replaced (`set_client_factory`), so `HfApi` calls and the Hub crawl share the guard.
    """
    global _HUB_GUARDED
    if _HUB_GUARDED:
        return
    import importlib

    import huggingface_hub
    from huggingface_hub.utils import _http as hub_http
    from huggingface_hub.utils import logging as hub_logging

    module_name = "httpx2" if hasattr(hub_http, "httpx2") else "httpx"
    module = importlib.import_module(module_name)
    hook = getattr(hub_http, "hf_request_event_hook", None)  # offline mode, request ids

    def factory() -> Any:
        client = module.Client(event_hooks={"request": [hook] if hook else []}, follow_redirects=True,
                               max_redirects=MAX_REDIRECTS, timeout=module.Timeout(60.0, connect=10.0),
                               headers={"User-Agent": USER_AGENT})
        return guard_client(client, module, Policy(hub_origins, strict=True, attempts=2))

    huggingface_hub.set_client_factory(factory)
    # huggingface_hub logs each of its own retries ("Retrying in 4s [Retry 3/5]"); the refresh
    # already reports one line per failed source, so its chatter is shown only when debugging.
    if os.environ.get("OPENPACE_DEBUG") != "1":
        hub_logging.set_verbosity_error()
    _HUB_GUARDED = True


def hub_request_extensions() -> dict[str, Any]:
    """Per-request settings for a call on huggingface_hub's client that does its own retries."""
    return {RETRY_EXT: (MAX_ATTEMPTS, default_backoff()), DEADLINE_EXT: time.monotonic() + request_deadline_seconds()}

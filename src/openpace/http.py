"""The one HTTP module: a client factory, retries with backoff honouring Retry-After,
and lazy Link-header pagination. Sources never build their own clients."""

from __future__ import annotations

import email.utils
import time
from collections.abc import Iterator
from typing import Any

import httpx
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
)

from .errors import SourceError

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
RETRY_STATUSES = {429, 500, 502, 503, 504}
MAX_ATTEMPTS = 5
MAX_BACKOFF_SECONDS = 60.0
USER_AGENT = "openpace (+https://github.com/openpace)"


class RetryableStatus(Exception):
    def __init__(self, response: httpx.Response) -> None:
        self.response = response
        super().__init__(f"HTTP {response.status_code}")


def make_client(headers: dict[str, str] | None = None, timeout: httpx.Timeout | float | None = None) -> httpx.Client:
    """A client with a timeout on every call and our user agent."""
    merged = {"User-Agent": USER_AGENT}
    merged.update(headers or {})
    return httpx.Client(headers=merged, timeout=timeout or DEFAULT_TIMEOUT, follow_redirects=True)


def retry_after_seconds(response: httpx.Response) -> float | None:
    """Seconds asked for by a Retry-After header (delta-seconds or HTTP date), if any."""
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):  # an unreadable header is ignored, not a crash mid-retry
        return None
    if parsed is None:
        return None
    return max(0.0, parsed.timestamp() - time.time())


def _wait(state: RetryCallState, base: float) -> float:
    exc = state.outcome.exception() if state.outcome else None
    if isinstance(exc, RetryableStatus):
        asked = retry_after_seconds(exc.response)
        if asked is not None:
            return min(asked, MAX_BACKOFF_SECONDS)
    # capped exponential backoff: base, 2*base, 4*base, ...
    return min(base * 2 ** (state.attempt_number - 1), MAX_BACKOFF_SECONDS)


def _retryable(exc: BaseException) -> bool:
    return isinstance(exc, (RetryableStatus, httpx.TransportError))


def get(
    client: httpx.Client,
    url: str,
    *,
    source: str,
    params: dict[str, Any] | None = None,
    attempts: int = MAX_ATTEMPTS,
    backoff_base: float = 1.0,
) -> httpx.Response:
    """GET with retries on 429/5xx and transport errors; raises SourceError naming the URL."""

    def once() -> httpx.Response:
        response = client.get(url, params=params)
        if response.status_code in RETRY_STATUSES:
            raise RetryableStatus(response)
        return response

    retrying = Retrying(
        stop=stop_after_attempt(attempts),
        wait=lambda state: _wait(state, backoff_base),
        retry=retry_if_exception(_retryable),
        reraise=True,
    )
    try:
        response = retrying(once)
    except RetryableStatus as exc:
        raise SourceError(source, url, f"HTTP {exc.response.status_code} after {attempts} attempts") from None
    except httpx.TimeoutException:
        raise SourceError(source, url, f"timed out after {attempts} attempts") from None
    except httpx.TransportError as exc:
        raise SourceError(source, url, f"connection failed after {attempts} attempts ({type(exc).__name__})") from None
    if response.status_code >= 400:
        raise SourceError(source, url, f"HTTP {response.status_code}")
    return response


def get_bytes(url: str, *, source: str, headers: dict[str, str] | None = None,
              timeout: httpx.Timeout | float | None = None, **kwargs: Any) -> bytes:
    """Fetch one URL's body with retries (`attempts`, `backoff_base` as for `get`)."""
    with make_client(headers, timeout) as client:
        return get(client, url, source=source, **kwargs).content


def paginate(
    url: str,
    *,
    source: str,
    params: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
    timeout: httpx.Timeout | float | None = None,
    **kwargs: Any,
) -> Iterator[httpx.Response]:
    """Yield each page, following `Link: <...>; rel="next"`. Nothing is fetched until iterated.

    A next link to another origin is refused: the client carries the caller's token, and a
    page must not be able to send it elsewhere.
    """
    origin = httpx.URL(url)
    with make_client(headers, timeout) as client:
        next_url: str | None = url
        next_params = params
        while next_url:
            response = get(client, next_url, source=source, params=next_params, **kwargs)
            yield response
            link = response.links.get("next", {}).get("url")
            if link is not None:
                target = response.url.join(link)
                if not same_origin(origin, target):
                    raise SourceError(source, str(response.url),
                                      f"next-page link points to another host ({target.scheme}://{target.host}); not followed")
                link = str(target)
            next_url = link
            next_params = None  # the next link carries its own query


def same_origin(a: httpx.URL, b: httpx.URL) -> bool:
    return (a.scheme, a.host, a.port) == (b.scheme, b.host, b.port)

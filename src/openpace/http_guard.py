"""The guard every HTTP request passes through, openpace's own and huggingface_hub's alike.

A transport wrapper (`guard_client`) sits under an httpx (or httpx2, which huggingface_hub 2.x
uses) client and enforces, for every request including each redirect hop:

- credentials (`Authorization`, `Cookie`) only to the origins they belong to; a strict client
  (the Hub's) refuses any other origin outright;
- retries of idempotent requests on 429/5xx and transport errors, with capped exponential
  backoff honouring `Retry-After`, never past the deadline;
- an overall deadline per request and per source (`source_deadline`), so a server trickling one
  byte at a time cannot hold a refresh forever (httpx's timeouts are per read only);
- a cap on the bytes a body may decode to: the guard asks for gzip/deflate only and decodes
  itself, chunk by chunk with a bounded output, so a gzip bomb stops at the cap.
"""

from __future__ import annotations

import contextlib
import contextvars
import email.utils
import os
import time
import zlib
from collections.abc import Callable, Iterator
from typing import Any

from .errors import OpenpaceError

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS"})
MAX_ATTEMPTS = 5
MAX_BACKOFF_SECONDS = 60.0
MAX_REDIRECTS = 5
CREDENTIAL_HEADERS = ("authorization", "cookie")
DECODE_CHUNK = 1 << 20  # at most this many decoded bytes per step

# request extensions the guard reads (set by openpace.http.get)
RETRY_EXT = "openpace.retry"  # (attempts, backoff_base)
DEADLINE_EXT = "openpace.deadline"  # time.monotonic() value
MAX_BYTES_EXT = "openpace.max_bytes"

Origin = tuple[str, str, int]
_DEFAULT_PORTS = {"http": 80, "https": 443}
_source_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar("openpace_source_deadline",
                                                                                default=None)


class TransferRefused(OpenpaceError):
    """The guard stopped a transfer: another origin, past the deadline, or a body over the cap."""


def _env_number(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, ""))
    except ValueError:
        return default
    return value if value > 0 and value == value and value != float("inf") else default


def request_deadline_seconds() -> float:
    """Longest one request may take, retries included: `$OPENPACE_HTTP_DEADLINE` (default 600 s)."""
    return _env_number("OPENPACE_HTTP_DEADLINE", 600.0)


def default_backoff() -> float:
    """First wait between attempts, doubled each time: `$OPENPACE_HTTP_BACKOFF` (default 1 s)."""
    return _env_number("OPENPACE_HTTP_BACKOFF", 1.0)


def max_body_bytes() -> int:
    """Most bytes one response may decode to: `$OPENPACE_HTTP_MAX_BYTES` (default 256 MiB; the largest
    live document, Epoch's zip, is a few MB)."""
    return int(_env_number("OPENPACE_HTTP_MAX_BYTES", float(256 << 20)))


@contextlib.contextmanager
def source_deadline(seconds: float) -> Iterator[None]:
    """Every request inside the block ends by `seconds` from now (a source's overall budget)."""
    token = _source_deadline.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _source_deadline.reset(token)


def origin_of(url: Any) -> Origin:
    """(scheme, host, port) with default ports filled in, for an httpx/httpx2 URL or a string."""
    from urllib.parse import urlsplit

    parts = urlsplit(str(url))
    scheme = (parts.scheme or "").lower()
    return scheme, (parts.hostname or "").lower(), parts.port or _DEFAULT_PORTS.get(scheme, 0)


def show_origin(origin: Origin) -> str:
    scheme, host, port = origin
    return f"{scheme}://{host}" + ("" if _DEFAULT_PORTS.get(scheme) == port else f":{port}")


def retry_after_seconds(headers: Any) -> float | None:
    """Seconds asked for by a Retry-After header (delta-seconds or HTTP date), if any."""
    value = headers.get("Retry-After")
    if not value:
        return None
    try:
        seconds = float(value)
        return max(0.0, seconds) if seconds == seconds else None
    except ValueError:
        pass
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):  # an unreadable header is ignored
        return None
    if parsed is None:
        return None
    return max(0.0, parsed.timestamp() - time.time())


def _deadline(request: Any) -> float:
    own = request.extensions.get(DEADLINE_EXT)
    if own is None:
        own = time.monotonic() + request_deadline_seconds()
        request.extensions[DEADLINE_EXT] = own  # redirect hops inherit the extensions
    source = _source_deadline.get()
    return min(own, source) if source is not None else own


def _check_deadline(deadline: float, url: Any) -> None:
    if time.monotonic() > deadline:
        raise TransferRefused(f"{url}: no complete answer before the deadline; gave up")


class _Decoder:
    """gzip/deflate/identity decoding with a cap on the decoded bytes."""

    def __init__(self, encoding: str, limit: int, url: Any) -> None:
        self.limit, self.url, self.total = limit, url, 0
        if encoding in ("", "identity"):
            self.zlib = None
        elif encoding in ("gzip", "x-gzip"):
            self.zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self.zlib = zlib.decompressobj()
        else:
            raise TransferRefused(f"{url}: unsupported Content-Encoding {encoding!r}")

    def _count(self, data: bytes) -> bytes:
        self.total += len(data)
        if self.total > self.limit:
            raise TransferRefused(f"{self.url}: the answer exceeds {self.limit:,} bytes; not read further")
        return data

    def feed(self, raw: bytes) -> Iterator[bytes]:
        if self.zlib is None:
            yield self._count(raw)
            return
        data = raw
        while data:
            try:
                out = self.zlib.decompress(data, DECODE_CHUNK)
            except zlib.error as exc:
                raise TransferRefused(f"{self.url}: damaged compressed answer ({exc})") from None
            yield self._count(out)
            data = self.zlib.unconsumed_tail

    def flush(self) -> bytes:
        return self._count(self.zlib.flush()) if self.zlib is not None else b""


class Policy:
    """Which origins may receive credentials; `strict` refuses every other origin outright."""

    def __init__(self, home: Callable[[], set[Origin]], strict: bool = False, attempts: int = MAX_ATTEMPTS) -> None:
        self.home = home
        self.strict = strict
        self.attempts = attempts  # for requests that do not say (huggingface_hub retries on its own too)


def guard_client(client: Any, httpx_module: Any, policy: Policy) -> Any:
    """Wrap every transport of `client` (its default one and any proxy mounts) in the guard.

    httpx builds proxy transports from the environment itself, so wrapping after construction
    is the one way the guard also covers `HTTPS_PROXY`; a client without these attributes (a
    changed httpx) fails closed rather than running unguarded.
    """
    transport_class = _guarded_transport_class(httpx_module)
    if not hasattr(client, "_transport") or not hasattr(client, "_mounts"):
        raise RuntimeError("this httpx version cannot be guarded; refusing to make requests")
    client._transport = transport_class(client._transport, policy)
    client._mounts = {pattern: (transport_class(t, policy) if t is not None else None)
                      for pattern, t in client._mounts.items()}
    return client


_CLASSES: dict[str, type] = {}


def _guarded_transport_class(httpx_module: Any) -> type:
    """The guard as a subclass of this httpx module's BaseTransport (httpx and httpx2 alike)."""
    key = httpx_module.__name__
    if key in _CLASSES:
        return _CLASSES[key]

    class GuardedStream(httpx_module.SyncByteStream):
        def __init__(self, inner: Any, decoder: _Decoder, deadline: float, url: Any) -> None:
            self.inner, self.decoder, self.deadline, self.url = inner, decoder, deadline, url

        def __iter__(self) -> Iterator[bytes]:
            for raw in self.inner:
                _check_deadline(self.deadline, self.url)
                yield from self.decoder.feed(raw)
            tail = self.decoder.flush()
            if tail:
                yield tail

        def close(self) -> None:
            self.inner.close()

    class GuardedTransport(httpx_module.BaseTransport):
        def __init__(self, inner: Any, policy: Policy) -> None:
            self.inner = inner
            self.policy = policy

        def handle_request(self, request: Any) -> Any:
            origin = origin_of(request.url)
            home = self.policy.home()
            if origin not in home:
                if self.policy.strict:
                    allowed = ", ".join(sorted(show_origin(o) for o in home))
                    raise TransferRefused(f"{request.url}: refused: not the configured origin ({allowed})")
                for name in CREDENTIAL_HEADERS:  # never send a credential to another origin
                    if name in request.headers:
                        del request.headers[name]
            request.headers["Accept-Encoding"] = "gzip, deflate"  # what the guard can decode with a cap
            deadline = _deadline(request)
            attempts, base = request.extensions.get(RETRY_EXT, (self.policy.attempts, default_backoff()))
            if request.method not in IDEMPOTENT:
                attempts = 1
            attempt = 0
            while True:
                attempt += 1
                _check_deadline(deadline, request.url)
                try:
                    response = self.inner.handle_request(request)
                except httpx_module.TransportError:
                    if attempt >= attempts or not self._sleep(attempt, base, None, deadline):
                        raise
                    continue
                if response.status_code in RETRY_STATUSES and attempt < attempts:
                    if self._sleep(attempt, base, response.headers, deadline):
                        response.close()
                        continue
                return self._wrap(request, response, deadline)

        @staticmethod
        def _sleep(attempt: int, base: float, headers: Any, deadline: float) -> bool:
            """Wait before the next attempt; False when that wait would pass the deadline."""
            asked = retry_after_seconds(headers) if headers is not None else None
            wait = min(asked if asked is not None else base * 2 ** (attempt - 1), MAX_BACKOFF_SECONDS)
            if time.monotonic() + wait > deadline:
                return False
            time.sleep(wait)
            return True

        @staticmethod
        def _wrap(request: Any, response: Any, deadline: float) -> Any:
            encoding = response.headers.get("Content-Encoding", "").strip().lower()
            limit = request.extensions.get(MAX_BYTES_EXT) or max_body_bytes()
            try:
                decoder = _Decoder(encoding, limit, request.url)
            except TransferRefused:
                response.close()
                raise
            headers = [(k, v) for k, v in response.headers.multi_items()
                       if k.lower() not in ("content-encoding", "content-length")]
            return httpx_module.Response(
                status_code=response.status_code, headers=headers,
                stream=GuardedStream(response.stream, decoder, deadline, request.url),
                extensions=response.extensions, request=request)

        def close(self) -> None:
            self.inner.close()

    _CLASSES[key] = GuardedTransport
    return GuardedTransport

"""A local HTTP server on 127.0.0.1 with routes that misbehave: it records every request's
path and headers, and a route may answer slowly (a trickle) or with a generated body."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

# (query, nth request to this path) -> (status, headers, body); a body may be chunks to send apart
Answer = tuple[int, dict[str, str], bytes | Iterable[bytes]]
Route = Callable[[dict[str, list[str]], int], Answer]


class HostileServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []  # (path with query, headers)
        self.counts: dict[str, int] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                parts = urlsplit(self.path)
                server.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                server.counts[parts.path] = server.counts.get(parts.path, 0) + 1
                route = server.routes.get(parts.path)
                status, headers, body = route(parse_qs(parts.query), server.counts[parts.path]) if route \
                    else (404, {}, b"not found")
                try:
                    self.send_response(status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    if isinstance(body, bytes):
                        self.send_header("Content-Length", str(len(body)))
                        self.end_headers()
                        self.wfile.write(body)
                    else:  # chunks written one by one, flushed, as a slow server would
                        self.send_header("Connection", "close")
                        self.end_headers()
                        for chunk in body:
                            self.wfile.write(chunk)
                            self.wfile.flush()
                        self.close_connection = True
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up, as it should

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    def headers_sent(self, header: str) -> list[str | None]:
        return [headers.get(header.lower()) for _, headers, in self.requests]

    def __enter__(self) -> HostileServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def trickle(data: bytes, every: float) -> Iterable[bytes]:
    """One byte at a time, `every` seconds apart."""
    for i in range(len(data)):
        time.sleep(every)
        yield data[i:i + 1]

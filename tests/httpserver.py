"""A local HTTP server on 127.0.0.1 that serves recorded or hostile responses."""

from __future__ import annotations

import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0                 # seconds before answering
    trickle: float | None = None       # seconds between bytes of the body
    truncate: int | None = None        # send only this many bytes of the body, then close


@dataclass
class Seen:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    at: float


class _Server(ThreadingHTTPServer):
    """Records errors in request handlers (a client that hung up mid-reply, for
    one) in `errors` instead of printing tracebacks to the process-wide stderr."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.errors: list[tuple[object, BaseException | None]] = []

    def handle_error(self, request, client_address) -> None:
        self.errors.append((client_address, sys.exc_info()[1]))


class LocalServer:
    """Routes: exact path -> Reply, or a callable(Seen) -> Reply."""

    def __init__(self):
        self.routes: dict[str, Reply | Callable[[Seen], Reply]] = {}
        self.requests: list[Seen] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                parts = urllib.parse.urlsplit(self.path)
                seen = Seen("GET", parts.path, urllib.parse.parse_qs(parts.query, keep_blank_values=True),
                            {k.lower(): v for k, v in self.headers.items()}, time.monotonic())
                server.requests.append(seen)
                route = server.routes.get(parts.path) or server.routes.get("*")
                reply = route(seen) if callable(route) else route
                if reply is None:
                    reply = Reply(404, b"not found", {"Content-Type": "text/plain"})
                if reply.delay:
                    time.sleep(reply.delay)
                body = reply.body
                try:
                    self.send_response(reply.status)
                    headers = {"Content-Length": str(len(body)), **reply.headers}
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.end_headers()
                    if reply.truncate is not None:
                        self.wfile.write(body[: reply.truncate])
                        self.wfile.flush()
                        self.close_connection = True
                        return
                    if reply.trickle:
                        for i in range(len(body)):
                            self.wfile.write(body[i:i + 1])
                            self.wfile.flush()
                            time.sleep(reply.trickle)
                    else:
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = _Server(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        # shutdown() waits for serve_forever to notice, which it does once per poll
        # interval (0.5 s by default: half a second of every test's teardown).
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02},
                                       daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

"""Shared fixtures: an isolated environment, a temporary knowledge base, a
local HTTP server that serves recorded responses, and a way to run `kb`."""

from __future__ import annotations

import io
import os
import sys
import threading
import time
import urllib.parse
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

import pytest

sys.path.insert(0, str(Path(__file__).parent))

KB_ENV = [k for k in os.environ if k.startswith("KB_") and k != "KB_TEST_CORPUS"]


@pytest.fixture(autouse=True)
def isolated_env(monkeypatch, tmp_path_factory):
    """No test sees the user's KB_* settings or reaches the internet."""
    for key in list(os.environ):
        if key.startswith("KB_") and key != "KB_TEST_CORPUS":
            monkeypatch.delenv(key, raising=False)
    dead = "http://127.0.0.1:9"   # discard port: connection refused, never the internet
    for name in ("KB_ARXIV_API_URL", "KB_ARXIV_PDF_URL", "KB_DOI_URL", "KB_CROSSREF_URL", "KB_S2_API_URL"):
        monkeypatch.setenv(name, dead)
    monkeypatch.setenv("KB_ARXIV_DELAY", "0")
    monkeypatch.setenv("KB_S2_DELAY", "0")
    monkeypatch.setenv("KB_BACKOFF", "0.01")
    monkeypatch.setenv("KB_RETRIES", "2")
    monkeypatch.setenv("KB_PROGRESS", "0")
    monkeypatch.setenv("KB_CONNECT_TIMEOUT", "2")
    monkeypatch.setenv("KB_READ_TIMEOUT", "5")
    monkeypatch.setenv("KB_TOTAL_TIMEOUT", "20")
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))


@pytest.fixture
def kb_root(tmp_path, monkeypatch) -> Path:
    """A fresh knowledge base, selected through KB_HOME."""
    from kb.store.knowledgebase import init

    root, _ = init(tmp_path / "kb")
    monkeypatch.setenv("KB_HOME", str(root))
    return root


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def json(self):
        import json

        return json.loads(self.out)


def run_kb(*args: str) -> Result:
    """Run `kb` in-process through the real entry point (argument parsing,
    error handling, exit codes), capturing its output."""
    from kb.cli.app import main

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([str(a) for a in args])
    return Result(code, out.getvalue(), err.getvalue())


@pytest.fixture
def kb():
    return run_kb


# -- a local HTTP server ------------------------------------------------------------------

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

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server(monkeypatch):
    srv = LocalServer()
    monkeypatch.setenv("KB_ARXIV_API_URL", srv.url + "/api/query")
    monkeypatch.setenv("KB_ARXIV_PDF_URL", srv.url + "/pdf")
    monkeypatch.setenv("KB_DOI_URL", srv.url + "/doi")
    monkeypatch.setenv("KB_CROSSREF_URL", srv.url + "/crossref")
    monkeypatch.setenv("KB_S2_API_URL", srv.url + "/s2")
    yield srv
    srv.close()

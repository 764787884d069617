"""The HTTP client against a local server that misbehaves on purpose.

Each fault ends within its timeout with a clear message naming the host, and
nothing partial is stored; retries honour Retry-After and never come faster
than the arXiv spacing.

Timing: the waits kb promises (Retry-After, backoff, spacing) are read from kb's
own clock, faked (tests/fakeclock.py): what kb waited, never a wall-clock gap.
Where a timeout of kb's must stop a server that would otherwise hang for a
minute or more, the test asserts what kb did instead of how long it took: it
gave up, said why, and had not received what the server would have sent had
kb waited (which would have made the call succeed).
"""

from __future__ import annotations

import re

import pytest
from fakearxiv import FakeArxiv
from fakeclock import FakeClock
from httpserver import Reply
from kbrun import run_kb
from pdfgen import make_pdf

from kb.errors import LimitExceeded, NetworkError
from kb.sources import net
from kb.sources.net import Client, Settings, parse_retry_after

PDF = make_pdf(["A paper about energy"])


def client(tmp_path, **overrides) -> Client:
    settings = Settings.from_env()
    for k, v in overrides.items():
        setattr(settings, k, v)
    return Client(tmp_path / "state" / "cache" / "http", tmp_path / "state" / "tmp", settings)


def test_429_with_retry_after_is_honoured(server, tmp_path, monkeypatch):
    clock = FakeClock()
    monkeypatch.setattr(net, "time", clock)
    calls = []

    def route(seen):
        calls.append(clock.now)            # kb's clock when the request arrives
        if len(calls) == 1:
            return Reply(429, b"slow down", {"Retry-After": "7"})
        return Reply(200, b"ok")
    server.routes["/x"] = route
    r = client(tmp_path, backoff=0.01).get(server.url + "/x")
    assert r.content == b"ok"
    assert calls[1] - calls[0] >= 7.0 and 7.0 in clock.slept


def test_503_without_retry_after_backs_off_then_gives_up(server, tmp_path, monkeypatch):
    clock = FakeClock()
    monkeypatch.setattr(net, "time", clock)
    server.routes["/x"] = Reply(503, b"busy")
    c = client(tmp_path, backoff=0.05, retries=2)
    with pytest.raises(NetworkError) as err:
        c.get(server.url + "/x")
    assert "answered HTTP 503 (gave up after 3 attempts)" in str(err.value)
    assert "127.0.0.1" in str(err.value)
    assert clock.slept == [0.05, 0.1]           # backoff doubling, and no wait after the last attempt
    assert len(server.requests) == 3


def test_retry_after_longer_than_cap_is_reported_not_waited(server, tmp_path, monkeypatch):
    clock = FakeClock()
    monkeypatch.setattr(net, "time", clock)
    server.routes["/x"] = Reply(503, b"busy", {"Retry-After": "3600"})
    with pytest.raises(NetworkError) as err:
        client(tmp_path).get(server.url + "/x")
    assert "asks to retry after 3600 s" in str(err.value)
    assert clock.slept == [] and len(server.requests) == 1      # reported at once, not after the hour asked for


def test_retry_after_as_http_date():
    now = 1_700_000_000.0
    assert parse_retry_after("Tue, 14 Nov 2023 22:13:40 GMT", now=now) == pytest.approx(20.0)
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after("soon") is None


def test_arxiv_spacing_is_kept_across_retries(server, tmp_path, monkeypatch):
    clock = FakeClock()
    monkeypatch.setattr(net, "time", clock)
    times: list[float] = []

    def route(seen):
        times.append(clock.now)            # kb's clock when the request arrives
        return Reply(503 if len(times) < 3 else 200, b"x")
    server.routes["/x"] = route
    c = client(tmp_path, backoff=0.0, spacing={"arxiv": 3.0})
    c.get(server.url + "/x", service="arxiv")
    c.get(server.url + "/x", service="arxiv")
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert len(times) == 4 and min(gaps) >= 3.0, gaps


def test_a_slow_disk_does_not_shorten_the_arxiv_spacing(server, tmp_path, monkeypatch):
    """The note of when kb last asked arXiv is written without waiting on the disk: an
    fsync that took 0.5 s (a busy journal) was counted as time waited, and the retry
    went out at once."""
    import os

    clock = FakeClock()
    monkeypatch.setattr(net, "time", clock)
    real, slowed = os.fsync, []

    def slow(fd):               # the first fsync waits on a busy journal (kb's clock moves), the others do not
        if not slowed:
            slowed.append(fd)
            clock.now += 2.0
        real(fd)

    monkeypatch.setattr(os, "fsync", slow)
    times: list[float] = []

    def route(seen):
        times.append(clock.now)
        return Reply(503 if len(times) < 2 else 200, b"x")
    server.routes["/x"] = route
    c = client(tmp_path, backoff=0.0, spacing={"arxiv": 3.0})
    c.get(server.url + "/x", service="arxiv")
    assert len(times) == 2 and times[1] - times[0] >= 3.0, times


def test_connection_refused_names_host(tmp_path):
    with pytest.raises(NetworkError) as err:
        client(tmp_path, backoff=0.01).get("http://127.0.0.1:9/api")
    assert "127.0.0.1:9: connection refused" in str(err.value)


def test_server_that_never_answers_times_out(server, tmp_path):
    server.routes["/x"] = Reply(200, b"late", delay=120)       # had kb waited, it would have had "late"
    with pytest.raises(NetworkError) as err:
        client(tmp_path, read_timeout=0.5, retries=1, backoff=0.01).get(server.url + "/x")
    assert "no answer within" in str(err.value) and "127.0.0.1" in str(err.value)
    assert len(server.requests) == 2            # tried, tried once more, then gave up


def test_slow_trickle_stopped_by_total_deadline(server, tmp_path):
    server.routes["/x"] = Reply(200, b"x" * 2000, trickle=0.05)      # 100 s for the whole body
    with pytest.raises(NetworkError) as err:
        client(tmp_path, total_timeout=1.0).get(server.url + "/x")
    said = str(err.value)
    assert "download too slow, stopped after 1 s" in said, said
    got = re.search(r"\(([\d,]+) bytes\)", said)
    # stopped mid-body, not all of it received; on a loaded machine the second may pass before
    # the server's thread sent the headers: no complete answer yet, said so
    assert got and int(got.group(1).replace(",", "")) < 2000 or "(no complete answer yet)" in said, said


def test_redirect_loop(server, tmp_path):
    server.routes["/a"] = Reply(302, b"", {"Location": "/b"})
    server.routes["/b"] = Reply(302, b"", {"Location": "/a"})
    with pytest.raises(NetworkError) as err:
        client(tmp_path).get(server.url + "/a")
    assert "too many redirects" in str(err.value)


def test_huge_response_is_cut_at_the_limit(server, tmp_path):
    server.routes["/big"] = Reply(200, b"x" * 3_000_000)
    with pytest.raises(LimitExceeded) as err:
        client(tmp_path, max_bytes=1_000_000).get(server.url + "/big")
    assert "over the limit of 1,000,000" in str(err.value)


def test_cache_serves_second_call_without_request(server, tmp_path):
    server.routes["/x"] = Reply(200, b"hello")
    c = client(tmp_path)
    assert c.get(server.url + "/x", cache_ttl=60).content == b"hello"
    again = c.get(server.url + "/x", cache_ttl=60)
    assert again.from_cache and again.content == b"hello"
    assert len(server.requests) == 1


def test_offline_never_requests(server, tmp_path):
    with pytest.raises(NetworkError) as err:
        client(tmp_path, offline=True).get(server.url + "/x")
    assert "offline" in str(err.value)
    assert server.requests == []


# -- the same faults through `kb add`: nothing partial stored ----------------------------------

@pytest.mark.parametrize("fault", ["refused", "503", "html", "truncated", "huge", "slow"])
def test_kb_add_under_faults_stores_nothing(kb_root, server, monkeypatch, fault):
    fake = FakeArxiv(server)
    fake.add("2311.16863", {3: PDF}, "Power Hungry Processing", ["Alexandra Sasha Luccioni"])
    pdf_route = {
        "503": Reply(503, b"busy", {"Retry-After": "0"}),
        "html": Reply(200, b"<!DOCTYPE html><title>Error</title>", {"Content-Type": "text/html"}),
        "truncated": Reply(200, PDF, truncate=100),
        "huge": Reply(200, b"%PDF-" + b"0" * 3_000_000),
        "slow": Reply(200, PDF, trickle=0.1),          # over a minute for the whole PDF
    }
    if fault == "refused":
        monkeypatch.setenv("KB_ARXIV_PDF_URL", "http://127.0.0.1:9/pdf")
    else:
        inner = server.routes["*"]
        server.routes["*"] = lambda seen: pdf_route[fault] if seen.path.startswith("/pdf/") else inner(seen)
    monkeypatch.setenv("KB_MAX_DOWNLOAD_MB", "1")
    monkeypatch.setenv("KB_TOTAL_TIMEOUT", "1.5")
    r = run_kb("add", "2311.16863")
    assert r.code == 2, r.err
    assert r.err.startswith("kb: error: ") and r.err.count("\n") == 1
    assert "127.0.0.1" in r.err
    if fault == "slow":                 # given up at KB_TOTAL_TIMEOUT: waited for, the PDF would have been added
        assert "too slow" in r.err, r.err
    assert (kb_root / "references.bib").read_text() == ""
    assert run_kb("ls", "--json").json == []
    sources = kb_root / ".kb" / "cache" / "sources"
    assert not sources.exists() or not list(sources.glob("*.pdf"))

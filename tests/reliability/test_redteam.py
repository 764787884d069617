"""Nothing lost, round two: the classes of defect an independent red-team run found.

Each test builds its own hostile situation (a rebuild swapping the index under
a waiting writer, a citekey renamed by hand, a server that trickles headers, a
redirect to another host, deeply nested JSON, ...) and checks that kb gives the
promised exit code with one `kb: error:` line, loses nothing, and that
`kb doctor` afterwards is clean or names the real problem.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

import pytest
from alphakb import BIB, PAGES, make_alpha
from fakeclock import FakeClock
from kbcache import from_template
from kbrun import run_kb

import kb as kblib


@pytest.fixture
def alpha(kb_root, tmp_path):
    return from_template("alpha", kb_root, lambda: make_alpha(kb_root, tmp_path))


def _rows(root: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(root / ".kb" / "kb.sqlite")
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _doctor_clean() -> None:
    r = run_kb("doctor")
    assert r.code == 0 and "nothing to repair" in r.out, r.out + r.err


# -- writes while kb rebuild swaps the index ---------------------------------------------

def test_a_write_after_a_rebuild_lands_in_the_new_index(alpha):
    """A command that opened the index before `kb rebuild` swapped in a new file must
    commit into the new one (it used to commit into the old, unlinked file and say done)."""
    base = kblib.open_kb(alpha)
    candidates = kblib.extract(base, "alpha2020energy")       # index-only state, on the old file
    assert candidates
    kblib.rebuild(alpha)                                      # a new index file is swapped in
    from kb.ops.claims import dismiss

    assert dismiss(base, [c["id"] for c in candidates]) == len(candidates)
    statuses = {s for (s,) in _rows(alpha, "select status from candidates")}
    assert statuses == {"dismissed"}
    _doctor_clean()


# -- a citekey renamed by hand -------------------------------------------------------------

def _rename_by_hand(root: Path, old: str, new: str) -> None:
    bib = root / "references.bib"
    bib.write_text(bib.read_text().replace("{" + old + ",", "{" + new + ","))
    claims = root / "claims" / f"{old}.toml"
    if claims.exists():
        os.replace(claims, root / "claims" / f"{new}.toml")


def test_a_hand_renamed_citekey_keeps_its_text_quotes_and_source(alpha):
    assert run_kb("quote", "add", "alpha2020energy", "We trained 12 models on 64 GPUs").code == 0
    sources_before = sorted(p.name for p in (alpha / ".kb" / "cache" / "sources").iterdir())
    _rename_by_hand(alpha, "alpha2020energy", "ada2020alpha")
    r = run_kb("quote", "ls", "--json")
    assert r.code == 0, r.err
    assert [q["citekey"] for q in r.json] == ["ada2020alpha"]
    show = run_kb("show", "ada2020alpha", "--json").json
    assert [v["text_status"] for v in show["versions"]] == ["ok"]      # the text followed the paper
    assert run_kb("verify").code == 0
    _doctor_clean()
    r = run_kb("doctor", "--prune")
    assert r.code == 0
    assert sorted(p.name for p in (alpha / ".kb" / "cache" / "sources").iterdir()) == sources_before
    r = run_kb("rebuild")
    assert r.code == 0, r.err
    assert run_kb("show", "ada2020alpha", "--json").json["versions"][0]["text_status"] == "ok"


def test_moving_a_check_between_claims_files_is_not_defined_twice(alpha):
    claims = alpha / "claims"
    (claims / "a.toml").write_text('[[check]]\nid = "same"\nstated = "2 kWh"\nexpr = "1 kWh * 2"\n')
    assert run_kb("check").code == 0
    os.replace(claims / "a.toml", claims / "b.toml")
    r = run_kb("check")
    assert r.code == 0, r.err
    assert "defined twice" not in r.err
    _doctor_clean()


# -- hangs: every wait bounded by a documented timeout --------------------------------------

class RawServer:
    """A TCP server on 127.0.0.1 that speaks just enough HTTP to misbehave: it sends
    `head` and then `tail` one byte every `pace` seconds, for at most `limit` seconds."""

    def __init__(self, head: bytes, tail: bytes = b"", pace: float = 0.2, limit: float = 60.0):
        import socket
        import threading

        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.head, self.tail, self.pace, self.limit = head, tail, pace, limit
        self.sent = 0                         # bytes of head sent so far
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}"

    def _serve(self) -> None:
        import time

        self.sock.settimeout(0.2)
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            started = time.monotonic()
            try:
                conn.recv(65536)
                for i in range(len(self.head)):
                    if self.stop.is_set() or time.monotonic() - started > self.limit:
                        break
                    conn.sendall(self.head[i:i + 1])
                    self.sent = i + 1
                    self.stop.wait(self.pace)
                conn.sendall(self.tail)
                self.stop.wait(self.limit)          # then say nothing more
            except OSError:
                pass
            finally:
                conn.close()

    def close(self) -> None:
        self.stop.set()
        self.sock.close()


def _client(tmp_path, **settings):
    from kb.sources.net import Client, Settings

    s = Settings.from_env()
    for k, v in settings.items():
        setattr(s, k, v)
    return Client(tmp_path / "http", tmp_path / "tmp", s)


@pytest.mark.parametrize("case", ["headers", "chunked-trailer"])
def test_a_trickling_server_is_stopped_at_the_total_deadline(tmp_path, case):
    """Headers (or a chunked trailer) sent one byte at a time never exceed the read
    timeout between bytes; the whole answer must still arrive within KB_TOTAL_TIMEOUT."""
    from kb.errors import NetworkError

    if case == "headers":
        raw = RawServer(b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 400 + b"\r\n\r\n", pace=0.1)
    else:
        raw = RawServer(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n",
                        b"", pace=0.01, limit=60)
        raw.head += b"X-Trailer: " + b"b" * 4000         # the trailer trickles too (40 s of it)
    try:
        with pytest.raises(NetworkError) as err:
            _client(tmp_path, total_timeout=1.0, read_timeout=5.0, retries=0).get(raw.url + "/x")
        sent = raw.sent
    finally:
        raw.close()
    # Given up at the deadline, and saying so: had kb waited for the whole answer the headers
    # would have arrived (a success), and a silence after the trailer says "no data", not "too slow".
    assert "too slow" in str(err.value) and "after 1 s" in str(err.value) and "127.0.0.1" in str(err.value)
    assert sent < len(raw.head)               # the server had not sent its whole answer yet


def test_a_silent_server_fails_within_the_silent_timeout(tmp_path):
    from kb.errors import NetworkError

    raw = RawServer(b"", pace=0, limit=60)     # accepts, reads the request, says nothing
    try:
        with pytest.raises(NetworkError) as err:
            _client(tmp_path, silent_timeout=1.0, read_timeout=30.0, retries=3, backoff=0.01).get(raw.url)
    finally:
        raw.close()
    assert "no answer within 1 s" in str(err.value)     # the silent timeout, not 4 attempts x 30 s of reading


def test_a_refused_connection_is_retried_then_given_up_on_at_the_refused_timeout(tmp_path, monkeypatch):
    """Retried with backoff (capped at 1 s for a refused connection, not KB_BACKOFF's 2 s),
    announced, and given up on once the next wait would pass KB_REFUSED_TIMEOUT, saying so:
    not after 2 + 4 + 8 s of backoff. The clock is kb's own, faked: no test waits."""
    import socket

    from kb.errors import NetworkError
    from kb.sources import net

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()                                   # nothing listens there now
    clock = FakeClock()
    monkeypatch.setattr(net, "time", clock)
    notices: list = []
    client = _client(tmp_path, refused_timeout=5.0, retries=3, backoff=2.0)
    client.notice = notices.append
    with pytest.raises(NetworkError) as err:
        client.get(f"http://127.0.0.1:{port}/")
    assert clock.slept == [1.0, 2.0] and sum(clock.slept) <= 5.0
    assert f"127.0.0.1:{port}: connection refused (for 3 s, 3 attempts)" in str(err.value)
    assert "KB_REFUSED_TIMEOUT" in str(err.value)
    said = [n for n in notices if n]
    assert said == [f"127.0.0.1:{port}: connection refused; retrying in 1 s (attempt 2 of at most 4)",
                    f"127.0.0.1:{port}: connection refused; retrying in 2 s (attempt 3 of at most 4)"]


def test_the_default_waits_are_bounded(monkeypatch):
    from kb.sources.net import Settings

    monkeypatch.delenv("KB_REFUSED_TIMEOUT")            # the tests' own, shorter
    s = Settings.from_env()
    assert s.silent_timeout == 30 and s.refused_timeout == 5 and s.connect_timeout <= 5


@pytest.mark.parametrize("value", ["inf", "nan", "-1", "soon"])
def test_a_timeout_setting_that_is_not_a_usable_number_is_one_clear_line(alpha, monkeypatch, value):
    monkeypatch.setenv("KB_TOTAL_TIMEOUT", value)
    r = run_kb("add", "arxiv:2001.00002")
    assert r.code == 2
    assert r.err.startswith("kb: error: KB_TOTAL_TIMEOUT=") and r.err.count("\n") == 1


def test_waits_are_announced(tmp_path, server):
    """A deliberate wait (the arXiv spacing, a retry after 429) is said, with how long."""
    from httpserver import Reply

    said: list[str | None] = []
    c = _client(tmp_path, backoff=0.6, retries=1)
    c.notice = said.append
    server.routes["/x"] = lambda seen: Reply(429 if len(server.requests) == 1 else 200, b"ok")
    assert c.get(server.url + "/x").content == b"ok"
    assert any(m and "HTTP 429; retrying in 1 s (attempt 2 of at most 2)" in m for m in said), said
    assert said[-1] is None                     # and cleared when it is over


# -- Semantic Scholar: loops, malformed answers, the API key ------------------------------------

S2_ROUTE = "/s2/graph/v1/paper/ARXIV:2001.00001/"


def test_s2_pages_that_keep_coming_empty_end_the_list(alpha, server):
    from httpserver import Reply

    def page(seen):
        offset = int(seen.query.get("offset", ["0"])[0])
        return Reply(200, json.dumps({"offset": offset, "next": offset + 100, "data": []}).encode())
    server.routes[S2_ROUTE + "references"] = page
    server.routes[S2_ROUTE + "citations"] = page
    r = run_kb("cite", "fetch", "alpha2020energy")
    assert r.code == 0, r.err
    assert len(server.requests) == 2            # one page each: nothing there, so no next page


@pytest.mark.parametrize("external_ids", ['"ARXIV:1906.02243"', '["a", "b"]', "5", '{"DOI": ["x"]}'])
def test_a_malformed_s2_answer_is_dropped_not_cached_into_a_crash(alpha, server, external_ids):
    from httpserver import Reply

    body = ('{"data": [{"citedPaper": {"paperId": "p1", "title": "Energy and Policy Considerations", '
            '"year": 2019, "externalIds": %s, "authors": "Strubell"}}, {"citedPaper": "nonsense"}, 7]}'
            % external_ids).encode()
    server.routes[S2_ROUTE + "references"] = Reply(200, body)
    server.routes[S2_ROUTE + "citations"] = Reply(200, b'{"data": []}')
    r = run_kb("cite", "fetch", "alpha2020energy")
    assert r.code == 0, r.err
    assert run_kb("rebuild").code == 0
    _doctor_clean()


def test_deeply_nested_json_is_one_clear_line(alpha, server):
    from httpserver import Reply

    server.routes[S2_ROUTE + "references"] = Reply(200, b"[" * 100_000)
    r = run_kb("cite", "fetch", "alpha2020energy")
    assert r.code == 2 and r.err.startswith("kb: error:") and r.err.count("\n") == 1, r.err


def test_the_s2_api_key_never_follows_a_redirect_to_another_host(alpha, server, monkeypatch):
    from httpserver import LocalServer, Reply

    other = LocalServer()
    try:
        monkeypatch.setenv("KB_S2_API_KEY", "secret-key")
        server.routes[S2_ROUTE + "references"] = Reply(302, b"", {"Location": other.url + "/steal"})
        server.routes[S2_ROUTE + "citations"] = Reply(200, b'{"data": []}')
        other.routes["/steal"] = Reply(200, b'{"data": []}')
        assert run_kb("cite", "fetch", "alpha2020energy").code == 0
        assert other.requests and all("x-api-key" not in seen.headers for seen in other.requests)
        assert all(seen.headers.get("x-api-key") == "secret-key" for seen in server.requests)
    finally:
        other.close()


# -- answers kb cannot use are never cached -------------------------------------------------------

def test_an_html_page_as_the_arxiv_answer_is_not_cached(kb_root, server):
    from fakearxiv import FakeArxiv
    from pdfgen import make_pdf

    arxiv = FakeArxiv(server)
    arxiv.add("2001.00009", {1: make_pdf(["Energy"])}, "A Paper", ["Ada Alpha"])
    arxiv.feed("2001.00009", 200, b"<!DOCTYPE html><html><body>Rate limited</body></html>")
    r = run_kb("add", "arxiv:2001.00009")
    assert r.code == 2 and r.err.count("\n") == 1
    del arxiv.raw_feeds["2001.00009"]            # arXiv is back
    r = run_kb("add", "arxiv:2001.00009")        # no --refresh needed: the page was not kept
    assert r.code == 0, r.err


def test_a_cut_off_pdf_sent_as_a_whole_answer_is_refused_and_fetched_again(kb_root, server):
    from fakearxiv import FakeArxiv
    from pdfgen import make_pdf

    arxiv = FakeArxiv(server)
    whole = make_pdf(["Energy use of a paper", "second page"])
    arxiv.add("2001.00010", {1: whole[: len(whole) // 2]}, "A Cut Paper", ["Ada Alpha"])
    r = run_kb("add", "arxiv:2001.00010")
    assert r.code == 2 and "cut off" in r.err and r.err.count("\n") == 1
    assert run_kb("ls", "--json").json == []
    arxiv.add("2001.00010", {1: whole}, "A Cut Paper", ["Ada Alpha"])
    r = run_kb("add", "arxiv:2001.00010")
    assert r.code == 0, r.err
    assert _stored_pdfs() == [hashlib.sha256(whole).hexdigest()]


def test_a_feed_link_to_another_paper_is_not_followed(kb_root, server):
    from fakearxiv import FakeArxiv, atom_entry, atom_feed
    from pdfgen import make_pdf

    arxiv = FakeArxiv(server)
    right = make_pdf(["The right paper"])
    arxiv.add("2001.00011", {1: right}, "The Right Paper", ["Ada Alpha"])
    arxiv.add("2001.00666", {1: make_pdf(["The wrong paper", "with two pages"])}, "Wrong", ["Eve"])
    entry = atom_entry("2001.00011", 1, "The Right Paper", ["Ada Alpha"]).replace(
        "https://arxiv.org/pdf/2001.00011v1", "https://arxiv.org/pdf/2001.00666v1")
    arxiv.feed("2001.00011", 200, atom_feed([entry]))
    r = run_kb("add", "arxiv:2001.00011")
    assert r.code == 0, r.err
    assert not any("2001.00666" in seen.path for seen in server.requests)
    assert _stored_pdfs() == [hashlib.sha256(right).hexdigest()]


def _stored_pdfs() -> list[str]:
    """sha256 of every version's source, over all papers."""
    return [v["sha256"] for p in run_kb("ls", "--json").json
            for v in run_kb("show", p["citekey"], "--json").json["versions"]]


@pytest.mark.parametrize("message, filed", [
    ({"title": [None], "author": "Smith", "DOI": 5, "issued": {"date-parts": [["x"]]}}, False),
    ({"title": "A Title As A String", "author": [{"family": 3}, "x"], "volume": [1], "issued": "2019"}, True),
    ({"title": [], "author": None, "published-print": {"date-parts": "2019"}}, False),
    ({"title": ["  "], "author": 5}, False),
])
def test_crossref_fields_of_the_wrong_type_are_never_a_crash(kb_root, server, message, filed):
    """What kb can read is filed; a record with no title is refused, never filed as a
    'complete' entry holding nothing but its DOI."""
    from httpserver import Reply

    server.routes["/doi/10.5555/odd"] = Reply(200, b"<html>not bibtex</html>", {"Content-Type": "text/html"})
    server.routes["/crossref/works/10.5555/odd"] = Reply(200, json.dumps({"message": message}).encode())
    r = run_kb("add", "doi:10.5555/odd")
    assert "Traceback" not in r.err and "internal error" not in r.err, r.err
    if filed:
        assert r.code == 0, r.err
        assert "A Title As A String" in (kb_root / "references.bib").read_text()
    else:
        assert r.code == 2 and r.err.startswith("kb: error:") and r.err.count("\n") == 1, r.err
        assert "has no title kb can read: nothing filed" in r.err
        assert "@" not in (kb_root / "references.bib").read_text()
    _doctor_clean()


# -- security: what kb prints and where it writes ---------------------------------------------

def test_terminal_escape_sequences_in_titles_are_never_printed(kb_root):
    (kb_root / "references.bib").write_text(
        "@misc{evil2024,\n  title = {Clear \x1b[2J\x1b]0;pwned\x07screen \x9b31m and\rback},\n"
        "  author = {Mallory, M.},\n  year = {2024},\n}\n")
    for args in (("ls",), ("show", "evil2024"), ("claims",), ("graph", "show", "evil2024")):
        r = run_kb(*args)
        assert "\x1b" not in r.out + r.err and "\x07" not in r.out and "\x9b" not in r.out, args
        assert "\r" not in r.out, args


def test_the_crash_log_is_private_and_never_follows_a_symlink(kb_root, tmp_path, monkeypatch):
    import kb.cli.papers

    def boom(*a, **k):
        raise RuntimeError("a bug")
    monkeypatch.setattr(kb.cli.papers, "list_papers", boom)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    r = run_kb("ls")
    assert r.code == 1 and "details in" in r.err
    log = tmp_path / "cache" / "kb" / "last-error.log"
    assert "RuntimeError: a bug" in log.read_text() and (log.stat().st_mode & 0o777) == 0o600
    victim = tmp_path / "victim"
    victim.write_text("keep me")
    log.unlink()
    log.symlink_to(victim)                       # someone points the log at another file
    r = run_kb("ls")
    assert r.code == 1 and r.err.count("\n") == 1
    assert victim.read_text() == "keep me"


# -- the machine refuses a write -----------------------------------------------------------------

def test_a_full_disk_is_one_clear_line_and_the_files_are_as_they_were(alpha, monkeypatch):
    """The disk fills while kb writes a claims file: one line, exit 2, the file as before."""
    import errno

    import kb.atomic

    before = {p.name: p.read_bytes() for p in (alpha / "claims").glob("*.toml")}

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    with monkeypatch.context() as patched:      # undoes the fsync only: KB_HOME still names this knowledge base
        patched.setattr(kb.atomic.os, "fsync", full)
        r = run_kb("quote", "add", "alpha2020energy", "We trained 12 models on 64 GPUs")
    assert r.code == 2 and r.err.startswith("kb: error: cannot write") and "no space left" in r.err
    assert r.err.count("\n") == 1
    assert {p.name: p.read_bytes() for p in (alpha / "claims").glob("*.toml")} == before
    assert not list((alpha / ".kb" / "tmp").glob("*.tmp"))
    _doctor_clean()


def test_a_symlinked_truth_file_stays_a_link_and_a_bom_stays(alpha, tmp_path):
    elsewhere = tmp_path / "dotfiles" / "refs.bib"
    elsewhere.parent.mkdir()
    elsewhere.write_bytes(b"\xef\xbb\xbf" + (alpha / "references.bib").read_bytes())
    (alpha / "references.bib").unlink()
    (alpha / "references.bib").symlink_to(elsewhere)
    r = run_kb("import", _bib(tmp_path, "@misc{beta2021,\n  title = {Beta Paper About Power},\n"
                                        "  author = {Beta, Bob},\n  year = {2021},\n}\n"))
    assert r.code == 0, r.err
    assert (alpha / "references.bib").is_symlink()
    data = elsewhere.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"beta2021" in data and data.count(b"\xef\xbb\xbf") == 1
    _doctor_clean()


def _bib(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "in.bib"
    path.write_text(text)
    return path


# -- kb doctor --prune never deletes what is still in use ------------------------------------------

def _cache_source(root: Path, data: bytes, pid: int | None) -> Path:
    from kb.store.cache import SourceCache

    cache = SourceCache(root / ".kb" / "cache" / "sources", root / ".kb" / "tmp")
    m = cache.put(data, "pdf", "pdf", origin="arxiv")
    m.writer_pid = pid
    cache.save(m)
    old = 1_000_000_000                          # long past the 120 s grace
    for p in (cache.path(m), cache.manifest_path(m.sha256)):
        os.utime(p, (old, old))
    return cache.path(m)


def test_prune_keeps_the_source_of_a_kb_add_still_running(alpha):
    import subprocess
    import sys

    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        alive = _cache_source(alpha, b"%PDF-1.4 being added\n%%EOF\n", running.pid)
        dead = _cache_source(alpha, b"%PDF-1.4 left by a crash\n%%EOF\n", 2 ** 22 + 7)
        r = run_kb("doctor", "--prune")
        assert r.code == 0, r.out
        assert alive.exists() and "being added by a running kb command" in r.out
        assert not dead.exists()
    finally:
        running.kill()
        running.wait()


def test_prune_keeps_the_source_of_a_paper_claims_still_quote(alpha):
    assert run_kb("quote", "add", "alpha2020energy", "We trained 12 models on 64 GPUs").code == 0
    # the entry deleted by hand (another written instead); claims/ still quotes it
    (alpha / "references.bib").write_text("@misc{other2020, title = {Other}, year = {2020}}\n")
    sources = sorted((alpha / ".kb" / "cache" / "sources").iterdir())
    for p in sources:
        os.utime(p, (1_000_000_000, 1_000_000_000))
    r = run_kb("doctor", "--prune")
    assert "claims/ still quotes" in r.out
    assert sorted((alpha / ".kb" / "cache" / "sources").iterdir()) == sources
    (alpha / "references.bib").write_text("")           # no entry left: prune deletes nothing at all
    r = run_kb("doctor", "--prune")
    assert r.code == 2 and "references.bib holds no entries" in r.err and r.err.count("\n") == 1
    assert sorted((alpha / ".kb" / "cache" / "sources").iterdir()) == sources


# -- the index depends on the files, not on their history -------------------------------------------

def test_deleting_an_entry_that_has_quotes_never_breaks_other_commands(alpha, tmp_path):
    assert run_kb("quote", "add", "alpha2020energy", "We trained 12 models on 64 GPUs").code == 0
    entry = (alpha / "references.bib").read_text()
    (alpha / "references.bib").write_text("")                       # deleted by hand
    for rebuilt in (False, True):
        if rebuilt:
            assert run_kb("rebuild").code == 0
        assert run_kb("quote", "ls").code == 0
        r = run_kb("verify")
        assert r.code == 1 and "alpha2020energy is not in references.bib" in r.out
        r = run_kb("import", _bib(tmp_path, "@misc{beta2021,\n  title = {Beta Paper About Power},\n"
                                            "  author = {Beta, Bob},\n  year = {2021},\n}\n"))
        assert r.code == 0, r.err
        r = run_kb("doctor")
        assert r.code == 1 and "not in references.bib" in r.out
    (alpha / "references.bib").write_text((alpha / "references.bib").read_text() + "\n" + entry)   # restored
    assert run_kb("verify").code == 0
    _doctor_clean()


@pytest.mark.parametrize("section, key, suggestion", [
    ('[[check]]\nid = "c"\nstated = "2 kWh"\nexpr = "1 kWh * 2"\n', 'tolerence = "5%"', "tolerance"),
    ('[[quote]]\nid = "q"\ntext = "We trained 12 models"\n', 'topic = ["energy"]', "topics"),
    ('[[claim]]\nid = "c"\nvalue = "12 kWh"\n', 'pre = "year"', "per"),
])
def test_a_misspelt_key_in_a_claims_file_is_named_not_ignored(alpha, section, key, suggestion):
    path = alpha / "claims" / "alpha2020energy.toml"
    path.write_text(section + key + "\n")
    r = run_kb("check")
    assert r.code == 2 and r.err.count("\n") == 1
    assert f"unknown key `{key.split(' ')[0]}` (did you mean `{suggestion}`?)" in r.err
    assert "claims/alpha2020energy.toml:1" in r.err
    path.write_text(section + "x_reviewer = \"me\"\n")       # a person's own key, marked as such
    assert run_kb("check").code in (0, 1)


def test_toml_nested_thousands_deep_is_one_line_naming_the_file(alpha):
    (alpha / "claims" / "deep.toml").write_text("a = " + "[" * 3000 + "]" * 3000 + "\n")
    r = run_kb("claims")
    assert r.code == 2 and r.err.startswith("kb: error: claims/deep.toml:") and r.err.count("\n") == 1
    r = run_kb("ls")            # papers are shown past it, said in one line
    assert r.code == 0 and r.err.startswith("kb: claims/deep.toml:") and r.err.count("\n") == 1


# -- inputs that never end ---------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "huge"])
@pytest.mark.parametrize("command", ["import", "add", "verify-note", "text-load"])
def test_an_input_that_never_ends_is_refused_at_once(alpha, tmp_path, monkeypatch, kind, command):
    if kind == "fifo":
        path = tmp_path / "input.pdf"
        os.mkfifo(path)                              # nobody ever writes: reading would wait for ever
    elif kind == "dev-zero":
        path = Path("/dev/zero")
    else:
        path = tmp_path / "huge.pdf"
        with open(path, "wb") as fh:                 # sparse: 3 GB on paper, nothing on disk
            fh.truncate(3 * 1024 ** 3)
    args = {"import": ("import", path), "add": ("add", "--offline", path),
            "verify-note": ("verify", "--note", path),
            "text-load": ("text", "load", "alpha2020energy", path)}[command]
    r = run_kb(*args)
    assert r.code == 2 and r.err.startswith("kb: error:") and r.err.count("\n") == 1, r.err
    assert any(w in r.err for w in ("FIFO", "device", "over the limit", "not a regular file")), r.err


def test_references_bib_as_a_fifo_is_one_line(alpha):
    bib = alpha / "references.bib"
    bib.unlink()
    os.mkfifo(bib)
    r = run_kb("ls")
    assert r.code == 2 and "FIFO" in r.err and r.err.count("\n") == 1


@pytest.mark.parametrize("name", ["nan", "inf", "_"])
def test_a_unit_named_like_a_number_is_one_line(alpha, name):
    (alpha / "claims" / "units.toml").write_text(
        f'[units]\n{name} = "2 kWh"\n\n[[check]]\nid = "u"\nstated = "2 kWh"\nexpr = "1 {name}"\n')
    r = run_kb("check")
    assert "Traceback" not in r.err and "internal error" not in r.err, r.err
    assert r.code in (1, 2)
    if r.code == 2:
        assert r.err.startswith("kb: error:") and r.err.count("\n") == 1


@pytest.mark.parametrize("value", ["-1", "0", "inf", "nan", "soon"])
def test_a_pdf_limit_that_is_not_a_positive_number_is_one_line(alpha, tmp_path, monkeypatch, value):
    from pdfgen import make_pdf

    pdf = tmp_path / "p.pdf"
    pdf.write_bytes(make_pdf(["A page about energy, long enough to be text and not an image."] * 2))
    monkeypatch.setenv("KB_MAX_PAGES", value)
    r = run_kb("add", "--offline", pdf)
    assert r.code == 2 and r.err.startswith("kb: error: limit max_pages = ") and r.err.count("\n") == 1
    assert len(run_kb("ls", "--json").json) == 1           # nothing added


def test_text_extraction_has_an_overall_budget(alpha, tmp_path, monkeypatch):
    """A PDF can be built so each page takes seconds to read (pages sharing one heavy
    content stream): extraction stops at KB_MAX_EXTRACT_SECONDS, the paper is kept
    with its metadata, and kb says why and what to raise."""
    from pdfgen import make_pdf

    pdf = tmp_path / "slow.pdf"
    pdf.write_bytes(make_pdf([f"Page {i} of a paper about energy, long enough to be text." for i in range(5)]))
    monkeypatch.setenv("KB_MAX_EXTRACT_SECONDS", "0.000001")
    r = run_kb("add", "--offline", pdf)
    assert r.code == 0, r.err
    assert "took over" in r.err and "KB_MAX_EXTRACT_SECONDS" in r.err
    monkeypatch.delenv("KB_MAX_EXTRACT_SECONDS")
    _doctor_clean()


@pytest.fixture
def read_only_mount(tmp_path):
    """A folder and a read-only view of it (a bind mount): skipped where mounting is not allowed."""
    import subprocess

    src, view = tmp_path / "src", tmp_path / "view"
    src.mkdir()
    view.mkdir()
    if subprocess.run(["mount", "--bind", str(src), str(view)], capture_output=True).returncode != 0:
        pytest.skip("cannot bind-mount here (needs root and mount rights) to make a read-only knowledge base")
    try:
        if subprocess.run(["mount", "-o", "remount,ro,bind", str(view)], capture_output=True).returncode != 0:
            pytest.skip("cannot remount read-only here")
        yield src, view
    finally:
        # An in-process kb may still hold a file of the view open: detach it lazily then,
        # or the mount outlives the test and pytest cannot remove its temporary folder.
        if subprocess.run(["umount", str(view)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(view)], capture_output=True)


def test_a_read_only_knowledge_base_reads_and_refuses_writes_in_one_line(read_only_mount, monkeypatch):
    src, view = read_only_mount
    root = src / "kb"
    assert run_kb("init", root).code == 0
    (root / "references.bib").write_text(BIB)
    pages = src / "alpha.json"
    pages.write_text(json.dumps(PAGES))
    monkeypatch.setenv("KB_HOME", str(root))
    assert run_kb("text", "load", "alpha2020energy", pages).code == 0
    assert run_kb("quote", "add", "alpha2020energy", "We trained 12 models on 64 GPUs").code == 0
    monkeypatch.setenv("KB_HOME", str(view / "kb"))
    for args in (("ls",), ("quote", "ls"), ("search", "GPUs"), ("check",), ("verify",), ("graph",), ("audit",)):
        r = run_kb(*args)
        assert r.code in (0, 1) and "kb rebuild" not in r.err, (args, r.err)
    assert "We trained 12 models" in run_kb("quote", "ls").out
    r = run_kb("quote", "add", "alpha2020energy", "which used 1,287 MWh of energy")
    assert r.code == 2 and "read-only" in r.err and r.err.count("\n") == 1
    assert "kb rebuild" not in r.err


# -- review decisions live in a file -------------------------------------------------------------

def test_review_decisions_outlive_the_index(alpha):
    """Dismissing candidates writes [[dismissed]] to the paper's claims file: the decision
    survives deleting the index, kb rebuild and a fresh extract; a promotion is a [[claim]]."""
    r = run_kb("claims", "extract", "alpha2020energy", "--json")
    candidates = r.json
    assert len(candidates) >= 3
    dropped = [c["id"] for c in candidates[:2]]
    assert run_kb("claims", "dismiss", *map(str, dropped)).out.startswith("dismissed 2")
    promoted = candidates[2]
    assert run_kb("claims", "promote", str(promoted["id"]), "--id", "kept_one").code == 0
    claims_file = (alpha / "claims" / "alpha2020energy.toml").read_text()
    assert claims_file.count("[[dismissed]]") == 2
    for path in (alpha / ".kb").glob("kb.sqlite*"):
        path.unlink()                                    # the index is gone, decisions are not
    assert run_kb("rebuild").code == 0
    again = run_kb("claims", "extract", "alpha2020energy", "--json").json
    open_ones = {(c["page"], c["start"]) for c in again}
    assert not {(c["page"], c["start"]) for c in candidates[:3]} & open_ones
    # Taking a dismissal out of the file by hand makes its candidate open again.
    text = (alpha / "claims" / "alpha2020energy.toml").read_text()
    first = text.index("[[dismissed]]")
    second = text.index("[[dismissed]]", first + 1)
    (alpha / "claims" / "alpha2020energy.toml").write_text(text[:first] + text[second:])
    reopened = {(c["page"], c["start"]) for c in run_kb("claims", "--unreviewed", "--json").json}
    assert (candidates[0]["page"], candidates[0]["start"]) in reopened
    _doctor_clean()


def test_cite_fetch_works_for_a_key_with_slashes_and_colons(kb_root, server):
    from httpserver import Reply

    (kb_root / "references.bib").write_text("@misc{DBLP:journals/x/Alpha20,\n  title = {Alpha Models},\n"
                                            "  author = {Alpha, Ada},\n  year = {2020},\n"
                                            "  eprint = {2001.00001},\n  archiveprefix = {arXiv},\n}\n")
    server.routes[S2_ROUTE + "references"] = Reply(200, b'{"data": []}')
    server.routes[S2_ROUTE + "citations"] = Reply(200, b'{"data": []}')
    r = run_kb("cite", "fetch", "DBLP:journals/x/Alpha20")
    assert r.code == 0, r.err
    assert [p.name for p in (kb_root / ".kb" / "cache" / "s2").iterdir()] == ["DBLP%3Ajournals%2Fx%2FAlpha20.json"]
    assert run_kb("rebuild").code == 0
    _doctor_clean()

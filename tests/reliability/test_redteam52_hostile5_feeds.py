"""Red-team round 52, hostile input (fifth pass of this sweep): answers of arXiv, Semantic Scholar and Crossref kb
cannot read, said as what they are, never as "no such paper".

An arXiv feed holding no entry kb can read (100,000 nested elements, an entry inside another element or of another
namespace, a count of results and no entry) was told as "arXiv has no paper ...": now it says what was wrong. A
Semantic Scholar or Crossref answer kb cannot read is said so (nested too deep, no list of papers, no title), and only
their 404 is "not known". Each runs the real client against a local server."""

from __future__ import annotations

import json

import pytest
from httpserver import Reply
from kbrun import run_kb

from kb.errors import NetworkError, NotFound
from kb.sources.net import Unusable

_ATOM = b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
_ENTRY_XML = (b"<entry><id>http://arxiv.org/abs/2401.00001v1</id><title>A Paper</title>"
              b"<published>2024-01-01T00:00:00Z</published><author><name>A Author</name></author></entry>")
UNREADABLE_FEEDS = {
    "100,000 nested elements": (_ATOM + b"<x>" * 100_000 + b"</x>" * 100_000 + b"</feed>", "nested 100,000 deep"),
    "an entry inside another element": (_ATOM + b"<group>" + _ENTRY_XML + b"</group></feed>", "nested 1 element deep"),
    "an entry three elements down": (_ATOM + b"<a><b><c>" + _ENTRY_XML + b"</c></b></a></feed>", "nested 3 elements"),
    "an entry of another namespace": (_ATOM + b'<e:entry xmlns:e="urn:other"><e:title>A Paper</e:title></e:entry>'
                                      b"</feed>", "another namespace (urn:other)"),
    "results counted, no entry": (b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom" '
                                  b'xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">'
                                  b"<opensearch:totalResults>1</opensearch:totalResults></feed>", "holds 1 result"),
}


@pytest.mark.parametrize("feed", UNREADABLE_FEEDS)
def test_a_feed_holding_no_entry_kb_can_read_is_said_so_never_no_such_paper(feed) -> None:
    from kb.sources.arxiv import parse_feed
    body, why = UNREADABLE_FEEDS[feed]
    with pytest.raises(NetworkError) as got:
        parse_feed(body, "2401.00001")
    assert "no entry kb can read for 2401.00001" in got.value.message and why in got.value.message, got.value.message


@pytest.mark.parametrize("body", [_ATOM + b"</feed>", _ATOM + b"<title>arXiv Query</title><id>x</id></feed>",
                                  b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom" '
                                  b'xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">'
                                  b"<opensearch:totalResults>0</opensearch:totalResults></feed>"])
def test_an_empty_feed_is_still_no_such_paper(body) -> None:
    from kb.sources.arxiv import parse_feed
    assert parse_feed(body, "2401.00001") == []


def test_a_feed_with_its_entry_where_atom_puts_it_is_read() -> None:
    from kb.sources.arxiv import parse_feed
    records = parse_feed(_ATOM + _ENTRY_XML + b"</feed>", "2401.00001")
    assert [(r.versioned, r.title) for r in records] == [("2401.00001v1", "A Paper")]


@pytest.mark.parametrize("feed,said", [
    ("100,000 nested elements", "no entry kb can read"),
    ("an entry of another namespace", "no entry kb can read"),
    ("an external entity", "DTD or entity declarations"),
    ("an undeclared entity", "not an Atom feed"),
    ("empty", "arXiv has no paper 2401.00001"),
])
def test_kb_add_says_what_is_wrong_with_the_feed_in_one_line(kb_root, server, feed, said) -> None:
    from fakearxiv import FakeArxiv
    bodies = {name: body for name, (body, _) in UNREADABLE_FEEDS.items()}
    bodies["an external entity"] = (b'<?xml version="1.0"?>\n<!DOCTYPE feed [<!ENTITY t SYSTEM "file:///etc/passwd">]>'
                                    b'\n<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>&t;</title></entry>'
                                    b"</feed>")
    bodies["an undeclared entity"] = _ATOM + _ENTRY_XML.replace(b"A Paper", b"&t;") + b"</feed>"
    bodies["empty"] = _ATOM + b"</feed>"
    FakeArxiv(server).feed("2401.00001", 200, bodies[feed])
    got = run_kb("add", "2401.00001")
    lines = got.err.strip().splitlines()
    assert got.code == 2 and len(lines) == 1 and said in lines[0], got.err
    if feed != "empty":
        assert "has no paper" not in got.err
    assert "Traceback" not in got.err


def _client(tmp_path):
    from kb.sources.net import Client, Settings
    return Client(tmp_path / "state" / "cache" / "http", tmp_path / "state" / "tmp", Settings.from_env())


_DEEP = b"[" * 100_000 + b"]" * 100_000


@pytest.mark.parametrize("body,error,said", [
    (b'{"data": ' + _DEEP + b"}", NetworkError, "nested too deeply"),
    (b'{"data": {"citedPaper": {}}}', Unusable, "no list of papers"),
    (b'{"papers": []}', Unusable, "no list of papers"),
    (_DEEP, NetworkError, "nested too deeply"),
])
def test_a_semantic_scholar_answer_kb_cannot_read_is_said_so_never_not_known(server, tmp_path, body, error, said):
    from kb.sources import s2
    server.routes["*"] = Reply(200, body, {"Content-Type": "application/json"})
    with pytest.raises(error) as got:
        s2._fetch_list(_client(tmp_path), "arXiv:2401.00001", "references")
    assert said in got.value.message and not isinstance(got.value, NotFound), got.value.message


def test_semantic_scholar_404_is_still_not_known(server, tmp_path) -> None:
    from kb.sources import s2
    server.routes["*"] = Reply(404, b'{"error": "Paper not found"}', {"Content-Type": "application/json"})
    with pytest.raises(NotFound):
        s2._fetch_list(_client(tmp_path), "arXiv:2401.00001", "references")


@pytest.mark.parametrize("body,error,said", [
    (b'{"message": ' + _DEEP + b"}", NetworkError, "nested too deeply"),
    (b'{"status": "ok", "message": []}', Unusable, "unexpected answer"),
    (json.dumps({"status": "ok", "message": {"DOI": "10.1/x", "title": [{"a": 1}]}}).encode(), Unusable,
     "no title kb can read"),
    (json.dumps({"status": "ok", "message": {"DOI": "10.1/x", "title": ["<i> </i>"]}}).encode(), Unusable,
     "no title kb can read"),
])
def test_a_crossref_record_kb_cannot_read_is_said_so_never_unknown(server, tmp_path, body, error, said) -> None:
    from kb.sources import doi
    server.routes["/crossref/works/10.1/x"] = Reply(200, body, {"Content-Type": "application/json"})
    with pytest.raises(error) as got:
        doi.fetch_crossref(_client(tmp_path), "10.1/x")
    assert said in got.value.message and not isinstance(got.value, NotFound), got.value.message


@pytest.mark.parametrize("feed", ["100,000 nested elements", "an entry inside another element"])
def test_a_feed_kb_cannot_read_is_never_kept_so_the_next_try_reads_the_paper(kb_root, server, feed) -> None:
    from fakearxiv import FakeArxiv
    from pdfgen import make_pdf
    fake = FakeArxiv(server)
    fake.feed("2401.00001", 200, UNREADABLE_FEEDS[feed][0])
    got = run_kb("add", "2401.00001")
    assert got.code == 2 and "no entry kb can read" in got.err, got.err
    del fake.raw_feeds["2401.00001"]
    fake.add("2401.00001", {1: make_pdf(["A paper about energy"])}, "A Paper", ["A Author"])
    got = run_kb("add", "2401.00001")
    assert got.code == 0, got.err

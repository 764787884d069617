"""Red-team sweep 42 (the world's side): answers from servers that misbehave, run through kb's real
HTTP client against a local server, and files that are not what a command was given them as."""

from __future__ import annotations

import errno
import io
import json
import os
import subprocess
import sys

import pytest
from fakearxiv import atom_entry, atom_feed
from fakeclock import FakeClock
from httpserver import Reply
from kbrun import run_kb
from pdfgen import make_pdf

from kb.errors import NetworkError, UsageError
from kb.sources import arxiv, doi, net, s2
from kb.sources.metadata import from_arxiv
from kb.sources.net import Client, Settings, Unusable
from kb.text.ids import parse_arxiv

BIB = "@article{x,\n  title = {Caf\u00e9 of the K\u00fcste},\n  author = {M\u00fcller, J\u00fcrgen},\n  year = {2020},\n}\n"


def client(tmp_path) -> Client:
    return Client(tmp_path / "cache", tmp_path / "tmp", Settings.from_env())


@pytest.mark.parametrize("content_type, title", [
    ("application/x-bibtex; charset=ISO-8859-1", "Caf\u00e9 of the K\u00fcste"),
    ('application/x-bibtex;charset="windows-1252"', "Caf\u00e9 of the K\u00fcste"),
    ("application/x-bibtex", None),                 # no charset, not UTF-8: refused, Crossref asked
])
def test_a_bibtex_answer_not_in_utf8_is_read_in_its_charset_or_refused_never_stored_as_replacement_marks(
        server, tmp_path, content_type, title):
    """doi.org's BibTeX sent in Latin-1 was read as UTF-8 with each byte not UTF-8 a U+FFFD, and filed so:
    'title = {Caf\ufffd of the K\ufffdste}' in references.bib. Read in the charset the answer names; naming
    none, it is no answer kb can use. Asked again within the week, the cached copy is the same bytes."""
    server.routes["/doi/10.1000/x1"] = Reply(200, BIB.encode("latin-1"), {"Content-Type": content_type})
    c = client(tmp_path)
    if title is None:
        with pytest.raises(Unusable) as err:
            doi.fetch_bibtex(c, "10.1000/x1")
        assert "not UTF-8" in err.value.message and "\ufffd" not in err.value.message
        return
    for _ in range(2):              # the answer, then the cached answer
        meta = doi.fetch_bibtex(c, "10.1000/x1")
        assert (meta.title, meta.authors) == (title, ["M\u00fcller, J\u00fcrgen"])
    assert len(server.requests) == 1


def test_a_feed_in_another_encoding_reads_the_same_from_the_cache(server, tmp_path):
    """An Atom feed declaring ISO-8859-1 was cached as UTF-8 with U+FFFD for each byte not UTF-8: the next
    add within the day filed the title as 'Caf\u00ef\u00bf\u00bd \u00fcber'."""
    feed = atom_feed([atom_entry("2301.00051", 1, "Caf\u00e9 \u00fcber", ["Ann Author"])]).decode()
    server.routes["/api/query"] = Reply(200, feed.replace("encoding='UTF-8'", "encoding='ISO-8859-1'")
                                        .encode("latin-1"), {"Content-Type": "application/atom+xml"})
    c = client(tmp_path)
    titles = [arxiv.fetch_metadata(c, parse_arxiv("2301.00051")).title for _ in range(2)]
    assert titles == ["Caf\u00e9 \u00fcber"] * 2 and len(server.requests) == 1


@pytest.mark.parametrize("body, said", [
    (b"", "sent 0 bytes (application/atom+xml) instead of an Atom feed"),
    (b"<!DOCTYPE html><html><body>Down for maintenance</body></html>",
     "sent an HTML page (application/atom+xml) instead of an Atom feed"),
    (b"\xef\xbb\xbf" + atom_feed([atom_entry("2301.00050", 1, "A title", ["Ann Author"])]), None),
])
def test_an_arxiv_answer_is_said_by_what_came_and_a_feed_after_a_byte_order_mark_is_read(server, tmp_path, body, said):
    """An empty answer or an HTML page sent as a feed was said by its content type alone ('sent
    application/atom+xml instead of an Atom feed'); a feed after a UTF-8 byte-order mark, which XML
    allows, was refused in the same words."""
    server.routes["/api/query"] = Reply(200, body, {"Content-Type": "application/atom+xml"})
    if said is None:
        assert arxiv.fetch_metadata(client(tmp_path), parse_arxiv("2301.00050")).title == "A title"
        return
    with pytest.raises(NetworkError) as err:
        arxiv.fetch_metadata(client(tmp_path), parse_arxiv("2301.00050"))
    assert said in err.value.message, err.value.message


@pytest.mark.parametrize("body, said", [
    (b'{"message": {"title": ["T"], "volume": ' + b"9" * 5000 + b"}}", "a number too long to read"),
    ('{"message": {"title": ["Caf\u00e9"]}}'.encode("latin-1"), "text that is not UTF-8"),
])
def test_json_python_cannot_hold_is_said_so_never_json_instead_of_json(server, tmp_path, body, said):
    """A JSON answer holding a number of 5,000 digits, or Latin-1 bytes, was 'sent JSON (application/json)
    instead of JSON'."""
    server.routes["/crossref/works/10.1000/x2"] = Reply(200, body, {"Content-Type": "application/json"})
    with pytest.raises(NetworkError) as err:
        doi.fetch_crossref(client(tmp_path), "10.1000/x2")
    assert f"sent JSON kb cannot read: {said}" in err.value.message, err.value.message


@pytest.mark.parametrize("there, said", [
    ("/busy", "answered HTTP 503 (gave up after 3 attempts)"),
    (None, "connection refused"),
])
def test_a_failure_where_a_redirect_sent_kb_names_that_host(server, tmp_path, monkeypatch, there, said):
    """A redirect to another host that refused the connection or answered 503 was said as the host asked
    ('127.0.0.1:PORT: connection refused ... is the server up?', of a server that was up)."""
    monkeypatch.setattr(net, "time", FakeClock())
    port = server.httpd.server_address[1]
    target = f"http://localhost:{port}/busy" if there else "http://localhost:9/gone"
    server.routes["/x"] = Reply(302, b"", {"Location": target})
    server.routes["/busy"] = Reply(503, b"busy")
    with pytest.raises(NetworkError) as err:
        client(tmp_path).get(server.url + "/x")
    elsewhere = f"localhost:{port if there else 9} (where 127.0.0.1:{port} redirected kb)"
    assert err.value.message.startswith(f"{elsewhere}{' ' if there else ': '}{said}"), err.value.message


def test_a_list_semantic_scholar_pages_past_kbs_limit_is_said_cut_never_whole(server, tmp_path, monkeypatch):
    """A list that still offered a next page at kb's limit (10,000 papers; a paper cited more often, or a
    server paging forever) was merged and told as the whole list, in silence."""
    monkeypatch.setattr(s2, "MAX_ITEMS", 250)

    def page(seen):
        offset = int(seen.query["offset"][0])
        field = "citedPaper" if seen.path.endswith("references") else "citingPaper"
        return Reply(200, json.dumps({"offset": offset, "next": offset + 100, "data": [
            {field: {"paperId": f"p{offset + i}", "title": f"T {offset + i}"}} for i in range(100)]}).encode(),
            {"Content-Type": "application/json"})
    server.routes["*"] = page
    data = s2.fetch(client(tmp_path), "2301.00001", None)
    assert (len(data["references"]), data["cut"]) == (300, {"references": 300, "citations": 300})
    assert s2.cut_said(data["cut"]).startswith("read the first 300 citing papers and the first 300 references")
    assert s2.cut_said({}) is None


@pytest.mark.parametrize("name, data, kind", [
    ("paper.pdf", make_pdf(["Wind Farms of the Coast"]), "a PDF"),
    ("paper.pdf", b"<!DOCTYPE html>\n<html><body><form>Sign in</form></body></html>", "an HTML page"),
    ("pages.txt", b"PK\x03\x04" + bytes(60), "a ZIP archive"),
])
def test_text_load_of_a_file_that_is_no_page_text_is_refused_naming_what_it_is(kb_root, tmp_path, name, data, kind):
    """kb text load read a saved sign-in page (paper.pdf holding HTML) as the paper's text, markup and all,
    and a ZIP archive as text (its NUL bytes are UTF-8); a real PDF was 'paper.pdf:2: is not UTF-8'."""
    (kb_root / "references.bib").write_text("@misc{wind2020,\n  title = {Wind Farms of the Coast},\n"
                                            "  year = {2020},\n}\n")
    (tmp_path / name).write_bytes(data)
    r = run_kb("text", "load", "wind2020", tmp_path / name)
    assert r.code == 2 and r.err.count("\n") == 1 and f"{name}: is {kind}, not page text: nothing loaded" in r.err, r.err
    assert run_kb("text", "show", "wind2020").code == 2


@pytest.mark.parametrize("given", ["not a doi at all", "n/a"])
def test_a_doi_an_arxiv_or_crossref_record_gives_that_is_no_doi_is_never_filed_as_one(server, tmp_path, given):
    """arXiv's feed or Crossref's message whose DOI is no DOI ('not a doi at all') had it filed as the
    paper's: doi = {not a doi at all} in references.bib."""
    server.routes["/api/query"] = Reply(200, atom_feed([atom_entry("2301.00060", 1, "Wind", ["Ann Author"], doi=given)]),
                                        {"Content-Type": "application/atom+xml"})
    server.routes["/crossref/works/10.1000/y1"] = Reply(200, json.dumps(
        {"message": {"title": ["Wind"], "DOI": given}}).encode(), {"Content-Type": "application/json"})
    c = client(tmp_path)
    assert from_arxiv(arxiv.fetch_metadata(c, parse_arxiv("2301.00060"))).doi is None
    assert doi.fetch_crossref(c, "10.1000/y1").doi is None


@pytest.mark.parametrize("titles, kept", [(["", "Wind farms"], "Wind farms"), (["  ", "Wind", "Farms"], "Wind")])
def test_a_crossref_title_list_opening_with_a_blank_one_files_the_title_it_holds(server, tmp_path, titles, kept):
    """Crossref's title ["", "Wind farms"] passed the check that a title is there, and the paper was filed
    with none (its first, empty), its key 'anonnd'."""
    server.routes["/crossref/works/10.1000/y2"] = Reply(200, json.dumps(
        {"message": {"title": titles, "container-title": ["", "Wind Journal"], "type": "journal-article"}}).encode(),
        {"Content-Type": "application/json"})
    meta = doi.fetch_crossref(client(tmp_path), "10.1000/y2")
    assert (meta.title, meta.venue) == (kept, "Wind Journal")


@pytest.mark.parametrize("proxy, said", [
    ("http://127.0.0.1:9", "through a proxy: the proxy 'http://127.0.0.1:9' (HTTP_PROXY) refused the connection"),
    ("socks5://127.0.0.1:9", "the proxy 'socks5://127.0.0.1:9' set in HTTP_PROXY is no proxy kb can use"),
    ("http://[::1", "the proxy 'http://[::1' set in HTTP_PROXY is no proxy kb can use"),
])
def test_a_proxy_the_environment_names_that_fails_is_said_as_the_proxy(server, tmp_path, monkeypatch, proxy, said):
    """HTTP_PROXY naming a proxy that refused, or one kb cannot use, was said as the server asked failing
    ('127.0.0.1:PORT: connection refused ... is the server up?', 'invalid URL http://127.0.0.1:PORT/x',
    '127.0.0.1:PORT: InvalidSchema'), the variable named nowhere."""
    monkeypatch.setattr(net, "time", FakeClock())
    for name in ("http_proxy", "all_proxy", "ALL_PROXY", "no_proxy", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", proxy)
    with pytest.raises(NetworkError) as err:
        client(tmp_path).get(server.url + "/x")
    assert said in err.value.message and not server.requests, err.value.message


@pytest.mark.parametrize("name, value", [("KB_ARXIV_DELAY", "1e308"), ("KB_CONNECT_TIMEOUT", "1e300")])
def test_a_wait_setting_no_clock_holds_is_refused_in_one_line_never_an_internal_error(server, tmp_path, monkeypatch,
                                                                                     name, value):
    """KB_ARXIV_DELAY=1e308 or KB_CONNECT_TIMEOUT=1e300 (finite, so taken) was an internal error at the first
    request: OverflowError, timestamp out of range for platform time_t."""
    server.routes["/x"] = Reply(200, b"ok")
    monkeypatch.setenv(name, value)
    with pytest.raises(UsageError) as err:
        client(tmp_path).get(server.url + "/x", service="arxiv")
    assert err.value.message == f"{name}={value!r} is not a number of seconds, bytes or times kb can use"


def test_a_feed_answering_another_version_than_the_one_asked_is_refused(server, tmp_path):
    """Asked for 2301.00080v2, a feed giving v1 (a mirror's or a proxy's stale answer) was filed as v1:
    'added author2023t v1', where the person had asked for v2."""
    server.routes["/api/query"] = Reply(200, atom_feed([atom_entry("2301.00080", 1, "Wind", ["Ann Author"])]),
                                        {"Content-Type": "application/atom+xml"})
    with pytest.raises(NetworkError) as err:
        arxiv.fetch_metadata(client(tmp_path), parse_arxiv("2301.00080v2"))
    assert err.value.message == "asked arXiv for 2301.00080v2, got 2301.00080v1"
    assert arxiv.fetch_metadata(client(tmp_path), parse_arxiv("2301.00080")).version == 1


class _Full(io.StringIO):
    def write(self, text):
        raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("args", [["ls"], ["ls", "--json"], ["tag", "wind2020", "hot"]])
def test_output_to_a_full_disk_is_said_as_the_commands_output_never_the_index(kb_root, args):
    """kb ls > /dev/full (a full disk, a quota) said 'cannot write: no space left on device; what was written
    before is kept, and the next kb command after space is freed brings the index up to date', of a
    knowledge base it had not written to; a write kb made is kept."""
    from kb.cli.app import main

    (kb_root / "references.bib").write_text("@misc{wind2020,\n  title = {Wind Farms of the Coast},\n  year = {2020},\n}\n")
    err = io.StringIO()
    code = main(args, stdout=_Full(), stderr=err)
    assert code == 2 and err.getvalue() == ("kb: error: cannot write the command's output (standard output): no space "
                                            "left on device; what it wrote to the knowledge base, if anything, is kept\n")
    assert run_kb("tag", "wind2020").out.strip() == ("wind2020: hot" if "tag" in args else "wind2020: (no tags)")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
@pytest.mark.parametrize("unbuffered", ["1", None])
def test_a_process_whose_output_goes_to_a_full_disk_says_one_line_and_no_traceback(kb_root, unbuffered):
    """`kb where > /dev/full`, `kb export bib > /dev/full`: with standard output buffered (no
    PYTHONUNBUFFERED), the last flush at exit failed after kb had said the error, or with nothing said:
    a traceback, 'Exception ignored', exit 120."""
    (kb_root / "references.bib").write_text("@misc{wind2020,\n  title = {Wind Farms of the Coast},\n  year = {2020},\n}\n")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = unbuffered
    for args in (["where"], ["export", "bib"]):
        with open("/dev/full", "w") as full:
            r = subprocess.run([sys.executable, "-m", "kb", *args], stdout=full, stderr=subprocess.PIPE, text=True,
                               env=env, timeout=60)
        lines = [line for line in r.stderr.splitlines() if line.startswith("kb: error")]
        assert r.returncode == 2 and "Traceback" not in r.stderr and "Exception ignored" not in r.stderr, r.stderr
        assert lines == ["kb: error: cannot write the command's output (standard output): no space left on device; "
                         "what it wrote to the knowledge base, if anything, is kept"], r.stderr

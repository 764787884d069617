"""kb against servers that misbehave on purpose, and settings at their edges: an arXiv feed with entities,
two entries, another id's entry, a megabyte of title; a PDF endpoint answering a captcha page, lying in its
Content-Length, sending a gzip bomb, redirecting in a loop, to file:// or to a private address; Retry-After of
ten years or in the past; 503 for ever; a server dripping a byte a second; Crossref JSON of the wrong types;
doi.org BibTeX of LaTeX bombs; Semantic Scholar pages of 100,000 papers. Each ends in one line (exit 2 where
nothing is filed), never a traceback, never a hang, never a half-download kept."""

from __future__ import annotations

import gzip
import json

import pytest
from fakearxiv import FakeArxiv, atom_entry, atom_feed
from httpserver import Reply
from kbrun import run_kb
from pdfgen import make_pdf

PDF = make_pdf(["A paper about energy"])
AID = "2401.00001"
ATOM = {"Content-Type": "application/atom+xml"}
JSON = {"Content-Type": "application/json"}


def _one_error(r, *said: str) -> None:
    assert r.code == 2, (r.code, r.err)
    assert r.err.startswith("kb: error: ") and r.err.count("\n") == 1, r.err
    assert "Traceback" not in r.err
    for words in said:
        assert words in r.err, r.err


def _nothing_filed(kb_root) -> None:
    assert (kb_root / "references.bib").read_text() == ""
    assert run_kb("ls", "--json").json == []
    sources = kb_root / ".kb" / "cache" / "sources"
    assert not sources.exists() or not list(sources.glob("*.pdf"))


def _paper(server) -> FakeArxiv:
    fake = FakeArxiv(server)
    fake.add(AID, {1: PDF}, "A Paper", ["A Author"])
    return fake


# -- the arXiv feed ------------------------------------------------------------------------------------------------

_OK = atom_entry(AID, 1, "A Paper", ["A Author"])
_LAUGHS = ('<!DOCTYPE feed [<!ENTITY a "aaaaaaaaaa">'
           + "".join(f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(8)) + "]>")

FEEDS = {
    "billion laughs": (atom_feed([_OK.replace("A Paper", "&i;")]).replace(b"?>", b"?>" + _LAUGHS.encode(), 1),
                       "DTD or entity declarations"),
    "an internal entity": (atom_feed([_OK.replace("A Paper", "&t;")]).replace(
        b"?>", b'?><!DOCTYPE feed [<!ENTITY t "Tricked">]>', 1), "DTD or entity declarations"),
    "another id's entry": (atom_feed([atom_entry("2401.99999", 1, "Other", ["B Author"])]),
                           "asked arXiv for 2401.00001, got 2401.99999v1"),
    "a title of a megabyte": (atom_feed([atom_entry(AID, 1, "Energy " * 150_000, ["A Author"])]),
                              "has a title of 1,049,999 characters"),
    "an entry of no title": (atom_feed([_OK.replace("<title>A Paper</title>", "")]), "has no title kb can read"),
    "a control character": (atom_feed([_OK.replace("A Paper", "A\x1bPaper")]), "not an Atom feed"),
    "a character reference to NUL": (atom_feed([_OK.replace("A Paper", "A&#0;Paper")]), "not an Atom feed"),
    "UTF-16": (atom_feed([_OK]).decode().replace("UTF-8", "UTF-16").encode("utf-16"), "instead of an Atom feed"),
    "an HTML page": (b"<!DOCTYPE html><html><title>Just a moment...</title></html>", "instead of an Atom feed"),
}


@pytest.mark.parametrize("feed", list(FEEDS))
def test_an_arxiv_feed_kb_cannot_use_is_one_line_and_files_nothing(kb_root, server, feed):
    _paper(server)
    body, said = FEEDS[feed]
    server.routes["/api/query"] = Reply(200, body, ATOM)
    _one_error(run_kb("add", AID), said)
    _nothing_filed(kb_root)


def test_a_feed_that_is_a_gzip_bomb_is_stopped_at_its_limit(kb_root, server):
    _paper(server)
    server.routes["/api/query"] = Reply(200, gzip.compress(b" " * 40_000_000, 9), {**ATOM, "Content-Encoding": "gzip"})
    _one_error(run_kb("add", AID), "over 16 MB once decompressed", "nothing was kept")
    _nothing_filed(kb_root)


def test_two_unlike_entries_for_the_paper_asked_are_refused_never_the_first_filed(kb_root, server):
    """A feed of two entries for 2401.00001v1, 'A Paper' and 'A Different Title', filed the first in silence."""
    fake = _paper(server)
    fake.feed(AID, 200, atom_feed([_OK, atom_entry(AID, 1, "A Different Title", ["B Author"])]))
    _one_error(run_kb("add", AID), "the arXiv API sent 2 different entries for 2401.00001",
               "'A Different Title'", "kb cannot tell which is the paper's; nothing filed")
    _nothing_filed(kb_root)
    del fake.raw_feeds[AID]        # never kept: the next try reads arXiv's answer
    r = run_kb("add", AID)
    assert r.code == 0, r.err
    assert [p["title"] for p in run_kb("ls", "--json").json] == ["A Paper"]


def test_an_entry_repeated_alike_or_beside_another_papers_is_still_the_paper(kb_root, server):
    fake = _paper(server)
    fake.feed(AID, 200, atom_feed([atom_entry("2401.99999", 1, "Other", ["B Author"]), _OK, _OK]))
    r = run_kb("add", AID)
    assert r.code == 0, r.err
    assert [p["title"] for p in run_kb("ls", "--json").json] == ["A Paper"]


def test_a_version_arxiv_has_not_is_no_such_paper_and_another_version_is_refused(kb_root, server):
    fake = _paper(server)
    _one_error(run_kb("add", AID + "v7"), "arXiv has no paper 2401.00001v7")
    fake.feed(AID + "v8", 200, atom_feed([_OK]))
    _one_error(run_kb("add", AID + "v8"), "asked arXiv for 2401.00001v8, got 2401.00001v1")
    _nothing_filed(kb_root)


# -- the PDF -------------------------------------------------------------------------------------------------------

PDFS = {
    "a captcha page": (Reply(200, b"<!DOCTYPE html><html><title>Just a moment...</title><form>captcha</form></html>",
                             {"Content-Type": "text/html"}), "sent an HTML page (text/html) instead of a PDF"),
    "a captcha page called a PDF": (Reply(200, b"<html><body>Are you a robot?</body></html>",
                                          {"Content-Type": "application/pdf"}), "sent an HTML page (application/pdf)"),
    "a Content-Length too short": (Reply(200, PDF, {"Content-Length": str(len(PDF) // 2)}), "cut off"),
    "a Content-Length of -1": (Reply(200, PDF, {"Content-Length": "-1"}), "which is not one size in bytes"),
    "two Content-Lengths": (Reply(200, PDF, {"Content-Length": f"{len(PDF)}, {len(PDF) + 1}"}),
                            "a header kb cannot read"),
    "a gzip bomb": (Reply(200, gzip.compress(b"%PDF-1.4\n" + b"\0" * 30_000_000, 9),
                          {"Content-Encoding": "gzip", "Content-Type": "application/pdf"}), "over the limit"),
    "deflate that is not": (Reply(200, PDF, {"Content-Encoding": "deflate"}), "deflate encoding is broken"),
    "brotli": (Reply(200, PDF, {"Content-Encoding": "br"}), "compressed as 'br', which kb cannot undo"),
    "a redirect to file://": (Reply(302, b"", {"Location": "file:///etc/passwd"}),
                              "which kb does not follow: it asks http and https addresses only"),
    "a redirect to ftp://": (Reply(301, b"", {"Location": "ftp://127.0.0.1/x.pdf"}), "it asks http and https"),
    "a redirect loop": (Reply(302, b"", {"Location": "/pdf/loop"}), "too many redirects"),
    "a redirect of no Location": (Reply(302, b""), "answered HTTP 302"),
    "429 for ten years": (Reply(429, b"slow down", {"Retry-After": "1000000000"}), "more than ten years"),
    "429 for ever": (Reply(429, b"slow down", {"Retry-After": "inf"}), "over kb's limit of 120 s"),
    "429 until a past date": (Reply(429, b"", {"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}),
                              "answered HTTP 429 (gave up after 3 attempts)"),
    "429 for -5 s": (Reply(429, b"", {"Retry-After": "-5"}), "answered HTTP 429 (gave up after 3 attempts)"),
    "503 for ever": (Reply(503, b"busy"), "answered HTTP 503 (gave up after 3 attempts)"),
    "one byte a second": (Reply(200, PDF, trickle=1.0), "download too slow"),
    "nothing": (Reply(200, b"", {"Content-Type": "application/pdf"}), "sent 0 bytes"),
    "HTTP 999": (Reply(999, b"?"), "answered HTTP 999"),
    "HTTP 204": (Reply(204, b""), "answered HTTP 204"),
}


@pytest.mark.parametrize("fault", list(PDFS))
def test_a_pdf_answer_kb_cannot_use_is_one_line_bounded_and_keeps_nothing(kb_root, server, monkeypatch, fault):
    _paper(server)
    reply, said = PDFS[fault]
    inner = server.routes["*"]
    server.routes["*"] = lambda seen: reply if seen.path.startswith("/pdf/") else inner(seen)
    monkeypatch.setenv("KB_TOTAL_TIMEOUT", "2")
    monkeypatch.setenv("KB_MAX_DOWNLOAD_MB", "5")
    _one_error(run_kb("add", AID), said)
    _nothing_filed(kb_root)
    asked = sum(1 for seen in server.requests if seen.path.startswith("/pdf/"))
    assert asked <= 6, asked            # retries bounded (KB_RETRIES = 2 here), a loop cut at kb's redirect limit


@pytest.mark.parametrize("location, kind", [
    ("http://169.254.169.254/latest/meta-data/", "a link-local address"),
    ("http://[fe80::1]/x", "a link-local address"),
    ("http://10.0.0.1/x.pdf", "a private network's address"),
    ("http://192.168.1.1/x.pdf", "a private network's address"),
    ("http://0.0.0.0:9/x.pdf", "a reserved address"),
    ("http://169.254.43518/latest/", "a link-local address"),             # 169.254.169.254, as resolvers read it
    ("http://0251.0376.0251.0376/latest/", "a link-local address"),
])
def test_a_redirect_to_another_hosts_private_address_is_never_followed(kb_root, server, location, kind):
    """A PDF endpoint redirecting to 169.254.169.254 (a cloud's metadata service) was followed: kb asked it."""
    _paper(server)
    inner = server.routes["*"]
    server.routes["*"] = lambda seen: Reply(302, b"", {"Location": location}) if seen.path.startswith("/pdf/") \
        else inner(seen)
    _one_error(run_kb("add", AID), f"redirected kb to '{location}', {kind}, which kb does not follow")
    _nothing_filed(kb_root)


def test_a_redirect_from_public_to_loopback_is_refused_and_within_one_machine_is_followed():
    from types import SimpleNamespace

    from kb.errors import NetworkError
    from kb.sources.net import _refuse_odd_redirect

    def hop(url, location):
        return SimpleNamespace(is_redirect=True, url=url, headers={"location": location}, close=lambda: None)

    for location in ("http://127.0.0.1:8080/admin", "http://2130706433/admin", "http://0x7f.1/admin",
                     "http://[::ffff:127.0.0.1]/admin", "http://localhost/admin"):
        with pytest.raises(NetworkError) as err:
            _refuse_odd_redirect(hop("https://93.184.216.34/pdf/x", location))
        assert "an address of this machine" in err.value.message
    for url, location in [("http://127.0.0.1:1/a", "http://localhost:2/b"), ("http://10.0.0.1/a", "http://10.0.0.2/b"),
                          ("https://arxiv.org/pdf/x", "https://export.arxiv.org/pdf/x"),
                          ("https://arxiv.org/pdf/x", "/pdf/xv2")]:
        assert _refuse_odd_redirect(hop(url, location)).url == url


# -- Crossref's JSON and doi.org's BibTeX --------------------------------------------------------------------------

def _crossref(server, message: dict) -> None:
    server.routes["/doi/10.5555/x.1"] = Reply(406, b"no bibtex", {"Content-Type": "text/plain"})
    server.routes["/crossref/works/10.5555/x.1"] = Reply(200, json.dumps({"status": "ok", "message": message}).encode(),
                                                         JSON)


@pytest.mark.parametrize("title", [42, [42], {"a": "Wind"}, [None], True])
def test_a_crossref_title_that_is_no_text_is_refused(kb_root, server, title):
    _crossref(server, {"DOI": "10.5555/x.1", "title": title, "author": [{"family": "Doe", "given": "J"}]})
    _one_error(run_kb("add", "doi:10.5555/x.1"), "Crossref's record of 10.5555/x.1 has no title kb can read")
    _nothing_filed(kb_root)


@pytest.mark.parametrize("field, value, said", [
    ("author", "Jane Doe", "kb cannot read its authors (a string, not a list of names)"),
    ("author", {"family": "Doe"}, "kb cannot read its authors (an object, not a list of names)"),
    ("author", ["Jane Doe"], "kb cannot read 1 of its 1 authors (not a name)"),
    ("author", [{"family": 7, "given": ["J"]}, {"family": "Roe"}], "kb cannot read 1 of its 2 authors (not a name)"),
    ("issued", "2020", "kb cannot read its date (issued: no year)"),
    ("issued", {"date-parts": [["x", None]]}, "kb cannot read its date (issued: no year)"),
    ("issued", {"date-parts": [[10 ** 30, 13]]}, "kb cannot read its date (issued: no year)"),
])
def test_crossref_fields_of_the_wrong_type_are_said_never_dropped_in_silence(kb_root, server, field, value, said):
    """An author list that was one string was filed as a paper of no author ('anonndwind'), in silence."""
    _crossref(server, {"DOI": "10.5555/x.1", "title": ["Wind"], field: value})
    r = run_kb("add", "doi:10.5555/x.1")
    assert r.code == 0 and "Traceback" not in r.err, r.err
    assert f"Crossref's record of 10.5555/x.1: {said}; filed without them" in r.err, r.err
    [paper] = run_kb("ls", "--json").json
    assert paper["title"] == "Wind"


def test_a_crossref_record_kb_reads_whole_says_nothing_of_it(kb_root, server):
    _crossref(server, {"DOI": "10.5555/x.1", "title": ["Wind"], "author": [{"family": "Doe", "given": "Jane"}],
                       "issued": {"date-parts": [[2020]]}})
    r = run_kb("add", "doi:10.5555/x.1")
    assert r.code == 0 and "cannot read" not in r.err, r.err


@pytest.mark.parametrize("title", [
    "\\def\\a{\\a\\a}\\a", "\\newcommand{\\x}{\\x\\x}\\x", "\\input{/etc/passwd}",
])
def test_doi_bibtex_of_latex_macros_is_filed_as_text_never_run(kb_root, server, title):
    bib = ("@article{x,\n  title = {" + title + "},\n  author = {Doe, Jane},\n  year = {2020},\n"
           "  doi = {10.5555/x.1},\n}\n").encode()
    server.routes["/doi/10.5555/x.1"] = Reply(200, bib, {"Content-Type": "application/x-bibtex"})
    server.routes["/crossref/works/10.5555/x.1"] = Reply(404, b"{}", JSON)
    r = run_kb("add", "doi:10.5555/x.1")
    assert r.code == 0 and "Traceback" not in r.err, r.err
    assert "\\textbackslash{}" in (kb_root / "references.bib").read_text()


@pytest.mark.parametrize("title", [
    "{" * 50_000 + "x" + "}" * 50_000, "\\expandafter" * 100_000 + "x", "$" + "^{" * 20_000 + "x" + "}" * 20_000 + "$",
])
def test_doi_bibtex_bombs_are_refused_in_one_line(kb_root, server, title):
    bib = ("@article{x,\n  title = {" + title + "},\n  author = {Doe, Jane},\n  year = {2020},\n"
           "  doi = {10.5555/x.1},\n}\n").encode()
    server.routes["/doi/10.5555/x.1"] = Reply(200, bib, {"Content-Type": "application/x-bibtex"})
    server.routes["/crossref/works/10.5555/x.1"] = Reply(404, b"{}", JSON)
    _one_error(run_kb("add", "doi:10.5555/x.1"), "longer than any paper's")
    _nothing_filed(kb_root)


# -- Semantic Scholar ----------------------------------------------------------------------------------------------

def _cite_fetch(kb_root, server, reply):
    _paper(server)
    assert run_kb("add", AID).code == 0
    [paper] = run_kb("ls", "--json").json
    inner = server.routes["*"]
    server.routes["*"] = lambda seen: reply if seen.path.startswith("/s2") else inner(seen)
    return run_kb("cite", "fetch", paper["citekey"])


def test_a_semantic_scholar_page_of_100000_references_is_read_to_what_was_asked_and_said(kb_root, server):
    data = {"data": [{"citedPaper": {"paperId": f"p{i}", "title": f"T{i}", "year": 2020}} for i in range(100_000)]}
    r = _cite_fetch(kb_root, server, Reply(200, json.dumps(data).encode(), JSON))
    assert r.code == 0 and "Traceback" not in r.err, r.err
    assert "100 references" in r.out and "stopped there" in r.err, (r.out, r.err)


@pytest.mark.parametrize("reply, said", [
    (Reply(429, b"{}", {"Retry-After": "0"}), "answered HTTP 429 (gave up after 3 attempts)"),
    (Reply(200, b"<html>captcha</html>", {"Content-Type": "text/html"}), "sent an HTML page (text/html) instead of JSON"),
])
def test_semantic_scholar_refusing_is_one_line(kb_root, server, reply, said):
    _one_error(_cite_fetch(kb_root, server, reply), said)


@pytest.mark.parametrize("body", [
    {"data": [{"citedPaper": {"paperId": 1, "title": 5, "year": "x", "authors": "me"}}]},
    {"data": [], "next": "1e309"},
    {"data": [{"citedPaper": {"paperId": "p", "title": "T"}}], "next": 0},
])
def test_semantic_scholar_json_of_the_wrong_types_never_crashes(kb_root, server, body):
    r = _cite_fetch(kb_root, server, Reply(200, json.dumps(body).encode(), JSON))
    assert r.code == 0 and "Traceback" not in r.err, r.err


# -- settings at their edges ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["1e-300", "5e-324", "1e-07"])
def test_a_time_limit_under_a_microsecond_is_refused_as_kb_toml_is_checked(kb_root, value):
    """max_extract_seconds = 1e-300 passed 'above 0': every PDF was 'extracting its text took over 1e-300 s'."""
    toml = kb_root / "kb.toml"
    text = toml.read_text()
    assert "max_extract_seconds = 120" in text
    toml.write_text(text.replace("max_extract_seconds = 120", f"max_extract_seconds = {value}"))
    r = run_kb("check")
    _one_error(r, f"limit max_extract_seconds = {value} is under a microsecond", "it must be at least 1e-06")
    assert "kb.toml:" in r.err


def test_a_time_limit_under_a_microsecond_in_the_environment_is_refused(kb_root, server, monkeypatch):
    _paper(server)
    monkeypatch.setenv("KB_MAX_EXTRACT_SECONDS", "1e-300")
    _one_error(run_kb("add", AID), "limit max_extract_seconds = '1e-300' is under a microsecond", "KB_MAX_EXTRACT_SECONDS")
    toml = kb_root / "kb.toml"
    monkeypatch.delenv("KB_MAX_EXTRACT_SECONDS")
    toml.write_text(toml.read_text().replace("max_extract_seconds = 120", "max_extract_seconds = 0.5"))
    assert run_kb("check").code == 0          # a short limit that is one still stands


@pytest.mark.parametrize("expr, end", [
    ("2 kWh * 1e300 * 1e300", "its lower end overflows"),
    ("1e300 kWh - -1e300 kWh * 1e10", "its lower end overflows"),
])
def test_a_check_that_overflows_says_so_in_words_not_kbs_field_names(kb_root, expr, end):
    (kb_root / "claims" / "checks.toml").write_text(f'[[check]]\nid = "c"\nexpr = "{expr}"\nstated = "1 kWh"\n')
    r = run_kb("check")
    assert r.code == 1 and "Traceback" not in r.err, r.err
    assert f"figure out of range: {end} past ±1.8e+308, the largest number kb computes with" in r.out, r.out
    assert "lo = " not in r.out and "inf" not in r.out


def test_a_claims_file_name_that_is_not_utf8_is_shown_one_way_by_every_command(kb_root):
    """kb check said 'claims/a\\udcff.toml' where kb doctor said 'claims/a\\xff.toml'."""
    import os
    claims = os.fsencode(kb_root / "claims")
    with open(claims + b"/a\xff.toml", "w") as f:
        f.write('[[check]]\nid = "c"\nexpr = "2 kWh"\nstated = "2 kWh"\n')
    os.mkdir(claims + b"/s\xfe")
    with open(claims + b"/s\xfe/b.toml", "w") as f:
        f.write('[[check]]\nid = "d"\nexpr = "2 kWh"\nstated = "2 kWh"\n')
    for command in ("check", "verify", "doctor"):
        r = run_kb(command)
        said = r.out + r.err
        assert "\\udc" not in said, (command, said)
        assert "'claims/a\\xff.toml'" in said and "'claims/s\\xfe/b.toml'" in said, (command, said)


def test_a_claims_file_that_is_a_link_in_a_loop_is_said_as_a_link_to_a_missing_file_is(kb_root):
    """A link in a loop leads to no file, as a link to a moved file does: said on every run, what the index
    holds from it judged (kb check and kb verify go on, exit 0), where a FIFO or a device, which are no file
    at all and could hang a reader, stop a judging command."""
    (kb_root / "claims" / "a.toml").symlink_to("b.toml")
    (kb_root / "claims" / "b.toml").symlink_to("a.toml")
    (kb_root / "claims" / "c.toml").symlink_to("gone.toml")
    for command in ("check", "verify"):
        r = run_kb(command)
        assert r.code == 0 and "Traceback" not in r.err, r.err
        assert "claims/a.toml: cannot read (Too many levels of symbolic links)" in r.err
        assert "claims/c.toml: cannot read (a link to a missing file)" in r.err


@pytest.mark.parametrize("name, value", [("KB_TOTAL_TIMEOUT", "0"), ("KB_TOTAL_TIMEOUT", "1e-300"),
                                         ("KB_CONNECT_TIMEOUT", "0"), ("KB_READ_TIMEOUT", "1e-300"),
                                         ("KB_SILENT_TIMEOUT", "0.0001")])
def test_a_timeout_of_no_time_is_refused_as_a_setting_never_blamed_on_the_server(kb_root, server, monkeypatch, name,
                                                                                value):
    """KB_TOTAL_TIMEOUT=0 was 'download too slow, stopped after 0 s (no complete answer yet)' of a server that
    answered at once."""
    _paper(server)
    monkeypatch.setenv(name, value)
    _one_error(run_kb("add", AID), f"{name}='{value}' is no time to wait for a server", "from 0.001 to 3600")
    assert not server.requests
    _nothing_filed(kb_root)


@pytest.mark.parametrize("name, value", [("KB_TOTAL_TIMEOUT", "0.5"), ("KB_REFUSED_TIMEOUT", "0"),
                                         ("KB_BACKOFF", "0"), ("KB_MAX_RETRY_AFTER", "0")])
def test_short_waits_that_are_waits_still_stand(kb_root, server, monkeypatch, name, value):
    _paper(server)
    monkeypatch.setenv(name, value)
    assert run_kb("add", AID).code == 0


_ONE = "@article{x,\n  title = {Wind},\n  author = {Doe, Jane},\n  year = {2020},\n  doi = {10.5555/x.1},\n}\n"


@pytest.mark.parametrize("bib, said", [
    (_ONE + _ONE.replace("Wind", "Solar").replace("{x,", "{y,"), "BibTeX of 2 different entries"),
    ("".join(_ONE.replace("{x,", f"{{x{i},").replace("Wind", f"Wind {i}") for i in range(20_000)),
     "BibTeX of 20,000 entries"),
])
def test_doi_bibtex_of_several_works_is_never_filed_as_its_first(kb_root, server, bib, said):
    """doi.org's answer of two unlike entries (or 100,000, parsed whole for a minute) filed the first in silence."""
    server.routes["/doi/10.5555/x.1"] = Reply(200, bib.encode(), {"Content-Type": "application/x-bibtex"})
    server.routes["/crossref/works/10.5555/x.1"] = Reply(404, b"{}", JSON)
    _one_error(run_kb("add", "doi:10.5555/x.1"), f"doi.org sent {said}, where a DOI names one work")
    _nothing_filed(kb_root)
    # Crossref's record, where there is one, is the paper's
    _crossref(server, {"DOI": "10.5555/x.1", "title": ["Crossref Wind"], "author": [{"family": "Doe", "given": "J"}]})
    server.routes["/doi/10.5555/x.1"] = Reply(200, bib.encode(), {"Content-Type": "application/x-bibtex"})
    r = run_kb("add", "doi:10.5555/x.1")
    assert r.code == 0, r.err
    assert [p["title"] for p in run_kb("ls", "--json").json] == ["Crossref Wind"]


def test_doi_bibtex_of_one_work_beside_strings_and_a_repeat_is_that_work(kb_root, server):
    bib = "@string{j = {Journal of Wind}}\n@comment{doi.org}\n" + _ONE.replace("year", "journal = j,\n  year") + \
        _ONE.replace("{x,", "{y,").replace("year", "journal = j,\n  year")
    server.routes["/doi/10.5555/x.1"] = Reply(200, bib.encode(), {"Content-Type": "application/x-bibtex"})
    server.routes["/crossref/works/10.5555/x.1"] = Reply(404, b"{}", JSON)
    r = run_kb("add", "doi:10.5555/x.1")
    assert r.code == 0, r.err
    assert [p["title"] for p in run_kb("ls", "--json").json] == ["Wind"]


def test_an_entry_linking_another_versions_pdf_never_files_that_text_as_its_own(kb_root, server):
    """An entry of v1 whose PDF link named v9: kb fetched v9's PDF and filed its text as v1's, so a quote of v9
    verified against 'v1'."""
    fake = FakeArxiv(server)
    fake.add(AID, {1: make_pdf(["Version one of the paper says 10 kWh per run"]),
                   9: make_pdf(["Version nine of the paper says 99 kWh per run"])}, "A Paper", ["A Author"])
    fake.feed(AID + "v1", 200, atom_feed([_OK.replace(f"/pdf/{AID}v1", f"/pdf/{AID}v9")]))
    r = run_kb("add", AID + "v1")
    assert r.code == 0, r.err
    assert [seen.path for seen in server.requests if seen.path.startswith("/pdf/")] == [f"/pdf/{AID}v1"]
    [paper] = run_kb("ls", "--json").json
    assert run_kb("quote", "add", paper["citekey"], "Version one of the paper says 10 kWh per run").code == 0
    assert run_kb("quote", "add", paper["citekey"], "Version nine of the paper says 99 kWh per run").code == 2


@pytest.mark.parametrize("entry, said", [
    (_OK.replace("<published>", "<arxiv:journal_ref>" + "J " * 500_000 + "</arxiv:journal_ref><published>"),
     "has a journal reference of 999,999 characters"),
])
def test_an_arxiv_field_of_a_megabyte_is_refused_as_a_title_of_one_is(kb_root, server, entry, said):
    """A journal_ref of a megabyte was filed whole as the entry's note."""
    _paper(server).feed(AID, 200, atom_feed([entry]))
    _one_error(run_kb("add", AID), said, "nothing written")
    _nothing_filed(kb_root)


@pytest.mark.parametrize("entry, field, kept", [
    (_OK.replace('term="cs.LG"', 'term="' + "c" * 1_000_000 + '"'), "primaryclass", None),
    (_OK.replace("2023-11-28T10:00:00Z</published>", "99999-99-99</published>"), "year", None),
    (_OK, "year", "2023"),
    (_OK.replace('term="cs.LG"', 'term="cond-mat.mes-hall"'), "primaryclass", "cond-mat.mes-hall"),
])
def test_an_arxiv_field_that_is_none_of_its_kind_is_left_out(kb_root, server, entry, field, kept):
    """A primary category of a megabyte of 'c' was filed as primaryclass; '99999-99-99' as the year 9999."""
    _paper(server).feed(AID, 200, atom_feed([entry]))
    r = run_kb("add", AID)
    assert r.code == 0, r.err
    bib = (kb_root / "references.bib").read_text()
    assert len(bib) < 2000
    assert (f"{field} = {{{kept}}}" in bib) if kept else (f"{field} = " not in bib), bib

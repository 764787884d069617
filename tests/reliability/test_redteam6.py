"""Round six: answers that lie about themselves (a redirect to a sign-in page, a Content-Length
that is no size, a compressed answer that swells), PDFs PDFium names oddly, and the truth files
edited by hand in every way an editor or a person does: each followed, or refused in one line,
with nothing lost.
"""

from __future__ import annotations

import gzip

import pytest
from alphakb import alpha_with_claim, one_error
from httpserver import Reply
from kbrun import run_kb
from pdfgen import make_pdf

from kb.errors import NetworkError
from kb.sources.net import Client, Settings


@pytest.fixture
def alpha(kb_root, tmp_path):
    return alpha_with_claim(kb_root, tmp_path)


@pytest.fixture
def arxiv(server):
    from fakearxiv import FakeArxiv

    fake = FakeArxiv(server)
    fake.add("2311.16863", {3: make_pdf(["Power Hungry Processing", "We used 12 kWh."])},
             "Power Hungry Processing", ["Alexandra Sasha Luccioni"])
    return fake


# -- a PDF request sent elsewhere --------------------------------------------------------------

SIGN_IN = b"<!DOCTYPE html><html><body><form><input type='password' name='pw'></form></body></html>"


@pytest.mark.parametrize("where, body, said", [
    ("/sso/login", SIGN_IN, "a login page (text/html)"),
    ("/welcome", SIGN_IN, "a login page (text/html)"),            # known by its password field
    ("/accounts/signin", b"<html><body>Sign in</body></html>", "a login page (text/html)"),   # by its path
    ("/moved", b"<html><body>We moved</body></html>", "an HTML page (text/html)"),
])
def test_a_pdf_request_sent_elsewhere_names_where_it_went(kb_root, arxiv, server, where, body, said):
    """It said "127.0.0.1 sent an HTML page instead of a PDF" and that arXiv may be serving an
    error page: the request had been sent to another page (a network asking to sign in), which
    kb never named. The query (a session token, perhaps) is not printed."""
    server.routes["/pdf/2311.16863v3"] = Reply(302, b"", {"Location": where + "?next=/pdf&token=s3cret"})
    server.routes[where] = Reply(200, body, {"Content-Type": "text/html"})
    r = run_kb("add", "2311.16863")
    one_error(r, f"the server sent the PDF request for 2311.16863v3 to {server.url}{where}: {said}, not the PDF",
              "nothing was kept", "sign in")
    assert "s3cret" not in r.err
    assert (kb_root / "references.bib").read_text() == ""


def test_a_pdf_reached_through_a_redirect_is_taken(kb_root, arxiv, server):
    pdf = arxiv.papers["2311.16863"]["versions"][3]
    server.routes["/pdf/2311.16863v3"] = Reply(302, b"", {"Location": "/mirror/2311.16863v3.pdf"})
    server.routes["/mirror/2311.16863v3.pdf"] = Reply(200, pdf, {"Content-Type": "application/pdf"})
    assert run_kb("add", "2311.16863").code == 0
    assert [p["citekey"] for p in run_kb("ls", "--json").json] == ["luccioni2023power"]


# -- a Content-Length that is no size ---------------------------------------------------------

def _client(tmp_path, **overrides) -> Client:
    settings = Settings.from_env()
    for k, v in overrides.items():
        setattr(settings, k, v)
    return Client(tmp_path / "http", tmp_path / "tmp", settings)


@pytest.mark.parametrize("length", ["abc", "-5", "12, 40", "0x10", "1e3", " "])
def test_a_content_length_that_is_no_size_is_refused_at_once(server, tmp_path, length):
    """An HTTP library reads an answer whose length it cannot read until the server closes the
    connection: a server keeping it open held kb for its read timeout, four times over, and
    then kb said there had been no answer. It is refused on the first answer, naming the header."""
    server.routes["/x"] = Reply(200, b"%PDF-1.4 twelve bytes", {"Content-Length": length})
    with pytest.raises(NetworkError) as err:
        _client(tmp_path, read_timeout=2.0, silent_timeout=2.0, retries=1).get(server.url + "/x")
    said = str(err.value)
    assert "Content-Length" in said and "nothing was kept" in said and "no answer" not in said, said
    assert len(server.requests) == 1


@pytest.mark.parametrize("length", ["21", "21, 21", " 21 "])
def test_a_content_length_repeated_with_one_value_is_read(server, tmp_path, length):
    server.routes["/x"] = Reply(200, b"%PDF-1.4 twelve bytes", {"Content-Length": length})
    assert _client(tmp_path).get(server.url + "/x").content == b"%PDF-1.4 twelve bytes"


# -- a small answer that swells when decompressed -----------------------------------------------

BOMB = gzip.compress(b" " * (17 * 1024 * 1024), compresslevel=1)


@pytest.mark.parametrize("source", ["arxiv", "crossref", "s2"])
def test_a_compressed_answer_that_swells_past_what_such_an_answer_holds_is_refused(alpha, server, source):
    """A feed or JSON answer of 30 kB that decompressed to gigabytes was read up to the 200 MB
    a PDF may have, then refused as no feed. A feed or a JSON answer is small: it is refused
    at 16 MB, saying it swelled and from how little."""
    reply = Reply(200, BOMB, {"Content-Encoding": "gzip", "Content-Type": "application/json"})
    if source == "arxiv":
        server.routes["/api/query"] = reply
        r = run_kb("add", "2311.16863")
    elif source == "crossref":
        server.routes["/doi/10.5555/many"] = Reply(406, b"no BibTeX here")
        server.routes["/crossref/works/10.5555/many"] = reply
        r = run_kb("add", "doi:10.5555/many")
    else:
        server.routes["*"] = reply
        r = run_kb("cite", "fetch", "alpha2020energy")
    expected = {"arxiv": "an arXiv feed", "crossref": "a JSON answer", "s2": "a JSON answer"}[source]
    one_error(r, "sent an answer of over 16 MB once decompressed", f"bytes sent gzip-compressed) where {expected} "
              "was expected", "nothing was kept")
    assert [p["citekey"] for p in run_kb("ls", "--json").json] == ["alpha2020energy"]


def test_a_pdf_is_still_bounded_by_the_download_limit_alone(server, tmp_path):
    body = b"%PDF-1.4\n" + b"0" * (17 * 1024 * 1024)
    server.routes["/x.pdf"] = Reply(200, body)
    assert len(_client(tmp_path).get(server.url + "/x.pdf").content) == len(body)


# -- an @string macro references.bib never defines, in a listing --------------------------------

UNDEFINED = ("@article{x2020,\n  title = nosuchmacro # { and more},\n  author = {X, Y},\n  journal = jmlr,\n"
             "  year = 2020\n}\n@article{y2021, title = {Fine}, author = {Z, W}, year = 2021}\n")


@pytest.mark.parametrize("args", [("ls",), ("show", "x2020"), ("ls", "--json"), ("ls", "--year", "2021")])
def test_a_listing_flags_a_string_macro_references_bib_never_defines(kb_root, args):
    """`kb ls` listed "nosuchmacro and more" as x2020's title as if it were one (only kb doctor
    said the macro was never defined): the title is shown as written, and one line says why."""
    (kb_root / "references.bib").write_text(UNDEFINED)
    r = run_kb(*args)
    assert r.code == 0, r.err
    if "2021" in args:          # x2020 is not listed: nothing to say
        assert r.err == "" and "y2021" in r.out
        return
    assert r.err.count("\n") == 1 and r.err.startswith("kb: warning: references.bib:2: entry x2020, field title "
                                                        "uses @string 'nosuchmacro', which references.bib never "
                                                        "defines: shown as written"), r.err
    assert "(and 1 more; kb doctor lists each)" in r.err
    if "--json" in args:        # the JSON keeps what kb read; the warning says what it is
        assert [p["citekey"] for p in r.json] == ["x2020", "y2021"]
    else:
        assert "nosuchmacro # { and more}" in r.out, r.out


def test_a_macro_defined_by_a_later_edit_is_no_longer_flagged(kb_root):
    (kb_root / "references.bib").write_text(UNDEFINED)
    assert run_kb("ls").err
    (kb_root / "references.bib").write_text("@string{nosuchmacro = {Macros}}\n@string{jmlr = {JMLR}}\n" + UNDEFINED)
    r = run_kb("ls")
    assert r.code == 0 and r.err == "" and "Macros and more" in r.out, r.out + r.err

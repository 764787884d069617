"""Round nine: hostile and unusual input at every boundary: files saved with classic Mac
line endings, a claims file kb cannot parse beside commands that need none, PDFs whose
page contents are an array kept in another object, huge notes, and the environment, files
and servers around kb set to what nobody meant: each taken, or refused in one line with
the right exit code, nothing lost.
"""

from __future__ import annotations

import os

import pytest
from alphakb import alpha_with_claim, one_error
from kbrun import run_kb


@pytest.fixture
def alpha(kb_root, tmp_path):
    return alpha_with_claim(kb_root, tmp_path)


# -- a file saved with \r alone at each line's end is written back so ------------------------------------

MAC_BIB = "@misc{alpha2020energy,\r  title = {Energy Use of Alpha Models in Practice},\r  author = {Alpha, Ada and " \
          "Beta, Bob},\r  year = {2020},\r  eprint = {2001.00001},\r  archiveprefix = {arXiv},\r}\r"


def test_every_writer_of_references_bib_keeps_classic_mac_line_endings(alpha, tmp_path):
    """A references.bib whose lines end in \\r alone (classic Mac OS, old BibDesk files) got
    kb's entries appended with \\n: a file of mixed endings, one line to tools that split at \\r.
    kb add, kb import, kb tag, kb rename and kb rm each write the file's own line ending."""
    from pdfgen import make_pdf

    bib = alpha / "references.bib"
    bib.write_bytes(MAC_BIB.encode())
    pdf = tmp_path / "beta.pdf"
    pdf.write_bytes(make_pdf(["Beta models in practice, a page long enough to be text of its own."],
                             title="Beta Models in Practice"))
    (tmp_path / "in.bib").write_text("@article{doe2020,\n  title = {A Study},\n  author = {Doe, Jane},\n"
                                     "  year = {2020},\n}\n")
    for args in (("add", "--offline", pdf), ("import", tmp_path / "in.bib"), ("tag", "alpha2020energy", "+energy"),
                 ("rename", "doe2020", "doe2020study"), ("rm", "doe2020study")):
        r = run_kb(*args)
        assert r.code == 0, (args, r.err)
        data = bib.read_bytes()
        assert b"\n" not in data, (args, data)
        assert data.startswith(b"@misc{alpha2020energy,\r  title = {Energy Use of Alpha Models in Practice},\r")
    assert [p["citekey"] for p in run_kb("ls", "--json").json][0] == "alpha2020energy"
    assert b"keywords = {energy},\r" in bib.read_bytes()
    assert run_kb("doctor", "--quick").code == 0


def test_a_note_with_classic_mac_line_endings_is_renamed_in_them(alpha, tmp_path):
    note = tmp_path / "note.md"
    note.write_bytes(b'# Notes\r\r> "emitted 552 tCO2e in total" [@alpha2020energy, p. 2]\r')
    r = run_kb("rename", "alpha2020energy", "alpha2021energy", "--note", note)
    assert r.code == 0, r.err
    assert note.read_bytes() == b'# Notes\r\r> "emitted 552 tCO2e in total" [@alpha2021energy, p. 2]\r'


@pytest.mark.parametrize("saved, added, written", [
    ("a\rb\r", "a\rb\rc\n", "a\rb\rc\r"),
    ("a\r\nb\r\n", "a\r\nb\r\nc\n", "a\r\nb\r\nc\r\n"),
    ("a\nb\r\n", "a\nb\r\nc\n", "a\nb\r\nc\n"),        # a mix already: kb adds nothing to it
    ("a\nb\n", "a\nb\nc\n", "a\nb\nc\n"),
])
def test_lines_kb_adds_end_as_the_files_own(saved, added, written):
    from kb.atomic import with_line_ends

    assert with_line_ends(added, saved) == written


def test_a_claims_file_saved_with_classic_mac_line_endings_is_named_with_why(alpha):
    """TOML ends lines in \\n: such a file was 'line 1: Expected newline', with no word of why."""
    (alpha / "claims" / "mac.toml").write_bytes(b'[[quote]]\rid = "q"\r')
    one_error(run_kb("claims"), "claims/mac.toml:1:10: is not valid TOML",
              "its lines end in \\r alone, as classic Mac OS ended them")


# -- a claims file kb cannot parse: named at its line and column; papers are still shown -----------------

BROKEN = '[[quote]]\nid = "x"\ntext = "abc\nfoo = [1,\n'


@pytest.mark.parametrize("args, shows", [
    (("ls",), "alpha2020energy"), (("show", "alpha2020energy"), "alpha2020energy: Energy Use"),
    (("search", "energy"), "alpha2020energy v1 p. 1"), (("export", "bib", "-o", "-"), "@misc{alpha2020energy,"),
    (("export", "bib", "--paper", "alpha2020energy", "-o", "-"), "@misc{alpha2020energy,"),
    (("text", "show", "alpha2020energy", "--page", "1"), "Alpha models."),
    (("where",), "root "),
])
def test_commands_that_show_papers_go_on_past_a_claims_file_kb_cannot_parse(alpha, args, shows):
    """Any claims file kb could not parse stopped every command: kb ls, kb show, kb search and
    kb export bib of references.bib's papers too. They now say the file, at its line and
    column, and go on; the file is never rewritten."""
    bad = alpha / "claims" / "other.toml"
    bad.write_text(BROKEN)
    r = run_kb(*args)
    assert r.code == 0 and shows in r.out, r.out + r.err
    if args != ("where",):
        assert r.err.startswith("kb: claims/other.toml:3:12: is not valid TOML: Illegal character '\\n'; papers are "
                                "shown without it"), r.err
    assert "Traceback" not in r.err and bad.read_text() == BROKEN


@pytest.mark.parametrize("args", [("claims",), ("verify",), ("quote", "ls"), ("check",), ("tag", "alpha2020energy", "+x"),
                                  ("export", "bib", "--topic", "energy", "-o", "-"),
                                  ("quote", "add", "alpha2020energy", "emitted 552 tCO2e in total")])
def test_commands_that_read_or_write_claims_still_stop_on_it_naming_line_and_column(alpha, args):
    """What they would say of quotes and claims could be wrong: they stop, as before, and
    name where in the file TOML failed."""
    bad = alpha / "claims" / "other.toml"
    bad.write_text(BROKEN)
    one_error(run_kb(*args), "claims/other.toml:3:12: is not valid TOML: Illegal character")
    assert bad.read_text() == BROKEN
    bad.unlink()
    assert run_kb("verify").code == 0


def test_a_references_bib_kb_cannot_read_still_stops_commands_that_show_papers(alpha):
    (alpha / "references.bib").write_text("@misc{a,\n title = {x}, title = {y}}\n")
    one_error(run_kb("ls"), "references.bib")


# -- a page whose /Contents names an array kept as an object of its own -------------------------------------

@pytest.mark.parametrize("contents_as", ["array", "objstm"])
def test_an_image_beside_contents_named_through_an_array_object_is_not_decoded(contents_as):
    """`/Contents 9 0 R`, object 9 `[7 0 R]` (in the file, or in an object stream): kb's stream
    check could not tell which streams were content, so it decoded every image, and a page with
    a 12 MB image was pypdf's under a 5 MB limit. The array is followed; the page's own stream
    is still decoded when it is the one over the limit, whatever its dictionary says it is."""
    from pdfgen import make_bomb_pdf

    from kb.errors import PDFError
    from kb.sources import pdf

    limits = pdf.Limits(max_stream_mb=5)
    drawn = make_bomb_pdf(12, ["a line beside the image"], image="xobject", contents_as=contents_as)
    assert pdf._content_refs(drawn, pdf._streams(drawn), 5 << 20) == {(7, 0)}
    pdf._check_streams(drawn, limits, "the PDF")
    if contents_as == "array":      # (the object stream's file has no xref stream: PDFium reads the other)
        assert "a line beside the image" in pdf.extract(drawn, limits, extractor="pdfium").pages[0]
    bomb = make_bomb_pdf(12, ["a line after the bomb"], image="contents", contents_as=contents_as)
    with pytest.raises(PDFError, match="over 5 MB decompressed"):
        pdf._check_streams(bomb, limits, "the PDF")


@pytest.mark.parametrize("array", [b"[12 0 R]", b"[7 0 R 4 0 R]", b"[7 0 R 10 0 R]"])
def test_an_array_naming_what_kb_cannot_place_leaves_every_stream_content(array):
    """An array naming an object the file lacks (a stream kb could not place, say), or the
    image too: any stream may then be content, and the image is decoded."""
    from pdfgen import make_bomb_pdf

    from kb.errors import PDFError
    from kb.sources import pdf

    data = make_bomb_pdf(12, ["a line beside the image"], image="xobject", contents_as="array").replace(
        b"9 0 obj\n[7 0 R]", b"9 0 obj\n" + array)
    with pytest.raises(PDFError, match="over 5 MB decompressed"):
        pdf._check_streams(data, pdf.Limits(max_stream_mb=5), "the PDF")


def test_an_array_naming_itself_is_followed_a_few_hops_and_names_no_stream():
    from pdfgen import make_bomb_pdf

    from kb.sources import pdf

    data = make_bomb_pdf(12, ["a line"], image="xobject", contents_as="array").replace(b"9 0 obj\n[7 0 R]",
                                                                                        b"9 0 obj\n[9 0 R]")
    assert pdf._content_refs(data, pdf._streams(data), 5 << 20) == set()


@pytest.mark.parametrize("procs", ["inline", "object"])
def test_a_type3_glyph_that_says_it_is_an_image_is_content_however_its_font_names_it(procs):
    """A Type 3 font's /CharProcs kept as an object of its own (`/CharProcs 8 0 R`) was not
    read at all: a glyph procedure of 12 MB whose dictionary says it is an image was skipped
    as one, and PDFium, which draws it to read the page, read past the limit."""
    import zlib

    from pdfgen import assemble

    from kb.errors import PDFError
    from kb.sources import pdf

    comp = zlib.compressobj(9)
    glyph = b"".join(comp.compress(b" " * (1 << 20)) for _ in range(12)) + comp.flush()
    text = b"BT /F1 10 Tf 50 760 Td (a) Tj ET"
    names = b"<< /a 7 0 R >>"
    data = assemble([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
        b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1 1] /FontMatrix [1 0 0 1 0 0] /FirstChar 97 "
        b"/LastChar 97 /Widths [1] /Encoding << /Differences [97 /a] >> /CharProcs %s >>"
        % (names if procs == "inline" else b"8 0 R"),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d /Filter /FlateDecode /Subtype /Image /Width 1 /Height 1 >>\nstream\n" % len(glyph)
        + glyph + b"\nendstream",
        names,
    ])
    with pytest.raises(PDFError, match="over 5 MB decompressed"):
        pdf._check_streams(data, pdf.Limits(max_stream_mb=5), "the PDF")


# -- a note quoting megabytes in one block ------------------------------------------------------------------

def test_a_quote_longer_than_the_papers_whole_text_is_not_matched_at_all(alpha, tmp_path, monkeypatch):
    """A note quoting 5 MB in one block took 14 s (40 on a busy machine) to be found nowhere in a
    paper of two sentences: the quote was compiled and matched, a few microseconds a character,
    then aligned for the closest passage. It is now not-found at once, saying why; counted by
    the patterns compiled, never by the clock."""
    from kb.text import match

    compiled = []
    real = match._compile
    monkeypatch.setattr(match, "_compile", lambda *a, **k: compiled.append(1) or real(*a, **k))
    words = "We trained 12 models on 64 GPUs for 3 days, which used 1,287 MWh of energy. "
    note = tmp_path / "huge.md"
    note.write_text('> "' + words * 3_000 + '" [@alpha2020energy]\n\n> "emitted 552 tCO2e in total" '
                    '[@alpha2020energy, p. 2]\n')
    r = run_kb("verify", "--note", note)
    assert r.code == 1, r.out + r.err
    assert "    not found in alpha2020energy v1 (the quote, 227,999 characters, is longer than all of its text)\n" \
        in r.out, r.out[-600:]
    assert ":3: ok " in r.out and "2 quotes: 1 ok, 1 failed" in r.out
    assert 0 < len(compiled) <= 4          # the short quote's patterns alone


def test_a_quote_long_only_in_its_spaces_or_insertions_is_still_matched(alpha, tmp_path):
    """Only letters and digits outside editorial brackets count: a quote laid out with runs of
    blanks, longer than the paper, is verified as before, and a wrong digit in it still fails."""
    gap = " " * 2_000
    note = tmp_path / "spaced.md"
    note.write_text(f'> "which used{gap}1,287 MWh of energy" [@alpha2020energy, p. 1]\n\n'
                    f'> "which used{gap}1,288 MWh of energy" [@alpha2020energy, p. 1]\n')
    r = run_kb("verify", "--note", note)
    assert r.code == 1 and ":1: ok " in r.out and "2 quotes: 1 ok, 1 failed" in r.out, r.out


def test_longer_than_text_counts_letters_and_digits_outside_insertions_and_stops_early():
    from kb.text.match import longer_than_text
    from kb.text.normalise import Document

    doc = Document(["A short page of text, 40 characters long."])
    assert not longer_than_text(doc, "x" * 1_000)
    assert longer_than_text(doc, "x" * 1_200)
    assert not longer_than_text(doc, ". , ; " * 10_000)
    assert not longer_than_text(doc, "[" + "y" * 150 + "] " * 400 + "x")
    assert longer_than_text(doc, "x" * 10_000_000)


# -- the environment and the servers around kb ---------------------------------------------------------------

@pytest.mark.parametrize("value", ["notaurl", "file:///etc/passwd", "ftp://example.org/api", "http://[::1",
                                   "http://127.0.0.1:99999/api", "http://", " "])
def test_a_base_url_set_to_garbage_is_named_in_one_line(kb_root, monkeypatch, value):
    """KB_ARXIV_API_URL=notaurl was 'notaurl?id_list=...: MissingSchema'; 'http://[::1' an
    internal error (ValueError)."""
    monkeypatch.setenv("KB_ARXIV_API_URL", value)
    monkeypatch.setenv("KB_DOI_URL", value)
    for args in (("add", "arxiv:2311.16863"), ("add", "doi:10.1000/xyz")):
        var = "KB_ARXIV_API_URL" if "arxiv" in args[1] else "KB_DOI_URL"
        one_error(run_kb(*args), f"{var}={value!r} is not an http or https address kb can ask",
                  f"unset {var}, or give one such as https://")
    assert (kb_root / "references.bib").read_text() == ""


@pytest.mark.parametrize("location, said", [
    ("file:///etc/passwd", "'file:///etc/passwd', which kb does not follow"),
    ("ftp://example.org/x.pdf", "'ftp://example.org/x.pdf', which kb does not follow"),
    ("http://[::1", "'http://[::1', which kb does not follow"),
    ("http://127.0.0.1:99999/x", "'http://127.0.0.1:99999/x', which kb does not follow"),
])
def test_a_redirect_to_another_scheme_or_an_unreadable_address_is_one_line(kb_root, server, location, said):
    """A server redirecting to file:// or ftp:// was '127.0.0.1:PORT: InvalidSchema'; to 'http://[::1'
    an internal error."""
    from httpserver import Reply

    server.routes["/api/query"] = Reply(302, b"", {"Location": location})
    r = run_kb("add", "arxiv:2311.16863")
    one_error(r, f"redirected kb to {said}", "it asks http and https addresses only")
    assert (kb_root / "references.bib").read_text() == ""


def test_links_urllib_cannot_split_are_no_links():
    """`kb add 'http://[::1'` and a feed whose PDF link is so were internal errors."""
    from kb.sources.arxiv import ArxivRecord, pdf_url_for
    from kb.text.ids import from_url, split_url

    assert split_url("http://[::1") is None and split_url("http://h:99999/") is None and split_url("http://h:x/") is None
    assert from_url("http://[::1") is None and from_url("https://arxiv.org/abs/2311.16863").id == "2311.16863"
    one_error(run_kb("add", "http://[::1"), "not an arXiv or DOI link: 'http://[::1'")
    record = ArxivRecord(id="2311.16863", version=3, title="t", authors=[], summary="", published="2023-11-28",
                         updated="2023-11-28", year=2023, pdf_url="http://[::1")
    assert pdf_url_for(record).endswith("/2311.16863v3")


@pytest.mark.parametrize("name, value, shown", [("KB_MAILTO", "me@exämple.org ❤", "'me@exämple.org ❤'"),
                                                 ("KB_MAILTO", "me@example.org\r\nX-Evil: 1", r"'me@example.org\r\nX-Evil: 1'"),
                                                 ("KB_S2_API_KEY", "sec\nret", "(its 7 characters)")])
def test_a_header_value_from_the_environment_that_no_header_can_carry_is_refused(alpha, server, monkeypatch,
                                                                                name, value, shown):
    """KB_MAILTO with a letter beyond Latin-1 was an internal error (UnicodeEncodeError); a line
    break in it, or in the API key, 'sent an answer with a header kb cannot read'. The key is
    never printed."""
    monkeypatch.setenv(name, value)
    args = ("cite", "fetch", "alpha2020energy") if name == "KB_S2_API_KEY" else ("add", "arxiv:2311.16863")
    r = run_kb(*args)
    one_error(r, f"{name}={shown} holds what an HTTP header cannot carry")
    assert "ret" not in r.err or name != "KB_S2_API_KEY"
    assert server.requests == []


@pytest.mark.parametrize("value", ["abc", "nan", "-5", "inf"])
def test_a_lock_timeout_that_is_no_number_is_one_line_when_kb_waits(alpha, monkeypatch, value):
    """KB_LOCK_TIMEOUT=abc stopped every kb command at start-up with a traceback (read when kb.atomic
    was imported); nan made a wait for a busy knowledge base endless."""
    import subprocess
    import sys

    env = {**__import__("os").environ, "KB_LOCK_TIMEOUT": value}
    started = subprocess.run([sys.executable, "-c", "import kb.atomic"], env=env, capture_output=True, timeout=60)
    assert started.returncode == 0, started.stderr
    monkeypatch.setenv("KB_LOCK_TIMEOUT", value)
    one_error(run_kb("tag", "alpha2020energy", "+x"), f"KB_LOCK_TIMEOUT={value!r} is not a number of seconds")
    assert "keywords" not in (alpha / "references.bib").read_text()


def test_a_retry_after_centuries_ahead_is_said_in_words_not_waited(tmp_path, server, monkeypatch):
    from fakeclock import FakeClock
    from httpserver import Reply

    from kb.errors import NetworkError
    from kb.sources import net

    clock = FakeClock()
    monkeypatch.setattr(net, "time", clock)
    for header, said in (("Fri, 31 Dec 9999 23:59:59 GMT", "more than ten years"), ("1e400", "more than ten years"),
                         ("864000", "10 days")):
        server.routes["/x"] = Reply(429, b"slow down", {"Retry-After": header})
        client = net.Client(tmp_path / "http", tmp_path / "tmp", net.Settings.from_env())
        with pytest.raises(NetworkError, match=f"asks to retry after {said}, over kb's limit of 120 s"):
            client.get(server.url + "/x")
    assert clock.slept == []


@pytest.mark.parametrize("name, args", [("KB_OPENER", ("open", "alpha2020energy")), ("EDITOR", ("edit", "alpha2020energy")),
                                        ("VISUAL", ("edit", "alpha2020energy"))])
def test_an_opener_or_editor_a_shell_could_not_split_is_one_line(alpha, tmp_path, monkeypatch, name, args):
    """KB_OPENER='"unclosed' (or EDITOR) was an internal error (ValueError: No closing quotation)."""
    import tempfile

    from pdfgen import make_pdf

    if args[0] == "open":
        pdf = tmp_path / "beta.pdf"
        pdf.write_bytes(make_pdf(["Beta models in practice, a page long enough to be text of its own."],
                                 title="Beta Models in Practice"))
        assert run_kb("add", "--offline", pdf).code == 0
        args = ("open", run_kb("ls", "--json").json[-1]["citekey"])
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    monkeypatch.setenv(name, '"unclosed --wait')
    before = (alpha / "references.bib").read_bytes()
    one_error(run_kb(*args), f"""{name}='"unclosed --wait' is no command a shell could run (no closing quotation)""")
    assert (alpha / "references.bib").read_bytes() == before and list(scratch.iterdir()) == []


# -- the stream check decodes a stream whole, however it opens ---------------------------------------------

def _padded_bomb(padding: int, megabytes: int) -> bytes:
    """zlib data opening with `padding` bytes of empty stored blocks (Deflate's, five bytes that
    decode to nothing), then `megabytes` MB of spaces: what it decodes to is all in its tail."""
    import zlib

    raw = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = b"".join(raw.compress(b" " * (1 << 20)) for _ in range(megabytes)) + raw.flush()
    adler = zlib.adler32(b" " * (megabytes << 20))
    return b"\x78\x01" + b"\x00\x00\x00\xff\xff" * (padding // 5 + 1) + body + adler.to_bytes(4, "big")


@pytest.mark.parametrize("where", ["contents", "objstm"])
def test_a_stream_opening_with_empty_deflate_blocks_is_decoded_past_them(where):
    """The stream check decoded only a stream's first max_stream_mb of stored bytes: a page's
    content opening with that many bytes of empty Deflate blocks decoded to nothing there, and
    PDFium then read the gigabytes after them. An object stream alike hid the page naming its
    content (then an image beside it was taken for no content)."""
    import zlib

    from pdfgen import assemble

    from kb.errors import PDFError
    from kb.sources import pdf

    data = _padded_bomb((1 << 20) + 10, 3)
    assert len(zlib.decompressobj().decompress(data[:(1 << 20) + 1])) == 0
    assert len(zlib.decompress(data)) == 3 << 20
    if where == "contents":
        pdf_bytes = assemble([
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"])
        with pytest.raises(PDFError, match="over 1 MB decompressed"):
            pdf._check_streams(pdf_bytes, pdf.Limits(max_stream_mb=1), "the PDF")
        return
    held = b"3 0 << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R >>"
    objstm = zlib.compressobj(9, zlib.DEFLATED, -15)
    stream = (b"\x78\x01" + b"\x00\x00\x00\xff\xff" * ((1 << 20) // 5 + 3) + objstm.compress(held) + objstm.flush()
              + zlib.adler32(held).to_bytes(4, "big"))
    assert zlib.decompress(stream) == held
    file = (b"6 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
            + stream + b"\nendstream\nendobj\n5 0 obj\n<< /Length 1 >>\nstream\nx\nendstream\nendobj\n")
    assert pdf._content_refs(file, pdf._streams(file), 1 << 20) == {(5, 0)}


def test_a_stream_limit_under_a_byte_is_a_byte_not_no_limit():
    """max_stream_mb = 0.0000001 passed the check 'above 0' and was 0 bytes, which pypdf, as zlib,
    takes for no limit at all: the tightest limit read every stream whole."""
    from pdfgen import make_pdf

    from kb.errors import KBError
    from kb.sources import pdf

    tight = pdf.Limits(max_stream_mb=1e-7)
    assert tight.stream_bytes == 1 and pdf.Limits().stream_bytes == 75 << 20
    with pytest.raises(KBError):
        pdf.extract(make_pdf(["A page of text long enough to be read as text."]), tight, extractor="pypdf")


@pytest.mark.parametrize("written", ["ascii85 after white space", "ascii85 of z", "hex"])
def test_an_ascii_stream_is_read_past_white_space_and_its_own_size_bounded(written):
    """ASCII85 was decoded from its first max_stream_mb / 4 characters only: white space filling
    them (ASCII85 ignores it) hid the Flate bomb after them; and a stream of 'z' (four zero bytes
    each) decoded past the limit at that filter, where kb looked no further."""
    import base64

    from pdfgen import assemble

    from kb.errors import PDFError
    from kb.sources import pdf

    bomb = _padded_bomb(10, 3)
    data, filters = {"ascii85 after white space": (b" \n" * (1 << 20) + base64.a85encode(bomb) + b"~>",
                                                   b"[/A85 /FlateDecode]"),
                     "ascii85 of z": (b"z" * 300_000 + b"~>", b"/ASCII85Decode"),
                     "hex": (b"\n" * (1 << 21) + bomb.hex().encode() + b">", b"[/AHx /Fl]")}[written]
    pdf_bytes = assemble([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter %s >>\nstream\n" % (len(data), filters) + data + b"\nendstream"])
    with pytest.raises(PDFError, match="over 1 MB decompressed"):
        pdf._check_streams(pdf_bytes, pdf.Limits(max_stream_mb=1), "the PDF")
    assert pdf._un85(b"<~" + base64.a85encode(bytes(range(256)) * 20) + b"~>", 10 ** 7) == bytes(range(256)) * 20
    assert pdf._un85(b"z" * 10 + b"~>", 10 ** 7) == bytes(40)
    with pytest.raises(pdf._PastLimit):
        pdf._un85(b"z" * 10 ** 7, 100)          # counted, not decoded


# -- kb's own folders with a file in their place -----------------------------------------------------------

@pytest.mark.parametrize("blocked, named", [(".kb/tmp", ".kb/tmp is a file, not a folder"),
                                            (".kb", ".kb is a file, not a folder"),
                                            (".kb/cache", ".kb/cache is a file, not a folder"),
                                            (".kb/lock", "cannot take the lock")])
def test_a_file_where_kb_keeps_a_folder_of_its_own_is_one_line_and_then_made_again(alpha, tmp_path, blocked, named):
    """.kb/tmp, .kb or .kb/cache turned into a file (a sync tool, a stray `>` in a shell) made
    every write an internal error (FileExistsError, NotADirectoryError), and a folder in the
    lock's place every command (IsADirectoryError). Each is named in one line; moved aside,
    kb makes its folders again and nothing is lost."""
    import shutil

    from pdfgen import make_pdf

    pdf = tmp_path / "beta.pdf"
    pdf.write_bytes(make_pdf(["Beta models in practice, a page long enough to be text of its own."],
                             title="Beta Models in Practice"))
    path = alpha / blocked
    aside = tmp_path / "aside"
    shutil.move(path, aside)
    if blocked == ".kb/lock":
        path.mkdir()
    else:
        path.write_text("not a folder\n")
    bib = (alpha / "references.bib").read_bytes()
    for args in (("add", "--offline", pdf), ("rebuild",)):
        r = run_kb(*args)
        one_error(r, named)
    assert (alpha / "references.bib").read_bytes() == bib
    if path.is_dir():
        path.rmdir()
    else:
        path.unlink()
    if blocked != ".kb/tmp":
        shutil.move(aside, path)
    assert run_kb("add", "--offline", pdf).code == 0
    assert run_kb("verify").code == 0 and len(run_kb("ls", "--json").json) == 2


# -- JSON holding half of a UTF-16 pair ---------------------------------------------------------------------

def test_a_crossref_answer_holding_half_a_utf16_pair_is_filed_with_a_replacement_character(kb_root, server):
    """'\\ud800' is valid JSON and no character: Crossref's title or author holding one was an
    internal error (UnicodeEncodeError) when kb wrote references.bib."""
    import json

    from httpserver import Reply

    work = {"title": ["Energy \ud800 Study"], "author": [{"family": "Doe\udfff", "given": "Jane"}],
            "issued": {"date-parts": [[2020]]}, "type": "journal-article", "DOI": "10.1000/xyz"}
    server.routes["*"] = lambda seen: (Reply(200, json.dumps({"message": work}).encode(),
                                             {"Content-Type": "application/json"}) if "crossref" in seen.path
                                       else Reply(406, b"no BibTeX here"))
    r = run_kb("add", "doi:10.1000/xyz")
    assert r.code == 0 and "Energy \ufffd Study" in r.out, r.out + r.err
    text = (kb_root / "references.bib").read_text()
    assert "title = {Energy \ufffd Study}" in text and "author = {Doe\ufffd, Jane}" in text
    assert run_kb("doctor", "--quick").code == 0


@pytest.mark.parametrize("pages, said", [('["ok \\ud83d\\ude00", "\\ud800 alone"]', ":2: holds \\ud800, half of"),
                                         ('{"pages": ["x \\udfff"]}', ":1: holds \\udfff, half of")])
def test_page_text_holding_half_a_utf16_pair_is_refused_naming_it(alpha, tmp_path, pages, said):
    """kb text load of such JSON was an internal error (UnicodeEncodeError); a whole pair (an
    emoji written as two escapes) is read."""
    path = tmp_path / "pages.json"
    path.write_text(pages.replace(", ", ",\n"))
    one_error(run_kb("text", "load", "alpha2020energy", path, "--version", "v2"), said, "which is no character")
    path.write_text('["ok \\ud83d\\ude00 page"]')
    r = run_kb("text", "load", "alpha2020energy", path, "--version", "v2")
    assert r.code == 0 and run_kb("text", "show", "alpha2020energy", "--version", "v2").out.count("\U0001F600") == 1


# -- bytes that are not UTF-8 on the command line ------------------------------------------------------------

BAD = os.fsdecode(b"\xff")


@pytest.mark.parametrize("args, what", [
    (("tag", "alpha2020energy", "+t" + BAD), "a tag 't\\udcff' holds \\xff"),
    (("quote", "add", "alpha2020energy", "emitted 552 tCO2e" + BAD, "--force"), "the quote "),
    (("quote", "add", "alpha2020energy", "emitted 552 tCO2e in total", "-t", BAD), "a topic "),
    (("claim", "add", "alpha2020energy", "552 tCO2e" + BAD, "--quote", "emitted 552 tCO2e"), "the value "),
    (("claim", "add", "alpha2020energy", "552 tCO2e", "--quote", "emitted 552" + BAD, "--force"), "the quote "),
    (("rename", "alpha2020energy", "alpha" + BAD), "cannot be a citekey: it holds \\xff"),
])
def test_a_byte_that_is_not_utf8_in_what_kb_writes_is_refused_naming_it(alpha, args, what):
    """Python reads such a byte of a command line as U+DCFF, which no UTF-8 file or SQLite holds:
    `kb tag KEY +$'\\xff'`, `kb rename KEY $'a\\xff'` and `kb quote add --force` of one were
    internal errors (UnicodeEncodeError)."""
    files = [alpha / "references.bib", *sorted((alpha / "claims").iterdir())]
    before = {p: p.read_bytes() for p in files}
    one_error(run_kb(*args), what, "a byte that is not UTF-8")
    assert {p: p.read_bytes() for p in files} == before
    assert run_kb("verify").code == 0


def test_a_pdf_whose_path_holds_a_byte_that_is_not_utf8_is_added_and_shown(kb_root, tmp_path):
    """`kb add --offline` of such a file kept its path as the paper's source, and every later
    command stopped (UnicodeEncodeError writing it to the index); a source cache an older kb
    left so is read again."""
    import json

    from pdfgen import make_pdf

    pdf = tmp_path / ("caf" + BAD + ".pdf")
    pdf.write_bytes(make_pdf(["A page about the energy of models, long enough to be text."], title="Energy"))
    r = run_kb("add", "--offline", pdf)
    assert r.code == 0, r.err
    key = run_kb("ls", "--json").json[0]["citekey"]
    assert f"      from   {tmp_path}/caf\\xff.pdf\n" in run_kb("show", key).out
    manifest = next((kb_root / ".kb" / "cache" / "sources").glob("*.json"))
    data = json.loads(manifest.read_text())
    data["source_url"] = str(pdf)                   # as an older kb wrote it: '\udcff' in its JSON
    manifest.write_text(json.dumps(data))
    assert run_kb("rebuild").code == 0
    assert run_kb("doctor").code == 0 and "caf\\xff.pdf" in run_kb("show", key).out


def test_kb_rename_with_claims_a_link_to_another_folder(kb_root, tmp_path):
    """A claims/ folder that is a link (to a synced folder, say): kb rename named the renamed file
    by its full path, indexed it twice and refused it ('quote id ... is also used in')."""
    import shutil

    from alphakb import make_alpha

    elsewhere = tmp_path / "synced-claims"
    shutil.move(kb_root / "claims", elsewhere)
    (kb_root / "claims").symlink_to(elsewhere)
    make_alpha(kb_root, tmp_path)
    assert run_kb("quote", "add", "alpha2020energy", "emitted 552 tCO2e in total").code == 0
    r = run_kb("rename", "alpha2020energy", "alpha2021energy")
    assert r.code == 0 and "  claims file   claims/alpha2021energy.toml\n" in r.out, r.out + r.err
    assert [p.name for p in elsewhere.iterdir()] == ["alpha2021energy.toml"] and (kb_root / "claims").is_symlink()
    assert run_kb("verify").code == 0 and run_kb("doctor").code == 0


@pytest.mark.parametrize("args", [("ls",), ("claims",), ("search", "energy")])
def test_a_claims_file_kb_cannot_open_is_said_alike_by_every_command(alpha, args):
    """A claims file kb cannot open (a link in a loop) keeps its rows on every command; the
    commands that show papers said so in the words of one kb cannot parse."""
    loop = alpha / "claims" / "loop.toml"
    loop.symlink_to(loop.name)
    r = run_kb(*args)
    assert r.code == 0 and r.err == ("kb: claims/loop.toml: cannot read (Too many levels of symbolic links); kb keeps "
                                     "what it indexed from it until it can (restore it: git checkout "
                                     "claims/loop.toml)\n"), r.err


@pytest.mark.parametrize("ending", ["\r", "\r\n"])
@pytest.mark.parametrize("as_stored", [False, True])
def test_kb_export_bib_ends_its_lines_as_references_bib_does(alpha, ending, as_stored):
    """The entries of a references.bib saved with \\r or \\r\\n were copied as stored and joined
    with \\n: an export of mixed line endings."""
    bib = alpha / "references.bib"
    bib.write_bytes(MAC_BIB.replace("\r", ending).encode())
    r = run_kb("export", "bib", "-o", "-", *(["--as-stored"] if as_stored else []))
    assert r.code == 0 and r.out.startswith("@misc{alpha2020energy," + ending), r.out
    lines = r.out.split(ending)
    assert "\n" not in "".join(lines) and "\r" not in "".join(lines) and len(lines) > 6, r.out


@pytest.mark.parametrize("ours", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("theirs", ["\n", "\r\n", "\r"])
def test_kb_import_writes_an_entry_in_references_bibs_line_endings_whatever_its_files(kb_root, tmp_path, ours,
                                                                                       theirs):
    """An imported entry is copied as its file holds it: from a file saved with \\r or \\r\\n, its
    line endings came along into a references.bib of \\n (and the other way round)."""
    bib = kb_root / "references.bib"
    bib.write_bytes("@misc{a2020,\n  title = {A},\n  year = {2020},\n}\n".replace("\n", ours).encode())
    given = tmp_path / "in.bib"
    given.write_bytes("@article{doe2020,\n  title = {A Study},\n  author = {Doe, Jane},\n  year = {2020},\n}\n"
                      .replace("\n", theirs).encode())
    r = run_kb("import", given)
    assert r.code == 0 and "1 added" in r.out, r.err
    lines = bib.read_bytes().decode().split(ours)
    assert not any("\r" in line or "\n" in line for line in lines) and "  author = {Doe, Jane}," in lines, lines
    assert [p["citekey"] for p in run_kb("ls", "--json").json] == ["a2020", "doe2020"]


def test_a_stream_past_the_limit_while_pypdf_counts_the_pages_is_named_as_the_stream_limit():
    """A real PDF whose pages are kept in object streams (ACL's, compressed), read by pypdf under
    a tight stream limit: it said 'the PDF has more than 2,000 pages' (of 8)."""
    from corpus import corpus_path

    from kb.errors import LimitExceeded
    from kb.sources import pdf

    data = corpus_path("pdf", "acl-N18-3011.pdf").read_bytes()
    with pytest.raises(LimitExceeded, match=r"Limit reached while decompressing.*raise KB_MAX_STREAM_MB"):
        pdf.extract(data, pdf.Limits(max_stream_mb=0.01), extractor="pypdf")
    assert len(pdf.extract(data, extractor="pypdf").pages) == 8

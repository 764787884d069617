"""Round six: answers that lie about themselves (a redirect to a sign-in page, a Content-Length
that is no size, a compressed answer that swells), PDFs PDFium names oddly, and the truth files
edited by hand in every way an editor or a person does: each followed, or refused in one line,
with nothing lost.
"""

from __future__ import annotations

import gzip
import shlex

import pytest
from alphakb import alpha_with_claim, one_error, one_paper_arxiv
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
    return one_paper_arxiv(server)


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


# -- a PDF whose object streams hold each other in a loop ----------------------------------------

def _objstm_loop(plain_header: bool) -> bytes:
    """One page whose catalog and page tree are in object stream 6, which the cross-reference
    stream says is inside itself (6 -> 6); with `plain_header` the stream is also written as a
    plain `6 0 obj`, which PDFium finds by scanning the file, and pypdf does not."""
    import struct

    cat, pages = b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
    content = b"BT /F1 12 Tf 72 720 Td (Looping streams hold 12 kWh) Tj ET"
    head = b"1 0 2 %d " % (len(cat) + 1)
    body = head + cat + b" " + pages
    out = bytearray(b"%PDF-1.5\n")
    offs = {3: len(out)}
    out += (b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> "
            b"/Contents 4 0 R >>\nendobj\n")
    offs[4] = len(out)
    out += b"4 0 obj\n<< /Length %d >>\nstream\n%s\nendstream\nendobj\n" % (len(content), content)
    offs[5] = len(out)
    out += b"5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n"
    out += (b"6 0 obj\n" if plain_header else b"") + b"<< /Type /ObjStm /N 2 /First %d /Length %d >>\nstream\n" % (
        len(head), len(body)) + body + b"\nendstream\nendobj\n"
    xref = len(out)
    rows = [(0, 0, 65535), (2, 6, 0), (2, 6, 1), (1, offs[3], 0), (1, offs[4], 0), (1, offs[5], 0), (2, 6, 0),
            (1, xref, 0)]
    data = b"".join(struct.pack(">BIH", *r) for r in rows)
    out += b"7 0 obj\n<< /Type /XRef /Size 8 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n" % len(data)
    return bytes(out + data + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % xref)


@pytest.mark.parametrize("plan", ["pdfium", "pypdf"])
def test_a_pdf_whose_object_streams_loop_is_said_in_words(plan):
    """PDFium said "Failed to load document (PDFium: Data format error)." and pypdf "Circular
    object-stream reference detected: 6 -> 6", each in its own terms: the file is said to hold
    object streams in a loop, and that neither extractor can read it."""
    from kb.errors import PDFError
    from kb.sources.pdf import extract_plan

    with pytest.raises(PDFError) as err:
        extract_plan(_objstm_loop(plain_header=False), plan, source="loop.pdf")
    said = err.value.message
    assert said.startswith("loop.pdf is corrupt"), said
    assert "object streams contain each other in a loop (objects 6 -> 6)" in said, said
    assert "PDFium cannot read it either" in said and "Failed to load" not in said, said


def test_a_loop_pdfium_reads_past_is_read(kb_root, tmp_path):
    pdf = tmp_path / "loop.pdf"
    pdf.write_bytes(_objstm_loop(plain_header=True))
    r = run_kb("add", "--offline", pdf)
    assert r.code == 0, r.err
    (paper,) = run_kb("ls", "--json").json
    assert "12 kWh" in run_kb("text", "show", paper["citekey"], "--page", "1").out


@pytest.mark.parametrize("code, said", [(0, "PDFium finds no document in it: its cross-reference data leads "
                                            "nowhere (a loop among its object streams"),
                                        (3, "PDFium finds no document in it: its cross-reference data or object "
                                            "streams are broken")])
def test_pdfium_failing_with_no_reason_is_said_in_words_and_pypdf_reads_it(monkeypatch, code, said):
    """PDFium reports some files it finds no document in as "Failed to load document (PDFium:
    Success)": kb said that, and a file pypdf reads was then read by pypdf with that note."""
    import pypdfium2

    from kb.sources.pdf import extract_plan

    def fails(*args, **kwargs):
        raise pypdfium2.PdfiumError(f"Failed to load document (PDFium: {'Success' if code == 0 else 'x'}).",
                                    err_code=code)
    monkeypatch.setattr(pypdfium2, "PdfDocument", fails)
    text = "Power Hungry Processing: the models we trained used 12 kWh of energy in all."
    got = extract_plan(make_pdf([text, text]), "pdfium", source="x.pdf")
    assert "12 kWh" in got.pages[1]
    (note,) = got.warnings
    assert note.startswith(f"pdfium could not read it (x.pdf is corrupt: {said}") and note.endswith(
        "; its text is pypdf's"), note
    assert "Success" not in note


# -- the truth files as editors and git leave them ---------------------------------------------

def test_an_editors_hidden_files_beside_a_claims_file_are_not_claims_files(alpha):
    """Emacs locks claims/x.toml with a link to nowhere named `.#x.toml` and macOS writes
    `._x.toml` beside it on some disks: kb read both as claims files, so every command said
    the lock could not be read, or refused the copy's ids as used twice. kb never writes a
    hidden claims file (a key's leading '.' is escaped): those are not claims files."""
    claims = alpha / "claims"
    real = claims / "alpha2020energy.toml"
    (claims / ".#alpha2020energy.toml").symlink_to("ada@laptop.4242:1700000000")
    (claims / "._alpha2020energy.toml").write_bytes(real.read_bytes())
    (claims / "alpha2020energy.toml~").write_bytes(real.read_bytes())
    (claims / ".alpha2020energy.toml.swp").write_bytes(b"b0VIM 9.0\x00\x00")
    (claims / "archive").mkdir()                  # nor in a subfolder, where kb says a claims file moved
    (claims / "archive" / "._alpha2020energy.toml").write_bytes(real.read_bytes())
    for args in [("claims",), ("verify",), ("doctor",), ("doctor", "--prune"), ("rebuild",), ("claims",)]:
        r = run_kb(*args)
        assert r.code == 0 and r.err == "", (args, r.out + r.err)
    assert [c["id"] for c in run_kb("claims", "--json").json] == ["energy"]
    assert run_kb("rename", "alpha2020energy", "alpha2020power").code == 0
    assert (claims / "._alpha2020energy.toml").read_bytes() == (claims / "alpha2020energy.toml~").read_bytes()


CONFLICTED = {
    "between entries": lambda bib: "<<<<<<< HEAD\n" + bib + "=======\n" + bib.replace("alpha2020energy",
                                                                                      "alpha2020power")
    + ">>>>>>> theirs\n",
    "inside an entry": lambda bib: bib.replace("  year = {2020},\n", "<<<<<<< HEAD\n  year = {2020},\n"
                                               "=======\n  year = {2021},\n>>>>>>> 5e1f2a9 (fix year)\n"),
}


@pytest.mark.parametrize("where", sorted(CONFLICTED))
def test_a_merge_conflict_left_in_references_bib_is_named(alpha, where):
    """Between entries, BibTeX reads git's markers as a comment: kb took both sides as two
    papers; inside an entry it said "field '<<<<<<<': expected '='". Either is one line naming
    the conflict, and kb doctor --prune deletes nothing while it is there."""
    bib = alpha / "references.bib"
    bib.write_text(CONFLICTED[where](bib.read_text()))
    for args in [("ls",), ("claims",), ("verify",), ("rebuild",)]:
        one_error(run_kb(*args), "references.bib:1: holds a merge conflict left unresolved" if where[0] == "b"
                  else "references.bib:4: holds a merge conflict left unresolved", "delete the <<<<<<<")
    r = run_kb("doctor", "--prune")
    assert r.code in (1, 2) and "merge conflict" in r.out + r.err
    assert list((alpha / ".kb" / "cache" / "sources").glob("*.pages"))


@pytest.mark.parametrize("file", ["claims/alpha2020energy.toml", "kb.toml"])
def test_a_merge_conflict_left_in_a_toml_file_is_named(alpha, tmp_path, file):
    path = alpha / file
    text = path.read_text()
    line = text.splitlines()[3]
    path.write_text(text.replace(line + "\n", f"<<<<<<< ours\n{line}\n=======\n{line}  # theirs\n>>>>>>> theirs\n"))
    pdf = tmp_path / "other.pdf"
    pdf.write_bytes(make_pdf(["Another Paper", "Wells run hot."], title="Another Paper"))
    r = run_kb("add", "--offline", pdf) if file == "kb.toml" else run_kb("claims")
    one_error(r, f"{file}:4: holds a merge conflict left unresolved", "delete the <<<<<<<")


@pytest.mark.parametrize("file", ["claims/alpha2020energy.toml", "kb.toml"])
def test_a_toml_file_saved_as_utf16_kb_cannot_decode_is_said_so(alpha, tmp_path, file):
    """It was "is not UTF-8" (kb.toml: "is not UTF-8 TOML kb can read"), and without a byte-order
    mark TOML's own complaint of a character it could not name; references.bib said UTF-16.
    UTF-16 that decodes is read (test_redteam7.py); one a byte was cut from is said so."""
    path = alpha / file
    path.write_bytes(path.read_text().encode("utf-16")[:-1])
    pdf = tmp_path / "other.pdf"
    pdf.write_bytes(make_pdf(["Another Paper", "Wells run hot."], title="Another Paper"))
    r = run_kb("add", "--offline", pdf) if file == "kb.toml" else run_kb("claims")
    one_error(r, f"{file}: is UTF-16 kb cannot decode", "save it as UTF-8")


# -- a claims file renamed by hand ----------------------------------------------------------------

@pytest.mark.parametrize("name", ["alpha2020energy.TOML", "alpha2020energy.toml.txt", "alpha2020energy.toml~",
                                  "alpha2020energy.tml"])
def test_a_claims_file_renamed_out_of_toml_is_said_to_be_where_it_is(alpha, name):
    """Renamed so its name no longer ends in .toml, it was "deleted ... (git checkout to
    restore)", and kb doctor then found nothing to repair while the file sat in claims/."""
    claims = alpha / "claims"
    (claims / "alpha2020energy.toml").rename(claims / name)
    (claims / "README.md").write_text("# Notes on these claims\n[[not a table kb reads]]\n")
    r = run_kb("claims")
    # said once, before the empty listing's own line
    assert r.code == 0 and r.err.count("\n") == 2 and r.err.endswith("\nkb: no claims yet\n"), r.err
    assert r.err.startswith(f"kb: claims/alpha2020energy.toml is gone, and claims/{name} holds quotes, claims or "
                            "checks"), r.err
    assert f"(mv {shlex.quote('claims/' + name)} claims/alpha2020energy.toml to restore)" in r.err
    r = run_kb("doctor")
    assert r.code == 1 and f"problem: claims/{name}: holds quotes, claims or checks, but kb reads it as no " \
                           "claims file" in r.out, r.out
    assert f"mv {shlex.quote('claims/' + name)} claims/alpha2020energy.toml" in r.out and "README" not in r.out
    (claims / name).rename(claims / "alpha2020energy.toml")
    assert run_kb("doctor").code == 0 and [c["id"] for c in run_kb("claims", "--json").json] == ["energy"]


def test_a_backup_beside_its_claims_file_is_no_problem(alpha):
    claims = alpha / "claims"
    for name in ["alpha2020energy.toml~", "alpha2020energy.toml.bak", "alpha2020energy.toml.orig"]:
        (claims / name).write_bytes((claims / "alpha2020energy.toml").read_bytes())
    r = run_kb("doctor")
    assert r.code == 0 and r.err == "", r.out + r.err


def test_a_claims_file_renamed_for_no_paper_says_which_paper_it_is_about(alpha):
    """claims/notes.toml (renamed from claims/alpha2020energy.toml) made its records cite
    `notes`, and kb doctor's fix was "restore the entry in references.bib, or kb quote rm": the
    file's first line, as kb wrote it, names its paper; the fix is to rename it back."""
    claims = alpha / "claims"
    (claims / "alpha2020energy.toml").rename(claims / "notes.toml")
    r = run_kb("verify")
    assert r.code == 1 and "notes is not in references.bib: claims/notes.toml is named for no paper, and it says " \
                           "it holds the quotes and claims of alpha2020energy; rename it claims/alpha2020energy.toml" \
                           in r.out, r.out
    r = run_kb("doctor")
    assert r.code == 1 and "fix: rename it claims/alpha2020energy.toml" in r.out and "restore the entry" not in r.out
    (claims / "notes.toml").write_text((claims / "notes.toml").read_text().replace("from alpha2020energy",
                                                                                    "from nobody2020"))
    assert "restore the entry in references.bib" in run_kb("doctor").out


# -- an entry taken out of references.bib by hand --------------------------------------------------

BETA = "@misc{beta2021x, title = {Beta}, author = {B, C}, year = 2021}\n"


@pytest.mark.parametrize("how, said", [
    ("moved", "more.bib holds it, but kb reads references.bib alone: move the entry back into references.bib"),
    ("renamed", "if you renamed it alpha2020power in references.bib, kb rename alpha2020energy alpha2020power moves the rest"),
    # the .bib it was imported from, left beside, holds the old key: moving it back made a duplicate
    ("renamed beside its import", "if you renamed it alpha2020power in references.bib, kb rename alpha2020energy alpha2020power"),
    ("deleted", "restore the entry, or remove them from claims/alpha2020energy.toml if you no longer want them"),
])
def test_an_entry_taken_out_of_references_bib_that_records_cite_is_said_once(alpha, how, said):
    """An entry moved into a second .bib (kb reads references.bib alone), renamed or deleted by
    hand left `kb ls` silent while its quote and claim lost their paper: only kb verify and kb
    doctor said so. The command that first sees it says it once, with what it holds."""
    bib = alpha / "references.bib"
    text = bib.read_text()
    if how == "moved":
        (alpha / "more.bib").write_text(text)
        bib.write_text(BETA)
    elif how.startswith("renamed"):
        if how != "renamed":
            (alpha / "imported.bib").write_text(text)
        bib.write_text(text.replace("alpha2020energy,", "alpha2020power,"))
    else:
        bib.write_text(BETA)
    r = run_kb("ls")
    assert r.code == 0 and r.err.count("\n") == 1, r.err
    assert r.err.startswith("kb: alpha2020energy is no longer in references.bib, but its 1 claim still cites it")
    assert said in r.err, r.err
    assert run_kb("ls").err == ""                 # said once
    assert run_kb("verify").code == 1 and run_kb("claims", "--json").json[0]["id"] == "energy"


def test_kb_removing_or_renaming_an_entry_says_nothing_of_the_kind(alpha):
    assert run_kb("rename", "alpha2020energy", "alpha2020power").err == ""
    assert run_kb("rm", "--force", "alpha2020power").code == 0
    assert run_kb("ls").err == "kb: no papers yet: kb add arxiv:2311.16863\n"      # the empty listing's line alone


# -- a check's tolerance of a type kb does not read ------------------------------------------------

@pytest.mark.parametrize("tolerance, said", [("true", "bool"), ("1979-05-27", "date"), ('["5%"]', "list"),
                                             ("{ relative = 0.05 }", "dict")])
def test_a_tolerance_of_a_type_kb_does_not_read_is_one_line_not_dropped(alpha, tolerance, said):
    """A tolerance that is no string and no number was dropped in silence: the check was judged
    without it, a pass or a fail nobody asked for."""
    (alpha / "claims" / "checks.toml").write_text(
        f'[[check]]\nid = "half"\nstated = "660 MWh"\nexpr = "alpha2020energy.energy / 2"\ntolerance = {tolerance}\n')
    for args in [("check",), ("claims",)]:
        one_error(run_kb(*args), "claims/checks.toml:1: check half: `tolerance` must be a string such as "
                  f'"5%" or "0.1 kWh", not {said}')
    (alpha / "claims" / "checks.toml").write_text(
        '[[check]]\nid = "half"\nstated = "660 MWh"\nexpr = "alpha2020energy.energy / 2"\ntolerance = "5%"\n')
    r = run_kb("check")
    assert r.code == 0 and "pass" in r.out, r.out + r.err


@pytest.mark.parametrize("second, said", [
    ("alpha2020energy", "references.bib:8: duplicate citekey 'alpha2020energy' (line 1 has it already; each entry "
                        "needs its own key: keep one if both are the same paper)"),
    ("Alpha2020Energy", "references.bib:8: duplicate citekey 'Alpha2020Energy' (line 1 has 'alpha2020energy' "
                        "(BibTeX does not tell upper from lower case"),
])
def test_an_entry_pasted_twice_is_said_plainly(alpha, second, said):
    """The same key written twice was explained as BibTeX's case folding and Unicode forms."""
    bib = alpha / "references.bib"
    bib.write_text(bib.read_text() + bib.read_text().replace("alpha2020energy", second).replace("Energy Use",
                                                                                                "Energy Used"))
    one_error(run_kb("ls"), said)


def test_a_copy_of_a_claims_file_is_never_told_to_replace_the_original(alpha):
    """A copy under another name (claims/copy.toml beside claims/alpha2020energy.toml): renaming
    it as a renamed file should be would replace the original, so kb says to merge it instead."""
    claims = alpha / "claims"
    (claims / "copy.toml").write_bytes((claims / "alpha2020energy.toml").read_bytes())
    r = run_kb("doctor")
    assert r.code == 1 and "whose own claims/alpha2020energy.toml is there too; fix: move what claims/copy.toml " \
                           "adds into claims/alpha2020energy.toml, then delete claims/copy.toml" in r.out, r.out
    assert "rename it" not in r.out

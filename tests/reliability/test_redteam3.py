"""Nothing lost, round three: more classes of defect an independent red-team run found.

As in test_redteam.py, each test builds its own hostile situation (the claims folder
replaced by a file, a claims file moved into a subfolder, a misspelt kb.toml key, ...)
and checks the promised exit code with one `kb: error:` line, that nothing is lost,
and that `kb doctor` names the real problem.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from alphakb import BIB, alpha_with_claim, one_error, one_paper_arxiv
from kbrun import run_kb


@pytest.fixture
def alpha(kb_root, tmp_path):
    return alpha_with_claim(kb_root, tmp_path)


def _doctor_clean() -> None:
    r = run_kb("doctor")
    assert r.code == 0 and "nothing to repair" in r.out, r.out + r.err


# -- the claims folder replaced by something kb cannot list ------------------------------------

def _replace_claims_folder(root: Path, tmp_path: Path, how: str) -> Path:
    kept = tmp_path / "claims-kept"
    shutil.move(root / "claims", kept)
    if how == "file":
        (root / "claims").write_text("not a folder\n")
    else:
        (root / "claims").symlink_to(tmp_path / "nowhere")
    return kept


@pytest.mark.parametrize("how, why", [("file", "a file, not a folder"), ("link", "a link to a missing folder")])
def test_a_claims_folder_kb_cannot_list_stops_every_command_and_loses_nothing(alpha, tmp_path, how, why):
    """Read as empty, it dropped every quote and claim from the index in silence (kb doctor:
    nothing to repair), and `kb claim add` then failed with an internal error."""
    kept = _replace_claims_folder(alpha, tmp_path, how)
    for args in (("ls",), ("claims",), ("verify",), ("rebuild",),
                 ("claim", "add", "alpha2020energy", "552 tCO2e", "--quote", "emitted 552 tCO2e in total")):
        one_error(run_kb(*args), "claims/", why)
    r = run_kb("doctor")
    assert r.code == 1 and f"claims/: cannot read ({why})" in r.out, r.out + r.err
    assert "is gone" not in r.out and "kb rebuild" not in r.out      # rebuilding would not help
    # Put back: the index still held everything, and nothing needs re-adding.
    (alpha / "claims").unlink()
    shutil.move(kept, alpha / "claims")
    r = run_kb("claims", "--json")
    assert r.code == 0 and [c["id"] for c in json.loads(r.out)] == ["energy"], r.out + r.err
    assert "deleted" not in r.err
    _doctor_clean()


def test_no_claims_folder_at_all_is_no_claims_files(kb_root):
    (kb_root / "references.bib").write_text(BIB)
    shutil.rmtree(kb_root / "claims")
    assert run_kb("ls").code == 0
    _doctor_clean()


# -- a claims file moved into a subfolder ------------------------------------------------------

def test_a_claims_file_moved_into_a_subfolder_is_said_to_be_there(alpha):
    """Said to be "deleted", and kb doctor found nothing to repair: the file is where the
    person put it, and kb reads claims/*.toml only."""
    sub = alpha / "claims" / "archive" / "2020"
    sub.mkdir(parents=True)
    (alpha / "claims" / "alpha2020energy.toml").rename(sub / "alpha2020energy.toml")
    r = run_kb("ls")
    assert r.code == 0
    assert ("claims/alpha2020energy.toml was moved to claims/archive/2020/alpha2020energy.toml, where kb reads "
            "no claims file") in r.err, r.err
    assert "mv claims/archive/2020/alpha2020energy.toml claims/" in r.err
    r = run_kb("doctor")
    assert r.code == 1, r.out
    assert "problem: claims/archive/2020/alpha2020energy.toml: is in a subfolder of claims/" in r.out, r.out
    (sub / "alpha2020energy.toml").rename(alpha / "claims" / "alpha2020energy.toml")
    r = run_kb("claims", "--json")
    assert r.code == 0 and [c["id"] for c in json.loads(r.out)] == ["energy"]
    _doctor_clean()


def test_a_claims_file_really_deleted_is_still_said_deleted(alpha):
    (alpha / "claims" / "other").mkdir()
    (alpha / "claims" / "other" / "notes.toml").write_text("x = 1\n")        # another name: not it
    (alpha / "claims" / "alpha2020energy.toml").unlink()
    r = run_kb("ls")
    assert r.code == 0 and "claims/alpha2020energy.toml was deleted: its 1 claim" in r.err, r.err


# -- kb.toml keys kb does not know ---------------------------------------------------------------

@pytest.mark.parametrize("edit, named", [
    (("max_pages = 2000", "max_page = 5000"), "6: [limits] unknown key `max_page` (did you mean `max_pages`?)"),
    (("max_stream_mb = 75", "max_stream_MB = 300"),
     "7: [limits] unknown key `max_stream_MB` (did you mean `max_stream_mb`?)"),
    (("[limits]", "[limit]"), "4: unknown key `limit` (did you mean `limits`?)"),
])
def test_a_misspelt_kb_toml_key_is_named_not_ignored(alpha, tmp_path, edit, named):
    """A misspelt limit was ignored in silence: the PDF it was raised for was still refused
    by the default limit, and kb doctor found nothing to repair. kb doctor calls it a problem; every
    other command says it once, and reads the rest of kb.toml."""
    marker = alpha / "kb.toml"
    text = marker.read_text()
    assert edit[0] in text
    marker.write_text(text.replace(edit[0], edit[1], 1))
    r = run_kb("doctor")
    assert r.code == 1 and f"problem: kb.toml:{named}" in r.out, r.out + r.err
    from pdfgen import make_pdf

    pdf = tmp_path / "p.pdf"
    pdf.write_bytes(make_pdf(["Gamma Models and Their Energy", "Ada Lovelace", "Abstract", "Gamma models use 5 kWh."]))
    r = run_kb("add", "--offline", pdf)
    assert r.code == 0 and [line for line in r.err.splitlines() if "unknown key" in line] == [
        f"kb: kb.toml:{named}, not read; " + r.err.split(", not read; ", 1)[1].split("\n", 1)[0]], r.err
    assert "gamma" in (alpha / "references.bib").read_text().lower()


def test_a_persons_own_kb_toml_key_is_left_alone(alpha):
    marker = alpha / "kb.toml"
    marker.write_text(marker.read_text() + "x_reviewer = \"me\"\n\n[x_mine]\nnote = 1\n")
    _doctor_clean()


# -- an answer or a file that is no PDF is said for what it is ------------------------------------

def _zip() -> bytes:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("paper.txt", "not a pdf")
    return buf.getvalue()


@pytest.fixture
def arxiv(server):
    return one_paper_arxiv(server)


@pytest.mark.parametrize("body, said", [
    (b"", "0 bytes"), (b"\r\n \n", "only white space (4 bytes)"), (None, "a ZIP archive"),
    (b"<!DOCTYPE html><html><body>Verify you are human</body></html>", "an HTML page"),
    (b'{"error": "rate limited"}', "JSON"), (b"\x1f\x8b\x08\x00rest", "gzip data"),
])
def test_an_arxiv_pdf_answer_that_is_no_pdf_is_said_for_what_it_is(kb_root, arxiv, body, said):
    """It was "sent application/pdf instead of a PDF (b'PK\\x03\\x04\\x14...')": the
    right content type said to be wrong, and the answer's bytes as a Python literal."""
    arxiv.papers["2311.16863"]["versions"][3] = _zip() if body is None else body
    r = run_kb("add", "2311.16863")
    one_error(r, f"sent {said} (", "instead of a PDF for 2311.16863v3; nothing was kept")
    assert "b'" not in r.err and "\\x" not in r.err
    assert (kb_root / "references.bib").read_text() == "" and run_kb("ls", "--json").json == []


@pytest.mark.parametrize("body, said", [
    (b"", "is 0 bytes"), (None, "is a ZIP archive"), (b"<html><body>Sign in</body></html>", "is an HTML page"),
])
def test_a_file_named_pdf_that_is_no_pdf_is_said_for_what_it_is(kb_root, tmp_path, body, said):
    path = tmp_path / "paper.pdf"
    path.write_bytes(_zip() if body is None else body)
    r = run_kb("add", "--offline", path)
    assert r.code == 2 and f"paper.pdf {said} (no %PDF- header in its first 1024 bytes)" in r.err, r.err
    assert (kb_root / "references.bib").read_text() == ""


# -- a citekey too long to name a file ----------------------------------------------------------

def test_a_key_too_long_for_a_file_name_is_said_shortly_and_can_be_renamed(kb_root, tmp_path):
    """BibTeX takes a key of any length, and kb import keeps it; a quote on it is refused
    (claims/<key>.toml cannot be made), but the refusal echoed the whole key, and kb rename,
    the way out, was refused the same way."""
    key = "energy" + "x" * 294
    bib = tmp_path / "long.bib"
    bib.write_text(f"@misc{{{key},\n  title = {{Long Keys in Practice}},\n  author = {{Doe, Jane}},\n"
                   "  year = {2021},\n}\n")
    assert run_kb("import", bib).code == 0
    pages = tmp_path / "p.json"
    pages.write_text(json.dumps(["We used 12 kWh of energy."]))
    assert run_kb("text", "load", key, pages).code == 0
    r = run_kb("quote", "add", key, "We used 12 kWh of energy")
    one_error(r, "(300 characters) cannot be used as a file name", "kb rename")
    assert key not in r.err
    r = run_kb("rename", key, "doe2021long")
    assert r.code == 0, r.err
    r = run_kb("quote", "add", "doe2021long", "We used 12 kWh of energy")
    assert r.code == 0, r.err
    assert (kb_root / "claims" / "doe2021long.toml").is_file()
    assert key in (kb_root / "references.bib").read_text()          # kept in ids
    _doctor_clean()


# -- numbers too large ----------------------------------------------------------------------------

@pytest.mark.parametrize("locator, cited", [("p. 12345678", "12345678"), ("pp. 2-99999999999999999999", None),
                                            ("p. 99999999999999999999999", "99999999999999999999999")])
def test_a_page_locator_of_many_digits_is_a_wrong_page_not_ignored(alpha, tmp_path, locator, cited):
    """A locator of seven digits or more was read as no page number at all ('iv' is not
    checked): the quote stood ok whatever page the note cited."""
    note = tmp_path / "n.md"
    note.write_text(f"> We trained 12 models on 64 GPUs for 3 days [@alpha2020energy, {locator}]\n\n"
                    "> We trained 12 models on 64 GPUs for 3 days [@alpha2020energy, p. 1]\n")
    r = run_kb("verify", "--note", note)
    assert r.code == 1 and f"{note}:1: wrong-page" in r.out and f"{note}:3: ok " in r.out, r.out + r.err
    if cited:
        assert f"the note cites p. {cited}, but the quote is on page 1" in r.out


@pytest.mark.parametrize("args", [("claims", "promote", "99999999999999999999999"),
                                  ("claims", "dismiss", "1", "99999999999999999999999"),
                                  ("graph", "missing", "--top", "99999999999999999999999")])
def test_a_whole_number_beyond_what_the_index_counts_is_one_line(alpha, args):
    """It was an internal error (OverflowError: Python int too large to convert to SQLite INTEGER)."""
    one_error(run_kb(*args), "too large")


# -- a path holding a newline or an escape --------------------------------------------------------

@pytest.mark.parametrize("args, said", [
    (("add", "--offline", "new\nline.pdf"), "no such file: 'new\\nline.pdf'"),
    (("import", "a\nb.bib"), "cannot read the BibTeX file 'a\\nb.bib'"),
    (("verify", "--note", "x\x1b[2Jy.md"), "cannot read the note 'x\\x1b[2Jy.md'"),
])
def test_a_path_with_a_newline_or_an_escape_is_named_on_one_line(kb_root, args, said):
    """The error named the path as it is: a newline in it broke the one line in two."""
    one_error(run_kb(*args), said)


def test_a_folder_with_a_newline_in_its_name_is_named_on_one_line(kb_root, tmp_path):
    folder = tmp_path / "d\nir.pdf"
    folder.mkdir()
    one_error(run_kb("add", "--offline", folder), "'" + str(folder).replace("\n", "\\n") + "' is a folder: give the PDFs in it")


@pytest.mark.parametrize("body, said", [
    (b"<html><body>Too many requests</body></html>", "sent an HTML page (application/json) instead of JSON"),
    (b'{"message": {"title": ["Energy', "sent JSON that is cut off or malformed (Unterminated string"),
    (b"\x00\x01\x02\xff" * 50, "sent 200 bytes (application/json) instead of JSON"),
    (b"[" * 100_000, "sent JSON nested too deeply to read"),
])
def test_an_answer_that_is_no_json_is_said_for_what_it_is(kb_root, server, monkeypatch, body, said):
    """It was "sent something that is not JSON (b'<html><body>...')": the answer's bytes as a
    Python literal."""
    from httpserver import Reply

    monkeypatch.setenv("KB_CROSSREF_URL", server.url)
    monkeypatch.setenv("KB_DOI_URL", server.url)
    server.routes["*"] = Reply(200, body, {"Content-Type": "application/json"})
    r = run_kb("add", "doi:10.1234/energy.2020")
    one_error(r, said)
    assert "b'" not in r.err and (kb_root / "references.bib").read_text() == ""


# -- a claims file saved with a byte-order mark or Windows line endings ---------------------------

@pytest.mark.parametrize("bom, newline", [("\ufeff", "\n"), ("", "\r\n"), ("\ufeff", "\r\n")])
def test_kb_writes_into_a_claims_file_saved_with_a_bom_or_crlf_as_it_was_saved(alpha, bom, newline):
    """A byte-order mark (Notepad) made kb quote add an internal error (tomlkit: Empty key);
    Windows line endings were all rewritten to \\n by the first write."""
    path = alpha / "claims" / "alpha2020energy.toml"
    mine = "# my notes on alpha\n" + path.read_text()
    path.write_bytes((bom + mine.replace("\n", newline)).encode())
    assert run_kb("quote", "add", "alpha2020energy", "We trained 12 models on 64 GPUs").code == 0
    assert run_kb("claim", "add", "alpha2020energy", "552 tCO2e", "--quote", "emitted 552 tCO2e in total",
                  "--id", "emitted").code == 0
    r = run_kb("quote", "rm", "we-trained-models-gpus")
    assert r.code == 0, r.err
    data = path.read_bytes().decode()
    assert data.startswith(bom + "# my notes on alpha" + newline) and data.count("\ufeff") == len(bom)
    assert data.count("\n") == data.count(newline) and "emitted" in data
    assert data.startswith(bom + mine.replace("\n", newline))       # what was there is kept byte for byte
    r = run_kb("rename", "alpha2020energy", "alpha2020models")
    assert r.code == 0, r.err
    moved = (alpha / "claims" / "alpha2020models.toml").read_bytes().decode()
    assert moved.startswith(bom) and moved.count("\n") == moved.count(newline)
    r = run_kb("claims", "--json")
    assert sorted(c["id"] for c in r.json) == ["emitted", "energy"]
    _doctor_clean()


def test_a_references_bib_saved_with_windows_line_endings_keeps_them(alpha, tmp_path):
    """kb's own lines (a tag, an imported entry, the kb-owned list) ended in \\n in a file whose
    every line ended in \\r\\n: a mix, and every such line a change in the person's diff."""
    bib = alpha / "references.bib"
    before = bib.read_text().replace("\n", "\r\n")
    bib.write_bytes(before.encode())
    assert run_kb("tag", "alpha2020energy", "+energy").code == 0
    other = tmp_path / "in.bib"
    other.write_text("@misc{beta2021,\n  title = {Beta Paper About Power},\n  author = {Beta, Bob},\n"
                     "  year = {2021},\n}\n")
    assert run_kb("import", other).code == 0
    data = bib.read_bytes()
    assert b"beta2021" in data and b"energy" in data
    assert data.count(b"\n") == data.count(b"\r\n"), data
    _doctor_clean()


def test_a_file_with_both_line_endings_is_left_as_it_is(alpha, tmp_path):
    bib = alpha / "references.bib"
    mixed = bib.read_text().replace("\n", "\r\n", 2)
    bib.write_bytes(mixed.encode())
    assert run_kb("tag", "alpha2020energy", "+energy").code == 0
    data = bib.read_bytes().decode()
    assert data.count("\r\n") == 2                      # no line of kb's, nor of the person's, changed


# -- an option given an empty value -------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ("export", "bib", "--cite", "", "-o", "-"), ("export", "bib", "--cite", " , ", "-o", "-"),
    ("export", "csl-json", "--quotes", "", "-o", "-"), ("export", "note", "--paper", "", "-o", "-"),
    ("export", "bib", "--paper", "", "-o", "-"), ("claims", "--paper", ""), ("claims", "--unit", " "),
    ("quote", "ls", "--paper", ""), ("search", "models", "--paper", ""),
])
def test_an_option_naming_papers_given_an_empty_value_is_refused_not_read_as_all(alpha, tmp_path, args):
    """`kb export bib --cite "$KEY"` with KEY unset exported every entry; `kb claims --paper ""`
    listed every paper's claims."""
    other = tmp_path / "in.bib"
    other.write_text("@misc{beta2021,\n  title = {Beta Paper About Power},\n  author = {Beta, Bob},\n"
                     "  year = {2021},\n}\n")
    assert run_kb("import", other).code == 0
    option = next(a for a in args if a.startswith("--"))
    r = run_kb(*args)
    one_error(r, f"{option} ", "names nothing")
    assert r.out == ""
    assert run_kb("export", "bib", "--cite", "beta2021", "-o", "-").out.count("@misc") == 1

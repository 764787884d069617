"""Round thirteen: hostile and unusual input at every boundary: an -o naming a person's own
file, selectors naming nothing, a file name taken for provenance, a page tree holding itself,
keys older kb wrote escaped, ...; each taken and said, or refused in one line with the right
exit code, nothing lost.
"""

from __future__ import annotations

import os

import pytest
from httpserver import Reply
from kbrun import run_kb
from pdfgen import make_looping_tree_pdf, make_pdf

from kb.errors import PDFError
from kb.ops.session import open_kb
from kb.sources import pdf
from kb.sources.citekey import field_key, key_list
from kb.store.queries import resolve_alias
from kb.text.ids import find_arxiv_stamp

ENTRY = "@article{p2020,\n  title = {P},\n  author = {Doe, J},\n  year = {2020},\n}\n"


def quoted(kb_root):
    """A knowledge base of one paper and one quote (unverified: kb holds no text of it)."""
    (kb_root / "references.bib").write_text(ENTRY)
    (kb_root / "claims" / "p2020.toml").write_text('[[quote]]\nid = "q"\ntext = "Some words"\nstatus = "unverified"\n')


# -- -o over a file kb did not write ------------------------------------------------------------------------------

@pytest.mark.parametrize("args", [("export", "note"), ("graph", "export", "-f", "json")])
def test_an_output_over_a_persons_own_file_is_refused_unless_forced(kb_root, args):
    """`kb export note -o notes.md` replaced a person's notes.md without a word."""
    quoted(kb_root)
    mine = kb_root / "mine.txt"
    mine.write_text("my own notes\n")
    r = run_kb(*args, "-o", mine)
    assert r.code == 2 and "exists, and kb did not write it; nothing written" in r.err and "--force" in r.err
    assert r.err.count("\n") == 1 and mine.read_text() == "my own notes\n", r.err
    assert run_kb(*args, "-o", mine, "--force").code == 0 and mine.read_text() != "my own notes\n"
    assert run_kb(*args, "-o", mine).code == 0                  # kb's own, unchanged since: replaced
    with open(mine, "a") as fh:                                 # a person's edit of kb's export: kept
        fh.write("edited\n")
    r = run_kb(*args, "-o", mine)
    assert r.code == 2 and "the file was changed after kb wrote it" in r.err and mine.read_text().endswith("edited\n")


@pytest.mark.skipif(__import__("shutil").which("git") is None, reason="git is not installed")
def test_an_export_git_holds_as_it_is_is_regenerated_and_one_edited_since_is_kept(kb_root):
    """A knowledge base kept in git with its exports committed (this repository's exports/): in
    a fresh clone kb holds no record of writing them, but git gives them back, so regenerating
    one loses nothing; the same file edited since (git holds it otherwise) is kept."""
    import subprocess

    quoted(kb_root)
    out = kb_root / "exports" / "notes.md"
    out.parent.mkdir()
    out.write_text("an export made in another clone\n")
    git = ["git", "-C", str(kb_root), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    for step in (["init", "-q"], ["add", "exports/notes.md"], ["commit", "-q", "-m", "exports"]):
        subprocess.run(git + step, check=True, capture_output=True)
    assert run_kb("export", "note", "-o", out).code == 0 and out.read_text() != "an export made in another clone\n"
    out.write_text("an export made in another clone\nand my edit\n")     # git holds it otherwise now
    r = run_kb("export", "note", "-o", out)
    assert r.code == 2 and "the file was changed after kb wrote it" in r.err and out.read_text().endswith("my edit\n")
    untracked = kb_root / "exports" / "mine.md"                 # in the repository, never added to it
    untracked.write_text("mine\n")
    assert run_kb("export", "note", "-o", untracked).code == 2 and untracked.read_text() == "mine\n"


def test_the_bib_beside_a_markdown_export_is_refused_before_anything_is_written(kb_root):
    quoted(kb_root)
    (kb_root / "refs.bib").write_text("@misc{kept, title = {Mine}}\n")
    r = run_kb("export", "note", "-f", "markdown", "-o", kb_root / "refs.md")
    assert r.code == 2 and "refs.bib: the file exists, and kb did not write it" in r.err, r.err
    assert not (kb_root / "refs.md").exists() and "kept" in (kb_root / "refs.bib").read_text()
    empty = kb_root / "empty.md"                                # an empty file holds nothing to lose
    empty.write_text("")
    assert run_kb("export", "note", "-o", empty).code == 0
    odd = kb_root / os.fsdecode(b"a\xff.json")                 # a name holding a byte that is not UTF-8
    assert run_kb("export", "csl-json", "-o", odd).code == 0 and run_kb("export", "csl-json", "-o", odd).code == 0


# -- selectors naming nothing -------------------------------------------------------------------------------------

def test_a_candidate_number_naming_nothing_is_refused_and_nothing_dismissed(kb_root, tmp_path):
    """`kb claims dismiss 0` said 'dismissed 0 candidates' and exited 0."""
    (kb_root / "references.bib").write_text(ENTRY)
    page = tmp_path / "p.txt"
    page.write_text("We measured 12 kWh of energy on 3 GPUs for the whole run.")
    assert run_kb("text", "load", "p2020", page).code == 0 and run_kb("claims", "extract", "p2020").code == 0
    claims = kb_root / "claims" / "p2020.toml"
    for given in (["0"], ["1", "999"]):
        r = run_kb("claims", "dismiss", *given)
        assert r.code == 2 and r.err.startswith(f"kb: error: no candidate {given[-1]}; nothing dismissed"), r.err
        assert not claims.exists() or "dismissed" not in claims.read_text()
    assert run_kb("claims", "promote", "2", "--id", "gpus").code == 0
    r = run_kb("claims", "dismiss", "1", "2")
    assert r.code == 2 and "candidate 2 (claim gpus) is a claim already; nothing dismissed" in r.err, r.err
    assert run_kb("claims", "dismiss", "1").out == "dismissed 1 candidate\n"
    assert run_kb("claims", "dismiss", "1").out == "dismissed 0 candidates (1 dismissed already)\n"
    r = run_kb("claims", "--unreviewed", "--paper", "p2021")           # 'no candidates awaiting review', exit 0
    assert r.code == 2 and r.err.startswith("kb: error: no paper 'p2021'"), r.err
    r = run_kb("claims", "extract", "p2020", "--version", "v9")         # '(it has )'
    assert r.code == 2 and "kb holds no text of p2020 v9 (it has its unversioned text)" in r.err, r.err


@pytest.mark.parametrize("args", [("quote", "ls"), ("claims",), ("export", "note")])
def test_a_paper_option_naming_no_paper_is_refused_not_an_empty_listing(kb_root, args):
    """`kb quote ls --paper p2021` (a typo) said 'no quotes match' and exited 0."""
    quoted(kb_root)
    r = run_kb(*args, "--paper", "p2021")
    assert r.code == 2 and r.err.startswith("kb: error: no paper 'p2021'") and r.err.count("\n") == 1, r.err
    assert run_kb(*args, "--paper", "p2020").code == 0
    # records still filed under a key taken out of references.bib are listed by it
    (kb_root / "claims" / "p2020.toml").rename(kb_root / "claims" / "gone2019.toml")
    if args[0] != "export":
        assert run_kb(*args, "--paper", "gone2019").code == 0


def test_a_tag_to_remove_that_the_paper_does_not_have_is_refused_and_nothing_changed(kb_root):
    """`kb tag p2020 -enrgy` (a typo) exited 0 and the tag meant stayed, without a word."""
    (kb_root / "references.bib").write_text(ENTRY)
    assert run_kb("tag", "p2020", "+energy").code == 0
    r = run_kb("tag", "p2020", "+water", "-enrgy")
    assert r.code == 2 and r.err == "kb: error: p2020 has no tag 'enrgy'; nothing changed (its tags: energy)\n", r.err
    assert run_kb("tag", "p2020").out == "p2020: energy\n"


# -- keys older kb wrote escaped in fields of keys ----------------------------------------------------------------

def test_keys_older_kb_wrote_escaped_are_read_as_the_keys():
    assert key_list(r" lee\&kim2021 , a\%b,, x\#y, plain ") == ["lee&kim2021", "a%b", "x#y", "plain"]
    assert field_key(r" lee\&kim2021 ") == "lee&kim2021" and field_key(None) == "" and field_key("a_b") == "a_b"


def test_an_alias_and_a_crossref_older_kb_wrote_escaped_name_their_paper(kb_root):
    """kb rename once kept 'lee&kim2021' as 'lee\\&kim2021' in ids (and a crossref so): that
    alias named no paper; and kb doctor said every entry with a crossref differed from the
    index, with kb rebuild, which changed nothing, as the fix."""
    (kb_root / "references.bib").write_text(
        "@article{lk2021,\n  title = {P},\n  author = {Lee, A},\n  year = {2021},\n  ids = {lee\\&kim2021},\n}\n\n"
        "@inproceedings{child2021,\n  title = {C},\n  author = {Roe, B},\n  crossref = {lee\\&kim2021},\n}\n")
    assert resolve_alias(open_kb().conn, "lee&kim2021") == "lk2021"
    assert run_kb("show", "lee&kim2021").out.startswith("lk2021: P")
    assert run_kb("doctor").code == 0
    assert run_kb("rename", "lk2021", "lk").code == 0
    text = (kb_root / "references.bib").read_text()
    assert "ids = {lee&kim2021, lk2021}" in text and "crossref = {lk}" in text, text


# -- a file name taken for provenance -----------------------------------------------------------------------------

def test_an_arxiv_id_in_a_file_name_no_one_could_check_is_not_recorded(kb_root):
    """With the network down (or offline) the id a file name carries was filed as the paper's,
    with its year: a paper of 1950 saved as '2305.12345v2.pdf' became arXiv 2305.12345v2 of 2023."""
    path = kb_root.parent / "2305.12345v2.pdf"
    path.write_bytes(make_pdf(["Computing Machinery and Intelligence", "A. M. Turing", "I propose to consider "
                               "the question, 'Can machines think?'", "Mind, 1950."]))
    r = run_kb("add", path)                     # the base URLs lead nowhere: the network is down
    assert r.code == 0 and "its file name says arXiv 2305.12345v2, which the PDF does not print: not recorded" \
        in r.err, r.err
    info = run_kb("show", r.out.split()[1], "--json").json
    assert (info["arxiv_id"], info["versions"][0]["version"]) == (None, None) and info["year"] != 2023


# -- a page tree holding itself -------------------------------------------------------------------------------------

@pytest.mark.parametrize("plan", ["pdfium", "pypdf", "pypdf+pdfium"])
def test_a_page_tree_holding_itself_gives_the_pages_it_can_and_says_the_one_lost(plan):
    """A root /Pages listing itself among its /Kids: pypdf refuses the whole file ('cyclic page
    references') and PDFium counts the loop a page it cannot load: the PDF was refused, its
    readable pages with it."""
    data = make_looping_tree_pdf([["Results", "We measured 21 kWh of energy in the test."],
                                  ["Methods", "Each run took 40 hours on one GPU."]])
    got = pdf.extract_plan(data, plan, source="loop.pdf")
    assert got.status == "ok" and got.lost == [3] and got.plan == "pdfium"
    assert "21 kWh" in got.pages[0] and "40 hours" in got.pages[1] and got.pages[2] == ""
    assert "PDFium could not read page 3 of 3: kept empty" in " ".join(got.warnings), got.warnings
    with pytest.raises(PDFError, match="is corrupt: .*PDFium"):     # a tree of nothing but itself: no page
        pdf.extract_plan(make_looping_tree_pdf([], loop="only"), plan, source="loop.pdf")


def test_a_pdfium_failure_that_sets_no_reason_is_not_given_the_file_befores():
    """PDFium keeps its last error until a failure sets another, and a page tree of nothing
    but itself fails without setting one: read after an encrypted PDF, it was 'encrypted with
    a password' (CI ran the two in one worker, in that order)."""
    with pytest.raises(PDFError, match="encrypted with a password"):
        pdf.extract_plan(make_pdf(["Results", "We measured 21 kWh."], encrypt=True), "pdfium", source="first.pdf")
    for plan in ("pdfium", "pypdf"):
        with pytest.raises(PDFError) as err:
            pdf.extract_plan(make_looping_tree_pdf([], loop="only"), plan, source="loop.pdf")
        assert "is corrupt: " in str(err.value) and "password" not in str(err.value), str(err.value)
    with pytest.raises(PDFError, match="encrypted with a password"):     # a real one still is
        pdf.extract_plan(make_pdf(["Results"], encrypt=True), "pdfium", source="enc.pdf")


def test_a_page_pdfium_cannot_load_that_pypdf_passes_over_is_pypdfs_text_not_a_scan():
    """A /Kids entry naming the font: PDFium counts it a page it cannot load, pypdf passes
    over it. The empty page counted as a page without text: 'no text layer, probably scanned'."""
    got = pdf.extract_plan(make_looping_tree_pdf([["Results", "We measured 21 kWh."]], loop="font"), "pdfium",
                           source="odd.pdf")
    assert got.status == "ok" and got.plan == "pypdf" and [p.strip() for p in got.pages] == ["Results\nWe measured 21 kWh."]
    assert got.warnings == ["pdfium could not read page 2 of 2; its text is pypdf's"], got.warnings


# -- an index a newer kb made ---------------------------------------------------------------------------------------

def test_an_index_of_a_newer_schema_is_refused_in_one_line_and_rebuilt_on_request(kb_root):
    """kb read and wrote an index whose schema was newer than its own, and set its version
    back to its own: the newer kb would then have applied its migrations to it again."""
    import sqlite3

    (kb_root / "references.bib").write_text(ENTRY)
    assert run_kb("ls").code == 0
    with sqlite3.connect(kb_root / ".kb" / "kb.sqlite") as conn:
        conn.execute("PRAGMA user_version = 999")
    for args in (("ls",), ("quote", "add", "p2020", "Some words", "--force")):
        r = run_kb(*args)
        assert r.code == 2 and "the index was made by a newer kb (its schema is version 999" in r.err, r.err
        assert r.err.count("\n") == 1
    with sqlite3.connect(kb_root / ".kb" / "kb.sqlite") as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 999
    assert not (kb_root / "claims" / "p2020.toml").exists()
    assert run_kb("rebuild").code == 0 and run_kb("ls").out.splitlines()[1].startswith("p2020")


# -- the source cache deleted under the index -----------------------------------------------------------------------

def test_text_whose_cached_source_is_gone_is_said_by_doctor_and_kept_by_the_rebuild(kb_root, tmp_path):
    """The source cache deleted by hand (a disk cleaner): kb doctor found nothing to repair,
    and kb rebuild then dropped the papers' text without a word (then said it lost it; now it
    keeps the text the old index holds as a cached page text)."""
    import shutil

    (kb_root / "references.bib").write_text(ENTRY)
    page = tmp_path / "p.txt"
    page.write_text("We measured 12 kWh of energy for the whole run.")
    assert run_kb("text", "load", "p2020", page).code == 0 and run_kb("doctor").code == 0
    shutil.rmtree(kb_root / ".kb" / "cache" / "sources")
    r = run_kb("doctor")
    assert r.code == 1 and "problem: p2020: its cached source" in r.out and "only the index holds its text" in r.out \
        and "fix: kb rebuild: it keeps that text" in r.out, r.out
    r = run_kb("rebuild")
    assert r.code == 0 and "kept from the old index: the text of p2020" in r.out and "lost" not in r.err, r.out + r.err


# -- an index another program holds locked --------------------------------------------------------------------------

def test_an_index_another_program_holds_locked_is_one_line_not_an_internal_error(kb_root, monkeypatch):
    """A sqlite3 shell holding a write transaction on .kb/kb.sqlite past SQLite's busy timeout:
    'kb: internal error: OperationalError: database is locked'."""
    import sqlite3

    import kb.store.sqlite as kbsqlite

    (kb_root / "references.bib").write_text(ENTRY)
    assert run_kb("ls").code == 0
    monkeypatch.setattr(kbsqlite, "BUSY_TIMEOUT_MS", 100)
    other = sqlite3.connect(kb_root / ".kb" / "kb.sqlite", isolation_level=None)
    try:
        other.execute("begin exclusive")
        r = run_kb("quote", "add", "p2020", "Some words", "--force")
    finally:
        other.close()
    assert r.code == 2 and "the index .kb/kb.sqlite is locked by another program" in r.err, r.err
    assert "internal error" not in r.err and r.err.count("\n") == 1
    assert run_kb("quote", "ls").out.startswith("some-words")    # the file kept it; the index follows


# -- a claims file named in another case than its key ----------------------------------------------------------------

def test_a_claims_file_named_in_another_case_than_its_key_says_the_key_and_the_fix(kb_root):
    """claims/P2020.toml for references.bib's p2020: 'P2020 is not in references.bib', with
    'restore the entry, or kb quote rm' as the fix."""
    quoted(kb_root)
    (kb_root / "claims" / "p2020.toml").rename(kb_root / "claims" / "P2020.toml")
    r = run_kb("verify")
    assert r.code == 1 and "P2020 is not in references.bib as its claims file writes it: references.bib writes " \
        "p2020, in another case; rename the file claims/p2020.toml" in r.out, r.out
    r = run_kb("doctor")
    assert r.code == 1 and "fix: rename the file claims/p2020.toml" in r.out and "kb quote rm" not in r.out, r.out


# -- a note saved by its editor while kb rename rewrites it ------------------------------------------------------

def test_a_note_saved_while_kb_rename_runs_is_kept_and_nothing_renamed(kb_root, monkeypatch):
    """kb rename --note read the note, then wrote its renamed text back over whatever the
    editor had saved meanwhile."""
    import kb.ops.library as library

    (kb_root / "references.bib").write_text(ENTRY)
    note = kb_root.parent / "note.md"
    note.write_text("# Note\n\nAs [@p2020] says.\n")
    bib = (kb_root / "references.bib").read_bytes()
    follow = library._renamed_by_hand

    def saved_meanwhile(*args):
        with open(note, "a") as fh:
            fh.write("A line typed meanwhile.\n")
        return follow(*args)

    monkeypatch.setattr(library, "_renamed_by_hand", saved_meanwhile)
    r = run_kb("rename", "p2020", "p2021", "--note", note)
    assert r.code == 2 and "note.md changed after kb read it" in r.err and r.err.count("\n") == 1, r.err
    assert note.read_text().endswith("A line typed meanwhile.\n") and "[@p2020]" in note.read_text()
    assert (kb_root / "references.bib").read_bytes() == bib


def test_a_claims_file_saved_while_kb_rename_rewrites_its_checks_is_kept(kb_root, monkeypatch):
    """kb rename rewrote the checks naming the old key in a claims file it read, over a check
    typed into that file meanwhile."""
    import kb.ops.library as library

    (kb_root / "references.bib").write_text(ENTRY)
    checks = kb_root / "claims" / "mine.toml"
    checks.write_text('[[check]]\nid = "c"\nexpr = "p2020.x * 2"\nstated = "2 kWh"\n')
    writable = library.check_writable

    def saved_meanwhile(path):
        if path == checks and "typed" not in checks.read_text():
            with open(checks, "a") as fh:
                fh.write('\n[[check]]\nid = "typed"\nexpr = "1 kWh"\nstated = "1 kWh"\n')
        return writable(path)

    monkeypatch.setattr(library, "check_writable", saved_meanwhile)
    r = run_kb("rename", "p2020", "p2021")
    assert r.code == 2 and "mine.toml changed after kb read it" in r.err, r.err
    assert 'id = "typed"' in checks.read_text() and "p2020.x" in checks.read_text()
    assert "@article{p2020," in (kb_root / "references.bib").read_text()


@pytest.mark.parametrize("text, stamp", [
    ("arXiv:2311.16863v1 [cs.LG] 28 Nov 2023", "2311.16863v1"),
    ("arXiv:1708.05894v1  [stat.ML]  19 Aug 2017", "1708.05894v1"),
    ("arXiv:cs/0306050v1 [cs.CL] 10 Jun 2003", "cs/0306050v1"),
    ("We build on BERT (Devlin et al., arXiv:1810.04805) and", None),
    ("arXiv preprint arXiv:2104.10350, 2021.", None),
])
def test_only_arxivs_stamp_names_the_paper_a_pdf_is(text, stamp):
    found = find_arxiv_stamp(text)
    assert (found.versioned if found else None) == stamp


def test_an_arxiv_id_a_pdf_cites_on_its_first_page_is_not_taken_for_its_own(kb_root):
    """'We build on BERT (arXiv:1810.04805)' on page 1 made the paper BERT's arXiv id, of 2018."""
    path = kb_root.parent / "water.pdf"
    path.write_bytes(make_pdf([["Measuring Water Use of Data Centres", "Jane Roe",
                                "We build on BERT (Devlin et al., arXiv:1810.04805) and measure 12 litres."]]))
    r = run_kb("add", "--offline", path)
    assert r.code == 0 and "its first pages print arXiv 1810.04805, not as arXiv's stamp" in r.err, r.err
    info = run_kb("show", r.out.split()[1], "--json").json
    assert info["arxiv_id"] is None and info["year"] != 2018


def test_a_doi_a_pdf_cites_on_its_first_page_gives_it_no_other_works_record(kb_root, server):
    """A DOI page 1 prints in a citation: its record (another work's title, authors, year) was
    filed as the PDF's metadata, marked complete."""
    body = b"@article{loeb2012, title = {Optimal isn't good enough}, author = {Loeb, Gerald E.}, year = {2012}, " \
           b"doi = {10.1007/s00422-012-0514-6}}"
    server.routes["/doi/10.1007/s00422-012-0514-6"] = Reply(200, body, {"Content-Type": "application/x-bibtex"})
    path = kb_root.parent / "water.pdf"
    path.write_bytes(make_pdf([["Measuring Water Use of Data Centres", "Jane Roe",
                                "As argued before (doi:10.1007/s00422-012-0514-6), we measure 12 litres."]]))
    r = run_kb("add", path)
    assert r.code == 0 and "its first pages print DOI 10.1007/s00422-012-0514-6, but the PDF does not print that " \
        "work's title" in r.err, r.err
    info = run_kb("show", r.out.split()[1], "--json").json
    assert info["doi"] is None and info["title"] == "Measuring Water Use of Data Centres"
    assert info["metadata_status"] == "incomplete"

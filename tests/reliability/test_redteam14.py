"""Round fourteen: hostile and unusual input at every boundary: a DOI a PDF prints that nobody
could check, an index another program holds locked, a page tree leading back to its parent,
citekeys and claims files differing only in case, ...; each taken and said, or refused in one
line with the right exit code, nothing lost.
"""

from __future__ import annotations

import pytest
from fakearxiv import atom_entry, atom_feed
from httpserver import Reply
from kbrun import run_kb
from pdfgen import make_looping_tree_pdf, make_pdf

from kb.sources import pdf

ENTRY = "@article{p2020,\n  title = {P},\n  author = {Doe, J},\n  year = {2020},\n}\n"
WATER = [["Measuring Water Use of Data Centres", "Jane Roe",
          "As argued before (doi:10.1007/s00422-012-0514-6), we measure 12 litres."]]


# -- a DOI the first pages print, nobody could check ------------------------------------------------------------

def test_a_doi_the_first_page_prints_that_no_one_could_check_is_not_recorded(kb_root):
    """Offline (or the network down) the DOI page 1 cites was filed as the paper's own: a later
    entry or reference naming that DOI was then this paper."""
    path = kb_root.parent / "water.pdf"
    path.write_bytes(make_pdf(WATER))
    r = run_kb("add", "--offline", path)
    assert r.code == 0 and "its first pages print DOI 10.1007/s00422-012-0514-6: not recorded, since kb could " \
        "not check it" in r.err, r.err
    assert "doi" not in (kb_root / "references.bib").read_text()
    assert run_kb("show", r.out.split()[1], "--json").json["doi"] is None


def test_a_doi_the_first_page_prints_beside_arxivs_stamp_is_not_the_papers_unless_arxiv_says(kb_root, server):
    """The PDF's own arXiv stamp was checked, and a DOI page 1 cites went into its source's record
    unchecked, from where the index took it for the paper's DOI."""
    feed = atom_feed([atom_entry("2311.16863", 1, "Measuring Water Use of Data Centres", ["Jane Roe"])])
    server.routes["/api/query"] = Reply(200, feed, {"Content-Type": "application/atom+xml"})
    path = kb_root.parent / "water.pdf"
    path.write_bytes(make_pdf([["arXiv:2311.16863v1 [cs.LG] 28 Nov 2023"] + WATER[0]]))
    r = run_kb("add", path)
    assert r.code == 0 and "print DOI 10.1007/s00422-012-0514-6: not recorded" in r.err, r.err
    info = run_kb("show", r.out.split()[1], "--json").json
    assert info["arxiv_id"] == "2311.16863" and info["doi"] is None


# -- an index another program holds locked --------------------------------------------------------------------------

@pytest.mark.parametrize("holds", ["a write", "the whole file"])
def test_a_wait_for_another_programs_lock_on_the_index_is_said_and_bounded(kb_root, monkeypatch, holds):
    """Behind a sqlite3 shell in a transaction (or a program holding the file in exclusive locking
    mode, which keeps readers out too) kb said nothing for a minute, then its error."""
    import sqlite3

    import kb.store.sqlite as kbsqlite
    from kb.ops.session import open_kb

    (kb_root / "references.bib").write_text(ENTRY)
    open_kb(str(kb_root)).close()
    monkeypatch.setattr(kbsqlite, "NOTICE_AFTER_MS", 20)
    other = sqlite3.connect(kb_root / ".kb" / "kb.sqlite", isolation_level=None)
    if holds == "the whole file":
        other.execute("pragma locking_mode = exclusive")
    other.execute("begin exclusive")
    other.execute("select count(*) from papers").fetchone()
    heard = []

    def on_busy(message):
        heard.append(message)
        other.close()               # the shell lets go once kb has said it waits

    try:
        kb = open_kb(str(kb_root), sync=False, on_busy=on_busy)
        with kbsqlite.transaction(kb.db):
            kb.db.execute("insert or replace into meta (key, value) values ('t', '1')")
        kb.close()
    finally:
        other.close()
    assert heard == [kbsqlite.LOCKED_BY + "; waiting for it to let go (at most 60 s)", None], heard


# -- a page tree reaching a page twice ------------------------------------------------------------------------------

@pytest.mark.parametrize("plan", ["pdfium", "pypdf", "pypdf+pdfium"])
@pytest.mark.parametrize("loop", ["parent", "twice"])
def test_a_page_the_page_tree_reaches_again_is_no_new_page_a_quote_is_found_on(plan, loop):
    """A /Kids entry leading back to its parent node (or a page listed twice): PDFium read
    page 1 again as page 3, and a quote of page 1 verified on a page 3 the paper does not have."""
    data = make_looping_tree_pdf([["Results", "We measured 21 kWh of energy in the test."],
                                  ["Methods", "Each run took 40 hours on one GPU."]], loop=loop)
    got = pdf.extract_plan(data, plan, source="loop.pdf")
    assert got.status == "ok" and "21 kWh" in got.pages[0] and "40 hours" in got.pages[1] and got.pages[2:] == [""]
    assert got.repeated == {3: 1} and got.lost == [3]
    assert "its page tree leads to a page twice (of 3 pages, page 3 is page 1 again): kept empty" \
        in " ".join(got.warnings), got.warnings
    assert got.plan.split("+")[0] == plan.split("+")[0] or loop == "parent"     # no other extractor's turn


# -- citekeys and claims files differing only in case --------------------------------------------------------------

QUOTE = '[[quote]]\nid = "q"\ntext = "Some words"\nstatus = "unverified"\n'


def test_a_rename_in_another_case_keeps_no_alias_that_is_the_key_itself(kb_root):
    """`kb rename p2020 P2020` kept p2020 in P2020's ids: one key to BibTeX, so biber read the
    entry's key twice; an alias equal to the new key apart from case went the same way."""
    (kb_root / "references.bib").write_text(ENTRY.replace("{2020},\n", "{2020},\n  ids = {Q2020, x1},\n"))
    (kb_root / "claims" / "p2020.toml").write_text(QUOTE)
    r = run_kb("rename", "p2020", "P2020")
    assert r.code == 0 and "not kept in its ids field" in r.out, r.out
    assert run_kb("rename", "P2020", "q2020").code == 0
    bib = (kb_root / "references.bib").read_text()
    assert "@article{q2020," in bib and "ids = {x1, P2020}" in bib, bib
    assert [p.name for p in (kb_root / "claims").iterdir()] == ["q2020.toml"]
    assert run_kb("quote", "ls").out.startswith("q  q2020")


def test_kb_edit_changing_a_keys_case_keeps_no_alias_and_says_so(kb_root, monkeypatch):
    (kb_root / "references.bib").write_text(ENTRY)
    monkeypatch.setenv("EDITOR", "sed -i s/{p2020,/{P2020,/")
    r = run_kb("edit", "p2020")
    assert r.code == 0 and "renamed to P2020 (the old key is this one in another case" in r.out, r.out
    assert "ids" not in (kb_root / "references.bib").read_text()


# -- an add refused after its PDF was cached ------------------------------------------------------------------------

def test_an_add_refused_by_a_kb_toml_kb_cannot_read_leaves_nothing_in_the_cache(kb_root):
    """kb add FILE.pdf refused for a kb.toml it cannot read left the PDF it had begun caching,
    and kb doctor then said 'a kb add that did not finish'."""
    path = kb_root.parent / "water.pdf"
    path.write_bytes(make_pdf(WATER))
    with open(kb_root / "kb.toml", "a") as fh:
        fh.write("\n[limits2\nmax_pages = 3\n")        # (a key kb does not know is said, and the add goes on)
    r = run_kb("add", "--offline", path)
    assert r.code == 2 and "is not valid TOML" in r.err, r.err
    assert not list((kb_root / ".kb" / "cache" / "sources").glob("*.pdf"))


def test_kb_add_says_the_page_its_page_tree_reaches_again(kb_root):
    path = kb_root.parent / "loop.pdf"
    path.write_bytes(make_looping_tree_pdf([WATER[0], ["Methods", "Each run took 40 hours."]], loop="parent"))
    r = run_kb("add", "--offline", path)
    assert r.code == 0 and "loop.pdf: its page tree leads to a page twice (of 3 pages, page 3 is page 1 again)" \
        in r.err, r.err


def test_an_alias_that_is_another_papers_key_in_any_case_names_that_paper_and_is_said(kb_root):
    """p2020's ids listing Q2021 while q2021 is another entry: `kb show Q2021` showed p2020, where
    BibTeX reads Q2021 as q2021's key; kb doctor found nothing to repair."""
    (kb_root / "references.bib").write_text(
        ENTRY.replace("{2020},\n", "{2020},\n  ids = {Q2021},\n")
        + "@article{q2021,\n  title = {Q},\n  author = {Roe, J},\n  year = {2021},\n}\n")
    r = run_kb("show", "Q2021")
    assert r.code == 2 and "no paper 'Q2021'" in r.err and "q2021" in r.err, r.err
    r = run_kb("doctor")
    assert r.code == 1 and "problem: references.bib:5: entry p2020 lists Q2021 in its ids, but BibTeX reads Q2021 " \
        "as q2021, the key of the entry on line" in r.out, r.out


# -- a DOI's BibTeX whose title is nothing --------------------------------------------------------------------------

def test_a_doi_record_whose_title_is_only_white_space_is_no_title(kb_root, server, title="{ }  "):
    """doi.org's BibTeX with `title = {   }` filed a paper of no title, marked complete, where
    a record of no title asks Crossref, and one Crossref has no title of is refused."""
    body = ("@article{a, title = {%s}, author = {A, B}, year = {2001}, doi = {10.5555/ws}}" % title).encode()
    server.routes["/doi/10.5555/ws"] = Reply(200, body, {"Content-Type": "application/x-bibtex"})
    r = run_kb("add", "doi:10.5555/ws")
    assert r.code == 2 and "10.5555/ws" in r.err and r.err.count("\n") == 1, r.err
    assert "@" not in (kb_root / "references.bib").read_text()


# -- no file where the index belongs --------------------------------------------------------------------------------

def test_a_folder_where_the_index_belongs_is_moved_aside_by_the_rebuild_every_error_asks_for(kb_root):
    """.kb/kb.sqlite a folder: every command said to run `kb rebuild`, which failed with
    'internal error: IsADirectoryError' copying the old index aside."""
    (kb_root / "references.bib").write_text(ENTRY)
    db = kb_root / ".kb" / "kb.sqlite"
    for p in kb_root.joinpath(".kb").glob("kb.sqlite*"):
        p.unlink()
    db.mkdir()
    (db / "x").write_text("x")
    r = run_kb("ls")
    assert r.code == 2 and "kb rebuild" in r.err, r.err
    r = run_kb("rebuild")
    assert r.code == 0 and "the damaged index was moved to" in r.err, r.err
    assert db.is_file() and run_kb("ls").out.splitlines()[1].startswith("p2020")
    assert [p.name for p in db.parent.glob("kb.sqlite.corrupt-*/x")] == ["x"]


# -- JSON nested deeper than Python's parser recurses ---------------------------------------------------------------

DEEP = "[" * 5_000 + "]" * 5_000


def test_json_nested_too_deep_is_malformed_json_to_every_reader_not_an_internal_error(kb_root):
    """A note's CSL-JSON bibliography, .kb/outputs.json, the checks' cache or a source's manifest
    nesting 5,000 arrays: 'internal error: RecursionError' from every command reading it."""
    from kb.atomic import read_json
    from kb.store.cache import SourceCache

    with pytest.raises(ValueError, match="too deep"):
        read_json(DEEP)
    cache = SourceCache(kb_root / ".kb" / "cache" / "sources", kb_root / ".kb" / "tmp")
    cache.manifest_path("ab" * 32).parent.mkdir(parents=True, exist_ok=True)
    cache.manifest_path("ab" * 32).write_text(DEEP)
    assert cache.get("ab" * 32) is None
    (kb_root / "references.bib").write_text(ENTRY)
    (kb_root.parent / "deep.json").write_text(DEEP)
    note = kb_root.parent / "note.md"
    note.write_text('---\nbibliography: deep.json\n---\n\nAs "Some words" [@p2020] say.\n')
    r = run_kb("verify", "--note", note)
    assert "internal error" not in r.err and "deep.json: not CSL-JSON: it nests arrays or objects too deep" \
        in r.out + r.err, r.out + r.err
    (kb_root / ".kb" / "outputs.json").write_text(DEEP)
    r = run_kb("export", "bib", "-o", kb_root.parent / "out.bib")
    assert r.code == 0 and (kb_root.parent / "out.bib").exists(), r.err


def test_an_output_naming_a_truth_file_by_another_name_is_refused(kb_root):
    """Where the file system does not tell case apart, -o References.BIB is references.bib and
    -o CLAIMS/notes.toml a claims file: the names differ, and kb wrote its export over them.
    A second name of the file (a hard link) stands in for that here."""
    import os

    (kb_root / "references.bib").write_text(ENTRY)
    bib = (kb_root / "references.bib").read_bytes()
    os.link(kb_root / "references.bib", kb_root / "REFERENCES.BIB")
    r = run_kb("export", "bib", "-o", kb_root / "REFERENCES.BIB", "--force")
    assert r.code == 2 and "refusing to overwrite the knowledge base's own truth files" in r.err, r.err
    assert (kb_root / "references.bib").read_bytes() == bib


def test_kb_rebuild_behind_another_programs_lock_says_it_waits_and_calls_the_index_no_damaged_one(kb_root,
                                                                                                   monkeypatch):
    """A program holding the index in exclusive locking mode: kb rebuild waited a minute without a
    word, then took the lock for damage and moved the index aside as 'damaged'."""
    import sqlite3

    import kb.store.sqlite as kbsqlite
    from kb.ops.rebuild import rebuild
    from kb.ops.session import open_kb

    (kb_root / "references.bib").write_text(ENTRY)
    open_kb(str(kb_root)).close()
    monkeypatch.setattr(kbsqlite, "NOTICE_AFTER_MS", 20)
    other = sqlite3.connect(kb_root / ".kb" / "kb.sqlite", isolation_level=None)
    other.execute("pragma locking_mode = exclusive")
    other.execute("begin exclusive")
    other.execute("select count(*) from papers").fetchone()
    heard = []

    def on_busy(message):
        heard.append(message)
        other.close()

    try:
        result = rebuild(str(kb_root), on_busy=on_busy)
    finally:
        other.close()
    assert result.previous == "ok" and not result.moved_aside and heard[0].startswith(kbsqlite.LOCKED_BY), heard


# -- two works of one guessed title ---------------------------------------------------------------------------------

def test_a_pdf_of_another_text_under_a_guessed_title_is_a_paper_of_its_own(kb_root):
    """Offline, two reports printing 'Technical Report' above 'Jane Roe' were one paper: the second
    PDF's text replaced the first's, under the quotes verified against it. A corrected PDF of the
    same report is still that paper's."""
    first, other, corrected = (kb_root.parent / f"{n}.pdf" for n in ("a", "b", "c"))
    first.write_bytes(make_pdf([["Technical Report", "Jane Roe", "We measured 12 litres of water for each run."]]))
    other.write_bytes(make_pdf([["Technical Report", "Jane Roe", "A completely different study about 99 GPUs."]]))
    corrected.write_bytes(make_pdf([["Technical Report", "Jane Roe", "We measured 12 litres of water for each run, "
                                     "corrected."]]))
    key = run_kb("add", "--offline", first).out.split()[1]
    assert run_kb("quote", "add", key, "We measured 12 litres of water").code == 0
    r = run_kb("add", "--offline", other)
    assert r.code == 0 and r.out.split()[:2] == ["added", key + "b"], r.out
    assert f"it has the title and first author kb read for {key}" in r.err, r.err
    assert run_kb("add", "--offline", corrected).out.split()[:2] == ["updated", key]
    assert run_kb("verify").code == 0


@pytest.mark.parametrize("page, notice", [
    ("Correction to: Measuring Water Use of Data Centres", True),
    ("Comment on “Measuring Water Use of Data Centres”", True),
    ("Retraction Note to: Measuring Water Use of Data Centres", True),
    ("Author Correction: Measuring Water Use of Data Centres", True),
    ("Supplementary Material for: Measuring Water Use of Data Centres", True),
    ("REVIEW\nMeasuring Water Use of Data Centres", False),            # a journal's section label
    ("Measuring Water Use of Data Centres\nA correction to measuring water use of data centres", False),
])
def test_a_notice_about_a_work_is_told_from_the_work(page, notice):
    from kb.ops.papers import _a_notice_of

    assert _a_notice_of("Measuring Water Use of Data Centres", [page + "\nJane Roe"]) is notice


def test_a_correction_notice_printing_the_originals_doi_is_not_filed_as_the_original(kb_root, server):
    """A correction printing 'Correction to: TITLE' and the original's DOI was filed as the original
    article, its one page the paper's text: 'the correct figure is 21 litres' verified as the article's."""
    body = b"@article{x, title = {Measuring Water Use of Data Centres}, author = {Roe, Jane}, year = {2022}}"
    server.routes["/doi/10.5555/orig"] = Reply(200, body, {"Content-Type": "application/x-bibtex"})
    path = kb_root.parent / "correction.pdf"
    path.write_bytes(make_pdf([["Correction to: Measuring Water Use of Data Centres", "Jane Roe",
                                "The original article can be found online at https://doi.org/10.5555/orig.",
                                "The correct figure is 21 litres."]]))
    r = run_kb("add", path)
    assert r.code == 0 and "prints that work's title only as the work it is a notice of" in r.err, r.err
    info = run_kb("show", r.out.split()[1], "--json").json
    assert info["doi"] is None and info["title"].startswith("Correction to")

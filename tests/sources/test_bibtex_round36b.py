"""BibTeX as people bring it, a second round: a field read for what it is on the entry
that holds it, and entries that are data for papers kept as such."""

from __future__ import annotations

import pytest
from kbrun import run_kb

from kb.sources.metadata import from_bib_fields

# -- a version field: an arXiv version only beside an arXiv id -----------------------------------

VERSIONED = [
    ("software", {"title": "Tool", "version": "3"}, None, None),
    ("manual", {"title": "Manual", "version": "v2"}, None, None),
    ("online", {"title": "Page", "version": "4", "url": "https://example.org/page"}, None, None),
    ("dataset", {"title": "Data", "version": "1"}, None, None),
    ("misc", {"title": "P", "eprint": "2001.00001", "archiveprefix": "arXiv", "version": "2"}, "2001.00001", 2),
    ("misc", {"title": "P", "eprint": "2001.00001v3"}, "2001.00001", 3),
    ("online", {"title": "P", "url": "https://arxiv.org/abs/2001.00001", "version": "5"}, "2001.00001", 5),
]


@pytest.mark.parametrize("entry_type, fields, arxiv_id, version", VERSIONED)
def test_a_version_field_is_an_arxiv_version_only_beside_an_arxiv_id(entry_type, fields, arxiv_id, version):
    """@software{tool, version = {3}} was listed as arXiv version v3 of no arXiv id."""
    meta = from_bib_fields(entry_type, fields)
    assert (meta.arxiv_id, meta.version) == (arxiv_id, version)
    # the release stays one of the entry's own fields, written back as it was given
    assert meta.bib_fields().get("version") == (fields["version"] if arxiv_id is None else str(version))


def test_a_softwares_version_is_no_arxiv_version_to_ls_and_show(kb_root):
    (kb_root / "references.bib").write_text("@software{tool, title = {My Tool}, author = {Doe, Jane}, "
                                            "year = 2021, version = {3}}\n")
    assert [(p["citekey"], p["version"]) for p in run_kb("ls", "--json").json] == [("tool", None)]
    assert run_kb("show", "tool", "--json").json["version"] is None


# -- @xdata and @set: data for papers, no papers ----------------------------------------------------

DATA_BIB = ("@xdata{springer, publisher = {Springer}, location = {Berlin}}\n\n"
            "@book{b1, title = {Book One}, author = {Doe, J}, year = 2020, xdata = {springer}}\n\n"
            "@set{grp, entryset = {m1,m2}}\n\n"
            "@article{m1, title = {Member One Paper}, author = {A, B}, year = 2019, journal = {J}}\n\n"
            "@article{m2, title = {Member Two Paper}, author = {C, D}, year = 2019, journal = {J}}\n")


def test_xdata_and_set_entries_are_kept_and_exported_but_no_papers(kb_root, tmp_path):
    """kb ls listed `springer` with no title, kb doctor counted it a paper, and kb export bib
    of a set's member left its set and the set's other members behind."""
    (tmp_path / "a.bib").write_text(DATA_BIB)
    r = run_kb("import", tmp_path / "a.bib")
    assert r.code == 0 and r.out.splitlines()[-1] == "3 added, 0 updated, 0 already present, 2 @xdata/@set entries kept", r.out
    assert (kb_root / "references.bib").read_text().count("@") == 5
    r = run_kb("import", tmp_path / "a.bib", "--json")         # again: found, never filed twice
    assert (r.json["added"], r.json["unchanged"], r.json["data"]) == ([], ["b1", "m1", "m2"], ["springer", "grp"])
    assert [p["citekey"] for p in run_kb("ls", "--json").json] == ["b1", "m1", "m2"]
    r = run_kb("search", "Springer")
    assert (r.code, r.out, r.err) == (0, "", "kb: no matches\n")
    r = run_kb("doctor")
    assert r.code == 0 and "(3 papers," in r.out, r.out
    r = run_kb("export", "bib", "-p", "m1", "-o", "-")
    assert r.code == 0 and r.err == "", r.err
    assert "@set{grp, entryset = {m1,m2}}" in r.out and "@article{m2," in r.out, r.out
    r = run_kb("export", "bib", "-p", "b1", "-o", "-")
    assert "@xdata{springer, publisher = {Springer}, location = {Berlin}}" in r.out and "grp" not in r.out, r.out
    r = run_kb("export", "bib", "--as-stored", "-o", "-")
    assert all(f"{{{key}," in r.out for key in ("springer", "b1", "grp", "m1", "m2")), r.out


def test_a_new_papers_key_is_never_an_xdata_entrys(kb_root):
    """The index holds no @xdata: kb add, appending without reading references.bib, took its key
    from the index alone and could write a second entry under the @xdata's key."""
    from pdfgen import make_pdf

    pdf = kb_root.parent / "water.pdf"
    pdf.write_bytes(make_pdf([["Measuring Water Use of Data Centres", "Jane Roe", "We measured 12 litres."]]))
    (kb_root / "references.bib").write_text("@xdata{roendmeasuring, publisher = {Springer}}\n")
    assert run_kb("ls").code == 0                     # indexed: the index is in step with the file
    r = run_kb("add", "--offline", pdf, "--json")
    assert r.code == 0 and r.json[0]["citekey"] != "roendmeasuring", r.out + r.err
    assert (kb_root / "references.bib").read_text().count("{roendmeasuring,") == 1


# -- a second .bib named in kb.toml: said by every command, read by none ------------------------------

def test_a_bibliography_table_in_kb_toml_is_said_once_by_every_command(kb_root, tmp_path):
    """[bibliography] files = ["more.bib"] was named by kb doctor alone: kb import, kb ls and
    kb verify said nothing, and kb add refused the key."""
    from kb.ops.session import open_kb

    assert open_kb(kb_root, sync=False).unread_settings() == []
    with open(kb_root / "kb.toml", "a") as fh:
        fh.write('\n# a bibliography of my own\n[x_bibliography]\nfiles = ["a.bib"]\n')
    assert open_kb(kb_root, sync=False).unread_settings() == []            # a key of the person's own
    with open(kb_root / "kb.toml", "a") as fh:
        fh.write('\n[bibliography]\nfiles = ["more.bib"]\n')
    said = "kb: kb.toml: [bibliography] names more.bib, which kb does not read: kb's papers are the entries " \
           "of references.bib alone (`kb import more.bib` adds its entries)\n"
    (tmp_path / "a.bib").write_text("@article{a, title = {A Paper}, author = {A, B}, year = 2020}\n")
    for args in (("import", tmp_path / "a.bib"), ("ls",), ("verify",), ("rebuild",)):
        r = run_kb(*args)
        # kb verify of no quotes says so on stderr too, after the warning
        assert r.code == 0 and r.err.removesuffix("kb: no quotes or claims stored: nothing to verify\n") == said, (
            args, r.err)
    r = run_kb("doctor")
    assert r.code == 1 and r.out.count("[bibliography] names more.bib") == 1 and r.err == "", r.out + r.err


# -- a title read from a PDF's page text: repaired as the quote matcher reads the page ------------------

# pypdf's first page of the PageRank report (1999; pdf/pagerank-citation-ranking-1999.pdf of the corpus):
# glyph names ("/:", "/2/9/,") and words split at the font's kerns; its /Title is 'prpaperdraft.dvi'.
PAGERANK = ("The P ageRank Citation Ranking/:\nBringing Order to the W eb\nJan uary /2/9/, /1/9/9/8\nAbstract\n"
            "The imp ortance of a W eb page is an inheren tly sub jectiv e matter/, whic h dep ends on the\n"
            "readers in terests/, kno wledge and attitudes/. But there is still m uc h that can b e said ob jectiv ely\n"
            "ab out the relativ e imp ortance of W eb pages/. This pap er describ es P ageRank/, a metho d for\n"
            "rating W eb pages ob jectiv ely and mec hanically /, e/#0Bectiv ely measuring the h uman in terest and\n"
            "atten tion dev oted to them/.\nW e compare P ageRank to an idealized random W eb surfer/. W e sho w ho w "
            "to e/#0Ecien tly\ncompute P ageRank for large n um b ers of pages/.\n")

TITLES = [
    (PAGERANK, "The PageRank Citation Ranking: Bringing Order to the Web"),
    # a kerned page in sentence case: 'A' and 'I' before a small word are words, never cut capitals
    (PAGERANK.replace("The P ageRank Citation Ranking/:", "A study of P ageRank/:"),
     "A study of PageRank: Bringing Order to the Web"),
    # pages that split no words: a capital before a word stays apart ('Vitamin D levels', 'Type B cells')
    ("Vitamin D levels and Type B cells in 1,200 adults\nJane Doe\nAbstract\nWe measured vitamin D in "
     "1,200 adults over ten years.\n", "Vitamin D levels and Type B cells in 1,200 adults"),
    ("Attention Is All You Need\nAshish Vaswani\nAbstract\nThe dominant sequence transduction models.\n",
     "Attention Is All You Need"),
    # a path or a ratio written with a slash on a page pypdf printed plainly is no glyph name
    ("Rates of 1/2, 3/4 and 5/6 in TCP/IP: a study\nJ. Roe\nAbstract\nWe study rates 1/2.\n",
     "Rates of 1/2, 3/4 and 5/6 in TCP/IP: a study"),
]


@pytest.mark.parametrize("page, title", TITLES)
def test_a_title_read_from_page_text_is_read_as_printed(page, title):
    """kb add --offline of the PageRank report filed 'The P ageRank Citation Ranking/: Bringing
    Order to the W eb' under anon1999p."""
    from kb.sources.pdf import guess_title
    from kb.text.normalise import as_printed

    assert guess_title(as_printed(page)) == title


# -- a reference list's names given in full, each closed by a comma, then the title --------------------

@pytest.mark.parametrize("text, author, title", [
    ("Nguyen Van An, Tran Thi Mai, A study of Vietnamese text, in: Proc. VLSP, 2019.", "nguyen",
     "A study of Vietnamese text"),
    ("John Smith, Mary Jones, Peter Brown, A study of English text, in: Proc. ACL, 2019.", "smith",
     "A study of English text"),
    ("Jane Roe, Wei Zhang, and Ana Silva, Energy use of training runs, Journal of Things 5 (2021) 1-9.", "roe",
     "Energy use of training runs"),
    # one name and its comma is a body's before its title, read as before
    ("Google, Environmental Report 2020, https://www.gstatic.com/report.pdf", "google", "Environmental Report 2020"),
    # a name with a part in lower case, the list going on to its conjunction: no title among the names
    ("Ramesh Nallapati, Bowen Zhou, Cicero Nogueira dos santos, Caglar Gulcehre, and Bing Xiang. Abstractive Text "
     "Summarization Using Sequence-to-Sequence RNNs and Beyond. In CoNLL, 2016.", "nallapati",
     "Abstractive Text Summarization Using Sequence-to-Sequence RNNs and Beyond"),
])
def test_names_given_in_full_before_a_title_with_no_quotes_are_the_authors(text, author, title):
    """The second name was read as the title's start: 'Tran Thi Mai, A study of Vietnamese text'."""
    from kb.text.refs import parse_entry

    entry = parse_entry(text)
    assert (entry.first_author, entry.title) == (author, title)

"""A page object that survives while the content stream(s) its /Contents names are gone: read as
a blank page by both extractors, its text lost with no word said. Now such a page is lost (kept
empty, named in kb add's warning), a page some of whose streams are gone is said, and a page
that is blank as PDF allows (no /Contents, an empty array, null) is not taken for either."""

from __future__ import annotations

import pytest
from kbrun import run_kb
from pdfgen import make_missing_contents_pdf

from kb.sources import pdf

PAGES = [["Results", "We measured 21 kWh of energy in the first test of the cluster."],
         ["Methods", "Each run took 40 hours on one GPU of the cluster we used."],
         ["Discussion", "Water use was 12 litres per query in the second test."]]
PLANS = ["pdfium", "pypdf"]


@pytest.mark.parametrize("plan", PLANS)
@pytest.mark.parametrize("contents, said", [
    ({1: b"99 0 R"}, "99 0 R"),                              # past the file's objects
    ({1: b"0 0 R"}, "0 0 R"),                                # the free entry
    ({1: b"[98 0 R 99 0 R]"}, "98 0 R, 99 0 R"),             # an array, all of it gone
    ({1: b"[99 0 R 99 0 R 99 0 R 99 0 R]"}, "and 1 more"),   # the same one gone, named again
    ({1: b"3 0 R"}, None),                                   # names the font: no stream, read as nothing
    ({0: b"50 0 R", 2: b"51 0 R"}, "50 0 R"),                # two pages, the first among them
])
def test_a_page_whose_content_streams_are_gone_is_lost_and_said(plan, contents, said):
    got = pdf.extract_plan(make_missing_contents_pdf(PAGES, contents), plan, source="gone.pdf")
    gone = [n + 1 for n in contents if contents[n] != b"3 0 R"]
    if said is None:         # a reference to an object that is no stream is not one the file lacks
        assert got.lost == [] and got.missing == [] and not any("content stream" in w for w in got.warnings)
        return
    assert got.status == "ok" and got.lost == gone and got.missing == gone, (got.lost, got.warnings)
    assert all(got.pages[n - 1] == "" for n in gone)
    kept = [i for i in range(3) if i + 1 not in gone]
    assert all(PAGES[i][1] in got.pages[i] for i in kept)
    warning = next(w for w in got.warnings if "are not in the file" in w)
    assert "could not read page" in warning and said in warning and "kept empty" in warning, got.warnings
    assert got.plan.split("+")[0] == plan             # the file's loss: no other extractor's turn


@pytest.mark.parametrize("plan", PLANS)
@pytest.mark.parametrize("contents", [b"[6 0 R 99 0 R]", b"[99 0 R 6 0 R 6 0 R]", b"[6 0 R 0 0 R 97 0 R]"])
def test_a_page_some_of_whose_streams_are_gone_keeps_the_rest_and_is_said(plan, contents):
    """The text left is kept. pypdf, reading the page tree itself, says what is gone; PDFium's reading is
    looked up by pypdf only where a page came out blank (a file whose every page has text is not opened a
    second time), so there the loss is unsaid: a quote of the lost text is not found, never found elsewhere."""
    got = pdf.extract_plan(make_missing_contents_pdf(PAGES, {1: contents}), plan, source="part.pdf")
    assert got.lost == [] and PAGES[1][1] in got.pages[1]
    said = any("could not read all of page 2 of 3" in w and ("99 0 R" in w or "97 0 R" in w) for w in got.warnings)
    assert said is (got.plan.split("+")[0] == "pypdf"), (got.plan, got.warnings)


@pytest.mark.parametrize("plan", PLANS)
@pytest.mark.parametrize("contents", [b"", b"[]", b"null", b"[4 0 R 4 0 R]", b"[4 0 R 6 0 R]"])
def test_a_page_blank_as_pdf_allows_or_whole_is_not_said_lost(plan, contents):
    got = pdf.extract_plan(make_missing_contents_pdf(PAGES, {1: contents}), plan, source="blank.pdf")
    assert got.lost == [] and got.missing == [] and not any("not in the file" in w for w in got.warnings)
    assert PAGES[0][1] in got.pages[0] and PAGES[2][1] in got.pages[2]


def test_kb_add_names_the_page_whose_content_is_gone(kb_root):
    path = kb_root.parent / "gone.pdf"
    path.write_bytes(make_missing_contents_pdf([["Measuring Water Use of Data Centres", "Jane Roe"] + PAGES[0][1:]]
                                               + PAGES[1:], {1: b"99 0 R"}))
    r = run_kb("add", "--offline", path)
    assert r.code == 0 and "gone.pdf: PDFium could not read page 2 of 3: the content stream(s) they name are not " \
        "in the file (page 2: 99 0 R): kept empty" in r.err, r.err

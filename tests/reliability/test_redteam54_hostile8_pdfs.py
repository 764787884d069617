"""Red-team round 54, hostile files (eighth pass of this sweep): PDFs cut where an %%EOF is.

A linearized PDF ("fast web view": its linearization dictionary, the first page's own table, trailer and an %%EOF come
first, the other pages after) cut past its first page was stored as the paper, PDFium's pages 2-8 of 8 kept empty (a
file on disk), and one cut at that first %%EOF passed kb's check of a download for whole (an %%EOF at its end). Its
dictionary gives the file's length: one shorter, its main table past its end or no %%EOF at its end, is cut off, said
in one line, nothing kept. A PDF whose middle is missing was read by pypdf as the pages left (2 of 5), no word said."""

from __future__ import annotations

import re

import pytest
from kbcompare import index_dump
from kbproc import paper_pages, truth_files
from kbrun import run_kb
from pdfgen import make_linearized_pdf, make_pdf, make_updated_pdf
from test_redteam54_hostile8 import _FEED, PathServer, _ok

from kb.errors import PDFError
from kb.sources import pdf
from kb.sources.arxiv import looks_complete

# -- PDFs cut where an %%EOF is ---------------------------------------------------------------------------------------

PAGES = paper_pages(3, pages=4)
LIN = make_linearized_pdf(PAGES)
FIRST_EOF = LIN.index(b"%%EOF") + len(b"%%EOF\n")

LIN_CUT = {
    "at its first %%EOF": LIN[:FIRST_EOF],
    "just past its first page": LIN[:FIRST_EOF + 400],
    "in its last page": LIN[:len(LIN) - 700],
    "in its main table": LIN[:len(LIN) - 60],
    "in half, an %%EOF written after": LIN[:len(LIN) // 2] + b"\n%%EOF\n",
    "at its first %%EOF, bytes before its header": b"\xef\xbb\xbf" + LIN[:FIRST_EOF],
}


@pytest.mark.parametrize("name", sorted(LIN_CUT))
def test_a_linearized_pdf_cut_short_is_refused_as_cut_off(name):
    data = LIN_CUT[name]
    assert pdf.cut_short(data) is not None and not looks_complete(data)
    for plan in ("pdfium", "pypdf", "pdfium+pypdf"):
        with pytest.raises(PDFError) as info:
            pdf.extract_plan(data, plan, source="p.pdf")
        assert info.value.message.startswith("p.pdf is cut off: its first bytes give its length as "), info.value


LIN_WHOLE = {
    "as written": LIN,
    "updated since (longer than it says)": LIN + b"\n% an incremental update's comment\n%%EOF\n",
    "saying more than it holds, its table inside, its %%EOF at the end":
        LIN.replace(b"/L %010d" % len(LIN), b"/L %010d" % (len(LIN) + 5000)),
}


@pytest.mark.parametrize("name", sorted(LIN_WHOLE))
def test_a_whole_linearized_pdf_is_read_whole(name):
    data = LIN_WHOLE[name]
    assert pdf.cut_short(data) is None and looks_complete(data)
    for plan in ("pdfium", "pypdf"):
        got = pdf.extract_plan(data, plan)
        assert got.page_count == 4 and not got.lost and all(got.pages), (plan, got.warnings)


def test_pdfs_not_linearized_are_never_judged_by_a_length_they_do_not_give():
    for data in (make_pdf(PAGES), make_updated_pdf(["before"], ["after"]), b"%PDF-1.4\n/L 99999999 /T 9999999\n%%EOF"):
        assert pdf.cut_short(data) is None


PLAIN = make_pdf(paper_pages(4, pages=5))
_XREF = int(re.search(rb"startxref\n(\d+)", PLAIN).group(1))


@pytest.mark.parametrize("missing", [slice(1000, 2200), slice(600, 1400), slice(1500, 2500),
                                     slice(len(PLAIN) // 2, PLAIN.rfind(b"trailer"))],
                         ids=["pages 2-3", "pages 1-2", "page 3", "its second half, trailer kept"])
def test_a_pdf_missing_the_bytes_of_some_pages_is_never_read_as_the_pages_left(missing):
    """pypdf read the pages left as the whole paper (2 of 5, no word said); now it refuses, and the pages of the five
    PDFium reads are kept with the lost ones said (kb's way with a page an extractor cannot read), or it is refused."""
    data = PLAIN[:missing.start] + PLAIN[missing.stop:]
    with pytest.raises(PDFError) as info:
        pdf.extract(data, source="p.pdf", extractor="pypdf")
    assert info.value.message.startswith("p.pdf is cut off or damaged: its page tree counts 5 pages, ") \
        or "cut short" in info.value.message, info.value.message
    for plan in ("pypdf", "pdfium+pypdf"):
        try:
            got = pdf.extract_plan(data, plan, source="p.pdf")
        except PDFError:
            continue
        assert got.page_count == 5 and got.lost, (plan, got.warnings)
        assert any("could not read page" in w for w in got.warnings), got.warnings


@pytest.mark.parametrize("data", [PLAIN.replace(b"startxref\n%d" % _XREF, b"startxref\n%d" % (_XREF + 10 ** 6)),
                                  PLAIN.replace(b"/Root 1 0 R", b"/Root 1 0 R /Prev 99999999")],
                         ids=["its startxref past its end", "its /Prev past its end"])
def test_a_whole_pdf_whose_trailer_points_past_its_end_is_read_whole(data):
    for plan in ("pdfium", "pypdf"):
        got = pdf.extract_plan(data, plan)
        assert got.page_count == 5 and not got.lost and all(got.pages)


@pytest.mark.parametrize("name", ["at its first %%EOF", "in its last page"])
def test_kb_add_of_a_linearized_file_cut_short_on_disk_adds_nothing(kb_root, tmp_path, name):
    path = tmp_path / "paper.pdf"
    path.write_bytes(LIN_CUT[name])
    run_kb("ls")
    truth, index = truth_files(kb_root), index_dump(kb_root)
    r = run_kb("add", path, "--offline")
    assert r.code == 2 and r.err.count("\n") == 1 and "paper.pdf is cut off: " in r.err, r.err
    assert truth_files(kb_root) == truth and index_dump(kb_root) == index


def test_kb_add_of_a_linearized_pdf_the_server_says_whole_cut_at_its_first_eof_keeps_nothing(kb_root, monkeypatch):
    lin = make_linearized_pdf(paper_pages(5))
    srv = PathServer(_ok(_FEED, b"application/atom+xml"), _ok(lin[:lin.index(b"%%EOF") + 6], b"application/pdf"))
    try:
        srv.as_arxiv(monkeypatch)
        run_kb("ls")
        truth, index = truth_files(kb_root), index_dump(kb_root)
        r = run_kb("add", "arxiv:2301.00001")
        assert r.code == 2 and r.err.count("\n") == 1, r.err
        assert "sent a PDF of 2301.00001v1 that is cut off" in r.err and "its first bytes give its length" in r.err
        assert truth_files(kb_root) == truth and index_dump(kb_root) == index
    finally:
        srv.close()


def test_kb_add_of_a_whole_linearized_pdf_adds_every_page(kb_root, monkeypatch):
    srv = PathServer(_ok(_FEED, b"application/atom+xml"), _ok(make_linearized_pdf(paper_pages(5)), b"application/pdf"))
    try:
        srv.as_arxiv(monkeypatch)
        r = run_kb("add", "arxiv:2301.00001")
        assert r.code == 0 and "4 pages" in r.out and r.err == "", (r.out, r.err)
    finally:
        srv.close()

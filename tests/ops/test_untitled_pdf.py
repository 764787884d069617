"""`kb add --offline` of a PDF whose first page prints no title kb can tell (a page cut out of a paper's middle):
the entry is filed without a title, never with the file's name as one ('arxiv-2305.03393v1-page-9' was), and every
command reading titles works with it and says what is missing."""

from __future__ import annotations

import pytest
from kbrun import run_kb
from pdfgen import make_pdf

BODY_PAGE = ["Optimized Table Tokenization for Table Structure Recognition 9",
             "order to compute the TED score. Inference timing results for all experiments",
             "were obtained from the same machine on a single core with a fast CPU.",
             "5.1 Hyper Parameter Optimization",
             "We have chosen the PubTabNet data set to perform HPO, since it includes a",
             "highly diverse set of tables. OTSL yields a 2x speed up in the inference runtime."]


@pytest.fixture
def untitled(kb_root, tmp_path):
    pdf = tmp_path / "scan-0042_page-9.pdf"
    pdf.write_bytes(make_pdf([BODY_PAGE]))
    r = run_kb("add", "--offline", pdf)
    assert r.code == 0, r.err
    assert "(no title)" in r.out and "no title filed" in r.err and "title = {...}" in r.err, (r.out, r.err)
    return kb_root


def test_the_entry_holds_no_title_and_no_file_name(untitled):
    bib = (untitled / "references.bib").read_text()
    assert "0042" not in bib and "page-9" not in bib and "title" not in bib, bib   # the name keys it, titles nothing
    [paper] = run_kb("ls", "--json").json
    assert (paper["citekey"], paper["title"]) == ("anonndscan", "")


def test_ls_show_and_doctor_say_the_title_is_missing_and_how_to_add_it(untitled):
    r = run_kb("ls")
    assert r.code == 0 and "(no title)" in r.out and "anonndscan" in r.err and "references.bib" in r.err, r
    r = run_kb("show", "anonndscan")
    assert r.code == 0 and r.out.startswith("anonndscan: (no title)"), r.out
    r = run_kb("doctor")
    assert r.code == 0 and "1 paper has no title (anonndscan)" in r.out + r.err, (r.out, r.err)


def test_every_command_reading_titles_works_with_it(untitled, tmp_path):
    import pybtex.database

    out = tmp_path / "out.bib"
    r = run_kb("export", "bib", "-o", out)
    assert r.code == 0, r.err
    assert list(pybtex.database.parse_file(str(out)).entries) == ["anonndscan"]
    assert run_kb("search", "OTSL").code == 0
    assert run_kb("graph").code == 0
    assert run_kb("check").code == 0
    note = tmp_path / "n.md"
    note.write_text('As measured [@anonndscan], "OTSL yields a 2x speed up in the inference runtime".\n')
    r = run_kb("verify", "--note", note)
    assert r.code == 0 and "ok" in r.out, (r.out, r.err)
    assert run_kb("audit", "--note", note).code in (0, 1)
    r = run_kb("quote", "add", "anonndscan", "OTSL yields a 2x speed up in the inference runtime")
    assert r.code == 0, r.err
    assert "Traceback" not in r.err


def test_a_title_written_by_hand_afterwards_is_read(untitled):
    bib = untitled / "references.bib"
    bib.write_text(bib.read_text().replace("@misc{anonndscan,\n", "@misc{anonndscan,\n  title = {Optimized Table "
                                                                  "Tokenization for Table Structure Recognition},\n"))
    [paper] = run_kb("ls", "--json").json
    assert paper["title"] == "Optimized Table Tokenization for Table Structure Recognition"
    r = run_kb("doctor")
    assert "no title" not in r.out + r.err

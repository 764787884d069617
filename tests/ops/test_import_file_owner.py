"""kb import of a Zotero or JabRef library: a PDF an entry's file field names is attached only
where its first pages print that entry's title or most of its authors' names. A Zotero item
holding another item's PDF had that text attached, and a quote of the other paper verified as
this one's."""

from __future__ import annotations

import pytest
from pdfgen import make_pdf

from kb.ops.papers import import_bib
from kb.ops.session import open_kb

OWN = ["Multi-Output Green Inference", "Ada Lovelace and Grace Hopper", "We measured 3.5 kWh per thousand queries."]


@pytest.mark.parametrize("title, authors, printed", [
    # another paper's PDF filed under this item
    ("Computing Machinery and Intelligence", "Turing, Alan",
     ["SPECTER: Document-level Representation Learning", "Arman Cohan, Sergey Feldman", "We used 99 kWh."]),
    # the one author's name printed only as a work the text cites
    ("A Survey of Widget Energy", "Smith, John",
     ["Early Warning Scores on Wards", "Mary Major", "As (Smith et al. 2013) found, we used 99 kWh."]),
    # the paper's supplement (or an erratum), which prints its title only as the work it is about
    ("A Survey of Widget Energy", "Smith, John and Roe, Rita",
     ["Supplementary Material for A Survey of Widget Energy", "John Smith, Rita Roe", "Table S1: we used 99 kWh."]),
])
def test_a_file_fields_pdf_of_another_paper_is_not_attached(kb_root, tmp_path, title, authors, printed):
    (tmp_path / "other.pdf").write_bytes(make_pdf([printed]))
    (tmp_path / "own.pdf").write_bytes(make_pdf([OWN]))
    bib = tmp_path / "library.bib"
    bib.write_text(f"@article{{wrong2020, title = {{{title}}}, author = {{{authors}}}, year = {{2020}},\n"
                   "  file = {Full Text PDF:other.pdf:application/pdf}}\n"
                   "@article{own2021, title = {Multi Output Green Inference: Measuring Energy}, year = {2021},\n"
                   "  author = {Lovelace, Ada and Hopper, Grace}, file = {:own.pdf:PDF}}\n")
    kb = open_kb(kb_root)
    out = import_bib(kb, bib, jobs=1)
    assert out.added == ["wrong2020", "own2021"]
    assert out.attached == ["own2021: own.pdf"]      # its main title printed, its hyphen read as a space
    said = [w for w in out.warnings if w.startswith("wrong2020:")]
    assert len(said) == 1 and "not attached" in said[0] and "the entry's title" in said[0], said
    assert kb.db.execute("select count(*) from versions where citekey = 'wrong2020'").fetchone()[0] == 0


@pytest.mark.parametrize("setting", ["fileDirectory:pdfs", "fileDirectory-ada-laptop:{pdfs}"])
def test_jabrefs_file_directory_is_where_its_file_fields_paths_are(kb_root, tmp_path, setting):
    """JabRef names a library's files relative to its folder of files (`jabref-meta: fileDirectory`,
    or its user's); kb looked beside the .bib file only, and said each PDF was missing."""
    (tmp_path / "pdfs").mkdir()
    (tmp_path / "pdfs" / "own.pdf").write_bytes(make_pdf([OWN]))
    bib = tmp_path / "library.bib"
    bib.write_text("@Article{own2021, title = {Multi-Output Green Inference}, year = {2021},\n"
                   "  author = {Lovelace, Ada and Hopper, Grace}, file = {:own.pdf:PDF}}\n\n"
                   "@Comment{jabref-meta: databaseType:bibtex;}\n\n"
                   f"@Comment{{jabref-meta: {setting.replace('{pdfs}', str(tmp_path / 'pdfs'))};}}\n")
    out = import_bib(open_kb(kb_root), bib, jobs=1)
    assert out.attached == ["own2021: own.pdf"], out.warnings

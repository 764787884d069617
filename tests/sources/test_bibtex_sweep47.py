"""Sweep 47: a value from a PDF's metadata or an imported .bib holding a TeX command that runs a program, reads or
writes a file, or remakes TeX is written as text, as a network record's is; a person's own macros as written."""

from __future__ import annotations

import pytest
from kbrun import run_kb

from kb.sources.bibtex import BibFile
from kb.sources.metadata import PaperMeta

HAZARDS = [r"\input{/etc/passwd}", r"\write18{rm -rf x}", r"\csname foo\endcsname", r"\def\x{y}", r"\catcode`\@=11",
           r"^^5cinput{/etc/passwd}"]


@pytest.mark.parametrize("hazard", HAZARDS)
def test_pdf_metadata_command_written_as_text(hazard):
    fields = PaperMeta(title=f"Energy {hazard} use of $\\alpha$", authors=[f"Doe, J{hazard}", "Roe, Jim"],
                       origin="pdf").bib_fields()
    bib = BibFile("@misc{x,\n" + "".join(f"  {k} = {{{v}}},\n" for k, v in fields.items()) + "}\n")
    for value in bib.entry("x").fields.values():
        assert "\\input" not in value.replace("\\textbackslash{}input", "") and "^^" not in value
        for cmd in ("write18", "csname", "def", "catcode"):
            assert f"\\{cmd}" not in value
    assert "$\\alpha$" in fields["title"] and fields["author"].endswith(" and Roe, Jim")


def test_imported_bib_command_written_as_text_own_macros_kept(kb_root, tmp_path):
    (tmp_path / "x.bib").write_text(
        "@article{evil2020,\n  title = {Energy \\input{/etc/passwd} use},\n"
        "  author = {Doe, Jane and \\csname x\\endcsname Roe},\n  journal = {J. \\emph{E} \\ours{}},\n  year = {2020},\n}\n"
        "@article{fine2021,\n  title = {Fine \\emph{title} with \\SI{3}{\\kilo\\watt}},\n"
        "  author = {Poe, Ann},\n  year = {2021},\n}\n")
    r = run_kb("import", tmp_path / "x.bib")
    assert r.code == 0, r.err
    text = (kb_root / "references.bib").read_text()
    assert "\\input" not in text.replace("\\textbackslash{}input", "") and "\\csname" not in text
    assert "\\emph{E} \\ours{}" in text and "\\SI{3}{\\kilo\\watt}" in text
    assert "evil2020's title holds \\input" in r.err and r.err.count("\n") == 1

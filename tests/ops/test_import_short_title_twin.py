"""`kb import` of an entry whose title is too short to prove one paper ("Green AI": 12 characters or fewer), with
the first author and year of a paper kb holds: filed as a work of its own, as before, and now said in one line
naming both (a Mendeley entry and a Google Scholar entry of one paper were two papers without a word). Another
year, another first author, or a DOI of its own that differs: nothing said."""

from __future__ import annotations

import pytest

from kb.ops.papers import import_bib
from kb.ops.session import open_kb

HELD = """@inproceedings{Schwartz2020, title = {{Green AI}}, author = {Schwartz, Roy and Dodge, Jesse},
  booktitle = {Communications of the ACM}, year = {2020}, doi = {10.1145/3381831}}
"""
TWIN = """@article{schwartz2020green, title={Green {AI}}, author={Schwartz, Roy and Dodge, Jesse},
  journal={Communications of the ACM}, year={2020}}
"""
OTHERS = {
    "year": "@article{schwartz2021green, title={Green AI}, author={Schwartz, Roy}, year={2021}}\n",
    "author": "@article{smith2020green, title={Green AI}, author={Smith, Ann}, year={2020}}\n",
    "doi": "@article{schwartz2020other, title={Green AI}, author={Schwartz, Roy}, year={2020}, doi={10.5555/other.2020}}\n",
}


def test_a_short_title_with_the_first_author_and_year_of_a_paper_held_is_said(kb_root, tmp_path):
    kb = open_kb(kb_root)
    (tmp_path / "a.bib").write_text(HELD)
    import_bib(kb, tmp_path / "a.bib")
    (tmp_path / "b.bib").write_text(TWIN)
    out = import_bib(kb, tmp_path / "b.bib")
    assert out.added == ["schwartz2020green"]
    said = [w for w in out.warnings if "too short to prove one paper" in w]
    assert len(said) == 1
    assert "b.bib:1: schwartz2020green has the title, first author and year of Schwartz2020" in said[0]


@pytest.mark.parametrize("what", sorted(OTHERS))
def test_another_year_author_or_doi_is_not_said(kb_root, tmp_path, what):
    kb = open_kb(kb_root)
    (tmp_path / "a.bib").write_text(HELD)
    import_bib(kb, tmp_path / "a.bib")
    (tmp_path / "b.bib").write_text(OTHERS[what])
    out = import_bib(kb, tmp_path / "b.bib")
    assert len(out.added) == 1
    assert not any("too short to prove" in w for w in out.warnings)

"""Sweep 42: an imported entry's fields merged into an entry kb holds are written as an import
writes a new entry's, those its type does not take included (they were named and dropped)."""

from __future__ import annotations

import pytest
from kbrun import run_kb

from kb.sources.bibtex import BibFile


@pytest.mark.parametrize("fields", [{"booktitle": "Proc. Y"}, {"numpages": "14", "biburl": "https://x.org/b"}])
def test_a_persons_fields_merged_into_an_entry_are_written_whatever_its_type_takes(fields):
    bib = BibFile("@misc{b2020y,\n  title = {Another Paper},\n  author = {Roe, Jim},\n  year = {2020},\n}\n")
    bib.set_entry("b2020y", "misc", fields, fit=False)
    assert {k: v for k, v in bib.entry("b2020y").fields.items() if k in fields} == fields
    bib.set_entry("b2020y", "misc", {"note": "kb's"})
    assert bib.entry("b2020y").fields["note"] == "kb's"


def test_fill_writes_a_field_a_persons_entry_type_does_not_take(kb_root, tmp_path):
    (kb_root / "references.bib").write_text("@article{c2021,\n  title = {A Third Paper on Things},\n"
                                            "  author = {Poe, Ann},\n  year = {2021},\n}\n")
    (tmp_path / "x.bib").write_text("@inproceedings{c2021, title={A Third Paper on Things}, author={Poe, Ann}, "
                                    "year=2021, booktitle={Proc. Z}, numpages={9}}\n")
    r = run_kb("import", tmp_path / "x.bib", "--fill")
    assert r.code == 0, r.err
    text = (kb_root / "references.bib").read_text()
    assert "booktitle = {Proc. Z}" in text and "numpages = {9}" in text and "not written" not in r.err

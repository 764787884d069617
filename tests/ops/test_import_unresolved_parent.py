"""`kb import` of an entry whose crossref, xref or xdata names a key that neither its file nor references.bib
holds: kept as written, and said in one line naming the entry and the key (BibTeX warns of a bad cross
reference, biber of a missing entry; the entry is lent no venue nor year). The import said nothing of it."""

from __future__ import annotations

from kb.ops.papers import import_bib
from kb.ops.session import open_kb

ORPHANS = """@inproceedings{orphan2021, title = {Child of a Missing Parent}, author = {Three, Cy}, year = {2021},
  crossref = {nosuchproc2021}}
@inproceedings{lent2022, title = {Lent Nothing}, author = {Four, Di}, year = {2022}, xdata = {pubdata, gone}}
@xdata{pubdata, publisher = {Some Press}}
"""
#: every key found: in the file in another case (as BibTeX finds it), after the child, or in references.bib
FOUND = """@inproceedings{child2019, title = {A Child}, author = {Five, Ed}, crossref = {PROC2019}, pages = {1--2}}
@proceedings{proc2019, title = {Proceedings of a Workshop}, booktitle = {Proceedings of a Workshop}, year = {2019}}
"""
LATER = """@inproceedings{later2019, title = {A Later Child}, author = {Six, Flo}, crossref = {proc2019}, pages = {3--4}}
"""


def test_a_parent_named_nowhere_is_said_and_the_entry_kept(kb_root, tmp_path):
    (tmp_path / "lib.bib").write_text(ORPHANS)
    out = import_bib(open_kb(kb_root), tmp_path / "lib.bib")
    stored = (kb_root / "references.bib").read_text()
    assert "crossref = {nosuchproc2021}" in stored and "xdata = {pubdata, gone}" in stored
    said = [w for w in out.warnings if "neither this file nor references.bib" in w]
    assert len(said) == 2
    assert "orphan2021's crossref names 'nosuchproc2021'" in said[0]
    assert "lent2022's xdata names 'gone'" in said[1]
    assert not any("'pubdata'" in w for w in out.warnings)


def test_a_parent_found_in_any_case_or_held_already_is_not_said(kb_root, tmp_path):
    kb = open_kb(kb_root)
    (tmp_path / "a.bib").write_text(FOUND)
    first = import_bib(kb, tmp_path / "a.bib")
    (tmp_path / "b.bib").write_text(LATER)
    second = import_bib(kb, tmp_path / "b.bib")
    assert second.added == ["later2019"]
    assert not any("neither this file" in w for w in first.warnings + second.warnings)


def test_kb_doctor_names_a_parent_references_bib_does_not_hold(kb_root, tmp_path):
    from kbrun import run_kb

    (tmp_path / "a.bib").write_text(ORPHANS + FOUND)
    import_bib(open_kb(kb_root), tmp_path / "a.bib")
    r = run_kb("doctor")
    said = [line for line in r.out.splitlines() if "which references.bib does not hold" in line]
    assert len(said) == 2, r.out
    assert "entry orphan2021's crossref names 'nosuchproc2021'" in said[0]
    assert "entry lent2022's xdata names 'gone'" in said[1]

"""kb import of a library exported again (Zotero, JabRef): entries removed from the library since are
kept in references.bib, unchanged, and said with their count and keys."""

from __future__ import annotations

import pytest

from kb.ops.library import remove_papers, rename_paper
from kb.ops.papers import import_bib
from kb.ops.rebuild import rebuild
from kb.ops.session import open_kb

ENTRIES = {key: f"@article{{{key},\n  title = {{{title}}},\n  author = {{{author}}},\n  year = {{{year}}}\n}}\n"
           for key, title, author, year in [("alpha2020", "Energy and policy", "Alpha, Ann", 2020),
                                            ("beta2021", "Carbon accounting of training", "Beta, Bob", 2021),
                                            ("gamma2022", "Water use of data centres", "Gamma, Gil", 2022)]}


@pytest.mark.parametrize("since, said", [(None, "beta2021"), ("rename", "bob2021"), ("rm", None),
                                         ("rebuild", "beta2021")])
def test_entries_gone_from_a_library_exported_again_are_kept_and_said(kb_root, tmp_path, since, said):
    bib = tmp_path / "My Library.bib"
    bib.write_text("\n".join(ENTRIES.values()))
    kb = open_kb(kb_root)
    assert import_bib(kb, bib).gone == []
    if since == "rename":
        rename_paper(kb, "beta2021", "bob2021")
    elif since == "rm":
        remove_papers(kb, ["beta2021"])
    elif since == "rebuild":            # a new index: what the old one recorded of the file is kept
        kb.close()
        rebuild(kb_root)
        kb = open_kb(kb_root)
    bib.write_text(ENTRIES["alpha2020"] + "\n" + ENTRIES["gamma2022"])      # removed from the library
    before = (kb_root / "references.bib").read_bytes()
    out = import_bib(kb, bib)
    assert (kb_root / "references.bib").read_bytes() == before
    assert out.gone == ([said] if said else [])
    gone = [w for w in out.warnings if "no longer in it" in w]
    assert len(gone) == (1 if said else 0)
    if said:
        assert "1 entry" in gone[0] and said in gone[0] and "'gone'" in gone[0]
        assert import_bib(kb, bib).gone == [said]           # said again until it is removed
    # another file never imported before has nothing gone from it
    other = tmp_path / "other.bib"
    other.write_text(ENTRIES["gamma2022"])
    assert import_bib(kb, other).gone == []

"""kb import of an entry for a paper references.bib holds whose title was recased since (in Zotero, or
in references.bib by hand): the difference is said, references.bib's value kept."""

from __future__ import annotations

import pytest

from kb.ops.papers import import_bib
from kb.ops.session import open_kb
from kb.sources.bibtex import case_apart

ENTRY = "@article{alpha2020,\n  title = {Energy and policy},\n  author = {Alpha, Ann},\n  year = {2020}\n}\n"


@pytest.mark.parametrize("held, theirs, apart", [
    ("Energy and policy", "Energy and Policy", True),
    ("Attention Is All You Need", "Attention is All you Need", True),
    (r"{\"U}ber {Energy} and policy", r"{\"U}ber {Energy} and Policy", True),
    ("{BERT}: {Pre}-training of Deep Transformers", "{BERT:} Pre-training of Deep Transformers", False),
    ("Energy and policy", "Energy  and\n  policy", False),
    ("Energy and policy", "Energy and politics", False),       # not the same value: said otherwise
])
def test_a_title_recased_is_apart(held, theirs, apart):
    assert case_apart("title", held, theirs) is apart
    assert case_apart("note", held, theirs) is False


def test_a_title_recased_in_the_library_is_said_and_references_bib_kept(kb_root, tmp_path):
    bib = tmp_path / "library.bib"
    bib.write_text(ENTRY)
    kb = open_kb(kb_root)
    import_bib(kb, bib)
    before = (kb_root / "references.bib").read_bytes()
    bib.write_text(ENTRY.replace("Energy and policy", "Energy and Policy"))
    out = import_bib(kb, bib)
    assert (kb_root / "references.bib").read_bytes() == before
    assert out.unchanged == ["alpha2020"]
    said = [w for w in out.warnings if "alpha2020 kept as references.bib holds it" in w]
    assert len(said) == 1 and "letter case only" in said[0]
    assert "'Energy and Policy'" in said[0] and "'Energy and policy'" in said[0]

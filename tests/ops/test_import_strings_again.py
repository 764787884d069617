"""`kb import` of a file that defines an @string macro again further on: BibTeX gives each entry the
definition read last before it. The import copied the file's last definition into references.bib for every
entry using the macro, so an entry read before the second definition took its value there (pybtex, BibTeX and
kb's own reading of references.bib said 'Journal B' where the file said 'Journal A')."""

from __future__ import annotations

import pytest
from bibtools import pybtex_fields

from kb.ops.papers import import_bib
from kb.ops.session import open_kb
from kb.sources.bibtex import BibFile

TWICE = """@string{jn = "Journal A"}
@article{first2020, title = {First}, author = {Doe, Jane}, year = {2020}, journal = jn}
@string{jn = "Journal B"}
@article{second2020, title = {Second}, author = {Doe, Jane}, year = {2020}, journal = jn}
"""
#: a macro resting on one the file defines again after it: the @string copied would read the last one
CHAIN = """@string{pre = "Proceedings of the "}
@string{conf = pre # "Tenth Workshop"}
@string{pre = "Actes du "}
@article{chained2021, title = {Chained}, author = {Roe, Ann}, year = {2021}, journal = conf, note = pre # "x"}
"""
#: defined twice alike, and a macro defined once: copied as written, as before
SAME = """@string{jn = "Journal A"}
@article{alike2020, title = {Alike}, author = {Doe, Jane}, year = {2020}, journal = jn}
@string{jn = "Journal A"}
@string{other = "Other"}
@article{once2020, title = {Once}, author = {Doe, Jane}, year = {2020}, journal = other}
"""


@pytest.mark.parametrize("text", [TWICE, CHAIN, SAME], ids=["twice", "chain", "same"])
def test_each_entry_keeps_the_value_its_file_gives_it(kb_root, tmp_path, text):
    (tmp_path / "lib.bib").write_text(text)
    out = import_bib(open_kb(kb_root), tmp_path / "lib.bib")
    stored = (kb_root / "references.bib").read_text()
    want = pybtex_fields(text)
    got = pybtex_fields(stored)
    assert {k: (f["journal"], f.get("note")) for k, f in got.items()} == \
        {k: (f["journal"], f.get("note")) for k, f in want.items()}
    ours = BibFile(stored)
    assert {k: ours.entry(k).fields["journal"] for k in want} == {k: f["journal"] for k, f in want.items()}
    spelled = [w for w in out.warnings if "defined again" in w]
    if text is SAME:
        assert not spelled
        for key in want:        # nothing to spell out: the entries as their file holds them
            assert BibFile(text).entry_text(key).strip() in stored
    else:
        assert len(spelled) == 1
    if text is TWICE:           # the entry after the last definition is still copied as written
        assert BibFile(text).entry_text("second2020").strip() in stored


@pytest.mark.parametrize("as_stored", [False, True], ids=["shaped", "as-stored"])
def test_the_export_gives_each_entry_the_value_references_bib_gives_it(kb_root, as_stored):
    """references.bib defining a macro again (by hand): kb export bib wrote the @strings first, the last
    definition of each, and an entry read before the second took its value (--as-stored of one paper too)."""
    from kb.ops.export import bib_export

    stored = TWICE.replace("journal = jn}", 'journal = jn # " (Series)", month = jun}', 1)
    (kb_root / "references.bib").write_text(stored)
    kb = open_kb(kb_root)
    want = pybtex_fields(stored)
    for keys in (["first2020", "second2020"], ["first2020"]):
        text = bib_export(kb, keys, as_stored=as_stored).text
        got = pybtex_fields(text)
        assert {k: got[k]["journal"] for k in keys} == {k: want[k]["journal"] for k in keys}
        assert got["first2020"]["month"] == "June"
    assert BibFile(stored).entry_text("second2020").strip() in bib_export(kb, ["second2020"], as_stored=as_stored).text


@pytest.mark.parametrize("normalise", [False, True])
def test_an_entry_written_again_keeps_its_empty_fields_unless_normalised(kb_root, tmp_path, normalise):
    """An entry kb writes in its own style (a macro defined again, a TeX command defused) dropped `note = {}` and
    `keywords = ""`: fields of the person's entry, gone without a word; --normalise still leaves them out."""
    (tmp_path / "lib.bib").write_text(TWICE.replace("journal = jn}", 'journal = jn, note = {}, keywords = ""}', 1))
    import_bib(open_kb(kb_root), tmp_path / "lib.bib", normalise=normalise)
    fields = BibFile((kb_root / "references.bib").read_text()).entry("first2020").raw_fields
    assert fields["journal"].strip() == "{Journal A}"
    assert ("note" in fields and "keywords" in fields) is not normalise


@pytest.mark.parametrize("after, said", [('@STRING{jlate = "Journal Late"}\n', "defines only further on"),
                                         ("", "never defines")])
def test_a_macro_defined_after_its_entry_is_refused_as_such(kb_root, tmp_path, after, said):
    """'which the file never defines' was said of a macro the file defines below the entry using it."""
    from kb.errors import FileFormatError

    (tmp_path / "lib.bib").write_text("@article{late2020, title = {Late}, author = {Doe, Jane}, year = {2020}, "
                                      "journal = JLate}\n" + after)
    with pytest.raises(FileFormatError, match=said):
        import_bib(open_kb(kb_root), tmp_path / "lib.bib")
    assert "late2020" not in (kb_root / "references.bib").read_text()

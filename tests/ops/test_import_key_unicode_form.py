"""`kb import` of an entry whose key another paper holds written with its accented letters in the other Unicode form
('Mu\\u0308llerEnergy2022' held, 'M\\u00fcllerEnergy2022' imported): filed under a key of its own, as before, and the
line saying so shows both keys escaped and why they are one. It said "key 'MüllerEnergy2022' is taken by another
paper (MüllerEnergy2022)", two keys that look the same."""

from __future__ import annotations

from kb.ops.papers import import_bib
from kb.ops.session import open_kb

NFD = "@article{Mu\u0308llerEnergy2022, title = {Decomposed Letters}, author = {M\u00fcller, Anna}, year = {2022}}\n"
NFC = "@article{M\u00fcllerEnergy2022, title = {Composed Letters}, author = {M\u00fcller, Anna}, year = {2022}}\n"
CASED = "@article{m\u00fcllerenergy2022, title = {Lower Letters}, author = {M\u00fcller, Anna}, year = {2022}}\n"


def test_a_key_held_in_another_unicode_form_is_said_escaped(kb_root, tmp_path):
    kb = open_kb(kb_root)
    (tmp_path / "a.bib").write_text(NFD)
    import_bib(kb, tmp_path / "a.bib")
    (tmp_path / "b.bib").write_text(NFC)
    out = import_bib(kb, tmp_path / "b.bib")
    assert len(out.added) == 1 and out.added[0] != "M\u00fcllerEnergy2022"
    said = [w for w in out.warnings if "is taken by another paper" in w]
    assert len(said) == 1
    assert "'Mu\\u0308llerEnergy2022', the same key with its letters in another Unicode form than this file's " \
           "'M\\xfcllerEnergy2022'" in said[0]
    assert said[0].endswith(f"filed as {out.added[0]}")


def test_a_key_held_in_another_case_is_named_as_before(kb_root, tmp_path):
    kb = open_kb(kb_root)
    (tmp_path / "a.bib").write_text(NFC)
    import_bib(kb, tmp_path / "a.bib")
    (tmp_path / "b.bib").write_text(CASED)
    out = import_bib(kb, tmp_path / "b.bib")
    said = [w for w in out.warnings if "is taken by another paper" in w]
    assert len(said) == 1 and "taken by another paper (M\u00fcllerEnergy2022)" in said[0]

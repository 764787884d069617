"""Hand edits of the truth files, round six: what people's own tools write into
references.bib, and files kb points at that a person moved or deleted."""

from __future__ import annotations

import pytest
from kbrun import run_kb

from kb.ops.library import split_tags, tag_separator


@pytest.mark.parametrize("written, tags, sep", [
    ("energy; carbon", ["energy", "carbon"], "; "),          # Zotero, JabRef
    ("energy;carbon", ["energy", "carbon"], ";"),
    ("energy, carbon", ["energy", "carbon"], ", "),          # biblatex
    ("energy", ["energy"], ", "),
    ("a\\%b;\n  c", ["a%b", "c"], ";"),
])
def test_a_keywords_field_parted_by_semicolons_is_its_tags_and_kept_so(written, tags, sep):
    assert split_tags(written) == tags
    assert tag_separator(written) == sep


def test_a_tag_added_to_a_zotero_keywords_field_is_written_as_its_tags_are(kb_root, tmp_path):
    bib = tmp_path / "z.bib"
    bib.write_text("@article{zot2020,\n  title = {Z},\n  author = {Zed, Ann},\n  year = {2020},\n"
                   "  keywords = {energy; carbon}\n}\n")
    assert run_kb("import", bib).code == 0
    assert "zot2020" in run_kb("ls", "--tag", "carbon").out
    r = run_kb("tag", "zot2020", "+ml", "-carbon")
    assert r.code == 0, r.err
    assert "keywords = {energy; ml}" in (kb_root / "references.bib").read_text()
    assert run_kb("tag", "zot2020", "+a;b").code == 2

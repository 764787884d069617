"""A citation naming co-authors ('Smith and Green (2021)') names the one paper of its first author and year here
only where each co-author it names is that paper's author at its place: a co-author the paper has not names another
work (Smyth and Green's), which kb does not hold, so the quote is not checked; it was checked against Smith and Brown's.
So does one it has at another place ('Smith & Gray' of Smith, Brown and Gray's)."""

from __future__ import annotations

import json

import pytest

from kb.ops.papers import load_text
from kb.ops.quotes import verify_note
from kb.ops.session import open_kb

_Q = "We analyze four models, the computational requirements of which we describe below"
_BIB = ("@article{smith2021,\n  title = {Grid Emissions and Model Training},\n"
        "  author = {Smith, John and Brown, Tom and Gray, Ann},\n  year = {2021}\n}\n"
)


@pytest.mark.parametrize("note, found", [
    ('"{q}" (Smith and Green 2021, p. 2).', None),              # a co-author of another work
    ('Smith, Brown and Poe (2021) write that "{q}" (p. 2).', None),
    ('"{q}" (Smith & Gray, 2021, p. 2).', None),                # its co-author, not its second: Smith and Gray's
    ('"{q}" (Smith, Brown and Gray 2021, p. 2).', "smith2021"),
    ('"{q}" (Smith et al. 2021, p. 2).', "smith2021"),
    ('"{q}" (Smith and Brown 2021, p. 2).', "smith2021"),
])
def test_a_co_author_the_paper_has_not_names_another_work(kb_root, tmp_path, note, found) -> None:
    (kb_root / "references.bib").write_text(_BIB)
    pages = tmp_path / "pages.json"
    pages.write_text(json.dumps(["Title", f"2.1 Models\n{_Q}. All models"]))
    path = tmp_path / "n.md"
    path.write_text("# Note\n\n" + note.format(q=_Q) + "\n")
    kb = open_kb(kb_root)
    try:
        load_text(kb, "smith2021", pages, extractor="test")
        [r], problems = verify_note(kb, path)
    finally:
        kb.close()
    assert (r.citekey, r.status if found else "-") == (found, "ok" if found else "-"), r.message
    if found is None:
        assert "has no author" in r.message or "is not its author" in r.message

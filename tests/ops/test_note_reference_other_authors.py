"""kb verify --note: a note's reference entry whose title reads like a paper's here but whose first author is none of
that paper's is not checked against it, and the verdict says whose the paper is."""

from __future__ import annotations

import json

import pytest

from kb.ops.papers import load_text
from kb.ops.quotes import verify_note
from kb.ops.session import open_kb

_Q = "the carbon footprint of training depends on the energy grid used"
_T = "Counting Carbon: A Survey of Factors Influencing the Emissions of Machine Learning"
_BIB = ("@article{luccioni2023counting,\n  title = {" + _T + "},\n  author = {Luccioni, Alexandra Sasha and "
        "Hernandez-Garcia, Alex},\n  year = {2023}\n}\n")


@pytest.mark.parametrize("entry, key", [
    ("Doe, 'Counting Carbon: A Survey of Factors Influencing the Emissions of Machine Learning Systems,' 2024", None),
    (f"Doe, J. (2023). {_T}.", None),
    (f"Luccioni, A. S., & Hernandez-Garcia, A. (2023). {_T}.", "luccioni2023counting"),
    (f"Luccioni et al., '{_T},' 2024", "luccioni2023counting"),
])
def test_a_reference_of_another_first_author_is_not_the_paper(kb_root, tmp_path, entry, key):
    (kb_root / "references.bib").write_text(_BIB)
    pages = tmp_path / "pages.json"
    pages.write_text(json.dumps(["Counting Carbon", f"1 Intro\nWe find that {_Q}. So"]))
    note = tmp_path / "n.md"
    note.write_text(f"# Note\n\nThey write that \"{_Q}\" [2].\n\n## References\n\n1. Roe, K. Other Work. 2020.\n"
                    f"2. {entry}\n")
    kb = open_kb(kb_root)
    try:
        load_text(kb, "luccioni2023counting", pages, extractor="test")
        [v], _ = verify_note(kb, note)
    finally:
        kb.close()
    assert v.citekey == key, v.message
    if key is None:
        assert v.status == "no-source" and v.failed
        assert "closest: luccioni2023counting, but its first author is Luccioni, not Doe" in v.message
    else:
        assert v.status == "ok", v.message

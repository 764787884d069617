"""Held-out round 18 of notes, as kb verify --note checks them: a title written with a year that is not its work's is
not checked (a year off by one, a preprint's or its print's, is the same work, said beside the verdict)."""

from __future__ import annotations

import json

import pytest

from kb.ops.papers import load_text
from kb.ops.quotes import verify_note
from kb.ops.session import open_kb

_Q = "Recent advances in available compute come at a high price not attainable to all who desire access"
_BIB = ("@article{strubell2019,\n  title = {Energy and Policy Considerations for Deep Learning in NLP},\n  author = "
        "{Strubell, Emma and Ganesh, Ananya},\n  year = {2019}\n}\n")


@pytest.mark.parametrize("body, status", [
    (f'"{_Q}." (*Energy and Policy* (2021), 2)', "unchecked"),
    (f'"{_Q}." (*Energy and Policy* (2020), 2)', "ok"),
    (f'"{_Q}." (*Energy and Policy* (2019), 2)', "ok"),
])
def test_a_title_with_another_year_is_not_its_work(kb_root, tmp_path, body, status):
    (kb_root / "references.bib").write_text(_BIB)
    pages = tmp_path / "pages.json"
    pages.write_text(json.dumps(["Energy and Policy", f"1 Intro\n{_Q}. So"]))
    note = tmp_path / "n.md"
    note.write_text(f"# Note\n\n{body}\n")
    kb = open_kb(kb_root)
    try:
        load_text(kb, "strubell2019", pages, extractor="test")
        [v], _ = verify_note(kb, note)
    finally:
        kb.close()
    assert v.status == status, v.message
    assert (v.citekey, v.page) == (("strubell2019", 2) if status == "ok" else (None, None))
    assert ("year" in v.message) == (status != "ok" or "2020" in body)

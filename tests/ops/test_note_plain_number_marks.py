"""A quote holding a note's number the writer copied after a sentence's stop ('... emissions.12 The ...') is found
where the page prints the stop and the note apart, and as written where the page prints the number in the line."""

from __future__ import annotations

import json

import pytest

from kb.ops.papers import load_text
from kb.ops.quotes import verify_note
from kb.ops.session import open_kb

_A = "Major technology companies have also been increasingly committed to reducing their emissions"
_B = "The cloud is large and costly to run at scale"


@pytest.mark.parametrize("printed", [f"{_A}. {_B}.", f"{_A}.12 {_B}."])
def test_a_copied_note_number_after_a_stop_is_found(kb_root, tmp_path, printed: str) -> None:
    (kb_root / "references.bib").write_text(
        "@article{dodge2022,\n  title = {Work one on a subject},\n  author = {Dodge, Jesse},\n  year = {2022}\n}\n")
    pages = tmp_path / "pages.json"
    pages.write_text(json.dumps(["Title", f"1 Intro\n{printed}\n\n12 A note of the page."]))
    path = tmp_path / "n.md"
    path.write_text(f'# Note\n\nAs they show, "{_A}.12 {_B}" [@dodge2022, p. 2].\n')
    kb = open_kb(kb_root)
    try:
        load_text(kb, "dodge2022", pages, extractor="test")
        verdicts, _ = verify_note(kb, path)
    finally:
        kb.close()
    assert [(v.status, v.citekey, v.page) for v in verdicts] == [("ok", "dodge2022", 2)]

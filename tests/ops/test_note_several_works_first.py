"""A quote citing several works that the first of them holds says so, naming it, as one another of them holds does:
it was 'ok' with nothing said of the others cited ('"..." (Dodge et al., 2022; Strubell et al., 2019)')."""

from __future__ import annotations

import json

from kb.ops.papers import load_text
from kb.ops.quotes import verify_note
from kb.ops.session import open_kb

_Q = "We analyze four models, the computational requirements of which we describe below"


def test_a_quote_the_first_of_several_works_holds_names_it(kb_root, tmp_path) -> None:
    (kb_root / "references.bib").write_text(
        "@article{dodge2022,\n  title = {Work one on a subject},\n  author = {Dodge, Jesse},\n  year = {2022}\n}\n"
        "@article{strubell2019,\n  title = {Work two on a subject},\n  author = {Strubell, Emma},\n  year = {2019}\n}\n")
    pages = tmp_path / "pages.json"
    pages.write_text(json.dumps(["Title", f"2.1 Models\n{_Q}. All models"]))
    path = tmp_path / "n.md"
    path.write_text(f'# Note\n\n"{_Q}" (Dodge, 2022; Strubell, 2019, p. 9).\n\n'
                    f'Later, "{_Q}" [@dodge2022, p. 2; @strubell2019; @lee2020].\n')
    kb = open_kb(kb_root)
    try:
        load_text(kb, "dodge2022", pages, extractor="test")
        verdicts, _ = verify_note(kb, path)
    finally:
        kb.close()
    assert [(v.status, v.citekey, v.message) for v in verdicts] == [
        ("ok", "dodge2022", "page 2 (dodge2022, the first of the 2 works cited)"),
        ("ok", "dodge2022", "page 2 (@dodge2022, the first of the 3 works cited)")]

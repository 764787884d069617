"""A work's title a note's sentence names in quote marks (MLA's and Harvard's way) is the cited work's title, no
quote of its page: not checked, where it was checked as a quote and failed at the sentence's page."""

from __future__ import annotations

import json

from kb.ops.papers import load_text
from kb.ops.quotes import verify_note
from kb.ops.session import open_kb

_Q = "Limiting this style of research to industry labs hurts the NLP research community in many ways"
_BIB = ("@article{strubell2019,\n  title = {Energy and Policy Considerations: A Study of Deep Learning in NLP},\n"
        "  author = {Strubell, Emma and Ganesh, Ananya},\n  year = {2019}\n}\n")


def test_a_quoted_title_of_the_cited_work_is_no_quote(kb_root, tmp_path):
    (kb_root / "references.bib").write_text(_BIB)
    pages = tmp_path / "pages.json"
    pages.write_text(json.dumps(["Energy and Policy Considerations: A Study of Deep Learning in NLP", f"x\n{_Q}. So"]))
    note = tmp_path / "n.md"
    note.write_text(f"# Note\n\nIn “Energy and Policy Considerations: A Study of Deep Learning in NLP”, they write “{_Q}” "
                    f"(Strubell et al. 2).\n\nIn 'Energy and Policy Considerations', they write '{_Q}' (Strubell et al. "
                    f"2).\n\nThey write “{_Q} Energy and Policy Considerations” (Strubell et al. 2).\n")
    kb = open_kb(kb_root)
    try:
        load_text(kb, "strubell2019", pages, extractor="test")
        results, _ = verify_note(kb, note)
    finally:
        kb.close()
    assert [(r.citekey, r.status) for r in results] == [
        (None, "unchecked"), ("strubell2019", "ok"), (None, "unchecked"), ("strubell2019", "ok"),
        ("strubell2019", "not-found")], [r.message for r in results]
    assert "title of strubell2019" in results[0].message

"""kb verify --note on a quote cited by markers of one kind side by side ('[1][2]', '[@a, p. 3] [@b, p. 7]'), or
named together before it saying it ('[1] and [2] write that', 'Both Doe (2019) and Roe (2021) note'): the quote is
checked in each work, said verified in the one holding it (at that marker's own page: another page is a
wrong page, never passed by the first marker's), and found in none of them, said so naming each."""

from __future__ import annotations

import json

import pytest

from kb.ops.papers import load_text
from kb.ops.quotes import verify_note
from kb.ops.session import open_kb

_A = "cloud companies aim for improved cost-performance in their data centers"
_B = "the average power draw is measured during inference on a single accelerator"
_BIB = "".join(f"@article{{{k},\n  title = {{{t}}},\n  author = {{{a}}},\n  year = {{{y}}}\n}}\n" for k, t, a, y in (
    ("patterson2021", "Carbon Emissions and Large Neural Network Training", "Patterson, David", 2021),
    ("strubell2019", "Energy and Policy Considerations for Deep Learning in NLP", "Strubell, Emma", 2019)))
_LIST = ("\n\n## References\n\n1. Strubell E. Energy and Policy Considerations for Deep Learning in NLP. ACL. 2019.\n"
         "2. Patterson D. Carbon Emissions and Large Neural Network Training. arXiv. 2021.\n")


@pytest.mark.parametrize("body, want", [
    (f"“{_A}” [1][2].{_LIST}", ("patterson2021", "ok", 3)),
    (f"“{_B}” [1][2].{_LIST}", ("strubell2019", "ok", 2)),
    (f"“{_A}” [@strubell2019, p. 2] [@patterson2021, p. 3].", ("patterson2021", "ok", 3)),
    (f"“{_A}” [@strubell2019, p. 3] [@patterson2021, p. 2].", ("patterson2021", "wrong-page", 3)),
    (f"“{_B}” [@strubell2019, p. 3] [@patterson2021, p. 2].", ("strubell2019", "wrong-page", 2)),
    (f"“{_A}”<sup>1</sup><sup>2</sup>.{_LIST}", ("patterson2021", "ok", 3)),
    (f"> {_A} [@strubell2019] [@patterson2021]", ("patterson2021", "ok", 3)),
    (f"“{_A.replace('improved', 'reduced')}” [1][2].{_LIST}", (None, "not-found", None)),
    # joined by a word, or raised as LaTeX writes it: each work checked, never the nearer one alone
    (f"“{_A}” [1] and [2].{_LIST}", ("patterson2021", "ok", 3)),
    (f"“{_B}” [2] or [1].{_LIST}", ("strubell2019", "ok", 2)),
    (f"“{_A}”\\textsuperscript{{1,2}}.{_LIST}", ("patterson2021", "ok", 3)),
    (f"“{_A.replace('improved', 'reduced')}” [@strubell2019] and [@patterson2021].", (None, "not-found", None)),
    # named together before it, saying it: each work checked, the verdict naming the one holding it, or none
    (f"[1] and [2] write that “{_A}”.{_LIST}", ("patterson2021", "ok", 3)),
    (f"[2] and [1] write that “{_B}”.{_LIST}", ("strubell2019", "ok", 2)),
    (f"Both [1] and [2] report that “{_A.replace('improved', 'reduced')}”.{_LIST}", (None, "not-found", None)),
    (f"@strubell2019 and @patterson2021 note that “{_A}” (p. 3).", ("patterson2021", "ok", 3)),
    (f"@patterson2021 and @strubell2019 note that “{_B}” (p. 3).", ("strubell2019", "ok", 2)),
    (f"[@strubell2019] or [@patterson2021] say “{_A.replace('cost', 'price')}”.", (None, "not-found", None)),
    (f"Both Strubell (2019) and Patterson (2021) note that “{_A}”.", ("patterson2021", "ok", 3)),
])
def test_quote_checked_in_each_work_cited_together(kb_root, tmp_path, body, want):
    (kb_root / "references.bib").write_text(_BIB)
    kb = open_kb(kb_root)
    try:
        for key, page, quote in (("patterson2021", 3, _A), ("strubell2019", 2, _B)):
            pages = tmp_path / f"{key}.json"
            pages.write_text(json.dumps(["A title"] * (page - 1) + [f"2 Methods\nAs we found, {quote}. So it goes."]))
            load_text(kb, key, pages, extractor="test")
        note = tmp_path / "n.md"
        note.write_text(f"# Note\n\n{body}\n")
        results, _ = verify_note(kb, note)
    finally:
        kb.close()
    assert len(results) == 1
    v = results[0]
    key, status, page = want
    assert v.status == status, v.message
    if key is None:
        assert "in none of the 2 works cited" in v.message and "strubell2019" in v.message \
            and "patterson2021" in v.message
    else:
        assert (v.citekey, v.page) == (key, page), v.message
        assert "of the 2 works cited" in v.message

"""A numbered citation's mark in the forms writers set it: a <sup> glued inside the quote's end after a word (no stop
before it), a page in round brackets inside the square ones ("[2 (p5)]"), a bracketed number in pandoc's superscript
("^[2]^"). (A sentence of Patterson et al. 2021, page 9, over a numbered list.)"""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

_Q = "Alas, there will be no way to verify the claims in papers of preliminary training development"
_LIST = ("\n\n## References\n\n1. Strubell E, et al. Energy and policy considerations for deep learning in NLP. ACL; "
         "2019.\n2. Patterson D, et al. Carbon emissions and large neural network training. arXiv:2104.10350; 2021.\n")


@pytest.mark.parametrize("body, page", [
    (f"They advise “{_Q}<sup>2</sup>”.", None),
    (f'They advise "{_Q}<sup>2</sup>" and move on.', None),
    (f"They advise “{_Q}” [2 (p9)].", "9"),
    (f"They advise “{_Q}”[2, (pp. 9-10)].", "9-10"),
    (f"> {_Q}. [2 (p. 9)]", "9"),
    (f"They advise “{_Q}”^[2]^.", None),
    (f"They advise “{_Q}” ^[2, p. 9]^", "9"),
    (f"> {_Q}. ^[2]^", None),
])
def test_a_numbered_mark_cites_the_quote_at_its_page(body: str, page: str | None) -> None:
    note = parse_note(body + _LIST)
    assert [(q.quote.rstrip("."), q.source_text, q.page) for q in note.quotes] == [(_Q, "[2]", page)]
    assert note.reference_for(note.quotes[0]).text.startswith("Patterson")


"""A pandoc inline note holding a number ('^[2]', '^[2, p. 4]') is the numbered citation of the note's list, never an
author-year citation of a work named '2'; a note's number in <sup> inside a quote's text after a word or its stop is
the note's mark, no word quoted ('investment,<sup>2</sup> cloud'), never a number's or a unit's exponent, which
stays raised ('10<sup>9</sup>' is '10⁹', never '109')."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

_LIST = ("\n\n## References\n\n1. Strubell E, Ganesh A. Energy and policy considerations for deep learning in NLP. "
         "ACL. 2019.\n2. Patterson D, Le Q. Carbon emissions and large neural network training. arXiv. 2021.\n")
_Q = "To get a better return on their investment, cloud companies aim for improved cost-performance."


@pytest.mark.parametrize("mark, page", [("^[2]", None), ("^[2, p. 4]", "4"), ("^[2 p4]", "4")])
def test_an_inline_note_of_a_number_cites_the_listed_work(mark: str, page: str | None) -> None:
    note = parse_note(f'They advise "{_Q}"{mark}{_LIST}')
    [q] = note.quotes
    assert (q.attribution, q.page, note.reference_for(q).number) == (None, page, "2")


@pytest.mark.parametrize("written, read", [
    ("their investment,<sup>2</sup> cloud at 10<sup>9</sup> operations", "their investment, cloud at 10⁹ operations"),
    ("their investment<sup>2,3</sup> and 3 km<sup>2</sup> of floor", "their investment and 3 km² of floor"),
])
def test_a_sup_number_inside_a_quote_is_a_mark_not_a_word(written: str, read: str) -> None:
    [q] = parse_note(f'They write "{written} and more" (Patterson et al., 2021, p. 4).').quotes
    assert q.quote == f"{read} and more"

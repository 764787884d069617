"""A writer's remark on the quote in square brackets closing an author-year citation ('(Doe, 2020, p. 5 [emphasis
added])') is the citation's, as one after a comma is: the quote cites that work at that page. (Dodge et al. 2022.)"""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

_Q = "Major technology companies have also been increasingly committed to reducing their emissions"


@pytest.mark.parametrize("citation, page", [
    ("(Dodge et al., 2022, p. 3 [emphasis added])", "3"),
    ("(Dodge et al., 2022, p. 3, [my italics])", "3"),
    ("(Dodge et al. 2022: 4 [emphasis in original])", "4"),
])
def test_a_bracketed_remark_closing_a_citation_is_its_own(citation: str, page: str) -> None:
    [q] = parse_note(f'"{_Q}" {citation}.\n').quotes
    assert (q.attribution, q.page) == ("Dodge et al. 2022.", page)

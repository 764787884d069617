"""What a line alone after a block quote cites, in round brackets: two works or more are told, never checked against
one nor called uncited; one work's year is no page. (A sentence of Dodge et al. 2022, page 3.)"""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

_Q = "Major technology companies have also been increasingly committed to reducing their emissions."


@pytest.mark.parametrize("cite, works", [
    ("(Dodge et al. 2022; Strubell et al. 2019)", 2),
    ("(Dodge et al., 2022, p. 3; Strubell et al., 2019).", 2),
    ("\n(Lo & Wang, 2020; Roe, 2019; Poe 2018)", 3),
    ("(Dodge et al. 3; Strubell 5)", 2),
])
@pytest.mark.parametrize("lead", ["", "Dodge et al. (2022) say:\n\n"])
def test_several_works_after_a_block_quote_are_told(lead: str, cite: str, works: int) -> None:
    note = parse_note(f"{lead}> {_Q}\n{cite}\n")
    assert note.quotes == [] and note.problems == [] and [line for line, _ in note.unchecked] == [1 + lead.count("\n")]
    assert [f"attributed to {works} works" in why for why in note.unchecked_why.values()] == [True]


def test_one_works_year_after_a_block_quote_is_no_page_and_places_cite_nothing() -> None:
    note = parse_note(f"> {_Q}\n(Dodge et al. 2022)\n\nText.\n\n> {_Q}\n(see Table 3; Fig. 2)\n")
    assert [(q.attribution, q.page) for q in note.quotes] == [("Dodge et al. 2022", None)]
    assert (note.problems, [line for line, _ in note.unchecked]) == ([], [6])

"""MLA's one name before a short title and a page, '(Doe, *Short Title* 8)', cites the quote: the names are told by
themselves, never with the title's words ('(Doe, *Energy and Policy* 3)' names one author, not two, as '(Doe, *Short
Title* 8)' does); a place's word before a title is no name."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

Q = "every word of this sentence is quoted from the paper"


def _cited(after: str) -> list[tuple]:
    return [(q.attribution, q.page) for q in parse_note(f"# N\n\nThey write “{Q}” {after}.\n").quotes]


@pytest.mark.parametrize("after, attribution, page", [
    ("(Doe, *Short Title* 8)", "Doe. “Short Title”.", "8"),
    ("(Patterson, *Carbon Emissions* 4)", "Patterson. “Carbon Emissions”.", "4"),
    ("(Strubell, *Energy and Policy* 5)", "Strubell. “Energy and Policy”.", "5"),
    ("(Luccioni, “Counting Carbon” 7)", "Luccioni. “Counting Carbon”.", "7"),
    ("(Luccioni, “Counting Carbon,” 7–8)", "Luccioni. “Counting Carbon”.", "7–8"),
    ("(Doe, _Short Title_ 12)", "Doe. “Short Title”.", "12"),
    ("(Doe, *Short Title*)", "Doe. “Short Title”.", None),
])
def test_one_name_before_a_short_title_cites(after, attribution, page) -> None:
    assert _cited(after) == [(attribution, page)]


@pytest.mark.parametrize("after", ["(Table, *Short Title* 8)", "(Fig, *Short Title* 8)", "(Section, “Short Title” 2)"])
def test_a_place_before_a_title_is_no_name(after) -> None:
    assert _cited(after) == []

"""A distributive "each" after "N X of Y" is about X, never Y: "100 sheets of paper each containing 50 lines" is 50 lines
per sheet, never per paper; a singular noun before "each" with no plural head names no per."""

from __future__ import annotations

import pytest

from kb.quantities.numbers import extract_candidates
from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("text, figure, per", [
    ("The computer is allowed 100 sheets of paper each containing 50 lines.", "50", "sheet"),
    ("We stored 12 boxes of film, each holding 36 frames.", "36", "box"),
    ("We sent 40 batches of data, each taking 3 hours.", "3", "batch"),
    ("We kept a stack of paper each containing 50 lines.", "50", ""),
])
def test_each_is_about_the_head(text, figure, per):
    got = [c.per for c in extract_candidates([text]) if c.number == figure]
    assert got == [per]


@pytest.mark.parametrize("value, quote, right, wrong", [
    ("50 lines", "the computer is allowed 100 sheets of paper each containing 50 lines", "sheet", "paper"),
    ("36 frames", "12 rolls of film, each holding 36 frames", "roll", "film"),
])
def test_a_quote_gives_the_head_as_per(value, quote, right, wrong):
    assert (value_in_quote(value, quote, per=right).ok, value_in_quote(value, quote, per=wrong).ok) == (True, False)

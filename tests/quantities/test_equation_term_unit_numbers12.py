"""A number that is a term of an equation with a letter in it is no figure with the word after it either, on the page
and in a quote ("11 items" of "x^2 + 3x = 11 items": no candidate and refused, were one and verified; "5 steps" of
"3e − 5 steps" refused; "11 trials" beside such an equation still verified)."""

from __future__ import annotations

import pytest

from kb.quantities.numbers import extract_candidates
from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("claim, quote", [
    ("11 items", "x^2+3x = 11 items"),
    ("4 kWh", "so that y − 2a = 4 kWh at the root"),
    ("5 steps", "a rate of 3e − 5 steps"),
])
def test_an_equation_term_with_a_word_after_is_no_figure(claim, quote):
    number = claim.split()[0]
    assert [c.number for c in extract_candidates([quote]) if c.number == number] == []
    assert value_in_quote(claim, quote).ok is False


@pytest.mark.parametrize("claim, quote", [
    ("11 trials", "y = 3a + 11, over 11 trials"),
    ("8 GPUs", "a total of 3 + 5 = 8 GPUs"),
])
def test_a_figure_beside_an_equation_still_verifies(claim, quote):
    assert value_in_quote(claim, quote).ok is True

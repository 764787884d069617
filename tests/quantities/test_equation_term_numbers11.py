"""A number that is a term of an equation with a letter in it is no figure of a claim ("11" of "2x − 40x − 11 = 0":
was verified, now refused; "11 trials" beside it and "0.5" of "α = 0.5" still verified)."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("term, figure, quote", [
    ("11", "3 roots", "we solve 2x − 40x − 11 = 0 for its 3 roots"),
    ("11", "0.5", "the root of x^2 + 3x = 11 at α = 0.5"),
    ("7", "12 runs", "so that y = 3 - 4 + 7a over 12 runs"),
])
def test_an_equation_term_is_no_figure(term, figure, quote):
    assert [value_in_quote(term, quote).ok, value_in_quote(figure, quote).ok] == [False, True]

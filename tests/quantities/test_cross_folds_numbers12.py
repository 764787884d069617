"""The folds of a cross-validation are no factor, on the page and in a quote ("5x" of "a 5-fold cross-validation":
no candidate and refused, were one and verified; "10x" of "tenfold cross validation" refused; "5x" of "a 5-fold
increase" still verified, and "5-fold", the quote's own words)."""

from __future__ import annotations

import pytest

from kb.quantities.numbers import extract_candidates
from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("factor, quote", [
    ("5x", "We conduct a 5-fold cross-validation experiment"),
    ("10x", "results under 10 fold CV on the dev set"),
    ("10x", "a tenfold cross validation of the model"),
])
def test_the_folds_of_a_cross_validation_are_no_factor(factor, quote):
    assert [c.unit for c in extract_candidates([quote])] == []
    assert [value_in_quote(factor, quote).ok, value_in_quote(factor, "a 5-fold increase, 10x faster").ok] \
        == [False, True]
    assert value_in_quote("5-fold", "We conduct a 5-fold cross-validation experiment").ok

"""A bound a claim writes before a share in words ("more than a third", "less than a quarter") is a bound, as one
before a share in digits is: refused where the quote prints the share with no bound or one of the other way."""

import pytest

from kb.quantities.quoted import value_in_quote

THIRD = "Tesla V100 was by far the most popular piece of hardware, representing almost a third of the papers"
OVER = "electricity generation represents over a quarter of the global GHG emissions"
UNDER = "whereas less than a quarter of the models (34) used low-carbon energy sources"
TWO = "More than two thirds of the runs finished within a day."


@pytest.mark.parametrize("value, quote", [
    ("more than a third", THIRD),
    ("at least a third", THIRD),
    ("less than a quarter", OVER),
    ("more than a quarter", UNDER),
    ("less than two thirds", TWO),
])
def test_bound_of_share_in_words_refused(value, quote):
    got = value_in_quote(value, quote, None, quote, "")
    assert not got.ok and "bound" in got.problem


@pytest.mark.parametrize("value, quote", [
    ("almost a third", THIRD),
    ("over a quarter", OVER),
    ("under a quarter", UNDER),
    ("more than two-thirds", TWO),
])
def test_bound_of_share_in_words_verified(value, quote):
    assert value_in_quote(value, quote, None, quote, "").ok

"""A factor claimed in words ("a factor of 28") is the factor "28x", as kb claim add reads it: held where its quote
prints that factor, never by a count or a measure the quote prints with the same number ("28 GPUs")."""

import pytest

from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("value, quote, ok", [
    ("a factor of 28", "We trained on 28 GPUs for a week.", False),
    ("a factor of 28", "a score of 28 points", False),
    ("a factor of over 1450", "the list grew by over 1450 users", False),
    ("28x", "We trained on 28 GPUs for a week.", False),
    ("a factor of 28", "methane is 28 times more potent than CO2", True),
    ("by a factor of 6", "emissions were lower by a factor of 6", True),
    ("a factor of about 100", "energy fell by a factor of about 100", True),
    ("a factor of 100", "two orders of magnitude more energy", True),
    ("a factor of 29", "methane is 28 times more potent than CO2", False),
])
def test_factor_in_words_needs_a_factor_in_its_quote(value, quote, ok):
    assert value_in_quote(value, quote, None, quote, "").ok is ok


def test_refusal_names_the_value_as_typed():
    got = value_in_quote("a factor of under 1450", "it improved by a factor of over 1450", None, "", "")
    assert not got.ok
    assert "'a factor of under 1450'" in got.problem

"""A factor claimed with its way ("28 times less") is refused where its quote prints that factor the other way, even
when the quote prints the same number elsewhere as no factor ("28 grams"): that number says no way of a factor."""

import pytest

from kb.quantities.quoted import value_in_quote

METHANE = ("methane is 28 times more potent than CO 2 based on its 100-year global warming potential, so energy "
           "generation emitting 1 gram of methane per kWh will emit 28 grams of CO2eq per kWh.")


@pytest.mark.parametrize("value, quote, ok", [
    ("28 times less", METHANE, False),
    ("28x less", METHANE, False),
    ("28 times more", METHANE, True),
    ("28x more", METHANE, True),
    ("5x less", "It is 5 times more efficient, and the run used 5 GPUs.", False),
    ("5x more", "It is 5 times more efficient, and the run used 5 GPUs.", True),
    # a factor printed without a word of its way still follows the words near it
    ("6x less", "The new design lowered emissions by 6X.", True),
    ("6x more", "The new design lowered emissions by 6X.", False),
])
def test_factor_way_not_rescued_by_a_number_that_is_no_factor(value, quote, ok):
    got = value_in_quote(value, quote, None, quote, "")
    assert got.ok is ok
    if not ok:
        assert got.problem

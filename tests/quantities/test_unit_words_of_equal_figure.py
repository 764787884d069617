"""A claim's words after its unit ("3000 g of CO2eq") hold where its quote's figure is equated to another printed with
those words ("0.3 × 100 × 100 = 3000 g = 3 kg of CO2eq"): the equation says they are one amount. Words printed after
another figure no equation ties to it stay refused, and so do other words."""

import pytest

from kb.quantities.quoted import value_in_quote

QUOTE = "On that grid the run emits 2 × 400 × 5 = 4000 g = 4 kg of CO2eq over the year."


@pytest.mark.parametrize("value, ok", [
    ("4000 g of CO2eq", True),
    ("4 kg of CO2eq", True),
    ("4000 g", True),
    ("4000 g of electricity", False),
    ("4000 kg of CO2eq", False),
])
def test_words_after_the_unit_of_an_equal_figure(value, ok):
    assert value_in_quote(value, QUOTE, None, QUOTE, "").ok is ok


def test_words_after_another_figure_no_equation_ties():
    quote = "The run drew 4000 g = 4 kg, and 6 kg of CO2eq came from cooling."
    got = value_in_quote("4000 g of CO2eq", quote, None, quote, "")
    assert not got.ok and "of CO2eq" in got.problem

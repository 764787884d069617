"""A power of ten an extractor printed flat in a range of such powers is no figure with its unit either ("105 kg CO2e"
of "about 104 and 105 kilograms of CO2eq": refused, was verified; "1024 pixels" of "2 × 1024 pixels" still verified)."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("claim, quote", [
    ("105 kg CO2e", "responsible for about 104 and 105 kilograms of CO2eq."),
    ("104 tonnes", "a mass of 103 to 104 tonnes of coal"),
])
def test_a_flat_power_with_its_unit_is_no_figure(claim, quote):
    product = value_in_quote("1024 pixels", "images of 2 × 1024 pixels").ok
    assert [value_in_quote(claim, quote).ok, product] == [False, True]

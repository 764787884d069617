"""A range from a figure to another, each labelled, whose unit is printed after its last ("varies from 5.4× 10−5 for
the smallest model, BLOOMz-560M to 1.0 × 10−4 kWh for the biggest one"): its first figure is in that unit, as a
writer claims it in any notation ("5.4e-5 kWh", "5.4 × 10^-5 kWh", "0.000054 kWh" per inference: verified, were
refused); another unit, power or per still refused."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import value_in_quote

BLOOMZ = ("the amount of energy required per inference varies from 5.4× 10−5 for the smallest model, BLOOMz-560M to "
          "1.0 × 10−4 kWh for the biggest one")


@pytest.mark.parametrize("quote, right, wrong, per", [
    (BLOOMZ, "5.4e-5 kWh", "5.4e-4 kWh", "inference"),
    (BLOOMZ, "5.4 × 10^-5 kWh", "5.4e-5 Wh", "inference"),
    (BLOOMZ, "0.000054 kWh", "5.5e-5 kWh", "inference"),
    ("the emissions went from 3.1 for the small model to 12 kg CO2e for the large one", "3.1 kg CO2e", "3.1 g CO2e",
     None),
])
def test_a_labelled_range_s_first_figure_is_in_its_last_unit(quote, right, wrong, per):
    assert (value_in_quote(right, quote, per).ok, value_in_quote(wrong, quote, per).ok) == (True, False)


"""A range a claim writes in words ("between 20 and 25 hours", "from 11 to 147 gCO2eq/MWh") is in its unit: a wrong
unit is refused, as one of "20 to 25 hours" is; the right one still verifies."""

import pytest

from kb.quantities.quoted import value_in_quote

MINUTES = "The jobs lasted between 20 and 25 minutes and consumed between 20 and 38Wh of electricity."
INTENSITY = "Canada (which ranges between 1.30 and 52.89 gCO2eq/kWh, depending on the province)"
HYDRO = "low carbon intensity (ranging from 11 to 147 gCO2eq/kWh), whereas"
MONEY = "The build would cost between $3 and $5 million."


@pytest.mark.parametrize("value, quote", [
    ("between 20 and 25 hours", MINUTES),
    ("between 20 and 25 seconds", MINUTES),
    ("from 20 to 25 hours", MINUTES),
    ("between 1.30 and 52.89 kgCO2eq/kWh", INTENSITY),
    ("from 11 to 147 gCO2eq/MWh", HYDRO),
    ("between €3 and €5 million", MONEY),
])
def test_range_in_words_wrong_unit_refused(value, quote):
    assert not value_in_quote(value, quote, None, quote, "").ok


@pytest.mark.parametrize("value, quote", [
    ("between 20 and 25 minutes", MINUTES),
    ("from 20 to 25 minutes", MINUTES),
    ("between 1.30 and 52.89 gCO2eq/kWh", INTENSITY),
    ("from 11 to 147 gCO2eq/kWh", HYDRO),
    ("between $3 and $5 million", MONEY),
])
def test_range_in_words_right_unit_verified(value, quote):
    assert value_in_quote(value, quote, None, quote, "").ok

"""A mass of carbon claimed of a figure the quote prints in CO2 or CO2e is another figure (12/44 of its mass)."""
import pytest

from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("value, quote", [
    ("552 tC", "emitted 552 tCO2e in training"),
    ("552 t of carbon", "emitted 552 tonnes of CO2"),
    ("3 MtC", "about 3 MtCO2 a year"),
    ("15 pounds of carbon", "emitted 15 lbs of CO2e"),
])
def test_a_mass_of_carbon_is_no_mass_of_co2(value, quote):
    assert not value_in_quote(value, quote).ok

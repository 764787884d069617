"""A header naming a gas and then its mass in parentheses ("CO2eq emitted (kg)") names one column, a mass of CO2e, so a
row's cells each keep their own column's unit ("1,056" of "Energy consumed (kWh) CO2eq emitted (kg) / Imagenet 1,056
534.4" is kWh, never kg CO2e)."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import value_in_quote

TABLE = "Data set Energy consumed (kWh) CO2eq emitted (kg)\nImagenet 1,056 534.4"
FLIPPED = "Model CO2 emissions (kg) Energy used (kWh)\nBERT 45.2 8.7"


@pytest.mark.parametrize("value, quote, ok", [
    ("1,056 kg CO2e", TABLE, False), ("534.4 kWh", TABLE, False),
    ("1,056 kWh", TABLE, True), ("534.4 kg CO2e", TABLE, True), ("534.5 kg CO2e", TABLE, False),
    ("8.7 kg CO2e", FLIPPED, False), ("45.2 kWh", FLIPPED, False), ("45.2 kg CO2e", FLIPPED, True),
])
def test_a_gas_and_its_mass_name_one_column(value, quote, ok):
    assert value_in_quote(value, quote).ok is ok

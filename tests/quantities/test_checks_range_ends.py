"""kb check: a stated range says the figure lies between its ends, each end rounded at most to its last printed
digit, trailing zeros included: "from 600 to 700 tCO2e" is 599.5 … 700.5, whatever form the range is written in,
where half a unit of each end's last nonzero digit (550 … 750) passed 552 t."""

from __future__ import annotations

import pytest

from kb.quantities.checks import run_check
from kb.quantities.expr import resolver


@pytest.mark.parametrize("stated, written, verdict", [
    ("from 600 to 700 tCO2e", "552.1 tCO2e", "fail"),
    ("between 560 and 600 tCO2e", "552.1 tCO2e", "fail"),
    ("600-700 tCO2e", "552.1 tCO2e", "fail"),
    ("600–700 tCO2e", "552.1 tCO2e", "fail"),
    ("600 to 700 tCO2e", "552.1 tCO2e", "fail"),
    ("400 to 500 tCO2e", "552.1 tCO2e", "fail"),
    ("1,000-2,000 kWh", "960 kWh", "fail"),
    ("627-700k lbs", "626,155 lbs", "fail"),
    ("550 to 700 tCO2e", "552.1 tCO2e", "pass"),
    ("from 500 to 600 tCO2e", "552.1 tCO2e", "pass"),
    ("1,000-2,000 kWh", "2,000.3 kWh", "pass"),
    ("626-700k lbs", "626,155 lbs", "pass"),
])
def test_a_stated_range_is_as_wide_as_its_ends_print(stated, written, verdict):
    result = run_check("c", stated, "x", resolver({"x": written}))
    assert result.verdict == verdict, result.explanation
    assert "each end" in result.explanation[0]

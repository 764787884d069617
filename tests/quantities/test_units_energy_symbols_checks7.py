"""Energy units writers use that kb misread or could not read: "MMBtu" a million Btu, "tce" a tonne of coal
equivalent (29.3076 GJ), "Cal" the food Calorie (a kilocalorie); "MBtu" (a thousand Btu in the trade, a million
as a prefix) and "kt" (kilotonnes or knots) are refused, the line saying which to write."""

from __future__ import annotations

import pytest

from kb.quantities.checks import run_check
from kb.quantities.expr import resolver


@pytest.mark.parametrize("stated, right, wrong", [
    ("1.00 MMBtu", "1.055 GJ", "1.055 MJ"),
    ("2.00 tce", "58.6 GJ", "83.7 GJ"),
    ("250 Cal", "1046 kJ", "1046 J"),
])
def test_energy_symbols_read_as_the_trade_writes_them(stated, right, wrong):
    assert run_check("x", stated, right, resolver({})).verdict == "pass"
    assert run_check("x", stated, wrong, resolver({})).verdict == "fail"


@pytest.mark.parametrize("stated, expr", [("1.00 MBtu", "1.055 GJ"), ("5.0 kt", "5000 t")])
def test_a_symbol_of_two_units_is_refused(stated, expr):
    got = run_check("x", stated, expr, resolver({}))
    assert got.verdict == "error" and "write" in got.message and "\n" not in got.message

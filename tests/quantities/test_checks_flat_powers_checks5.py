"""A length's power printed flat ("m3", "km2", "cm3", "m2", as PDFs and writers print m³) is read as that power
where it follows a number, in a stated figure, a figure a check rests on and an expression; "2 m^3" and "2 m³" of
an expression are 2 cubic metres, never (2 m)^3; "CO2" and "H2O" stay formulas. Imperial (UK) gallons, quarts and
pints are read as such and the check's line says so."""

from __future__ import annotations

import pytest

from kb.quantities.checks import format_line, run_check
from kb.quantities.expr import resolver

FIGURES = resolver({"a.v": "3 m3", "a.area": "2 km2", "a.l": "4546.09 L"})


@pytest.mark.parametrize("right, wrong, expr", [
    ("5 m3", "6 m3", "a.v + 2 m³"),
    ("5,000 L", "11,000 L", "a.v + 2 m^3"),        # was (2 m)^3 = 8 m³: 11,000 L
    ("5000 L", "8000 L", "a.v + 2 m3"),
    ("2,000,000 m2", "2,000 m2", "a.area"),
    ("200 ha", "20 ha", "a.area"),
    ("3 cm3", "30 cm3", "0.003 L"),
    ("3,000,000 cm3", "300,000 cm3", "a.v"),
    ("1,000 imperial gallons", "1,200 imperial gallons", "a.l"),
    ("8 UK pints", "9.6 UK pints", "a.l / 1000"),
])
def test_flat_powers_and_imperial_volumes_are_read(right, wrong, expr):
    assert (run_check("c", right, expr, FIGURES).verdict, run_check("c", wrong, expr, FIGURES).verdict) == (
        "pass", "fail")


def test_formulas_stay_formulas_and_an_imperial_reading_is_said():
    assert [run_check("c", s, "2", FIGURES).verdict for s in ("2 CO2", "2 H2O")] == ["error", "error"]
    line = format_line(run_check("c", "1,000 imperial gallons", "a.l", FIGURES))
    assert line.count("imperial (UK) gallons") == 1 and "US gallons" not in line

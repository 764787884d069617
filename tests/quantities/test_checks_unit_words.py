"""kb check says how it read a unit a writer may mean two ways ("tons": US short tons, where the writer may
mean tonnes) in one line of the check, whatever its verdict; and a stated unit kb does not know ("frobnitz",
read as a count of it) is said to be one, with where to define it, where it was said to be "a count (item)"."""

from __future__ import annotations

import pytest

from kb.quantities.checks import format_line, run_check
from kb.quantities.expr import resolver

FIGURES = resolver({"nas": "626,155 lb CO2e", "car": "126,000 lb CO2e", "gpt3": "552.1 tCO2e"})


@pytest.mark.parametrize("tons, verdict, tonnes", [
    ("284 tons CO2e", "fail", "284 tonnes CO2e"),
    ("313 tons CO2e", "pass", "313 short tons CO2e"),
    ("284 ton CO2e", "fail", "284 metric tons CO2e"),
    ("284 tonsCO2e", "fail", "284 t CO2e"),
])
def test_a_bare_ton_is_said_to_be_read_as_short_tons_and_no_other_ton(tons, verdict, tonnes):
    result = run_check("c", tons, "nas", FIGURES)
    assert result.verdict == verdict
    line = format_line(result)
    assert "as US short tons" in line and "for metric tonnes" in line and "\n" not in line
    other = run_check("c", tonnes, "nas", FIGURES)
    assert other.verdict == "pass" and "for metric tonnes" not in format_line(other)


@pytest.mark.parametrize("stated, expr, word", [
    ("284 frobnitz", "nas", "frobnitz"),
    ("5 zorkmids", "nas / car", "zorkmids"),
    ("5 widgets per kWh", "nas / car", "widgets"),
])
def test_an_unknown_unit_is_said_to_be_one_kb_does_not_know(stated, expr, word):
    result = run_check("c", stated, expr, FIGURES)
    assert result.verdict == "error"
    assert f"'{word}', a unit kb does not know" in result.message and "[units]" in result.message
    assert "(item)" not in result.message


@pytest.mark.parametrize("stated, written, verdict", [
    ("284 tCO2e", "284 tons CO2e", "fail"),
    ("257.6 tCO2e", "284 tons CO2e", "pass"),
])
def test_a_bare_ton_a_check_rests_on_is_said_too(stated, written, verdict):
    result = run_check("c", stated, "x", resolver({"x": written}))
    assert result.verdict == verdict
    assert "as US short tons" in format_line(result)

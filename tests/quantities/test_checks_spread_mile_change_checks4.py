"""Three readings of a stated figure: "per mile" is a distance and never per mille; "72 ± 1 %" is a percentage with
its spread in points (never the plain number 72 ± 1 % of itself); a percent change may be written with "about" or
with a noun of change ("about 22 % lower", "a 315 % increase", "a 31 % reduction")."""

from __future__ import annotations

import pytest

from kb.quantities.checks import run_check
from kb.quantities.expr import resolver
from kb.quantities.interval import Interval
from kb.quantities.quoted import value_in_quote
from kb.quantities.units import parse_unit

FIGURES = resolver({"a.co2": "1,594 g CO2e", "a.miles": "4.1 miles", "a.mile_co2": "3.98e-4 t CO2e/mile",
                    "a.grid": "475 g CO2e/kWh", "a.big": "552.1 tCO2e", "a.rest": "209.7 tCO2e",
                    "a.old": "487 t CO2e", "a.new": "2020 t CO2e", "a.pue_g": "1.10", "a.pue_w": "1.59"})


@pytest.mark.parametrize("text, same", [
    ("g CO2e per mile", "gCO2e/mile"), ("kWh per mile", "kWh/mile"), ("$ per mile", "$/mile"),
    ("per mil", "permille"), ("per mill", "permille"), ("per mille", "permille"), ("permille", "permille"),
    ("miles per gallon", "mile/gallon"),
])
def test_per_mile_is_a_distance_and_per_mille_a_share(text, same):
    assert parse_unit(text) == parse_unit(same)


@pytest.mark.parametrize("stated, expr, verdict", [
    ("about 390 g CO2e per mile", "a.co2 / a.miles", "pass"),
    ("about 390 g CO2e per km", "a.co2 / a.miles", "fail"),
    ("about 39 g CO2e per mile", "a.co2 / a.miles", "fail"),
    ("about 0.84 kWh per mile", "a.mile_co2 / a.grid", "pass"),
    ("about 8.4 kWh per mile", "a.mile_co2 / a.grid", "fail"),
    ("about 390 g CO2e per mile", "a.co2", "error"),
    ("0.39 per mile", "a.big / a.rest / 10", "error"),
])
def test_a_stated_rate_per_mile(stated, expr, verdict):
    got = run_check("x", stated, expr, FIGURES)
    assert got.verdict == verdict, got.message
    assert "\n" not in got.message


def test_a_quote_of_a_rate_per_mile_holds_it():
    quote = "an electric car uses 0.84 kWh per mile"
    assert value_in_quote("0.84 kWh/mile", quote, None, quote, "").ok
    assert not value_in_quote("0.84 ‰", quote, None, quote, "").ok
    assert not value_in_quote("0.84 kWh", quote, None, quote, "").ok


@pytest.mark.parametrize("written, lo, hi, unit", [
    ("72 ± 1 %", 71, 73, "percent"), ("81.2 ± 0.4%", 80.8, 81.6, "percent"), ("72 +/- 1 %", 71, 73, "percent"),
    ("0.5 ± 0.1 %", 0.4, 0.6, "percent"),
    ("100 kWh ± 5%", 95, 105, "kilowatt_hour"), ("100 ± 5% kWh", 95, 105, "kilowatt_hour"),
    ("3.2 ± 0.1 kWh", 3.1, 3.3, "kilowatt_hour"),
])
def test_a_spread_in_percent_after_a_bare_number_is_in_points(written, lo, hi, unit):
    got = Interval.from_written(written)
    assert got.lo == pytest.approx(lo) and got.hi == pytest.approx(hi)
    assert got.unit == parse_unit(unit)


@pytest.mark.parametrize("stated, verdict", [
    ("72.5 ± 0.5 %", "pass"), ("72 ± 1 %", "pass"), ("62.5 ± 0.5 %", "fail"), ("0.725 ± 0.5 %", "fail"),
    ("72.5 ± 0.1 % kWh", "error"),
])
def test_a_share_stated_with_its_spread(stated, verdict):
    got = run_check("x", stated, "a.big / (a.big + a.rest)", FIGURES)
    assert got.verdict == verdict, got.message
    if verdict == "fail":
        assert "recomputed" in got.message and "stated" in got.message and "\n" not in got.message


@pytest.mark.parametrize("stated, expr, verdict", [
    ("about 22 % lower", "(a.grid * 0.7832 - a.grid) / a.grid", "pass"),
    ("about 28 % lower", "(a.grid * 0.7832 - a.grid) / a.grid", "fail"),
    ("about 22 % higher", "(a.grid * 0.7832 - a.grid) / a.grid", "fail"),
    ("a 315 % increase", "(a.new - a.old) / a.old", "pass"),
    ("a 415 % increase", "(a.new - a.old) / a.old", "fail"),
    ("a 315 % decrease", "(a.new - a.old) / a.old", "fail"),
    ("a 315 % rise", "a.new / a.old", "pass"),
    ("a 31 % reduction", "(a.pue_g - a.pue_w) / a.pue_w", "pass"),
    ("a 69 % reduction", "(a.pue_g - a.pue_w) / a.pue_w", "fail"),
    ("a 31 % increase", "(a.pue_g - a.pue_w) / a.pue_w", "fail"),
    ("roughly 31 % less", "a.pue_g / a.pue_w", "pass"),
    ("a 315 % increase", "a.new - a.old", "error"),
])
def test_a_percent_change_with_about_or_a_noun(stated, expr, verdict):
    got = run_check("x", stated, expr, FIGURES)
    assert got.verdict == verdict, got.message
    assert "\n" not in got.message

"""Fluid ounces are a volume ("fl oz", "fl. oz.", "fluid ounces"): US ones bare (29.57 mL), imperial ones with
"imperial" or "UK" (28.41 mL); never a femtolitre times an ounce, nor a count of ounces of mass. A bare figure
whose interval also holds it read as imperial ones is refused, as bare gallons are."""

from __future__ import annotations

import pytest

from kb.quantities.checks import run_check
from kb.quantities.expr import resolver
from kb.quantities.units import parse_unit


@pytest.mark.parametrize("stated, right, wrong", [
    ("16.0 fl oz", "473.2 mL", "454.6 mL"),
    ("16.0 fluid ounces", "473.2 mL", "0.4536 kg"),
    ("8.0 fl. oz.", "236.6 mL", "227.3 mL"),
    ("16.0 UK fl oz", "454.6 mL", "473.2 mL"),
    ("10.0 imperial fluid ounces", "284.1 mL", "295.7 mL"),
])
def test_fluid_ounces_are_a_volume(stated, right, wrong):
    assert run_check("x", stated, right, resolver({})).verdict == "pass"
    assert run_check("x", stated, wrong, resolver({})).verdict != "pass"


def test_a_bare_fluid_ounce_wide_enough_for_both_readings_is_refused():
    got = run_check("x", "2 fl oz", "56.83 mL", resolver({}))
    assert got.verdict == "error" and "imperial" in got.message and "cannot tell" in got.message
    assert str(parse_unit("fl oz")) == "fluid_ounce" and str(parse_unit("oz")) == "ounce"


@pytest.mark.parametrize("page, value, unit", [
    ("Each bottle holds 16 fluid ounces of water.", 16.0, "fluid_ounce"),
    ("A shot is 2 fl oz of spirit.", 2.0, "fluid_ounce"),
    ("The can holds 12 fl. oz. of soda.", 12.0, "fluid_ounce"),
])
def test_a_page_s_fluid_ounces_are_a_volume(page, value, unit):
    from kb.quantities.numbers import extract_candidates
    got = [c for c in extract_candidates([page]) if c.value == value]
    assert got and all(str(parse_unit(c.unit)) == unit for c in got)

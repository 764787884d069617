"""A length's power after its symbol on a page, printed flat or raised ("3 km2", "5,000 m3", "5 cm3", "3 km²"), is
an area or a volume, never the length: the figure is read as km² or m³, and a quote's "3 km2" verifies "3 km2",
never "3 km"; "5 m of cable" and "3 km away" stay lengths."""

from __future__ import annotations

import pytest

from kb.quantities.numbers import extract_candidates
from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("page, unit", [
    ("an area of 3 km2 was cleared", "km^2"),
    ("a 3 km² site", "km^2"),
    ("the plant used 5 m3 of water.", "m^3"),
    ("a 5 mm2 die", "mm^2"),
    ("it used 5 cm3 of water", "cm^3"),
])
def test_a_flat_power_is_read_with_its_length(page, unit):
    assert [c.unit for c in extract_candidates([page])] == [unit]


@pytest.mark.parametrize("right, wrong, quote", [
    ("3 km2", "3 km", "an area of 3 km2 was cleared"),
    ("5 mm2", "5 mm", "a 5 mm2 die"),
    ("5 cm3", "5 cm", "it used 5 cm3 of water"),
])
def test_a_quote_of_a_flat_power_verifies_it_never_the_length(right, wrong, quote):
    assert (value_in_quote(right, quote).ok, value_in_quote(wrong, quote).ok) == (True, False)

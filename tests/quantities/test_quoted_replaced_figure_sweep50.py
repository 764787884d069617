"""A contrast that names a figure as the one the quote's own replaces, or as a wrong or an earlier one ("12 kWh
rather than the 20 kWh reported", "12% instead of 5%", "far from 2x", "previously estimated at 30 t but is 5 t",
"wrongly reported as 10%"), denies it: a claim of it, in the quote's unit or another, verified. The stated figure
verifies, and so does a figure of another thing the contrast gives as an alternative ("32,633 TPU v2 hours instead of
117,780 P100 hours")."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("value, quote", [
    ("20 kWh", "the run used 12 kWh rather than the 20 kWh reported"),
    ("5%", "the rate was 12% instead of 5%"),
    ("30,000 Wh", "the job consumed 37.3 kWh rather than 30 kWh."),
    ("2x", "the gain is far from 2x"),
    ("30 t", "the footprint was previously estimated at 30 t but is 5 t"),
    ("10%", "its share was wrongly reported as 10%; it is close to 1%"),
])
def test_a_figure_a_contrast_replaces_is_refused_saying_so(value, quote):
    got = value_in_quote(value, quote)
    assert (got.ok, "is not the figure" in (got.problem or "")) == (False, True), got


@pytest.mark.parametrize("value, quote", [
    ("12 kWh", "the run used 12 kWh rather than the 20 kWh reported"),
    ("12%", "the rate was 12% instead of 5%"),
    ("5 t", "the footprint was previously estimated at 30 t but is 5 t"),
    ("117,780 P100 hours", "the search takes 32,633 TPU v2 hours instead of 117,780 P100 hours"),
    ("2.3x", "it used Transformer (Base) rather than Transformer (Big), reducing the cost by 2.3x"),
    ("30 t", "the footprint was previously estimated at 30 t [Str19]"),
])
def test_a_stated_figure_or_an_alternative_of_another_thing_verifies(value, quote):
    assert value_in_quote(value, quote).ok

"""A figure the quote prints under another prefix, rounded to fewer digits ("13.8 MWh" of "13,812 kWh"), is refused
with the reason naming the quote's figure and its exact conversion, since kb cannot tell a writer's rounding from a
wrong digit there; the exact conversion verifies, and a wrong digit is never said to be a rounding."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import value_in_quote

QUOTE = "the training consumed 13,812 kWh of electricity"


@pytest.mark.parametrize("rounded, exact, wrong, quote", [
    ("13.8 MWh", "13.812 MWh", "13.9 MWh", QUOTE),
    ("0.5 kg", "0.462 kg", "0.4 kg", "the run emitted 462 g"),
    ("1.29 GWh", "1.287 GWh", "1.28 GWh", "GPT-3 used 1,287 MWh"),
])
def test_a_rounded_prefix_move_is_refused_naming_the_quote_s_figure(rounded, exact, wrong, quote):
    got = value_in_quote(rounded, quote)
    assert not got.ok and repr(exact) in got.reason(rounded)
    assert value_in_quote(exact, quote).ok
    assert "rounds" not in value_in_quote(wrong, quote).reason(wrong)

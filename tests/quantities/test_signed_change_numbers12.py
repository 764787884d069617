"""A minus sign after the words of a fall says the fall again: the figure is the fall's size, as without the sign; and
a signed percentage is a percentage, never a bare number ("20%" of "fell -20%": verified, was refused; "+20%" of it
refused saying it is a fall; "-20" of "was -20%" and "20" of "rose +20%": refused, were verified)."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("claim, held, other, other_held, quote", [
    ("20%", True, "-21%", False, "The price fell -20% last year."),
    ("3.5%", True, "-3.5%", True, "energy use dropped by −3.5% in 2021"),
    ("-20", False, "-20%", True, "The price was -20% last year."),
    ("20", False, "+20%", True, "Energy use rose +20% in 2020."),
])
def test_a_signed_change(claim, held, other, other_held, quote):
    assert [value_in_quote(claim, quote).ok, value_in_quote(other, quote).ok] == [held, other_held]


def test_a_rise_of_a_signed_fall_is_refused_saying_so():
    got = value_in_quote("+20%", "The price fell -20% last year.")
    assert got.ok is False and "as a fall" in (got.problem or "")

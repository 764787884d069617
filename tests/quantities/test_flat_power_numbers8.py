"""A power of ten whose raised exponent the extractor printed flat ("1010" of 10¹⁰, "2 × 109" of 2 × 10⁹) is never
proposed nor verified as the figure it reads as; where kb cannot tell ("1010 papers" alone) the number is read as
printed, and an exponent read whole ("1.5 × 1013 FLOPs" after a decimal) stays a figure."""

from __future__ import annotations

import pytest

from kb.quantities.numbers import extract_candidates
from kb.quantities.quoted import value_in_quote


def _figures(text: str) -> list[str]:
    return [c.number for c in extract_candidates([text])]


@pytest.mark.parametrize("flat, kept", [
    ("Estimates of the storage of the brain vary from 1010 to 1015 binary digits.", "It held 1015 binary digits."),
    ("Models range between 109 and 1012 parameters.", "Models range between 200 and 1012 parameters."),
    ("Training took 2 × 109 FLOPs in all.", "Training took 2.5 × 1013 FLOPs in all."),
])
def test_a_flat_power_is_no_figure(flat, kept):
    assert (_figures(flat), bool(_figures(kept))) == ([], True)


@pytest.mark.parametrize("value, flat, kept", [
    ("1010 binary digits", "estimates vary from 1010 to 1015 binary digits", "a store of 1010 binary digits"),
    ("1015", "estimates vary from 1010 to 1015 binary digits", "a store of 1015 binary digits"),
    ("2x", "the encyclopaedia holds 2 × 109 characters", "a 2x speedup"),
])
def test_a_quote_of_a_flat_power_holds_no_figure(value, flat, kept):
    assert (value_in_quote(value, flat).ok, value_in_quote(value, kept).ok) == (False, True)

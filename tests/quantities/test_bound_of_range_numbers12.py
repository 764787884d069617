"""A bound before a range bounds the range, never its first number alone ("up to 100x" of "up to ~100-1000X" and "at
least 3 GPUs" of "at least 3 to 5 GPUs": refused, were verified; "up to 5%" of "up to 5% of runs" still verified)."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("claim, quote", [
    ("up to 100x", "can reduce the carbon footprint up to ~100-1000X."),
    ("up to 5%", "it saves up to 5-10% of the energy"),
    ("at least 3 GPUs", "each job needs at least 3 to 5 GPUs"),
])
def test_a_bound_of_a_range_is_none_of_its_first_number(claim, quote):
    alone = value_in_quote("up to 5%", "up to 5% of runs failed").ok
    assert [value_in_quote(claim, quote).ok, alone] == [False, True]

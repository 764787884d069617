"""A range whose scale is written after its second figure only ("5-6 million USD", "$5-6M", "700-800k lbs") is
scaled whole: it was read from 5 dollars to 6.5 million, and a check stating it, or resting on a claim of it,
passed every figure between."""

from __future__ import annotations

import pytest

from kb.quantities.checks import run_check
from kb.quantities.expr import resolver
from kb.quantities.interval import Interval


@pytest.mark.parametrize("written, lo, hi", [
    ("5-6 million USD", 4.5e6, 6.5e6),
    ("$5-6M", 4.5e6, 6.5e6),
    ("700-800k lbs", 699.5e3, 800.5e3),     # each end to its last printed digit, as kb check reads one
    ("1.5 to 2 billion", 1.45e9, 2.5e9),
    ("5M-6M USD", 4.5e6, 6.5e6),            # each figure its own scale, as before
    ("2-3 kWh", 1.5, 3.5),                  # no scale: as before
])
def test_a_range_scaled_after_its_second_figure_is_scaled_whole(written, lo, hi):
    iv = Interval.from_written(written)
    assert (iv.lo, iv.hi) == pytest.approx((lo, hi))


@pytest.mark.parametrize("stated, written, verdict", [
    ("$5-6M", "$3,201,722", "fail"),        # passed: 5 … 6.5 million dollars
    ("$3-4M", "$3,201,722", "pass"),
    ("1,500 USD", "2-3 million USD", "fail"),   # a claim of the range as the input: was 2 … 3.5 million dollars
])
def test_a_check_of_such_a_range_passes_only_figures_inside_it(stated, written, verdict):
    assert run_check("c", stated, "x", resolver({"x": written})).verdict == verdict

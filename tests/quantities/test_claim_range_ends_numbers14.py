"""A claim's range is read as kb check reads a stated one: between its ends, each rounded at most to its last printed
digit, trailing zeros included ("600-700 tCO2e" is 599.5 … 700.5, was 550 … 750), so a check resting on a claim of a
range passes no figure outside it."""

from __future__ import annotations

import pytest

from kb.quantities.checks import run_check
from kb.quantities.expr import resolver


@pytest.mark.parametrize("written", ["600-700 tCO2e", "1,000-2,000 kWh", "10-20%", "700-800k lbs", "20 to 30 GPUs"])
def test_a_range_reads_alike_as_a_claim_and_as_a_stated_figure(written):
    result = run_check("c", written, "x", resolver({"x": written}))
    stated, claim = result.stated_interval, result.recomputed
    assert (claim.lo, claim.hi) == pytest.approx((stated.lo, stated.hi))


@pytest.mark.parametrize("claim, inside, outside", [
    ("600-700 tCO2e", "650 tCO2e", "560 tCO2e"),        # 560 passed: the claim was 550 … 750
    ("1,000-2,000 kWh", "1,800 kWh", "2,400 kWh"),
    ("10-20%", "20 %", "22 %"),
])
def test_a_check_resting_on_a_claimed_range_passes_only_figures_inside_it(claim, inside, outside):
    figures = resolver({"x": claim})
    assert (run_check("c", inside, "x", figures).verdict, run_check("c", outside, "x", figures).verdict) == \
        ("pass", "fail")

"""A quotient's ends are divided as its nominal is: an exact figure over an exact quotient of two others is that
figure at both ends (100 / (100 / 45) is 45, never a bad interval an ulp under its nominal)."""

from __future__ import annotations

import pytest

from kb.quantities.checks import run_check
from kb.quantities.expr import resolver
from kb.quantities.interval import Interval


@pytest.mark.parametrize("a, b", [(100, 45), (3, 47), (10, 13), (10, 29)])
def test_an_exact_figure_over_an_exact_quotient_is_a_good_interval(a, b):
    got = Interval.exact(float(a)).divide(Interval.exact(float(a)).divide(Interval.exact(float(b))))
    assert got.lo <= got.nominal <= got.hi
    assert run_check("x", str(b), f"{a} / ({a} / {b})", resolver({})).verdict == "pass"

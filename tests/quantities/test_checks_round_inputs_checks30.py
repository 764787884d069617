"""kb check: a claim its expression names, written as a power of ten ("100 GPUs", "10,000 GPUs", "1 billion
queries/day"), is as wide as a stated one is: a tenth as wide toward zero (95 … 150), not half a unit either
side (50 … 150), which let a figure far from what it gives pass on its rounding alone."""

from __future__ import annotations

import pytest

from kb.quantities.checks import explain, run_check
from kb.quantities.expr import resolver

R = resolver({"p.gpu_hours": "400,000 GPU hours", "p.gpus": "100 GPUs", "p.hours": "3.5 million GPU hours",
              "p.many": "10,000 GPUs", "p.per_1k": "0.047 kWh", "p.queries": "1 billion queries/day",
              "p.odd": "120 GPUs", "p.debt": "-100 USD", "p.tenth": "0.1 kWh"})


@pytest.mark.parametrize("stated, expr, verdict", [
    ("about 170 days", "p.gpu_hours / p.gpus", "pass"),
    ("about 270 days", "p.gpu_hours / p.gpus", "fail"),             # passed: 97 … 375 days
    ("about 1,700 days", "p.gpu_hours / p.gpus", "fail"),
    ("about 15 days", "p.hours / p.many", "pass"),
    ("about 25 days", "p.hours / p.many", "fail"),                  # passed: 9.6 … 29.6 days
    ("about 47 MWh/day", "p.per_1k / (1000 query) * p.queries", "pass"),
    ("about 30 MWh/day", "p.per_1k / (1000 query) * p.queries", "fail"),    # passed: 23 … 71 MWh/day
    ("about 65 MWh/day", "p.per_1k / (1000 query) * p.queries", "fail"),    # reached, but 47 at the printed values
    ("about 2,850 hours", "p.gpu_hours / p.odd", "fail"),           # reached (115 … 125 GPUs), 3,333 printed
    ("-50 USD", "p.debt", "fail"),                                  # toward zero, on the negative side too
    ("0.06 kWh", "p.tenth", "fail"),                                # reached (0.05 … 0.15), 0.1 printed
    ("more than 200 days", "p.gpu_hours / p.gpus", "fail"),         # 97 … 197 days: not even the rounding reaches
])
def test_an_input_written_as_a_power_of_ten_is_a_tenth_as_wide_toward_zero(stated, expr, verdict):
    assert run_check("c", stated, expr, R).verdict == verdict


def test_the_explanation_says_how_wide_the_round_input_was_read():
    lines = explain(run_check("c", "about 170 days", "p.gpu_hours / p.gpus", R))
    line = next(x for x in lines if x.startswith("p.gpus = "))
    assert "-5 +50" in line and "power of ten" in line
    assert not any("power of ten" in x for x in lines if x.startswith("p.gpu_hours = "))


@pytest.mark.parametrize("stated, expr, lo, hi", [
    ("about 65 MWh/day", "p.per_1k / (1000 query) * p.queries", 44.18, 71.25),     # the side away from zero keeps it
    ("about 2,850 hours", "p.gpu_hours / p.odd", 2799, 3914),                    # no power of ten: 115 … 125
    ("0.06 kWh", "p.tenth", 0.05, 0.15),                                         # a decimal keeps its place's half unit
])
def test_the_width_of_a_round_input_is_kept_where_no_power_of_ten(stated, expr, lo, hi):
    r = run_check("c", stated, expr, R)
    assert r.recomputed.lo == pytest.approx(lo, rel=1e-3) and r.recomputed.hi == pytest.approx(hi, rel=1e-3)

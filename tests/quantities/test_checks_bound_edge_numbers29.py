"""kb check: a stated bound holds when the recomputed value is on its side; an interval that reaches past the
bound only by the rounding of its inputs ("over 4 times" of 0.007 / 0.002: 3.5, with 2.6 … 5) is no pass."""

from __future__ import annotations

import pytest

from kb.quantities.checks import run_check
from kb.quantities.expr import resolver

FIGS = {"img": "0.007 kWh", "text": "0.002 kWh", "p": "300 W", "h": "100 hours", "g": "100 gCO2eq/kWh",
        "hours": "400,000 GPU hours", "gpus": "100 GPUs", "a": "2.5 kWh", "b": "5 kWh"}


@pytest.mark.parametrize("stated, expr, verdict", [
    ("over 3 times", "img / text", "pass"),              # 3.5
    ("over 4 times", "img / text", "fail"),              # 3.5: only 0.0075 / 0.0015 = 5 reaches past 4
    ("under 3 times", "img / text", "fail"),             # only 0.0065 / 0.0025 = 2.6 reaches under 3
    ("under 4 times", "img / text", "pass"),
    ("at most 3.5 times", "img / text", "pass"),         # at the bound itself
    ("at least 3.5 times", "img / text", "pass"),
    ("up to 3 kg CO2e", "p * h * g", "pass"),            # 3 kg, at the bound
    ("up to 2.5 kg CO2e", "p * h * g", "fail"),          # 3 kg with 2.3 … 7.9 kg ("100" is 95 … 150)
    ("over 2 kg CO2e", "p * h * g", "pass"),
    ("over 5 kg CO2e", "p * h * g", "fail"),
    ("more than 150 days", "hours / gpus", "pass"),      # 166.7 days with 97 … 197
    ("more than 190 days", "hours / gpus", "fail"),      # 166.7 days with 97 … 197
    ("less than 120 days", "hours / gpus", "fail"),
    ("over 0.4", "a / b", "pass"),                       # 0.5 with 0.42 … 0.6
    ("over 0.55", "a / b", "fail"),
    ("below 0.45", "a / b", "fail"),
])
def test_a_bound_holds_by_its_value_not_by_its_inputs_rounding(stated, expr, verdict):
    result = run_check("c", stated, expr, resolver(FIGS))
    assert result.verdict == verdict, result.message
    if verdict == "fail":
        assert "only the rounding of its inputs reaches past the bound" in result.message


def test_a_bound_past_its_value_passes_within_a_tolerance():
    assert run_check("c", "over 4 times", "img / text", resolver(FIGS), tolerance="15%").verdict == "pass"
    assert run_check("c", "over 4 times", "img / text", resolver(FIGS), tolerance="5%").verdict == "fail"

"""kb check: a pass the rounding of one input alone gives fails where the stated figure prints no more significant
digits than that input and the value the printed inputs give is more than one unit of its last digit from it."""

from __future__ import annotations

import pytest

from kb.quantities.checks import run_check
from kb.quantities.expr import resolver

R = resolver({"aws": "17 %", "gas": "45.70 %", "a": "24 %", "b": "14 %", "img": "0.007 kWh", "text": "0.002 kWh",
              "gen": "11.49 kWh", "charge": "0.012 kWh"})


@pytest.mark.parametrize("stated, expr, verdict", [
    ("0.36", "aws / gas", "fail"),          # 0.372: only 17 % read down to 16.68 % reaches 0.365
    ("0.37", "aws / gas", "pass"),
    ("1.8 times", "a / b", "pass"),         # 1.714: a unit of its last digit off, carried by 14 %
    ("3.7 times", "img / text", "pass"),    # printed finer than 0.007 and 0.002 kWh
    ("950", "gen / charge", "pass"),        # 957.5: within a unit of its last digit
])
def test_a_pass_one_rounding_gives_is_judged_by_the_stated_digits(stated, expr, verdict):
    r = run_check("c", stated, expr, R)
    assert r.verdict == verdict
    if verdict == "fail":
        assert "more than one unit of its last digit" in r.message

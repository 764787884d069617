"""kb check: a stated power of ten written as a whole number ("1", "10", "1,000", "about 1,000", "1 million") is
950 … 1,500 of a thousand, not 500 … 1,500: a figure just under it is written with a digit fewer ("950", "0.6")."""

from __future__ import annotations

import pytest

from kb.quantities.checks import run_check
from kb.quantities.expr import resolver


@pytest.mark.parametrize("stated, written, verdict", [
    ("about 1,000", "522.3", "fail"),               # passed: 500 … 1,500
    ("about 1,000", "957.5", "pass"),
    ("1,000", "1,400", "pass"),                     # the side away from zero keeps half a unit
    ("nearly 1 kWh", "0.52 kWh", "fail"),           # passed: 0.5 … 1.5
    ("nearly 1 kWh", "0.96 kWh", "pass"),
    ("1 million lbs", "626,155 lbs", "fail"),
    ("10x", "7", "fail"),
    ("100 %", "0.97", "pass"),
    ("-1,000 USD", "-600 USD", "fail"),             # toward zero, on the negative side
    ("2,000", "1,600", "pass"),                     # no power of ten: half a unit either side
    ("0.1", "0.06", "pass"),                        # decimals keep their place's half unit
])
def test_a_stated_power_of_ten_is_a_tenth_as_wide_toward_zero(stated, written, verdict):
    assert run_check("c", stated, "x", resolver({"x": written})).verdict == verdict

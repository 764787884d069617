"""kb check: a stated bound ("over 500 tCO2e", "< 2 %", "at least 3 kWh") says on which side of its number the
recomputed figure lies, and is judged so, not as the figure near its number."""

from __future__ import annotations

import pytest

from kb.quantities.checks import run_check
from kb.quantities.expr import resolver


@pytest.mark.parametrize("stated, written, verdict", [
    ("over 500 tCO2e", "552.1 tCO2e", "pass"),       # read as 500 ± 50, it failed
    ("over 600 tCO2e", "552.1 tCO2e", "fail"),       # read as 600 ± 50, it passed
    ("< 2 %", "1.127 %", "pass"),
    ("< 1 %", "1.127 %", "fail"),
    ("at least 3 kWh", "3.00 kWh", "pass"),          # the bound itself is included
    ("more than 3 kWh", "2.995 kWh", "fail"),
    ("up to 10x", "12", "fail"),
    ("~ up to 10x", "9.4", "pass"),
    ("more than 0.5 MWh", "600 kWh", "pass"),        # in the bound's unit
])
def test_a_stated_bound_is_judged_by_its_side(stated, written, verdict):
    result = run_check("c", stated, "x", resolver({"x": written}))
    assert result.verdict == verdict
    assert "bound" in result.message


def test_a_bound_beyond_its_tolerance_fails_within_it_passes():
    assert run_check("c", "over 600 t", "x", resolver({"x": "552 t"}), tolerance="10%").verdict == "pass"
    assert run_check("c", "over 600 t", "x", resolver({"x": "552 t"}), tolerance="5%").verdict == "fail"

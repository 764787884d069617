"""A stated figure in bare gallons, quarts or pints (read as US ones) whose interval also holds it read as imperial
ones ("1 gallon": 0.95 … 1.5 US gallons, an imperial gallon 1.2 of them) passes nothing: refused, the line saying
why; one with a digit more, or whose interval holds no imperial reading, is judged as before."""

from __future__ import annotations

import pytest

from kb.quantities.checks import run_check
from kb.quantities.expr import resolver


@pytest.mark.parametrize("stated, ambiguous, judged", [
    ("1 gallon", "4.546 L", ("1.0 gallon", "3.785 L")),
    ("2 gallons", "9.09 L", ("2.0 gallons", "7.57 L")),
    ("2 pints", "1.137 L", ("2.0 pints", "0.946 L")),
    ("20 gal", "91 L", ("20.0 gal", "75.7 L")),
])
def test_a_bare_volume_wide_enough_for_both_readings_is_refused(stated, ambiguous, judged):
    got = run_check("x", stated, ambiguous, resolver({}))
    assert got.verdict == "error" and "imperial" in got.message and "cannot tell" in got.message
    assert run_check("x", *judged, resolver({})).verdict == "pass"
    assert run_check("x", judged[0], ambiguous, resolver({})).verdict == "fail"

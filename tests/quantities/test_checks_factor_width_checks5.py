"""A factor a check states ("2x", "5-fold", "10 times more", "double", "fivefold", "twice as much") is read within
its last printed digit's half unit and never wider than 5 % of it, one rule the check's line says: "2x" and
"double" are 1.9 … 2.1, never 1.5 … 2.5; "about 2x" keeps its last digit's half; a bound keeps its figure."""

from __future__ import annotations

import pytest

from kb.quantities.checks import format_line, run_check
from kb.quantities.expr import resolver

FIGURES = resolver({"a": "10.00 kWh", "b": "24.00 kWh", "c": "20.50 kWh", "d": "49.00 kWh", "e": "200.0 kWh"})


@pytest.mark.parametrize("stated, right, wrong", [
    ("2x", "c / a", "b / a"),
    ("double", "c / a", "b / a"),
    ("twice as much", "c / a", "b / a"),
    ("2 times more", "c / a", "b / a"),
    ("5-fold", "d / a", "e / a / 4.4"),
    ("fivefold", "d / a", "e / a / 4.4"),
    ("20x more", "e / a", "e / a * 1.1"),
    ("ten times less", "a / e * 2", "a / e * 2.2"),
])
def test_a_stated_factor_is_never_wider_than_five_percent(stated, right, wrong):
    got = run_check("x", stated, wrong, FIGURES)
    assert (run_check("x", stated, right, FIGURES).verdict, got.verdict) == ("pass", "fail")
    assert "never wider than 5 %" in format_line(got) or "never wider than 5 %" in "\n".join(got.explanation)


def test_about_keeps_its_last_digit_and_a_digit_narrower_keeps_it():
    assert run_check("x", "about 2x", "b / a", FIGURES).verdict == "pass"
    got = run_check("x", "2.4x", "b / a", FIGURES)
    assert got.verdict == "pass" and "never wider" not in "\n".join(got.explanation)
    assert run_check("x", "2x", "b / a", FIGURES).verdict == "fail"

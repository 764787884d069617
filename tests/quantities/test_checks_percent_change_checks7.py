"""A stated percent change with a comparative ("45 % less", "82 % more") is read as one: of a ratio the expression
computes, new = old × (1 - 0.45); of a change it computes ("(new - old) / old"), -0.45 itself; of a difference or
an expression no quotient, refused in one line saying so."""

from __future__ import annotations

import pytest

from kb.quantities.checks import run_check
from kb.quantities.expr import resolver

FIGURES = resolver({"a.new": "55.0 kWh", "a.old": "100.0 kWh", "b.new": "182.0 kWh"})


@pytest.mark.parametrize("stated, expr, verdict", [
    ("45 % less", "a.new / a.old", "pass"),
    ("55 % less", "a.new / a.old", "fail"),
    ("45 percent lower", "(a.new - a.old) / a.old", "pass"),
    ("45 % more", "(a.new - a.old) / a.old", "fail"),
    ("82 % more", "b.new / a.old", "pass"),
    ("18 % more", "b.new / a.old", "fail"),
    ("82% higher", "(b.new - a.old) / a.old", "pass"),
    ("45 % less", "a.old - a.new", "error"),
    ("82 % more", "b.new", "error"),
])
def test_a_percent_change_is_judged_as_a_ratio_or_a_change(stated, expr, verdict):
    got = run_check("x", stated, expr, FIGURES)
    assert got.verdict == verdict, got.message
    if verdict == "error":
        assert "percent change" in got.message and "\n" not in got.message

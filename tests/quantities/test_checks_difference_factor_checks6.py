"""A factor a check states ("45x", "5-fold", "3 times more", "an order of magnitude") is never judged against a
difference its expression computes ("100 - 55"), nor a difference a check states in words ("45 fewer", "1,000
fewer") against a ratio: refused, the line saying so, however near the figures are; a ratio still judges a factor."""

from __future__ import annotations

import pytest

from kb.quantities.checks import run_check
from kb.quantities.expr import resolver

FIGURES = resolver({"a": "100 GPUs", "b": "55 GPUs", "e": "100 kWh", "f": "55 kWh", "g": "12 kWh"})


@pytest.mark.parametrize("stated, expr", [
    ("45x", "100 - 55"),
    ("45-fold", "-(55 - 100)"),
    ("45 times more", "a / (1 GPU) - b / (1 GPU)"),
    ("a factor of 45", "100 - 55"),
    ("45x less", "e - f"),
    ("fivefold", "10 - 5"),
])
def test_a_stated_factor_of_a_difference_is_refused(stated, expr):
    got = run_check("x", stated, expr, FIGURES)
    assert got.verdict == "error" and "a difference is no factor" in got.message
    assert run_check("x", stated.replace(" less", ""), "4500 / 100 / 9 * 9", FIGURES).verdict != "error"


@pytest.mark.parametrize("stated, expr", [
    ("45 fewer", "4500 / 100"),
    ("1,000 fewer", "e / (0.1 kWh)"),
])
def test_a_stated_difference_of_a_ratio_is_refused(stated, expr):
    got = run_check("x", stated, expr, FIGURES)
    assert got.verdict == "error" and "a factor is no difference" in got.message
    # a percent change is a ratio: never called a difference
    assert "no difference" not in run_check("x", "45 % lower", expr, FIGURES).message



@pytest.mark.parametrize("stated, expr", [("45 fewer", "100 - 55"), ("45 kWh less", "e - f"), ("45 more than", "a - b")])
def test_a_difference_in_words_is_refused_as_one_never_as_an_unknown_unit(stated, expr):
    got = run_check("x", stated, expr, FIGURES)
    assert got.verdict == "error" and "writes a difference" in got.message and "[units]" not in got.message

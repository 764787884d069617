"""kb check never adds figures of different things: a sum or an average over claims per different
things ("Wh/query" and "Wh/token") or counts of different things is refused with one line naming both
units, where kb's arithmetic, which reads every thing counted one for one, added them."""

from __future__ import annotations

import pytest

from kb.quantities.checks import run_check
from kb.quantities.expr import resolver

FIGURES = resolver({"q": "2 Wh/query", "q2": "3 kWh/query", "t": "3 Wh/token", "s": "8 kWh per sample",
                    "i": "9 kWh per image", "r": "11 runs", "m": "12 models", "h": "10 kWh/h"})


@pytest.mark.parametrize("stated, expr, first, second", [
    ("5 Wh/query", "q + t", "Wh/query", "Wh/token"),
    ("2.5 Wh/query", "(q + t) / 2", "Wh/query", "Wh/token"),
    ("-1 Wh/query", "q - t", "Wh/query", "Wh/token"),
    ("17 kWh per sample", "s + i", "kWh/sample", "kWh/image"),
    ("23", "r + m", "item", "model"),
])
def test_a_sum_of_figures_of_different_things_is_refused_naming_both(stated, expr, first, second):
    result = run_check("c", stated, expr, FIGURES)
    assert result.verdict == "error"
    assert first in result.message and second in result.message and "\n" not in result.message


@pytest.mark.parametrize("stated, expr", [("3002 Wh/query", "q + q2"), ("1010 queries", "r / r * 1000 queries + 10 queries")])
def test_a_sum_of_figures_of_one_thing_still_adds(stated, expr):
    assert run_check("c", stated, expr, FIGURES).verdict == "pass"


def test_a_sum_across_dimensions_is_refused_as_before():
    result = run_check("c", "4 Wh/query", "q + h", FIGURES)
    assert result.verdict == "error" and "Wh/query" in result.message

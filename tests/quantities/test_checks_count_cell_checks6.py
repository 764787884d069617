"""A figure times a claim of a table's cell under a column kb reads no unit for ("5 runs", "3 seeds", "0.85 accuracy",
read as a count) is that many of the figure: a stated figure of the figure's kind passes where the arithmetic holds
and fails where it does not, the line saying how it was read; a figure over such a count, or per another thing,
stays refused."""

from __future__ import annotations

import pytest

from kb.quantities.checks import run_check
from kb.quantities.expr import resolver

FIGURES = resolver({"energy": "23 kWh", "runs": "5 runs", "seeds": "3 seeds", "acc": "0.85 accuracy",
                    "per_query": "23 kWh/query"})


@pytest.mark.parametrize("right, wrong, expr", [
    ("115 kWh", "1,150 kWh", "energy * runs"),
    ("69 kWh", "96 kWh", "seeds * energy"),
    ("19.6 kWh", "27 kWh", "energy * acc"),
    ("0.115 MWh", "0.115 GWh", "energy * runs"),
])
def test_a_figure_times_a_count_of_a_cell_is_that_many_of_it(right, wrong, expr):
    got = run_check("x", right, expr, FIGURES)
    assert got.verdict == "pass" and any("for each of them" in line for line in got.explanation), got.message
    assert run_check("x", wrong, expr, FIGURES).verdict == "fail"
    # over the count, or per another thing: still refused
    assert run_check("x", right, expr.replace("*", "/"), FIGURES).verdict == "error"
    assert run_check("x", right, expr.replace("energy", "per_query"), FIGURES).verdict == "error"


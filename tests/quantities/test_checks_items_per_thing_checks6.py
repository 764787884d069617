"""A figure per one counted thing times or over a count of things kb knows no name of ("1000 items", "12 models",
kb's items) is refused as one of another thing is, and a figure per such a thing times a count of a named one:
an item is never taken for a query; the same thing on both sides still cancels."""

from __future__ import annotations

import pytest

from kb.quantities.checks import run_check
from kb.quantities.expr import resolver

FIGURES = resolver({"per_run": "0.5 kWh per run", "points": "12 data points", "per_query": "2 Wh/query"})


@pytest.mark.parametrize("stated, wrong, right", [
    ("2 kWh", "2 Wh/query * 1000 items", "2 Wh/query * 1000 queries"),
    ("24 Wh", "per_query * points", "2 Wh/point * points"),
    ("5 kWh", "per_run * 10 queries", "per_run * 10 items"),
    ("2 kWh", "1000 items * per_query", "1000 queries * per_query"),
])
def test_a_count_of_items_never_meets_a_figure_per_another_thing(stated, wrong, right):
    got = run_check("x", stated, wrong, FIGURES)
    assert got.verdict == "error" and "counts another thing" in got.message
    assert run_check("x", stated, right, FIGURES).verdict == "pass"

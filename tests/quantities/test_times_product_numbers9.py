"""A times sign between two numbers or before an accelerator is a product or a count ("2 × 8 GPUs", "8x A100 GPUs"),
and an "x" a sign of algebra follows is a coefficient ("y = 2x + 1"): no factor of the first number, on the page and
in a quote; "3x faster" and "a 2 × increase" still are."""

from __future__ import annotations

import pytest

from kb.quantities.numbers import extract_candidates
from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("page", [
    "we trained on 2 × 8 GPUs for a week",
    "a batch of 16 x 4 examples",
    "each node has 8x A100 accelerators",
])
def test_product_is_no_factor(page):
    assert [c.value for c in extract_candidates([page]) if c.unit == "dimensionless"] == []


@pytest.mark.parametrize("value, quote, factor", [
    ("2x", "we trained on 2 × 8 GPUs for a week", "it was 2x faster"),
    ("4x", "each node has 4x A100 accelerators", "a 4 × increase in speed"),
    ("2x", "where y = 2x + 1 holds for all inputs", "a 2x speed-up"),
    ("3x", "the loss grows as 3x^2 over the run", "about 3x more"),
])
def test_factor_of_product_refused(value, quote, factor):
    assert [value_in_quote(value, quote).ok, value_in_quote(value, factor).ok] == [False, True]

"""A figure per one counted thing (query, token, image, sample) times or over a count of another is refused, one
line naming both, never taken one for one; the same thing cancels; a figure of one counted thing is never compared
with one of another ("2 Wh/query" of 2,000 Wh / 1,000 tokens)."""

from __future__ import annotations

import pytest

from kb.quantities.checks import run_check
from kb.quantities.expr import resolver

FIGURES = resolver({"a.e": "2 Wh/query", "a.t": "1000 tokens", "a.q": "1000 queries", "a.i": "3 Wh/image",
                    "a.r": "500 tokens/query"})


@pytest.mark.parametrize("stated, expr, names", [
    ("2000 Wh", "a.e * a.t", ("query", "token")),
    ("2000 Wh", "a.t * a.e", ("query", "token")),
    ("3000 Wh", "a.i * 1000 samples", ("image", "sample")),
    ("2 Wh/query", "2000 Wh / a.t", ("query", "token")),
    ("1000 tokens", "a.q", ("token", "query")),
    ("1 image/query", "a.t / a.q", ("image", "token")),
    ("1", "a.t / a.q", ("query", "token")),
    ("2 Wh/token", "a.e / (1 token/image)", ("query", "image")),
])
def test_a_figure_per_one_thing_never_meets_a_count_of_another(stated, expr, names):
    got = run_check("c", stated, expr, FIGURES)
    assert got.verdict == "error" and all(n in got.message for n in names) and "\n" not in got.message


@pytest.mark.parametrize("stated, right, other", [
    ("2000 Wh", "a.e * a.q", "a.e * a.t"),
    ("1 Wh/token", "a.e / a.r * 250", "a.i / a.r * 250"),
    ("1 token/query", "a.t / a.q", "a.t / (1000 images)"),
    ("2 Wh/query", "3 Wh/image * (2 images / (3 queries))", "3 Wh/image * (2 images / (3 tokens))"),
])
def test_the_same_thing_cancels_another_never(stated, right, other):
    assert (run_check("c", stated, right, FIGURES).verdict, run_check("c", stated, other, FIGURES).verdict) == (
        "pass", "error")

"""A percentage a distributive "for each X" or "in every X" follows is each X's share, the same for all, never a rate
per X, on the page and in a quote ("30 % for each model": 30 %, was 30 %/model; "30%/model" refused, was verified;
"30%" verified, was refused; "0.5% per layer" still a rate per layer)."""

from __future__ import annotations

import pytest

from kb.quantities.numbers import extract_candidates
from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("quote, rate, per_quote", [
    ("We hold out 30 % for each model.", "30%/model", "We hold out 30 % per model."),
    ("the share fell 5% in every layer", "5%/layer", "the share fell 5% per layer"),
    ("accuracy rose 4 percent for each of the tasks", "4%/task", "accuracy rose 4 percent per task"),
])
def test_a_percentage_for_each_is_no_rate(quote, rate, per_quote):
    share = rate.split("/")[0]
    assert [c.unit for c in extract_candidates([quote])] == ["%"]
    assert [value_in_quote(share, quote).ok, value_in_quote(rate, quote).ok] == [True, False]
    # with "per" or "/" a percentage is a rate all the same ("0.5% per layer")
    assert [c.unit for c in extract_candidates([per_quote])] == ["%/" + rate.split("/")[1]]
    assert [value_in_quote(share, per_quote).ok, value_in_quote(rate, per_quote).ok] == [False, True]

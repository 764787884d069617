"""A per a quote prints as "for each X" or "in every X" after another figure is that figure's: a total before it holds
no claim per X ("14 questions" per paper of "14 questions, 7 for each paper"), as one before "per X" holds none."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("value, quote, own", [
    ("14 questions", "we selected 14 multiple choice questions, 7 for each paper", "we selected 14 questions per paper"),
    ("96 GPUs", "we used 96 GPUs in total, 8 in every node", "we used 96 GPUs in every node"),
])
def test_total_before_for_each_holds_no_per(value, quote, own):
    per = quote.split()[-1]
    assert [value_in_quote(value, quote, per=per).ok, value_in_quote(value, own, per=per).ok] == [False, True]

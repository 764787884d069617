"""A claim saying its figure is exact ("exactly 75 million URLs") of a quote printing it only as a bound ("over 75
million") or an approximation ("about 75 million") is refused with the reason: the word is the claim's, the quote
says otherwise. A claim without the word keeps the bound's number (as kb always read it, with a note)."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("value, quote, ok, said", [
    ("exactly 75 million URLs", "We collected over 75 million unique URLs from the crawl.", False, "as a lower bound"),
    ("precisely 8 GPUs", "The model was trained on over 8 GPUs.", False, "as a lower bound"),
    ("exactly 8 GPUs", "The model was trained on more than 8 GPUs.", False, "as a lower bound"),
    ("= 5 kWh", "It used up to 5 kWh.", False, "as an upper bound"),
    ("exactly 40%", "Emissions fell by at most 40%.", False, "as an upper bound"),
    ("exactly 75 million URLs", "We collected about 75 million unique URLs.", False, "'about 75 million'"),
    ("exactly 8 GPUs", "The model was trained on roughly 8 GPUs.", False, "'roughly 8'"),
    ("exactly 8 GPUs", "The model was trained on ~8 GPUs.", False, "'~8'"),
    ("exactly 12 days", "Training took nearly 12 days.", False, "'nearly 12'"),
    ("exactly 76 million URLs", "We collected about 75 million unique URLs.", False, ""),     # another figure
    # printed plainly (once is enough), or the claim says nothing of exactness
    ("exactly 75 million URLs", "We collected 75 million unique URLs.", True, ""),
    ("exactly 8 GPUs", "The model was trained on 8 GPUs.", True, ""),
    ("exactly 5 kWh", "It used 5 kWh, and up to 5 kWh on peak days.", True, ""),
    ("exactly 12 days", "Training took exactly 12 days.", True, ""),
    ("precisely 3 models", "We evaluate 3 models.", True, ""),
    ("75 million URLs", "We collected over 75 million unique URLs from the crawl.", True, ""),
    ("over 75 million URLs", "We collected over 75 million unique URLs from the crawl.", True, ""),
])
def test_an_exact_claim_of_a_bound_or_an_approximation_is_refused(value, quote, ok, said):
    found = value_in_quote(value, quote, None, quote, "")
    assert found.ok is ok, found
    if not ok and said:
        reason = found.reason(value)
        assert "says its figure is exact" in reason and said in reason, reason

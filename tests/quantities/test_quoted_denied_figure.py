"""A figure the quote denies ("is not 2x faster", "did not use 12 kWh", "fell not 5% but 12%") is no figure a claim
may take from it: it verified, as any figure the quote prints did. A figure said plainly anywhere in the quote, a
bound ("not more than 70%"), or words that keep it said ("not only 5% of", "not all 12 models") are as before."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("value, quote", [
    ("2x faster", "the new kernel is not 2x faster than the old one"),
    ("12 kWh", "the run did not use 12 kWh"),
    ("5%", "emissions fell not 5% but 12%"),
    ("12 kWh", "the run didn't use 12 kWh, it used 14 kWh"),
    ("300 GPUs", "the cluster never had 300 GPUs"),
])
def test_a_figure_the_quote_denies_is_refused(value, quote):
    got = value_in_quote(value, quote)
    assert (got.ok, "the quote denies the figure" in (got.problem or "")) == (False, True), got


@pytest.mark.parametrize("value, quote", [
    ("12%", "emissions fell not 5% but 12%"),
    ("12 kWh", "the run did not use 15 kWh but 12 kWh"),
    ("12 models", "not all 12 models converged"),
    ("5%", "not only 5% of users but"),
    ("12 kWh", "it did not stop: the run used 12 kWh"),
    ("2x faster", "the new kernel is 2x faster, not slower"),
])
def test_a_figure_said_plainly_beside_a_negation_still_verifies(value, quote):
    assert value_in_quote(value, quote).ok

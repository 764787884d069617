"""A negation denies a figure anywhere in its clause, not only within two words of it: "did not, in our runs, use
12 kWh", "did not actually ever use 12 kWh" verified a claim of 12 kWh; "was never, as far as we measured, above 3x"
verified "more than 3x". A clause of its own between ("not only 5 kWh ..., but 12 kWh", "do not estimate it, which
could be up to 10X") states the figure plainly, and words that look like negation and are not ("no more than", "not
unlike", "nothing but", "none of the 3 runs") keep it, a bound a bound."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("value, quote", [
    ("12 kWh", "the run did not, in our runs, use 12 kWh"),
    ("12 kWh", "the cluster did not actually ever use 12 kWh"),
    ("more than 3x", "the gain was never, as far as we measured, above 3x"),
    ("3x", "the speed-up was neither 3x nor 4x"),
    ("4x", "the speed-up was neither 3x nor 4x"),
])
def test_a_negation_denies_a_figure_anywhere_in_its_clause(value, quote):
    assert not value_in_quote(value, quote).ok


@pytest.mark.parametrize("value, quote", [
    ("12 kWh", "it used not only 5 kWh for training, but 12 kWh for tuning"),
    ("up to 10x lower", "the calculators do not estimate net CO 2 e, which could be up to 10X lower"),
    ("13%", "This model was not trained to completion, but only until 13%; a full run would take 60 days."),
    ("at most 3x", "the gain was never, as far as we measured, above 3x"),
    ("2x", "the gain is not unlike 2x"),
    ("2x", "the gain is not far from 2x"),
    ("70%", "the share was no more than 70%"),
    ("12 kWh", "it needed nothing but 12 kWh"),
    ("3 runs", "none of the 3 runs converged"),
    ("350.5", "Coal 38 No 512.3 Natural Gas 23 No 350.5 Hydroelectricity 19 Yes 100.6"),
    ("15.2M papers", "Filter Number of papers No title 20k No authors 0.3M Not English 15.2M"),
])
def test_a_figure_out_of_a_negations_clause_or_no_negation_still_verifies(value, quote):
    assert value_in_quote(value, quote).ok

"""Quotes as writers copy them, round 15: each row a page text written here, with quotes that must
verify and quotes that must be refused."""

from __future__ import annotations

import pytest
from judging import quotes_judged

# An approximation sign before a number ("~", "∼", "≈") says the number is not exact: a quote leaving it out, at its
# start or inside, is refused ("150 million km" and "the 150 million" of "the ~150 million"); a writer typing another
# tilde for it verifies ("~150" of "∼150"); a tilde before no number ("x ∼ N(0, 1)") and a spacing accent stay
# dropped. (pages, rights, wrongs)
APPROXIMATIONS = [
    (["The Sun is ∼150 million km away; the 20 runs took ≈ 3.5 hours. We sample x ∼ N(0, 1) as in Mu˜noz."],
     ["The Sun is ~150 million km away", "The Sun is ∼150 million km away", "the 20 runs took ~3.5 hours",
      "took ≈3.5 hours", "We sample x ~ N(0, 1) as in Munoz."],
     ["150 million km away", "The Sun is 150 million km away", "the 20 runs took 3.5 hours", "3.5 hours"]),
    (["Training emits ~ 25 tonnes of CO2, about 5 times a car, and the model has ≃7B parameters."],
     ["Training emits ~25 tonnes of CO2", "about 5 times a car", "the model has ~7B parameters"],
     ["Training emits 25 tonnes of CO2", "25 tonnes of CO2", "the model has 7B parameters", "7B parameters"]),
]


@pytest.mark.parametrize("pages,rights,wrongs", APPROXIMATIONS, ids=lambda v: "")
def test_an_approximation_sign_before_a_number_is_kept(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)

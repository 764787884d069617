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
    (["Training emits ~ 25 tonnes of CO2, about 5 times a car, and the model has ≃7B parameters at ∼$5 per hour."],
     ["Training emits ~25 tonnes of CO2", "about 5 times a car", "the model has ~7B parameters", "at ~$5 per hour"],
     ["Training emits 25 tonnes of CO2", "25 tonnes of CO2", "the model has 7B parameters", "7B parameters",
      "$5 per hour", "at $5 per hour"]),
]


@pytest.mark.parametrize("pages,rights,wrongs", APPROXIMATIONS, ids=lambda v: "")
def test_an_approximation_sign_before_a_number_is_kept(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)


# A number's sign, leading point and exponent are part of it: a quote starting after a minus sign spaced from its
# number ("0.43" of "β = − 0.43", "22" of "3.3e− 22"), leaving out a point that opens a number ("95" of ".95"), at
# its edge or inside, or ending before an exponent ("p = 3.3e" of "p = 3.3e−22") is refused; a spaced range's
# second number stands ("10 kWh" of "3 - 10 kWh"). (pages, rights, wrongs)
NUMBER_PARTS = [
    (["Global: β = − 0.43, p = 0.12; Reencountered: p = 3.3e− 22 < 0.001; it costs 3 - 10 kWh per day."],
     ["Global: β = −0.43, p = 0.12", "p = 3.3e−22 < 0.001", "p = 3.3e-22", "10 kWh per day"],
     ["0.43, p = 0.12", "22 < 0.001", "p = 3.3e", "Reencountered: p = 3.3e"]),
    (["Most saves came from citations (57%, n=6, SD=24%, .95CI[32%,82%]) and the rest from search; r = .5 overall."],
     ["(57%, n=6, SD=24%, .95CI[32%,82%])", ".95CI[32%,82%]", "r = .5 overall"],
     ["(57%, n=6, SD=24%, 95CI[32%,82%])", "95CI[32%,82%]", "5 overall", "r = 5 overall"]),
]


@pytest.mark.parametrize("pages,rights,wrongs", NUMBER_PARTS, ids=lambda v: "")
def test_a_numbers_sign_point_and_exponent_stay_with_it(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)


# A plus sign before a number says a gain or a difference, not a score: a quote starting after it is refused
# ("3.55 F1 with finetuning" of "(+3.55 F1 with finetuning"); one keeping it verifies. (pages, rights, wrongs)
GAINS = [
    (["SciBERT outperforms BERT-Base on computer science tasks (+3.55 F1 with finetuning and + 1.13 F1 without); "
      "the model adds Reencountered + Specter as terms."],
     ["(+3.55 F1 with finetuning and +1.13 F1 without)", "+3.55 F1 with finetuning", "Reencountered + Specter"],
     ["3.55 F1 with finetuning", "1.13 F1 without", "on computer science tasks (3.55 F1 with finetuning"]),
]


@pytest.mark.parametrize("pages,rights,wrongs", GAINS, ids=lambda v: "")
def test_a_gains_plus_sign_stays_with_its_number(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)


# An em dash ending a line breaks no word: a quote may start or end at it ("the generation should only be invoked"
# of "explicit—\nthe generation"); a hyphen ending a line still joins a word's halves. (pages, rights, wrongs)
EM_DASH_LINE_ENDS = [
    (["it may be important for models to be evidence-aware and explicit—\nthe generation should only be invoked "
      "when the authors call it, as compu-\ntation costs."],
     ["the generation should only be invoked when the authors call it", "to be evidence-aware and explicit",
      "explicit—the generation", "as computation costs."],
     ["the generation should be invoked when the authors call it", "tation costs.", "as compu"]),
]


@pytest.mark.parametrize("pages,rights,wrongs", EM_DASH_LINE_ENDS, ids=lambda v: "")
def test_an_em_dash_ending_a_line_breaks_no_word(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)


# A number beside a multiplication sign is a factor of a product: a quote starting or ending at it leaves the other
# factor out ("16 GPUs" of "8 × 16 GPUs", "10^5 tokens" of "3 × 10^5 tokens", "trained on 8" of it); a multiplier
# ("2.7x faster") stands. (pages, rights, wrongs)
PRODUCTS = [
    (["We trained on 8 × 16 GPUs using 3 × 10⁵ tokens, for 5 x 2 hours; it is 2.7x faster on 4 GPUs."],
     ["We trained on 8 × 16 GPUs", "using 3 × 10^5 tokens", "for 5 x 2 hours", "it is 2.7x faster on 4 GPUs."],
     ["16 GPUs using", "10^5 tokens", "10⁵ tokens", "2 hours;", "We trained on 8", "using 3"]),
]


@pytest.mark.parametrize("pages,rights,wrongs", PRODUCTS, ids=lambda v: "")
def test_a_products_factor_is_never_quoted_alone(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)

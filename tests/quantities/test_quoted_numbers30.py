"""A writer's figures of other shapes against real sentences: money with its scale after a space, a factor's
bound after its words, ratios, and the refusal naming what a wrong figure has wrong."""

import pytest

from kb.ops.claims import check_value
from kb.quantities.quoted import value_in_quote
from kb.quantities.units import count_noun

PAID = "All participants were paid US$15 for the hour-long study."
FORD = "Ford agreed to pay $8.55 million and to implement a new selection process for its apprenticeship programs"
FACTOR = ("This means that the different models examined in our study can vary by a factor of over 1450 in terms of "
          "the energy required to perform the same number of inferences")
METHANE = ("For instance, methane is 28 times more potent than CO 2 based on its 100-year global warming potential, so "
           "energy generation emitting 1 gram of methane per kWh will emit 28 grams of CO2eq per kWh")


def held(value: str, quote: str) -> bool:
    return value_in_quote(value, quote, None, quote, "").ok


@pytest.mark.parametrize("value, quote, ok", [
    ("US$ 15 M", PAID, False),          # was verified: the scale after a space was dropped, 15 read as 15
    ("$ 15 M", PAID, False),
    ("US$ 15", PAID, True),
    ("US$ 8.55 M", FORD, True),         # was refused
    ("$ 8.55 m", FORD, True),
    ("US$ 8.55 bn", FORD, False),
    ("a factor of under 1450", FACTOR, False),      # was verified: the bound after "a factor of" was not read
    ("a factor of at most 1450", FACTOR, False),
    ("a factor of over 1450", FACTOR, True),
    ("by a factor of more than 1450", FACTOR, True),
    ("28:1", METHANE, True),            # a ratio to 1 is its factor, "28 times"
    ("1:28", METHANE, False),           # was verified: 1 and 28 are printed, apart
    ("28:100", METHANE, False),
    ("80:20", "The split is 80:20 for training.", True),
    ("20:80", "The split is 80:20 for training.", False),
    # a ratio to 1 is never held as its factor where the quote prints the first term's ratio to another figure (were
    # verified, read as "3x")
    ("3:1", "Reads and writes came at a ratio of 3:10 on every node.", False),
    ("3:1", "Reads and writes came at a ratio of 3:1.5 on every node.", False),
    ("3:1", "The ratios were 13:1 and 3:14 on the two nodes.", False),
    ("3:1", "Reads and writes came at a ratio of 3:1 on every node.", True),
    ("3:1", "Reads were 3 times as many as writes on every node.", True),
])
def test_scales_bounds_and_ratios(value, quote, ok):
    assert held(value, quote) is ok


def test_a_ratio_refused_says_it_is_a_ratio():
    why = value_in_quote("1:28", METHANE, None, METHANE, "").problem
    assert why and "ratio" in why and "1:28" in why


@pytest.mark.parametrize("value, quote, said", [
    ("$8.55bn", FORD, "(the quote's '$8.55 million' times 1,000: another magnitude)"),
    ("$8.55k", FORD, "divided by 1,000: another magnitude"),
    ("$8.45M", FORD, "(the quote's '$8.55 million' with a digit changed)"),
    ("$576k", "and $567,000 to cover fees", "(the quote's '$567,000' with two digits swapped)"),
    ("35.4", "Participants' age ranged from 19 to 67 (mean = 35.04)", "(the quote's '35.04' with a digit dropped)"),
    ("9 hours", "training lasted more than 9 days on 4 V100s", "(the quote's '9 days' in another unit)"),
    ("€8.55 million", FORD, "in another unit)"),
])
def test_a_refusal_names_what_is_wrong(value, quote, said):
    why = check_value(value, quote, None, quote, "")
    assert why is not None and said in why, why
    assert why.startswith(f"the value {value!r} is not among its quote's numbers")


def test_a_refusal_far_from_every_figure_lists_them_alone():
    why = check_value("4,321 kWh", FORD, None, FORD, "")
    assert why == "the value '4,321 kWh' is not among its quote's numbers: $8.55 million"


def test_letters_no_reader_says_count_nothing():
    assert count_noun("cores") and count_noun("blorp") and count_noun("queries")
    assert not count_noun("zzqq") and not count_noun("xkcd")

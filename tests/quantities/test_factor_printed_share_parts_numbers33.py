"""kb.quantities.quoted: a factor claimed ("51x", "3 times", "threefold") is held only by a number its quote prints as a
factor, and a share "N in M" or "N out of M" is held as the share it is, never by its count or its whole alone."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import claim_doubt, value_in_quote


def _judged(value: str, quote: str, ok: bool) -> None:
    assert value_in_quote(value, quote).ok is ok
    assert (claim_doubt("verified", value, quote) is None) is ok


AVERAGE = "The US national datacenter average in 2018 was 1.58, which is the value [Str19] used ; In 2020, it was 1.59 ."
TABLES = ("Compared to the results in Tables 1 and 4, they differ by factors of 0.53–1.64 and 0.91–2.42 with geometric "
          "means of 0.92 and 1.48, respectively 18 .")
MEETINGS = "Themes were identified via open coding and discussed in 3 weekly meetings with all authors."
CLICKS = ("11 out of 12 participants with access to all of Paper Plain clicked on a Key Question and opened an Answer "
          "Gist, doing so on average 13 times for Key Questions and 14 for Answer Gists.")
CARDS = "The man by telepathy or clairvoyance gives the right answer 130 times out of 400 cards."
NET = "The net gain in performance/Watt is 5.6X and 6.2X, respectively."
RETURNED = "the 3.2 net tCO 2 e cost for its development returned 15:1."
EFFICIENT = "Cloud datacenters can be ~1.4-2X more energy efficient than typical datacenters"


@pytest.mark.parametrize("value, quote, ok", [
    # a number printed bare is no factor: a PUE, a table's number, a footnote's, a count, a share's count
    ("1.58x", AVERAGE, False), ("1.59 times", AVERAGE, False), ("1.58", AVERAGE, True),
    ("4x", TABLES, False), ("18x", TABLES, False),
    ("threefold", MEETINGS, False), ("3-fold", MEETINGS, False), ("3 meetings", MEETINGS, True),
    ("11x", CLICKS, False), ("14-fold", CLICKS, False), ("14 times", CLICKS, True),
    # "13 times for", "130 times out of": occasions, no fold (the words "times" or "x" claimed hold them as written)
    ("thirteenfold", CLICKS, False), ("130-fold", CARDS, False), ("130 times", CARDS, True), ("130x", CARDS, True),
    # a factor printed as one: "5.6X", a range's first end ("1.4" of "1.4-2X"), "factors of" a list, a ratio to 1
    ("5.6x", NET, True), ("6.2 times", NET, True), ("1.4x", EFFICIENT, True),
    ("0.53x", TABLES, True), ("2.42x", TABLES, True), ("15x", RETURNED, True),
    ("3.2x", RETURNED, False),
])
def test_a_factor_claimed_is_held_only_by_a_factor_printed(value, quote, ok):
    _judged(value, quote, ok)


PATIENTS = "Bell et al. [3] reports that 1 in 5 patients find a mistake in their clinical notes written by doctors."
SURVEY = "one survey study estimated that inline citations accounted for around one in five (21%) of paper discoveries"
READERS = "18 out of 20 readers who had the Key Question Index selected the Key Question index"


@pytest.mark.parametrize("value, quote, ok", [
    # the count or the whole of a share "N in M" is no figure of its own
    ("5", PATIENTS, False), ("1", PATIENTS, False), ("5", SURVEY, False),
    ("1 in 5", PATIENTS, True), ("20%", PATIENTS, True), ("one in five", PATIENTS, True), ("21%", SURVEY, True),
    # a share claimed whose count is more than its whole is none, whatever numbers its quote prints
    ("12 out of 11", CLICKS, False), ("20 out of 18", READERS, False), ("18 out of 20", READERS, True),
    ("11 out of 12", CLICKS, True),
])
def test_a_share_is_held_as_a_share(value, quote, ok):
    assert value_in_quote(value, quote).ok is ok


def test_refusals_name_the_share_and_the_factor():
    part = value_in_quote("5", PATIENTS)
    assert "the whole of the quote's share '1 in 5'" in part.reason("5") and "20%" in part.reason("5")
    factor = value_in_quote("1.58x", AVERAGE)
    assert "its quote prints '1.58' as no factor" in factor.reason("1.58x")
    over = value_in_quote("12 out of 11", CLICKS)
    assert "counts more than its whole" in over.reason("12 out of 11")

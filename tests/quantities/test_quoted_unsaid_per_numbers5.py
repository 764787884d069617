"""A claim's --per the quote never says, in any words, is no reading of its figures: "1,080 kWh" per day of "used
1,080 kWh" says what the quote does not. A per it words otherwise ("daily", "each day", "a day", "/d", "per diem")
is said; the page's text before a quoted passage may say it, as a table's header gives a unit."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import claim_doubt, value_in_quote


@pytest.mark.parametrize("value, quote, per", [
    ("1,080 kWh", "The cluster used 1,080 kWh over the run.", "day"),
    ("5 kg CO2e", "Training the model emitted 5 kg CO2e.", "hour"),
    ("0.3 Wh", "The system draws 0.3 Wh.", "query"),
    ("12 GPUs", "We trained on 12 GPUs.", "node"),
    ("3 MWh", "The site uses 3 MWh.", "year"),
    ("37.3 kWh", "Without optimization, the job ran for approximately 36 hours and consumed 37.3 kWh.", "hour"),
    ("11.49 kWh", "it uses as much energy as 522 smartphone charges (11.49 kWh) for 1,000 inferences", "inference"),
])
def test_a_per_the_quote_never_says_is_refused_with_the_hint(value, quote, per):
    found = value_in_quote(value, quote, per)
    assert not found.ok and "drop --per, or quote the words that give it" in found.reason(value)
    assert value_in_quote(value, quote).ok                                  # the figure, without it
    assert claim_doubt("verified", value, quote, per, quote) is not None    # a stored one is listed in doubt
    # where kb holds no text, the page before the quote (which may say it) is not there to decide: the claim is
    # no-text as every claim of a paper kb holds no text of (never verified), not in doubt (a fresh clone)
    assert claim_doubt("verified", value, quote, per) is None


@pytest.mark.parametrize("quote, said, per", [
    ("The cluster used 1,080 kWh.", " daily", "day"), ("The cluster used 1,080 kWh.", " each day", "day"),
    ("The cluster used 1,080 kWh.", " a day", "day"), ("The cluster used 1,080 kWh.", "/d", "day"),
    ("The cluster used 1,080 kWh.", " per diem", "day"), ("The site uses 1,080 kWh.", " per annum", "year"),
    ("The site uses 1,080 kWh.", " p.a.", "year"), ("The rig used 1,080 kWh.", " per GPU-hour", "GPU hour"),
])
def test_a_per_said_in_other_words_holds(quote, said, per):
    with_it = quote.replace(" kWh.", f" kWh{said}" + ("" if said.endswith(".") else "."))
    assert value_in_quote("1,080 kWh", with_it, per).ok
    assert not value_in_quote("1,081 kWh", with_it, per).ok
    assert not value_in_quote("1,080 kWh", quote, per).ok                  # the quote without the words


@pytest.mark.parametrize("quote, per", [
    ("Each query uses 1,080 kWh.", "query"), ("Charging a phone takes 1,080 kWh.", "phone charge"),
    ("They each used 1,080 kWh.", "run"),
])
def test_a_per_its_subject_names_or_each_leaves_unnamed_holds(quote, per):
    assert value_in_quote("1,080 kWh", quote, per).ok
    assert not value_in_quote("1,080 kWh", "The system used 1,080 kWh.", per).ok


def test_the_page_before_the_passage_may_say_the_per():
    passage = "the least efficient model uses as much energy as 522 smartphone charges (11.49 kWh)"
    before = "image generation (0.06-2.9 kWh for 1,000 inferences). Text tasks use less, "
    assert not value_in_quote("11.49 kWh", passage, "1000 inferences").ok
    assert value_in_quote("11.49 kWh", passage, "1000 inferences", passage, before).ok
    assert not value_in_quote("11.49 kWh", passage, "day", passage, before).ok

"""Quotes as writers edit them, round 18: each row a page text written here, with quotes that must
verify and quotes that must be refused."""

from __future__ import annotations

import pytest
from judging import quotes_judged

# An ellipsis never leaves out what bounds or hedges the words kept after it ("only", "up to", "more than", "a maximum
# of", "close to", "almost", and before a number "over", "about"): "trained for ... 1 day" of "trained for a maximum of
# 1 day" says what the page does not. Skipping other words, or keeping the bound, verifies. (pages, rights, wrongs)
ELISION_HIDES_A_BOUND = [
    (["Each model was trained for a maximum of 1 day. The masked task only generates a single token, which "
      "explains its cost."],
     ["Each model was trained for a maximum … 1 day.", "The masked task only … a single token",
      "Each model was trained … of 1 day."],
     ["Each model was trained for … 1 day.", "The masked task … generates a single token",
      "Each model was … 1 day."]),
    (["Between 2017 and 2021, the electricity used by the main cloud providers more than doubled. Image models use "
      "over 3 times more energy, with emissions increasing by up to 8%. It used close to 1% of global energy and "
      "almost 2800 times more than BERT. In about ﬁfty years' time it will be possible."],
     ["Between 2017 and 2021, the electricity used by … more than doubled", "Image models use … over 3 times",
      "In about … years' time", "with emissions increasing … up to 8%"],
     ["Between 2017 and 2021, the electricity used by the main cloud providers … doubled",
      "Image models use … 3 times more energy", "with emissions increasing by … 8%", "It used … 1% of global energy",
      "It used close to 1% of global energy and … 2800 times more than BERT", "In … fifty years' time"]),
]


@pytest.mark.parametrize("pages,rights,wrongs", ELISION_HIDES_A_BOUND, ids=lambda v: "")
def test_an_ellipsis_hiding_a_bound_or_a_hedge_is_refused(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)


# A quote starting at a number the page bounds or hedges right before it ("close to 1%", "up to 60 times", "more than
# 70") leaves the bound out: refused. "only 15%" says 15%: verifies. (pages, rights, wrongs)
STARTS_AFTER_A_BOUND = [
    (["It represented close to 1% of global energy usage, with up to 60 times more CO2eq, and about ﬁfty runs. "
      "Only 15% of authors were willing to share, and 12 of them replied."],
     ["close to 1% of global energy usage", "15% of authors were willing to share", "12 of them replied"],
     ["1% of global energy usage", "60 times more CO2eq", "fifty runs"]),
]


@pytest.mark.parametrize("pages,rights,wrongs", STARTS_AFTER_A_BOUND, ids=lambda v: "")
def test_a_quote_starting_after_the_bound_of_its_number_is_refused(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)


# "90 percent" is "90%", and "70%" is "70 per cent": the same number's percent, as a word or a sign. Another number
# is refused as before. (pages, rights, wrongs)
PERCENT_AS_A_WORD = [
    (["Inference makes up 80 to 90% of total demand.", "An interrogator will not have more than 70 per cent chance."],
     ["Inference makes up 80 to 90 percent of total demand.", "makes up 80 to 90 per cent of total",
      "will not have more than 70% chance", "not have more than 70 percent chance"],
     ["Inference makes up 80 to 95 percent of total demand.", "will not have more than 60% chance",
      "will have more than 70% chance"]),
]


@pytest.mark.parametrize("pages,rights,wrongs", PERCENT_AS_A_WORD, ids=lambda v: "")
def test_percent_typed_as_a_word_or_a_sign_is_the_pages(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)

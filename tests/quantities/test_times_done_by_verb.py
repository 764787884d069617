"""A number with "times" after a verb of something done again and again ("downloaded 357,368 times") counts occasions:
its words hold it ("357,368 times", "357,368x"), never a factor of a way nor "a factor of" it."""

import pytest

from kb.quantities.quoted import value_in_quote

DOWNLOADS = ("at the time of writing this article (November 2023), BLOOMz-7B has been downloaded 606,096 times, "
             "BLOOMz-3B has been downloaded 357,368 times, BLOOMz-1B has been downloaded 61,757 times and BLOOMz-560m "
             "has been downloaded 498,601 times.")
FORKED = "implementations of EfficientNets were forked on GitHub >4000 times."


@pytest.mark.parametrize("value, quote", [
    ("357,368 times more", DOWNLOADS),
    ("a factor of 498,601", DOWNLOADS),
    ("4000 times more", FORKED),
])
def test_occasions_no_factor(value, quote):
    assert not value_in_quote(value, quote, None, quote, "").ok


@pytest.mark.parametrize("value, quote", [
    ("606,096 times", DOWNLOADS),
    ("357,368 times", DOWNLOADS),
    ("61,757x", DOWNLOADS),
    (">4000 times", FORKED),
    ("3 times more", "The model was downloaded 3 times more often than its predecessor."),
    ("over 60 times more", "image generation uses, on average, over 60 times more energy than text generation."),
])
def test_counts_and_factors_held(value, quote):
    assert value_in_quote(value, quote, None, quote, "").ok

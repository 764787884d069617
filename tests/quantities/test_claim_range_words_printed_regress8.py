"""A range a claim writes in words that its quote prints as written, in words kb reads no unit of (a scale word
and a count's noun, numbers in words, a percentage spelled out), verifies as it did before ranges in words were read
in their unit; the same range of another noun, unit, per or each is still refused."""

import pytest

from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("value, right, wrong", [
    ("between 3 and 5 million users", "It served between 3 and 5 million users.",
     "It served between 3 and 5 million GPUs."),
    ("between 2 and 4 thousand papers", "We read between 2 and 4 thousand papers in all.",
     "We read between 2 and 4 thousand papers per day."),
    ("between 5 and 6 hours", "Training lasted between five and six hours.", "Training lasted between five and six days."),
    ("between 5 and 6 hours", "Training lasted between five and six hours.",
     "Training did not take between five and six hours."),
    ("between 3 and 5 million users", "It served between 3 and 5 million users.",
     "It served between 3 and 5 million users a month."),
    ("from 20 to 30 percent", "Savings ranged from twenty to thirty percent, as measured.",
     "Savings ranged from twenty to thirty percent each year."),
    ("between 40% and 60%", "between forty and sixty per cent of the emissions", "between forty and sixty kWh"),
])
def test_range_in_words_printed_as_written(value, right, wrong):
    assert value_in_quote(value, right, None, right, "").ok
    assert not value_in_quote(value, wrong, None, wrong, "").ok

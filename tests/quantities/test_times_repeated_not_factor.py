"""A number with "times" then words saying how often something was done ("ran it 12 times to average", "7 times out
of 50 trials", "9 times for each user") counts repetitions: no factor, so a claimed factor of that number ("12x", "a
factor of 12", "12 times more") is refused; the same words ("12 times") still hold, and a factor the quote prints
("12 times more", "12 times the cost") still holds."""

import pytest

from kb.quantities.numbers import times_repeated
from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("value, quote", [
    ("a factor of 12", "We repeated every measurement 12 times to average out the noise."),
    ("12 times more", "We repeated every measurement 12 times to average out the noise."),
    ("a factor of 7", "The classifier guessed right 7 times out of 50 trials."),
    ("9x more", "Users opened the side panel 9 times for each paper they read."),
    ("a factor of 3", "The job was restarted 3 times in a row after the node failed."),
    ("4 times more", "The cache was flushed 4 times a day."),
])
def test_a_count_of_repetitions_is_no_factor(value, quote):
    got = value_in_quote(value, quote, None, quote, "")
    assert not got.ok
    assert got.problem or got.missing


@pytest.mark.parametrize("value, quote", [
    ("12 times", "We repeated every measurement 12 times to average out the noise."),
    ("12x", "We repeated every measurement 12 times to average out the noise."),
    ("12x more", "The new model uses 12 times more energy for the same task."),
    ("a factor of 12", "The new model costs 12 times the energy of the old one."),
    ("12x", "Emissions fell by 12 times over the decade."),
])
def test_the_same_words_or_a_factor_printed_with_times_still_hold(value, quote):
    assert value_in_quote(value, quote, None, quote, "").ok


def test_times_repeated_reads_the_words_after_times():
    page = "ran 12 times to average; 12 times more"
    assert times_repeated(page, 6)
    assert not times_repeated(page, 27)

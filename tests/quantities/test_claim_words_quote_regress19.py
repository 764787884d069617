"""A claim's value typed in words ("a factor of 28", "±0.5", "12 kWh of electricity") holds only a figure its quote
prints as that value: a factor as a factor, a spread as a spread, a unit's 'of' words at the figure; never a count
or a level that merely shares its digits."""

import pytest

from kb.quantities.quoted import value_in_quote


def _ok(value: str, quote: str) -> bool:
    return value_in_quote(value, quote, None, quote, "").ok


@pytest.mark.parametrize("value, quote, ok", [
    ("a factor of 28", "Energy dropped by a factor of 28.", True),
    ("a factor of 28", "It was 28 times more efficient.", True),
    ("by a factor of about 100", "it fell by a factor of about 100", True),
    ("a factor of over 1450", "they vary by a factor of over 1450 in energy", True),
    ("a factor of 28", "It used 28 GPUs.", False),
    ("a factor of 2", "We considered 2 factors.", False),
    ("a factor of 2", "Two factors explain it.", False),
    ("a factor of 28", "Energy dropped by a factor of 2.8.", False),
])
def test_factor_in_words_holds_only_a_factor(value, quote, ok):
    assert _ok(value, quote) is ok


@pytest.mark.parametrize("value, quote, ok", [
    ("±0.5", "The error was ±0.5.", True),
    ("± 5%", "Accuracy varied by ± 5% across runs.", True),
    ("±0.5", "The error was +/- 0.5 in both runs.", True),
    ("±0.5", "The value was 0.5.", False),
    ("± 5%", "Accuracy was 5%.", False),
    ("±0.5", "The value was -0.5.", False),
    ("±0.5", "The error was ±0.05.", False),
])
def test_spread_alone_holds_only_a_spread(value, quote, ok):
    assert _ok(value, quote) is ok


@pytest.mark.parametrize("quote, ok", [
    ("Scores were clipped to lie between -0.5 and 0.5.", True),
    ("Scores were clipped to lie between -0.5 and 1.5.", False),
    ("Scores were clipped to lie between 0.5 and 1.5.", False),
])
def test_spread_alone_of_a_range_about_zero(quote, ok):
    assert _ok("±0.5", quote) is ok


@pytest.mark.parametrize("value, quote, ok", [
    ("12 kWh of electricity", "The run used 12 kWh of electricity.", True),
    ("12 kWh of electricity", "The run used 12 kWh of Electricity in total.", True),
    ("12 kWh of electricity", "The run used 12 kWh of energy.", False),
    ("12 kWh of electricity", "The run used 12 kWh of heat and 5 kWh of electricity.", False),
    ("12 kWh of electricity", "The run used 12 kWh of electricity-derived heat.", False),
])
def test_of_words_after_a_unit_printed_at_the_figure(value, quote, ok):
    assert _ok(value, quote) is ok


@pytest.mark.parametrize("quote, ok", [
    ("Half of the respondents agreed.", True),
    ("Half the respondents agreed.", True),
    ("The job took half an hour.", False),
    ("Each run took half a day on one node.", False),
    ("It reached half a million users.", False),
    ("Accuracy rose by half a percent.", False),
    ("It used half a dozen models.", False),
])
def test_half_a_share_never_half_an_amount(quote, ok):
    assert _ok("half", quote) is ok

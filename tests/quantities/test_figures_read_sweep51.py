"""A claim's figure read in its quote: a number in words a negation denies, "to" after a negation, and a bound a verb of
going past gives ("exceeded", "did not exceed")."""
import pytest

from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("value, quote, ok", [
    # a number in words the quote denies is no figure of it; one it states is
    ("5 hours", "Training did not take five hours.", False),
    ("12 GPUs", "We did not use twelve GPUs.", False),
    ("25 models", "We never trained twenty-five models.", False),
    ("5 hours", "Training took five hours, not six.", True),
    ("6 hours", "Training took five hours, not six.", False),
    ("12 GPUs", "We did not use 8 GPUs but twelve GPUs.", True),
    ("3 models", "We do not report the other three models, which were trained for 12 hours.", True),
    # "to" after a negation is no bound's word: "do not sum to 100%" denies 100%
    ("100%", "The shares do not sum to 100% because of rounding.", False),
    ("10%", "The savings did not amount to 10% of the total.", False),
    ("5 kWh", "It did not rise to 5 kWh in 2021.", False),
    ("2x", "The speedup was not close to 2x.", False),
    ("5 kWh", "It rose to 5 kWh in 2021.", True),
    ("5 kWh", "Not to mention the 5 kWh spent on cooling.", True),
    ("2x", "The speedup was not unlike 2x.", True),
])
def test_denied_figures(value, quote, ok):
    assert value_in_quote(value, quote).ok is ok


@pytest.mark.parametrize("value, quote, ok", [
    ("at most 5 kWh", "Each job did not exceed 5 kWh.", True),
    ("more than 5 kWh", "Each job did not exceed 5 kWh.", False),
    ("at least 5 kWh", "Each job did not exceed 5 kWh.", False),
    ("more than 5 kWh", "The job exceeded 5 kWh.", True),
    ("less than 5 kWh", "The job exceeded 5 kWh.", False),
    ("over 90%", "Utilisation surpassed 90% during training.", True),
    ("under 90%", "Utilisation surpassed 90% during training.", False),
    ("at most 90%", "Utilisation never exceeded 90% during training.", True),
    ("over 90%", "Utilisation was 90% and never exceeded 95%.", False),
    ("90%", "Utilisation was 90% and never exceeded 95%.", True),
])
def test_a_verb_of_going_past_is_a_bound(value, quote, ok):
    assert value_in_quote(value, quote).ok is ok

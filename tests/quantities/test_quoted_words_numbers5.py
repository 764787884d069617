"""A percentage written in words ("twenty-three percent", "Forty-five per cent") is that percentage, as "23 percent"
is: a claim of "23 %" holds, "24 %" or "23 kWh" does not; a number in words with no percent after it stays no
percentage ("one in five" is no "5 %")."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("value, quote, wrong", [
    ("23 %", "twenty-three percent of the energy came from coal", ("24 %", "23 kWh", "2.3 %")),
    ("45%", "Forty-five per cent of the servers were idle", ("54 %", "4.5 %")),
    ("5 %", "only five percent of jobs failed", ("6 %", "5 pp")),
])
def test_a_percentage_in_words_holds_as_its_figure(value, quote, wrong):
    assert value_in_quote(value, quote).ok
    for other in wrong:
        assert not value_in_quote(other, quote).ok, other
    for other, words in [("5 %", "one in five servers idled"), ("3 %", "three tasks used 2% of it"),
                         ("25 %", "a third of the energy"), ("100 x", "an order of magnitude more")]:
        assert not value_in_quote(other, words).ok, words


@pytest.mark.parametrize("quote, right, wrong", [
    ("the new model used half as much energy", ("-50%", "50%", "0.5x"), ("+50%",)),
    ("the cluster needed a third as many GPUs", ("-67%", "33%", "0.33"), ("-33%", "67%", "0.67", "+67%")),
    ("inference drew a quarter as much power", ("-75%", "25%"), ("-25%", "75%", "0.75")),
    ("training took twice as much energy", ("+100%", "2x"), ("100%", "-100%", "+200%", "1")),
])
def test_a_comparison_as_much_as_a_fraction_or_twice_is_a_change_of_its_sign(quote, right, wrong):
    """"half as much" is a fall by a half, "a third as many" a fall by two thirds, "twice as much" a rise by 100 %:
    each holds its signed change, never the other sign nor the fraction's own signed ("-33%")."""
    for value in right:
        assert value_in_quote(value, quote).ok, value
    for value in wrong:
        assert not value_in_quote(value, quote).ok, value

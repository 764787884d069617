"""A figure printed with a currency sign before it ("$15", "US$15", "€15") is read in that currency, as "15 USD" is: a
claim of a rate of it is refused ("$15/hr" of "the cost was $15.": refused, was verified; "$15" still verified, and
"$15/hr" of "paid $15 per hour")."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("rate, amount, quote", [
    ("$15/hr", "$15", "the cost was $15."),
    ("$15/hr", "15 USD", "All participants were paid US$15 for the hour-long study."),
    ("€40/day", "€40", "a fee of €40 was charged."),
])
def test_money_with_its_sign_is_no_rate(rate, amount, quote):
    assert [value_in_quote(rate, quote).ok, value_in_quote(amount, quote).ok] == [False, True]

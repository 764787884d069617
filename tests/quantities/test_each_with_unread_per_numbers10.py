"""A count "each with" holds after things counted in the plural is per one of them, though kb reads their noun as no
count ("40 games" per round of "12 rounds each with 40 games": was refused, now verified), and per none other ("50
records" per file of "100 rounds each with 50 records": was verified, now refused)."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("quote, value, per, other", [
    ("We played 12 rounds each with 40 games", "40 games", "round", "file"),
    ("There were 100 rounds each with 50 records", "50 records", "round", "file"),
])
def test_each_with_after_an_unread_plural_is_per_it(quote, value, per, other):
    assert [value_in_quote(value, quote, per=per).ok, value_in_quote(value, quote, per=other).ok] == [True, False]

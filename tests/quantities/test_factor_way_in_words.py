"""A factor claimed with its way and its number in words ("three times fewer", "two times lower") is refused where
its quote prints that factor the other way ("three times more"), as "3x fewer" is; the same way holds."""

import pytest

from kb.quantities.quoted import value_in_quote

QUOTE = "The new archive holds three times more scanned books than the old catalogue."


@pytest.mark.parametrize("value, ok", [
    ("three times fewer", False),
    ("three times less", False),
    ("3x fewer", False),
    ("three times more", True),
    ("3 times more", True),
])
def test_factor_way_in_words(value, ok):
    got = value_in_quote(value, QUOTE, None, QUOTE, "")
    assert got.ok is ok
    if not ok:
        assert "the other way" in got.problem


def test_factor_in_words_the_other_way_of_digits():
    quote = "Each query needs 2 times less energy on the new chips."
    got = value_in_quote("two times more", quote, None, quote, "")
    assert not got.ok and "the other way" in got.problem
    assert value_in_quote("two times less", quote, None, quote, "").ok

"""A claim's per written after "per", "each" or "every" is read as without it: its count is part of it."""
import pytest

from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("value, quote, per", [
    ("0.3 Wh", "used 0.3 Wh per query", "per 1,000 queries"),     # a thousand times the figure
    ("5 kg", "emitted 5 kg per hour", "per 10 hours"),
    ("5 kg", "emitted 5 kg per flight", "each 10 flights"),
    ("5 kg", "emitted 5 kg per query", "for every 1k queries"),
])
def test_a_per_written_after_its_word_keeps_its_count(value, quote, per):
    assert not value_in_quote(value, quote, per).ok

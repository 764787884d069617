"""A number in words is one number however a writer spaces it: "twenty three" as "twenty-three", "one and a
half" as 1.5 (and no figure 1 nor a half)."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("value, quote, ok", [
    ("23%", "twenty three per cent of the energy came from coal", True),
    ("45 GPUs", "we trained on forty five GPUs", True),
    ("1.5x", "one and a half times more energy", True),
    ("2.5 hours", "the run took two and a half hours", True),
    ("0.5x", "one and a half times more energy", False),
])
def test_a_number_in_words_spaced_is_one_number(value, quote, ok):
    assert value_in_quote(value, quote).ok is ok

"""Round 24: a quote mixing a number's word and digit forms, a unit's power typed flat, a footnote mark left out."""

from __future__ import annotations

import pytest

from kb.text.match import find_quote
from kb.text.normalise import Document


def found(page: str, quote: str) -> bool:
    return find_quote(Document([page]), quote) is not None


# A quote mixing a small number's word and digit forms reads each number as the page prints it there ("3 percent in
# 2 runs" of "three percent in 2 runs"), never as another number ("4 percent", "20 runs").
@pytest.mark.parametrize("page, same, other", [
    ("We saw three percent in 2 runs overall.", "3 percent in 2 runs", "3 percent in 20 runs"),
    ("We saw 3 percent in two runs overall.", "three percent in 2 runs", "four percent in 2 runs"),
    ("we use 2 hard negatives and three easy ones.", "we use two hard negatives and 3 easy ones",
     "we use two hard negatives and 4 easy ones"),
])
def test_a_quote_mixing_word_and_digit_forms_reads_each_number_as_printed(page, same, other) -> None:
    assert found(page, same)
    assert not found(page, other)

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


# A unit's inverse power printed raised after a number or a unit is typed flat with its sign ("s-1", "kWh-1" of
# "s⁻¹", "kWh⁻¹"), never without it ("s1"), nor another power ("s-2").
@pytest.mark.parametrize("page, same, other", [
    ("The decay rate was 0.5 s⁻¹ in all runs.", "decay rate was 0.5 s-1 in all", "decay rate was 0.5 s1 in all"),
    ("The decay rate was 0.5 s⁻¹ in all runs.", "decay rate was 0.5 s−1 in all", "decay rate was 0.5 s-2 in all"),
    ("The wind was 3 m s⁻¹ in all runs.", "wind was 3 m s-1 in all", "wind was 3 m s1 in all"),
    ("an intensity of 429 gCO2eq kWh⁻¹ on average", "429 gCO2eq kWh-1 on", "429 gCO2eq kWh1 on"),
])
def test_a_units_inverse_power_typed_flat_keeps_its_sign(page, same, other) -> None:
    assert found(page, same)
    assert not found(page, other)

"""Round 23: what a writer types for a relation or a raised or lowered character, and an editorial bracket's refusal."""

from __future__ import annotations

import pytest

from kb.text.match import closest_passage, find_quote
from kb.text.normalise import Document


def found(page: str, quote: str) -> bool:
    return find_quote(Document([page]), quote) is not None


# A relation typed in ASCII is the same relation ("<<" of "≪", "+/-" of "±"), never a weaker or another one ("<" of
# "≪", "<<" of "<", "<=" of "≪"). (printed, typed the same, typed as another relation)
@pytest.mark.parametrize("printed, same, other", [
    ("≪", "<<", "<"), ("≫", ">>", ">"), ("<<", "≪", "<"), (">>", "≫", ">="),
])
def test_a_relation_typed_in_ascii_is_the_same_relation_never_another(printed, same, other) -> None:
    page = f"the latency a {printed} b holds on every device we measured"
    assert found(page, f"the latency a {same} b holds on every device")
    assert not found(page, f"the latency a {other} b holds on every device")


# A symbol's power printed raised is never its index nor another symbol typed flat ("x2", "x₂", "x-1" of "x²",
# "x⁻¹"), while "x^2" types it and a unit's power is the unit's however written ("km2" of "km²"); a raise the
# extractor lost ("10⁶" of "106") still verifies, but never one the page lowers ("x²" of "x₂") or glues ("x²" of "x2").
@pytest.mark.parametrize("printed, same, other", [
    ("x²", "x^2", "x2"), ("x²", "x^{2}", "x₂"), ("x₂", "x2", "x²"), ("R²", "R^2", "R2"), ("x⁻¹", "x^{-1}", "x-1"),
])
def test_a_power_raised_after_a_symbol_is_never_its_digit_or_index(printed, same, other) -> None:
    page = f"the fitted loss grows as {printed} for the largest inputs"
    assert found(page, f"the fitted loss grows as {same} for the largest")
    assert not found(page, f"the fitted loss grows as {other} for the largest")
    assert found(f"{page} over 5 km² of CO₂", "the largest inputs over 5 km2 of CO2")



# A quote refused for an editorial bracket says so, naming the bracket, not only the words that differ.
@pytest.mark.parametrize("page, quote, bracket", [
    ("We compare the lifetime emissions of five cars on the road.", "the lifetime emissions of five [American] cars",
     "[American]"),
    ("over 10 times more energy for the same number of inferences", "over 10 times [less] energy for the same number",
     "[less]"),
])
def test_a_refused_editorial_bracket_is_named_as_why(page, quote, bracket) -> None:
    near = closest_passage(Document([page]), quote)
    assert find_quote(Document([page]), quote) is None and near is not None
    assert f"the editorial bracket {bracket} is why" in near.describe() and "\n" not in near.describe()


# A small number typed in words where the page prints digits, or the reverse, is the same number ("three" of "3");
# never another ("three" of "30", "thirty" of "3"), nor part of a number or a name ("two.5" of "2.5", "GPT-two").
@pytest.mark.parametrize("page, same, other", [
    ("we use 2 hard negatives and 3 easy ones.", "we use two hard negatives and three easy ones", "we use twenty hard"),
    ("we use two hard negatives and three easy ones.", "we use 2 hard negatives and 3 easy ones", "we use 30 hard"),
    ("a 2.5 fold rise over 2 runs of GPT-2.", "a 2.5 fold rise over two runs", "a two.5 fold rise"),
    ("a 2.5 fold rise over 2 runs of GPT-2.", "over two runs of GPT-2", "runs of GPT-two"),
])
def test_a_small_number_in_words_or_digits_is_the_same_number(page, same, other) -> None:
    assert found(page, same) and not found(page, other)

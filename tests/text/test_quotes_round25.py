"""Round 25 (held-out set: benchmarks/data/quotes-labels-round25.json): a symbol's digit the page prints flat, a
name's number before a footnote, and sentences from captions, footnotes, lists and page breaks."""

from __future__ import annotations

import pytest

from kb.text.match import closest_passage, find_quote
from kb.text.normalise import Document


def found(page: str, quote: str) -> bool:
    return find_quote(Document([page]), quote) is not None


# A digit both extractors print glued to a symbol ("x2", "CO2", "L2", "s-1" after a word) is read on the line: a
# quote raising it ("x²", "x^2", "CO²", "s⁻¹") says what the page's text does not, refused with that reason, while
# the flat or lowered reading verifies; a script the extractor set apart from its symbol ("𝜒 2 4") may be raised.
@pytest.mark.parametrize("printed, same, other", [
    ("x2", "x_2", "x²"), ("CO2", "CO₂", "CO²"), ("L2", "L2", "L^2"), ("first s-1", "first s-1", "first s⁻¹"),
])
def test_a_digit_printed_glued_to_a_symbol_is_never_raised(printed, same, other) -> None:
    page = f"the loss grows as {printed} for the largest inputs"
    assert found(page, f"the loss grows as {same} for the largest")
    assert not found(page, f"the loss grows as {other} for the largest")
    why = closest_passage(Document([page]), f"the loss grows as {other} for the largest").describe()
    assert "flat" in why and "power" in why
    assert found("the fit is 𝜒 2 4 = 151 here", "the fit is χ²₄ = 151")

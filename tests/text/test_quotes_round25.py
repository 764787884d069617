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


# A number glued to a capitalised name ("Llama2", "Wiktionary4") is the name's own, which a quote keeps, unless the
# page's footnote of that number names the name without it ("4https://en.wiktionary.org"): then a marker, left out.
@pytest.mark.parametrize("note", [
    "2See the appendix for the data.", "2Llama 2 weights are at https://ai.meta.com.",
])
def test_a_names_number_is_a_footnote_marker_only_where_the_footnote_names_it(note) -> None:
    page = "We trained Llama2 models on the data and report their energy.\n"
    assert found(page + note, "We trained Llama2 models on the data")
    assert not found(page + note, "We trained Llama models on the data")
    assert found(page + "2The Llama weights are at https://ai.meta.com.", "We trained Llama models on the data")


# A footnote the extractor prints inside a body sentence is a text of its own: quoted, it is never in the scope of
# the body's negation before it ("no associated PDF and\n14We use the cld2 tool"), while the body's words still are.
def test_a_footnote_printed_inside_a_sentence_is_not_in_its_negations_scope() -> None:
    page = ("Most clusters have no associated PDF and\n13Unpaywall data dump\n14We use the cld2 tool for "
            "language detection.\ndo not provide value to our dataset.")
    assert found(page, "We use the cld2 tool for language detection")
    assert not found(page, "associated PDF and")

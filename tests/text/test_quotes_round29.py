"""Round 29: a Greek letter's case is another symbol ("σ" of "Σ"), never folded away, and why refused."""

import pytest

from kb.text.match import closest_passage, find_quote
from kb.text.normalise import Document


def found(page: str, quote: str) -> bool:
    return find_quote(Document([page]), quote) is not None


# Text folds case, but a capital and a small Greek letter are two symbols: "Σ" a covariance matrix or a sum, "σ" a
# deviation; "Δ" a difference, "δ" a small step; "Φ" and "φ".
@pytest.mark.parametrize("page, quote, said", [
    ("The covariance is expressed as Σ = KM ⊗ KT + D ⊗ I for the series.", "expressed as σ = KM ⊗ KT + D ⊗ I",
     "σ -> Σ"),
    ("The noise has variance σ2 for each output m.", "The noise has variance Σ2 for each output", "Σ -> σ"),
    ("a gain of Δ = 2.3 points over the baseline model", "a gain of δ = 2.3 points over the baseline", "δ -> Δ"),
    ("where φ is the feature map and Φ its matrix", "where Φ is the feature map and φ its matrix", "Φ -> φ"),
])
def test_a_greek_letter_in_the_other_case_is_refused_saying_so(page, quote, said) -> None:
    assert not found(page, quote)
    described = closest_passage(Document([page]), quote).describe()
    assert said in described and "\n" not in described



# A footnote's number glued after a word ("papers,10") a quote may leave out: where another word differs, that one
# is why the quote is refused, and the refusal names it alone.
@pytest.mark.parametrize("page, quote, said", [
    ("data for over 20 million papers,10 a citations dataset,11 and models for a paper draft 13 and more.\n"
     "10http://example.org/corpus/\n11http://example.org/data.html\n13http://example.org/cite",
     "data for over 20 million papers, a citations dataset, and models for a paper draft and more.",
     "differs: (nothing) -> 13 "),
    ("The English language filter14 reduces GROBID parsing errors.\n14We use the cld2 tool for language detection.",
     "The English language filter reduces GROBID parsing mistakes.", "differs: mistakes -> errors"),
])
def test_a_refusal_names_no_glued_footnote_number_beside_the_word_that_differs(page, quote, said) -> None:
    assert not found(page, quote)
    described = closest_passage(Document([page]), quote).describe()
    assert said in described + " " and "papers,10" not in described and "filter14" not in described

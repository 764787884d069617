"""A bracket standing for or after a pronoun names what the sentences before it print, never another referent."""

import pytest

from kb.text.match import find_quote
from kb.text.normalise import Document

PAGE = (
    "Recent work on document analysis relies on neural networks. However, loosely organised codebases "
    "complicate the reuse of important innovations. None of the toolkits are optimised for document images. "
    "This represents a major gap in the existing toolkit. The core of our library is a layout model. "
    "We study the model on newspapers. It achieves strong accuracy on scanned pages. Existing LMs such as "
    "BERT only consider one document. This limits their ability to learn document representations. "
    "Large networks trained on abundant data dominate NLP. These models have obtained notable gains in "
    "accuracy. This study was approved by our review board. The survey ran for a month.\n\n"
    "Consider a user who reads a paper. She opens it in a browser. She reads its abstract and its "
    "introduction carefully, one after the other. She skims the related work. She reads the figures. "
    "However, she wonders if the dataset is popular."
)
DOC = Document([PAGE])


@pytest.mark.parametrize("quote", [
    "This represents a major gap in the existing toolkit.",
    "[The model] achieves strong accuracy on scanned pages.",
    "[The models] have obtained notable gains in accuracy.",
    "It [the model] achieves strong accuracy on scanned pages.",
    "This limits [the LMs'] ability to learn document representations.",
    "[This result] represents a major gap in the existing toolkit.",
    "However, she [the user] wonders if the dataset is popular.",
    "[The study] was approved by our review board.",
    "[T]his study was approved by our review board.",
])
def test_a_bracket_naming_the_referent_printed_before_verifies(quote):
    assert find_quote(DOC, quote) is not None


@pytest.mark.parametrize("quote", [
    "[The core] represents a major gap in the existing toolkit.",         # a noun of a later sentence
    "[The library] represents a major gap in the existing toolkit.",
    "[The compiler] represents a major gap in the existing toolkit.",     # a noun of no sentence of the page
    "[The survey] achieves strong accuracy on scanned pages.",
    "It [the survey] achieves strong accuracy on scanned pages.",
    "This limits [the browser's] ability to learn document representations.",
    "[Small kernels] have obtained notable gains in accuracy.",
    "[These surveys] have obtained notable gains in accuracy.",
    "[The survey] was approved by our review board.",                     # beside "This study", for nothing
    "[The browser] was approved by our review board.",
    "However, she [the compiler] wonders if the dataset is popular.",
])
def test_a_bracket_naming_another_referent_is_refused(quote):
    assert find_quote(DOC, quote) is None

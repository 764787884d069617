"""Round 26 (held-out set: benchmarks/data/quotes-labels-round26.json): sentences of the five papers' text as
writers quote them in notes, and why kb says a quote is refused, in words a writer acts on."""

from __future__ import annotations

import pytest

from kb.text.match import closest_passage, find_quote
from kb.text.normalise import Document


def why(page: str, quote: str) -> str:
    doc = Document([page])
    assert find_quote(doc, quote) is None
    return closest_passage(doc, quote).describe()


# A refused quote whose words are alike to a reader says why kb does not take them as the page's: a name's number
# it may not leave out as a footnote's mark, a number's digits grouped otherwise or pointed, a spelling.
@pytest.mark.parametrize("printed, quoted, said", [
    ("We trained Llama2 models", "We trained Llama models", "footnote 2 names Llama"),
    ("We trained Llama models", "We trained Llama2 models", "a number the quote adds"),
    ("It used 1,287 MWh of energy", "It used 12,87 MWh of energy", "grouped otherwise"),
    ("It used 1,287 MWh of energy", "It used 1.287 MWh of energy", "a decimal point where the page has"),
    ("the modelling of the energy use", "the modeling of the energy use", "spelling changed"),
    ("the colour of the energy use", "the color of the energy use", "spelling changed"),
    ("XSUM 226,677 1 454.5 31.7 24.0 1.0", "XSUM 226,677 1454.5 31.7 24.0", "1454.5 -> 1 454.5"),
    ("XSUM 226,677 1 454.5 31.7 24.0 1.0", "XSUM 226,677 1 454.5 31.724.0", "31.724.0 -> 31.7 24.0"),
])
def test_words_alike_to_a_reader_say_why_they_are_refused(printed, quoted, said) -> None:
    assert said in why(f"In 2021, {printed} for the largest runs.", quoted)


# A quote whose words are all the page's, refused for the words around it or the ones its ellipsis leaves out,
# names them ("not" after its last word, "If" or "up to" before its first), never "no word differs: check punctuation".
@pytest.mark.parametrize("quote, said", [
    ("our model does … require any citation information", "(nothing) -> not"),
    ("the total energy is split 10% on training", '"If" right before'),
    ("8% in the region", '"up to" right before'),
])
def test_a_quote_refused_for_the_words_around_it_names_them(quote, said) -> None:
    page = ("Unlike prior works, our model does not require any citation information. If the total energy is split"
            " 10% on training, it grows by up to 8% in the region.")
    assert said in why(page, quote)

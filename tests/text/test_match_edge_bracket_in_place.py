"""An editorial bracket at a quote's edge where the paper's sentence goes on beside the quote stands in the place
of the paper's words there: words printed near it elsewhere on the page are no warrant for it, and it never adds a
"which of them" ("[The latter]" of "The former is ...") nor what the sentence goes on to say."""
import pytest

from kb.text.match import find_quote
from kb.text.normalise import Document

PAGE = ("We compare two systems. The former is trained on news text and the latter is trained on scientific papers. "
        "It uses a vocabulary built from the corpus. Tabs cover a lot of paper content, even across pages. "
        "The sections are short. A very abstract activity, like the playing of chess, would be best. "
        "The same encoder is used here for every language.")
DOC = Document([PAGE])


@pytest.mark.parametrize("quote", [
    "[The latter] is trained on news text",                 # the paper's "The former"
    "[The former] is trained on scientific papers",         # the paper's "the latter"
    "[The aforementioned] is trained on news text",
    "[A different] encoder is used here for every language",
    "[The other] encoder is used here for every language",
    "the latter is trained on [news text]",                 # news text printed just before, not here
    "The former is trained on [scientific papers]",
    "a lot of paper content, even across [sections]",       # "sections" printed in the next sentence
    "like the playing of chess, would be [sections].",
    "and the latter is [trained on news]",                  # repeats "trained on", adds what it is not
    "The former is [trained on scientific]",
    "like the playing of chess, would be [short]",
])
def test_an_edge_bracket_saying_otherwise_is_refused(quote):
    assert find_quote(DOC, quote) is None


@pytest.mark.parametrize("quote", [
    "[The former] is trained on news text",                 # repeats the paper's words
    "[The system] is trained on news text",                 # a referent, no "which"
    "[It] uses a vocabulary built from the corpus",
    "[The system] uses a vocabulary built from the corpus",
    "[T]he playing of chess, would be best",
    "of chess, would be [best].",
    "the latter is [trained on scientific papers]",
    "and the latter [is trained]",
    "It uses [a vocabulary]",
    "[The same] encoder is used here for every language",
    "The former is trained on news text",
])
def test_an_edge_bracket_standing_for_the_papers_words_verifies(quote):
    assert find_quote(DOC, quote) is not None

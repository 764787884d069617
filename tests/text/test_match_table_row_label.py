"""A table set inside a column, its cells printed before its caption, interrupts a sentence: its rows are skipped
with the caption, a row whose label runs to several words before its number ("Avg. of 15 models with LM 55.2")
too where a row of the table's own is above it. A body line ending in a number right above a caption, with no row
above it, is the page's text: a quote leaving it out is refused, as is a changed word."""

import pytest

from kb.text.match import find_quote
from kb.text.normalise import Document

PAGE = ("Model instances. In the deployed system, we\n"
        "use three instances of the entity extraction model\n"
        "Description F1\n"
        "Without LM 49.9\n"
        "With LM 54.1\n"
        "Avg. of 15 models with LM 55.2\n"
        "Table 3: Results of the entity extraction model on\n"
        "the development set of the shared task.\n"
        "with a similar architecture, but trained on differ-\n"
        "ent datasets. Two instances are trained on the\n"
        "chemical corpora and the third one on the rest.\n")
BODY_ABOVE = ("The corpus we drew the second sample from holds\n"
              "the papers of the last year, numbering 55.2\n"
              "Table 4: Sizes of the samples drawn from the corpus.\n"
              "thousand in all, of which we kept a tenth.\n")


@pytest.fixture(scope="module")
def doc():
    return Document(["A first page of body text.\n", PAGE, BODY_ABOVE])


@pytest.mark.parametrize("quote", [
    "In the deployed system, we use three instances of the entity extraction model with a similar architecture, "
    "but trained on different datasets.",
    "we use three instances of the entity extraction model with a similar architecture",
])
def test_sentence_across_table_verifies(doc, quote):
    m = find_quote(doc, quote)
    assert m is not None and m.page == 2


@pytest.mark.parametrize("quote", [
    "In the deployed system, we use two instances of the entity extraction model with a similar architecture, "
    "but trained on different datasets.",
    "we use three instances of the entity extraction model Description F1 with a similar architecture",
    "the papers of the last year, thousand in all, of which we kept a tenth.",      # the body line's number left out
    "The corpus we drew the second sample from holds the papers of the last year, thousand in all",
])
def test_other_readings_refused(doc, quote):
    assert find_quote(doc, quote) is None

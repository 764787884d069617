"""A sentence a page's end breaks inside a clause ("In our evaluation, we used") goes on after a figure set at the
next page's top with whatever word it goes on with, a name too ("Specter as one of our baselines"): the quote
verifies across the float; one splicing the page's end with the caption's middle, or a changed word, is refused."""

import pytest

from kb.text.match import find_quote
from kb.text.normalise import Document

CAPTION = ("Figure 3: CiteSee augments inline citations based on a user’s reading history and paper library. [Top] An "
           "overview page inserted\nby CiteSee shows the statistics of different augmentations in the current paper. "
           "Users can toggle different augmentation types\nto avoid distraction. Users could also see Paper Cards for "
           "augmented inline citations in list views.\n")
BODY = ("Specter as one of our baseline approaches for ranking and recom-\nmending inline citations in a reading "
        "environment. In contrast to\ngenerating lists of paper recommendations, HCI researchers have\nalso explored "
        "interactive visual interfaces for exploring citation\ngraphs.\n")
FIRST = ("Many systems recommend papers from their contents, the citation graph, or a combination\nof the two. For "
         "example, Specter can generate a list of\npaper recommendations from embeddings of\ntitles, abstracts, and "
         "their references. In our evaluation, we used\n")


@pytest.fixture(scope="module")
def doc():
    return Document([FIRST, CAPTION + BODY])


@pytest.mark.parametrize("quote", [
    "In our evaluation, we used Specter as one of our baseline approaches for ranking and recommending inline "
    "citations in a reading environment.",
    "titles, abstracts, and their references. In our evaluation, we used Specter as one of our baseline approaches",
])
def test_sentence_goes_on_after_float(doc, quote):
    m = find_quote(doc, quote)
    assert m is not None and m.page == 1


@pytest.mark.parametrize("quote", [
    "In our evaluation, we used Specter as one of our baseline approaches for ranking and recommending inline "
    "citations in a writing environment.",
    "In our evaluation, we used Users can toggle different augmentation types to avoid distraction.",
    "In our evaluation, we used Paper Cards for augmented inline citations in list views.",
    "In our evaluation, we never used Specter as one of our baseline approaches",
])
def test_splice_or_change_refused(doc, quote):
    assert find_quote(doc, quote) is None


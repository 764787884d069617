"""An editor's mark that stands for no words ("[sic]", "(sic)", "[emphasis added]") in a quote of a page that prints
brackets of its own ("the [MASK] token", "the set [A, B]"): the mark stands for nothing, the paper's brackets are its
text, word for word (a quote with both was refused: each bracket was read as literal, or each as the writer's)."""

from __future__ import annotations

import pytest

from kb.text.match import find_quote
from kb.text.normalise import Document

PAGE = ("We use the [MASK] token as the datas input, and the set [A, B] are disjoint in this case. Its accuracy "
        "[92%] were highest. The [CLS] vector is not pooled. Models trained on BookCorpus [12] recieved no tuning.")


@pytest.mark.parametrize("quote", [
    "We use the [MASK] [sic] token as the datas input",
    "We use the [MASK] token as the datas [sic] input",
    "[sic] We use the [MASK] token",
    "the set [A, B] [sic] are disjoint in this case.",
    "the set [A, B] are [sic] disjoint in this case.",
    "the set [A, B] are (sic) disjoint in this case.",
    "the set [A, B] are [SIC] disjoint in this case.",
    "[T]he set [A, B] are [sic] disjoint in this case.",
    "[W]e use the [MASK] token as the datas [sic] input",
    "We use the [MASK] token as the datas [sic] input, and the set [A, B] are [emphasis added] disjoint",
    "The [CLS] vector is not [emphasis added] pooled.",
    "Its accuracy [92%] were [sic] highest.",
    "Models trained on BookCorpus [12] recieved [sic] no tuning.",
    "Models trained on BookCorpus recieved [sic] no tuning.",
])
def test_the_mark_stands_for_nothing_beside_the_papers_brackets(quote):
    assert find_quote(Document([PAGE]), quote) is not None


@pytest.mark.parametrize("quote", [
    "We use the [MASK] [sic] token as the data input",          # a word changed
    "We use the [CLS] token as the datas [sic] input",          # the paper's bracket changed
    "the set [A, C] are [sic] disjoint in this case.",
    "the set [A B] are [sic] disjoint in this case.",
    "the set [A, B] are [sic] not disjoint in this case.",      # a negation added
    "The [CLS] vector is [emphasis added] pooled.",             # a negation dropped
    "the set [A, B] are [sic] joint in this case.",
    "We use the [MASK] [sic] token as the datas output",
    "We use the [MASK] [sic] token as the datas input, and the set [A, B] were disjoint",
    "Its accuracy [93%] were [sic] highest.",                   # a digit changed
    "Models trained on BookCorpus [13] recieved [sic] no tuning.",
    "Models trained on BookCorpus [12] recieved [sic] tuning.",
    "We use the [sic] token as the datas input",                # the mark for the paper's bracket
    "the set [sic] are disjoint in this case.",
])
def test_a_quote_the_page_does_not_print_is_refused_all_the_same(quote):
    assert find_quote(Document([PAGE]), quote) is None

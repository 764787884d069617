"""Quotes as writers copy them, round 9: each row a page text written here, in the layout an
extractor prints, with quotes that must verify and quotes that must be refused."""

from __future__ import annotations

import pytest

from kb.text.match import find_quote
from kb.text.normalise import Document


def _judged(pages: list[str], rights: list[str], wrongs: list[str]) -> None:
    doc = Document(pages)
    for right in rights:
        assert find_quote(doc, right) is not None, right
    for wrong in wrongs:
        assert find_quote(doc, wrong) is None, wrong


def _ids(value) -> str:
    return value[0][:30] if isinstance(value, list) and value and isinstance(value[0], str) else ""


# An ellipsis never leaves out a negation of the sentence it quotes; a stop before a lower-case
# word or a citation's bracket ends no sentence there. (pages, right quotes, wrong quotes)
ELIDED = [
    (["Pruning the model [8] does not [9] reduce its accuracy on the test set."],
     ["Pruning the model [8] does not [9] reduce its accuracy", "Pruning the model ... does not ... reduce its accuracy"],
     ["Pruning the model ... reduce its accuracy on the test set."]),
    (["Larger batches are, e.g. not [12] always faster on GPUs."],
     ["Larger batches are, e.g. not [12] always faster on GPUs."],
     ["Larger batches are ... always faster on GPUs."]),
    (["The method of Smith et al. does not in all cases, as Lee et al. show, converge on sparse graphs."],
     ["The method of Smith et al. does not ... converge on sparse graphs."],
     ["The method of Smith et al. ... converge on sparse graphs."]),
    # whole sentences left out between two quoted ones may hold a negation
    (["The model is small. It does not use dropout. It converges in five epochs."],
     ["The model is small. ... It converges in five epochs."], []),
]


@pytest.mark.parametrize("pages,rights,wrongs", ELIDED, ids=_ids)
def test_an_ellipsis_never_leaves_out_a_negation_of_its_sentence(pages, rights, wrongs) -> None:
    _judged(pages, rights, wrongs)


# The words an insertion at a quote's edge stands for stop at any stop, a citation's bracket:
# tighter than a sentence's end. (pages, right quotes, wrong quotes)
EDGES = [
    (["The new kernel uses less memory, e.g. it is efficient on phones."],
     ["[It] is efficient on phones", "[The kernel] is efficient on phones"], ["[less] efficient on phones"]),
    (["We ran it twice, i.e. it scales to phones."], ["[the method] scales to phones"], ["[twice] scales to phones"]),
    (["The cost doubles, e.g. twice as much as reported."], [], ["The cost doubles [twice as much]"]),
]


@pytest.mark.parametrize("pages,rights,wrongs", EDGES, ids=_ids)
def test_an_insertion_at_a_quotes_edge_stands_for_words_of_its_sentence_only(pages, rights, wrongs) -> None:
    _judged(pages, rights, wrongs)

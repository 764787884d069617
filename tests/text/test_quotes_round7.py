"""Quotes as writers copy them from a PDF viewer, round 7: a representative row per class of
right quote the matcher refused (each found on page texts written here, in the layout an
extractor prints), with the wrong twins of each (a letter, a number, a dropped index), which
stay refused."""

from __future__ import annotations

import pytest

from kb.text.match import closest_passage, find_quote
from kb.text.normalise import Document, footnote_markers

# (page text as extracted, a right quote, wrong quotes)
CASES = [
    # a Greek letter typed as its name, in either case; the increment sign printed for a delta
    ("of the loss with respect to the MGP parameters θ with the\nreparameterization trick. We use",
     "the MGP parameters theta with the reparameterization trick",
     ["the MGP parameters beta with the reparameterization trick", "the MGP parameters theta without the"]),
    ("we obtain an 86.4 F1 score which is\nabout a ∆= + 2.3 point absolute increase over the best",
     "about a Delta = +2.3 point absolute increase",
     ["about a Delta = +3.2 point absolute increase", "about a Delta = -2.3 point absolute increase",
      "about a Gamma = +2.3 point absolute increase"]),
    ("a smoothing factor α = 0.5 and a decay λ of 0.01 were used",
     "a smoothing factor ALPHA = 0.5 and a decay lambda of 0.01 were used",
     ["a smoothing factor alpha = 0.6 and a decay lambda of 0.01 were used"]),
    ("the Δ between runs is small", "the ∆ between runs is small", ["the ∆ between runs is large"]),
    ("Adam with β1 = 0.9 and β2 = 0.999 throughout", "Adam with beta1 = 0.9 and beta2 = 0.999",
     ["Adam with beta1 = 0.9 and beta2 = 0.99", "Adam with beta2 = 0.9 and beta1 = 0.999"]),
    # a quote starting mid-sentence is found, but never right after the negation it leaves out
    ("results hold. No prior published SOTA results exist for the Paper Field dataset.",
     "No prior published SOTA results exist for the Paper Field dataset",
     ["Prior published SOTA results exist for the Paper Field dataset.", "prior published SOTA results exist"]),
    ("In these cases, we did not\nfind that it helps, and never “fine-tuned” it.",
     "we did not find that it helps",
     ["find that it helps", "“fine-tuned” it.", "did not find that it helps, and “fine-tuned” it."]),
    # a footnote marker left out where the quote keeps a letter's index (m1, p2)
    ("in a sentential context.1 We encode a symmetric relation between\nm1 and m2 as two directed "
     "edges.\n1Due to space constraints, we omit the relation models.",
     "in a sentential context. We encode a symmetric relation between m1 and m2 as two directed edges.",
     ["in a sentential context. We encode a symmetric relation between m1 and m3 as two directed edges.",
      "in a sentential context. We encode a symmetric relation between m and m as two directed edges."]),
    # PDFium's footnote number alone on its line before the sentence's full stop
    ("the topic categories of the Academic Graph (MAG) (Sinha et al., 2015)\n8\n. MAG provides a "
     "database of papers.\n8https://academic.microsoft.com/",
     "the topic categories of the Academic Graph (MAG) (Sinha et al., 2015). MAG provides a database",
     ["the topic categories of the Academic Graph (MAG) (Sinha et al., 2016). MAG provides a database"]),
]


@pytest.mark.parametrize("page,right,wrongs", CASES, ids=lambda v: v[:30] if isinstance(v, str) else "")
def test_a_class_of_copied_quote_verifies_and_its_wrong_twins_do_not(page, right, wrongs) -> None:
    doc = Document([page])
    assert find_quote(doc, right) is not None, right
    for wrong in wrongs:
        assert find_quote(doc, wrong) is None, wrong


@pytest.mark.parametrize("page,quote", [
    ("the αbet soup", "the alphabet soup"),                # a name inside a word is no letter
    ("the count was\n8\n. Then it fell.", "the count was. Then it fell."),   # no footnote 8
    ("values m1 and m2 differ.\n1See the appendix.", "values m and m2 differ."),
])
def test_what_is_no_greek_letter_or_no_marker_stays_refused(page, quote) -> None:
    assert find_quote(Document([page]), quote) is None


def test_a_letters_index_is_no_footnote_marker_and_a_words_still_is() -> None:
    page = "edges m1 and p1, as in the graph1 of kWh4, here.\n1See below.\n4EPA figure."
    assert [page[a:b] for a, b in footnote_markers(page)] == ["1", "4"]
    assert [a for a, _ in footnote_markers(page)] == [page.index("graph1") + 5, page.index("kWh4") + 3]


@pytest.mark.parametrize("page,quote,negation", [
    ("Results hold. No prior published results exist for it.", "Prior published results exist for it.", "No"),
    ("we did not\nfind that it helps", "find that it helps", "not"),
    ("it can’t (fully) explain the rest", "(fully) explain the rest", "can’t"),
])
def test_the_closest_passage_names_the_negation_a_quote_starts_after(page, quote, negation) -> None:
    near = closest_passage(Document([page]), quote)
    assert near is not None and near.differences == [("", negation)] and near.passage.startswith(negation)

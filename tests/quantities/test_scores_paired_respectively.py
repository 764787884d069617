"""A score's metric named in a list of metrics that the sentence pairs with its figures ("45.2 and 38.1 BLEU and
ROUGE, respectively", "BLEU and ROUGE scores of 45.2 and 38.1"): the metric next to a figure is not its own (38.1 is
ROUGE's, 45.2 BLEU's), so no claim of a metric is verified by the name beside its figure; a figure whose metric is
its own, a list elsewhere in the sentence, or another "respectively" stay read as before."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("value, quote", [
    ("38.1 BLEU", "scores of 45.2 and 38.1 BLEU and ROUGE respectively."),
    ("38.1 BLEU", "achieving 45.2 and 38.1 BLEU and ROUGE-L, respectively."),
    ("38.1 BLEU", "achieving 45.2 and 38.1 BLEU, ROUGE-L and METEOR, respectively."),
    ("38.1 accuracy", "45.2 and 38.1 accuracy and F1 respectively."),
    ("38.1% accuracy", "45.2% and 38.1% accuracy and F1 respectively."),
    ("88.0 EM", "reaching 91.2 and 88.0 EM and F1, respectively, on SQuAD."),
    ("93.0% top-1 accuracy", "93.0% top-1 and top-5 accuracy respectively."),
    ("45.2 ROUGE", "BLEU and ROUGE scores of 45.2 and 38.1, respectively."),
    ("45.2 ROUGE", "BLEU and ROUGE of 45.2 and 38.1 respectively."),
    ("45.2 EM", "F1 and EM of 45.2 and 38.1 respectively."),
    ("45.2 EM", "F1, EM of 45.2 and 38.1."),
    ("76.1% top-5 accuracy", "top-1 and top-5 accuracy of 76.1% and 93.0%."),
    ("91.2 recall", "a precision and recall of 91.2 and 88.0, respectively."),
])
def test_a_metric_of_a_list_paired_with_figures_is_no_figures_own(value, quote):
    found = value_in_quote(value, quote)
    assert not found.ok and found.problem, found


@pytest.mark.parametrize("value, quote", [
    ("45.2 BLEU", "It reaches 45.2 BLEU and 38.1 ROUGE."),
    ("38.1 ROUGE", "It reaches 45.2 BLEU and 38.1 ROUGE."),
    ("45.2 BLEU", "It reaches 45.2 BLEU, and trains 8 and 16 hours respectively."),
    ("38.1 F1", "45.2 EM and 38.1 F1 respectively on SQuAD and NQ."),
    ("38.1 BLEU", "45.2 and 38.1 BLEU on EN-DE and EN-FR respectively."),
    ("45.2 BLEU", "a BLEU of 45.2 and a ROUGE of 38.1."),
    ("38.1 ROUGE", "a BLEU of 45.2 and a ROUGE of 38.1."),
    ("76.1% top-1 accuracy", "a top-1 accuracy of 76.1% on ImageNet."),
    ("28.4 BLEU", "BLEU scores of 28.4 on EN-DE and 41.0 on EN-FR."),
    ("91.2 F1", "Training and inference take 3 and 4 hours; F1 of 91.2."),
    ("91.2 F1", "on SQuAD and NQ, an F1 of 91.2."),
])
def test_a_metric_its_figure_names_alone_is_still_read(value, quote):
    found = value_in_quote(value, quote)
    assert found.ok, found

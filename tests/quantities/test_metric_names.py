"""A score's figure kb reads as a bare number: a claim naming one evaluation metric held the quote's figure of
another on its number alone ("13.5 ROUGE" of "gains +13.5 BLEU", "91.2 accuracy" of "an F1 of 91.2"). A claim naming
its metric holds only where the quote names that one at the figure (tests/quantities/test_scores.py)."""

import pytest

from kb.quantities.quoted import value_in_quote

WRONG = [
    ("+13.5 ROUGE", "our model gains +13.5 BLEU over the baseline"),
    ("13.5 ROUGE", "the model reaches 13.5 BLEU on WMT14"),
    ("91.2 accuracy", "it achieves 91.2 F1 on the test set"),
    ("91.2 accuracy", "it reaches an F1 of 91.2 on the test set"),
    ("91.2 F1", "with an accuracy of 91.2 overall"),
    ("2.1 perplexity", "a score of 2.1 BLEU after tuning"),
    ("91% accuracy", "it reaches 91% F1 on SQuAD"),
    ("0.82 AUC", "the model has 0.82 precision and 0.75 recall"),
    ("27.3 METEOR", "we report 27.3 CIDEr on COCO"),
    ("12 BLEU points", "a gain of 12 ROUGE-L points"),
    ("35.1 EM", "it scores 35.1 F1 and 30.2 EM"),
    ("4.5 WER", "a CER of 4.5 on LibriSpeech"),
    ("28.4 BLEU", "Table 2: BLEU on WMT14. Ours 28.4 26.1"),   # a caption naming one metric names no column's
]
RIGHT = [
    ("28.4 BLEU", "a BLEU score of 28.4 on WMT14"),
    ("28.4 BLEU", "it reaches 28.4 BLEU on WMT14"),
    ("13.5 ROUGE", "13.5 ROUGE-L on CNN/DailyMail"),
    ("91% accuracy", "it reaches 91% accuracy on SQuAD"),
    ("12 BLEU points", "a gain of 12 BLEU points"),
    ("12 BLEU", "BLEU 12, ROUGE 12"),                       # one place names the claim's metric
    ("28.4 BLEU", "reaches 28.4 BLEU and 28.4 ROUGE"),
    ("0.5 kWh", "the run used 0.5 kWh in all"),             # no metric: nothing asked
]


@pytest.mark.parametrize("value, quote", WRONG)
def test_a_score_of_another_metric_is_refused_naming_both(value, quote):
    found = value_in_quote(value, quote)
    assert not found.ok, (value, quote)


@pytest.mark.parametrize("value, quote", RIGHT)
def test_a_score_of_the_same_metric_or_of_none_named_verifies(value, quote):
    found = value_in_quote(value, quote)
    assert found.ok, (value, quote, found.problem)


def test_the_refusal_names_the_metric_the_quote_gives():
    found = value_in_quote("13.5 ROUGE", "the model reaches 13.5 BLEU on WMT14")
    assert "'13.5 ROUGE'" in found.problem and "one of BLEU:" in found.problem and "13.5" in found.problem

"""A claim's value may name the evaluation metric its figure scores ("45.2 BLEU", "91.2 F1", "12.3 perplexity",
"76.1% top-1 accuracy", "67.0% pass@1"): kb claim add reads it (it said "unknown unit 'BLEU'"), and holds it only
where its quote names that metric at that figure: right after it, right before it ("a BLEU score of 45.2", "F1 =
91.2"), for a chain of figures of one metric ("BLEU scores of 28.4 on EN-DE and 41.0 on EN-FR"), or in a table's
header of one metric a column over the row's cells. Another metric there, none, or a percent sign that makes another
figure (of a metric not scored in percent, or of a change) is refused with a reason."""

import pytest

from kb.quantities.interval import Interval
from kb.quantities.quoted import value_in_quote
from kb.quantities.units import metric_phrase

RIGHT = [
    ("45.2 BLEU", "Our model achieves 45.2 BLEU on WMT14."),
    ("45.2 BLEU", "Our model achieves a BLEU of 45.2 on WMT14."),
    ("45.2 BLEU", "Our model achieves a BLEU score of 45.2 on WMT14."),
    ("45.2 BLEU", "It reaches 45.2 BLEU points."),
    ("45.2 bleu", "It reaches 45.2 BLEU."),
    ("91.2 F1", "It reaches an F1 of 91.2 on SQuAD."),
    ("91.2 F1", "It reaches 91.2 F1 on SQuAD."),
    ("91.2 F1", "F1 = 91.2"),
    ("91.2 F1", "F1: 91.2"),
    ("91.2 F1 score", "achieves an F1 score of 91.2"),
    ("91.2 F1", "achieves an F1-score of 91.2"),
    ("91.2 f1", "achieves an F1 of 91.2"),
    ("84.1 exact match", "an EM of 84.1"),
    ("84.1 EM", "an exact match of 84.1"),
    ("84.1 EM", "an F1 of 91.2 and an EM of 84.1"),
    ("12.3 perplexity", "The model reaches a perplexity of 12.3 on WikiText."),
    ("12.3 ppl", "The model reaches a perplexity of 12.3 on WikiText."),
    ("12.3 perplexity", "a test PPL of 12.3"),
    ("76.1% top-1 accuracy", "ResNet-50 reaches 76.1% top-1 accuracy on ImageNet."),
    ("76.1 accuracy", "ResNet-50 reaches 76.1% top-1 accuracy on ImageNet."),
    ("76.1% accuracy", "an accuracy of 76.1% on ImageNet"),
    ("76.1% test accuracy", "a test accuracy of 76.1%"),
    ("45.2 mAP", "The detector reaches 45.2 mAP on COCO."),
    ("5.1% WER", "It reaches a WER of 5.1% on LibriSpeech."),
    ("5.1 WER", "It reaches a WER of 5.1% on LibriSpeech."),
    ("5.1% WER", "a word error rate of 5.1%"),
    ("67.0% pass@1", "It reaches 67.0% pass@1 on HumanEval."),
    ("45.2 ROUGE-L", "It reaches 45.2 ROUGE-L."),
    ("45.2 ROUGE", "It reaches 45.2 ROUGE-L."),
    ("41.0 BLEU", "It obtains BLEU scores of 28.4 on EN-DE and 41.0 on EN-FR."),
    ("28.4 BLEU", "It obtains BLEU scores of 28.4 on EN-DE and 41.0 on EN-FR."),
    ("88.1% accuracy", "an accuracy of 91.2% on SST-2 and 88.1% on MNLI"),
    ("28.4 BLEU", "it improves BLEU from 26.1 to 28.4."),
    ("+3.55 F1", "SCIBERT outperforms BERTBase (+3.55 F1 with finetuning and +1.13 F1 without)"),
    ("+1.13 F1", "SCIBERT outperforms BERTBase (+3.55 F1 with finetuning and +1.13 F1 without)"),
    ("+3.58 F1", "(+3.25 F1 with SCIBERT and +3.58 with BERT-Base, on average)"),
    ("+2.1 BLEU", "It improves BLEU by 2.1 points."),
    ("0.82 AUC", "an AUC of 0.82"),
    ("3.1 FID", "a FID of 3.1 on CIFAR-10"),
    ("38.1 ROUGE-L", "Model BLEU ROUGE-L METEOR Base 40.1 35.0 30.2 Ours 45.2 38.1 31.0"),
    ("40.1 BLEU", "Model BLEU ROUGE-L METEOR Base 40.1 35.0 30.2 Ours 45.2 38.1 31.0"),
    ("31.0 METEOR", "Model BLEU ROUGE-L METEOR Base 40.1 35.0 30.2 Ours 45.2 38.1 31.0"),
    ("90.9 F1", "Model EM F1\nBERT (ours) 84.1 90.9"),
]

WRONG = [
    ("45.2 ROUGE", "Our model achieves a BLEU score of 45.2 on WMT14."),
    ("45.2 BLEU", "Our model achieves a BLEU score of 45.3 on WMT14."),
    ("91.2 EM", "It reaches 91.2 F1 on SQuAD."),
    ("84.1 F1", "an F1 of 91.2 and an EM of 84.1"),
    ("12.3% perplexity", "The model reaches a perplexity of 12.3 on WikiText."),
    ("12.3 perplexity", "The model reaches a perplexity of 12.3% on WikiText."),
    ("76.1% top-5 accuracy", "ResNet-50 reaches 76.1% top-1 accuracy on ImageNet."),
    ("93.3% accuracy", "ResNet-50 reaches 93.3% top-5 accuracy on ImageNet."),
    ("76.1% top-1 accuracy", "ResNet-50 reaches 76.1% accuracy on ImageNet."),
    ("76.1% test accuracy", "a validation accuracy of 76.1%"),
    ("67.0% pass@10", "It reaches 67.0% pass@1 on HumanEval."),
    ("45.2 ROUGE-1", "It reaches 45.2 ROUGE-L."),
    ("45.2 BLEU", "It reaches 45.2 on WMT14."),
    ("45.2 BLEU", "Model 45.2 38.1"),
    ("28.4 BLEU", "Table 2: BLEU on WMT14. Ours 28.4 26.1"),
    ("41.0 F1", "It obtains BLEU scores of 28.4 on EN-DE and 41.0 on EN-FR."),
    ("3.1 BLEU", "It obtains a BLEU of 28.4 and 3.1 hours of training."),
    ("2.3 BLEU", "a BLEU of 28.4 and a speedup of 2.3"),
    ("+1.13 BLEU", "SCIBERT outperforms BERTBase (+3.55 F1 with finetuning and +1.13 F1 without)"),
    ("+3.55% F1", "SCIBERT outperforms BERTBase (+3.55 F1 with finetuning and +1.13 F1 without)"),
    ("+2.1% BLEU", "It improves BLEU by 2.1 points."),
    ("+2.1 BLEU", "It improves BLEU by 2.1%."),
    ("-3.55 F1", "SCIBERT outperforms BERTBase (+3.55 F1 with finetuning)"),
    ("38.1 BLEU", "Model BLEU ROUGE-L METEOR Base 40.1 35.0 30.2 Ours 45.2 38.1 31.0"),
    ("45.2 BLEU", "Model BLEU ROUGE-L Base 40.1 35.0 30.2 Ours 45.2 38.1 31.0"),
    ("45.2 BLEU", "Model Params BLEU ROUGE-L Ours 45.2 38.1 31.0"),
    ("45.2 BLEU", "Method BLEU BLEU ROUGE-L Ours 45.2 38.1"),
    ("90.9 EM", "Model EM F1\nBERT (ours) 84.1 90.9"),
    ("45.2 BLEU", "It does not reach 45.2 BLEU."),
    ("5.1 WER", "a CER of 5.1 and a WER of 6.2"),
    ("0.82 AUC", "0.82 precision and 0.75 recall"),
    ("45.2 mAP", "45.2 AP on COCO"),
    ("76.1% accuracy", "ResNet-50 reaches 76.1 accuracy on ImageNet."),
    ("0.89% F1", "also achieving an F1 of 0.89 in an evaluation corpus"),
    ("86.4% F1", "we obtain an 86.4 (82.0) F1 score"),
    ("0.1% BLEU", "an increase of just 0.1 BLEU at the cost of"),
    ("2.1% accuracy", "an improvement of 2.1 accuracy"),
]


@pytest.mark.parametrize("value, quote", RIGHT)
def test_a_score_its_quote_names_at_its_figure_verifies(value, quote):
    found = value_in_quote(value, quote)
    assert found.ok, (value, quote, found.problem)


@pytest.mark.parametrize("value, quote", WRONG)
def test_a_score_of_another_metric_of_none_or_of_another_percent_is_refused(value, quote):
    found = value_in_quote(value, quote)
    assert not found.ok, (value, quote)


@pytest.mark.parametrize("value, quote, says", [
    ("45.2 BLEU", "It reaches 45.2 on WMT14.", "names no metric at 45.2"),
    ("45.2 BLEU", "Model 45.2 38.1", "names no metric at 45.2"),
    ("45.2 ROUGE", "a BLEU score of 45.2", "one of BLEU:"),
    ("12.3% perplexity", "a perplexity of 12.3", "a percentage is another figure"),
    ("+2.1% BLEU", "It improves BLEU by 2.1 points.", "relative"),
])
def test_a_refused_score_says_why(value, quote, says):
    found = value_in_quote(value, quote)
    assert not found.ok and found.problem and says in found.problem, found.problem


@pytest.mark.parametrize("value, percent", [
    ("45.2 BLEU", False), ("91.2 F1", False), ("12.3 perplexity", False), ("76.1% top-1 accuracy", True),
    ("67.0% pass@1", True), ("45.2 ROUGE-L", False), ("84.1 EM", False), ("91.2 F1 score", False),
    ("5.1 % WER", True), ("0.5 mAP", False), ("12.3 PPL", False), ("84.1 exact match", False),
])
def test_kb_reads_a_score_as_a_figure_of_no_unit(value, percent):
    read = Interval.from_written(value)
    assert float(read.nominal) == float(value.split()[0].rstrip("%"))
    assert ("percent" in str(read.unit)) == percent


@pytest.mark.parametrize("text, name", [
    ("BLEU", ("bleu",)), ("F1 score", ("f1",)), ("top-1 accuracy", ("top1", "accuracy")), ("exact match", ("em",)),
    ("ROUGE-L", ("rougel",)), ("pass@1", ("pass@1",)), ("BLEU points", ("bleu",)), ("macro F1", ("macro", "f1")),
    ("macro-F1", ("macro", "f1")), ("Acc.", ("accuracy",)), ("PPL", ("perplexity",)),
    ("GPUs", None), ("BLEU on", None), ("test", None), ("accuracy F1", None), ("models", None), ("kWh", None),
    ("F", None), ("points", None),
])
def test_metric_phrase(text, name):
    assert metric_phrase(text) == name


@pytest.mark.parametrize("value", ["45.2 BLUE", "45.2 F2X", "45.2 BLEU on WMT14x", "45.2 ROUGEL-ish"])
def test_a_name_no_metric_nor_unit_is_still_refused_at_the_door(value):
    with pytest.raises(Exception):
        Interval.from_written(value)


@pytest.mark.parametrize("unit, word", [("BLEU", None), ("% top-1 accuracy", None), ("F1 score", None),
                                        ("zorbs", "zorbs"), ("kWh", None)])
def test_a_metric_is_never_said_to_be_a_count_of_what_it_names(unit, word):
    from kb.quantities.units import counted_word
    assert counted_word(unit) == word

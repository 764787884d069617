"""Scores and counts named by a metric or a model, round numbers22: a refusal names the metric and the model as the
writer and the page wrote them ('top1 accuracy', 'gtx1080', 'rougel' were kb's folded names; "-1.1 F1" of "by 1.1 F1
points" was said of '-1.1'); a range's first figure holds the metric named after its last ("18.3 perplexity" of "down
from 18.3 to 15.1 perplexity" was refused); a model's suffix that names another product ("M2 Max",
"GPT-2 XL", "GPT-3.5 Turbo", "T5-Large") is no less another model than "Ti" is; a model named by its number alone
after the figure ("3 1080 GPUs") is refused with a reason, where it was refused with none."""

import pytest

from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("value, quote, said, folded", [
    ("76.1% top-1 accuracy", "It reaches 76.1% top-5 accuracy on ImageNet.", ["'top-1 accuracy'", "top-5 accuracy"],
     ["top1", "top5"]),
    ("45.2 BLEU", "a score of 45.2 ROUGE-L on CNN/DM", ["ROUGE-L"], ["rougel"]),
    ("45.2 ROUGE-L", "a score of 45.2 BLEU on WMT14", ["ROUGE-L", "BLEU"], ["rougel", "bleu"]),
    ("91.2 F1-score", "an exact match of 91.2 on SQuAD", ["F1-score"], ["f1score"]),
    ("29.7 BLEU", "Model BLEU ROUGE-L Base 28.1 27.0 Ours 30.2 29.7", ["BLEU", "ROUGE-L"], ["rougel"]),
    ("8 GTX 1080 GPUs", "We trained on 8 NVIDIA GTX 1080 Ti GPUs.", ["'GTX 1080'"], ["gtx1080"]),
    ("8 RTX 4090 GPUs", "We trained on 8 RTX 4090 Ti GPUs.", ["'RTX 4090'"], ["rtx4090"]),
    ("4 TPU v3 chips", "We trained on 4 TPU v2 chips.", ["TPU v3"], ["tpuv3"]),
])
def test_a_refusal_names_metrics_and_models_as_written(value, quote, said, folded):
    got = value_in_quote(value, quote)
    assert not got.ok and got.problem
    for words in said:
        assert words.strip("'") in got.problem
    for name in folded:
        assert f" {name} " not in got.problem and f"'{name}'" not in got.problem and f" {name}:" not in got.problem


@pytest.mark.parametrize("value, quote", [
    ("-1.1 F1", "SciBERT improves by 1.1 F1 points over BERT."),
    ("-2.3 BLEU", "Our model improves over the baseline by 2.3 BLEU."),
    ("+0.8 accuracy", "accuracy fell by 0.8 points"),
])
def test_a_sign_refused_is_said_of_the_whole_value(value, quote):
    got = value_in_quote(value, quote)
    assert not got.ok and got.problem and repr(value) in got.problem


RANGE_RIGHT = [
    ("18.3 perplexity", "Perplexity went down from 18.3 to 15.1 perplexity."),
    ("15.1 perplexity", "Perplexity went down from 18.3 to 15.1 perplexity."),
    ("28.4 BLEU", "scores range between 28.4 and 30.1 BLEU across seeds"),
    ("26.1 BLEU", "our system improves from 26.1 to 28.4 BLEU on WMT14"),
    ("71.2% accuracy", "accuracy rises from 71.2% to 76.5% accuracy"),
    ("3.1 WER", "the WER drops from 3.1 to 2.7 WER"),
    ("40.1 ROUGE-L", "scores of 40.1-42.3 ROUGE-L on CNN/DM"),
]
RANGE_WRONG = [
    ("18.3 BLEU", "Perplexity went down from 18.3 to 15.1 perplexity."),
    ("18.3 perplexity", "it went from 18.3 hours to 15.1 perplexity"),
    ("28.4 BLEU", "scores of 28.4 and 30.1 BLEU"),          # no "between": two figures, the first named by nothing
    ("18.4 perplexity", "Perplexity went down from 18.3 to 15.1 perplexity."),
    ("18.3% perplexity", "Perplexity went down from 18.3 to 15.1 perplexity."),
    ("71.2 accuracy", "accuracy rises from 71.2 to 76.5% accuracy"),       # a percent sign on one figure alone
    ("26.1 ROUGE", "our system improves from 26.1 to 28.4 BLEU on WMT14"),
    ("12 BLEU", "from 12 GPUs to 28.4 BLEU"),
]


@pytest.mark.parametrize("value, quote", RANGE_RIGHT)
def test_a_ranges_first_figure_holds_the_metric_named_after_its_last(value, quote):
    assert value_in_quote(value, quote).ok


@pytest.mark.parametrize("value, quote", RANGE_WRONG)
def test_a_range_names_no_metric_it_does_not_print(value, quote):
    assert not value_in_quote(value, quote).ok


SUFFIX_WRONG = [
    ("4 M2 GPUs", "We used 4 Apple M2 Max GPUs."),
    ("4 M2 Pro GPUs", "We used 4 Apple M2 Max GPUs."),
    ("2 RTX 4090 GPUs", "on 2 RTX 4090 Turbo GPUs"),
    ("3 GPT-2 models", "we fine-tune 3 GPT-2 XL models"),
    ("6 T5 models", "we train 6 T5-Large models"),
    ("2 GPT-4o models", "we query 2 GPT-4o mini models"),
    ("5 iPhone 15 phones", "on 5 iPhone 15 Pro phones"),
    ("2 RX 7900 GPUs", "on 2 RX 7900 XTX GPUs"),
    ("4 GPT-3.5 models", "we compare 4 GPT-3.5 Turbo models"),
    ("8 A100 SXM4 GPUs", "We used 8 NVIDIA A100 PCIe GPUs."),
    ("3 Llama-2 models", "3 Llama-2 Base models"),
]
SUFFIX_RIGHT = [
    ("4 M2 Max GPUs", "We used 4 Apple M2 Max GPUs."),
    ("8 A100 SXM4 GPUs", "We used 8 NVIDIA A100 SXM4 GPUs."),
    ("8 A100 GPUs", "We used 8 NVIDIA A100-SXM4 GPUs."),      # a form of one chip: an A100 all the same
    ("16 V100 GPUs", "on 16 V100 PCIe GPUs"),
    ("8 A100 GPUs", "We used 8 NVIDIA A100 80GB GPUs."),
    ("3 GPT-2 XL models", "we fine-tune 3 GPT-2 XL models"),
    ("3 GPT-2 models", "we fine-tune 3 GPT-2 models"),
    ("8 RTX 3090 GPUs", "8 RTX 3090 GPUs and 2 RTX 3090 Ti GPUs"),
    ("16 V100 GPUs", "on 16 NVIDIA Tesla V100 GPUs"),
    ("8 GPUs", "We used 8 NVIDIA A100 SXM4 GPUs."),
]


@pytest.mark.parametrize("value, quote", SUFFIX_WRONG)
def test_a_models_suffix_names_another_model(value, quote):
    got = value_in_quote(value, quote)
    assert not got.ok and got.problem


@pytest.mark.parametrize("value, quote", SUFFIX_RIGHT)
def test_a_model_named_whole_still_holds(value, quote):
    assert value_in_quote(value, quote).ok


@pytest.mark.parametrize("value, quote, hint", [
    ("3 1080 GPUs", "We trained on 3 NVIDIA GTX 1080 GPUs.", "'3 NVIDIA GTX 1080 GPUs'"),
    ("3 1080 GPUs", "We trained on 3 NVIDIA GTX 1080 Ti GPUs.", "'3 NVIDIA GTX 1080 Ti GPUs'"),
    ("8 4090 cards", "a rig of 8 RTX 4090 cards", "'8 RTX 4090 cards'"),
    ("3 1080 GPUs", "We used 3 GPUs.", "name the model"),
])
def test_a_models_number_alone_after_the_figure_is_refused_with_a_reason(value, quote, hint):
    got = value_in_quote(value, quote)
    assert not got.ok and got.problem and hint in got.problem


@pytest.mark.parametrize("value, quote, holds", [
    ("at most 9 days", "to a maxi- mum of 9 days, with an average of 52 hours", True),
    ("at most 9 days", "to a max- imum of 9 days", True),
    ("at least 3 minutes", "ranging from a min- imum of 3 minutes", True),
    ("at least 3 minutes", "ranging from a mini- mum of 3 minutes", True),
    ("9 days", "to a maxi- mum of 9 days", True),
    ("at least 9 days", "to a maxi- mum of 9 days", False),
    ("at most 3 minutes", "ranging from a min- imum of 3 minutes", False),
    ("at least 9 days", "to a max- imum of 9 days", False),
    ("at most 12 GB", "a mini- mum of 12 GB of memory", False),
    ("at most 9 hours", "to a maxi- mum of 9 days", False),
])
def test_a_bound_broken_at_a_lines_end_is_still_a_bound(value, quote, holds):
    assert value_in_quote(value, quote).ok is holds


@pytest.mark.parametrize("value, quote, holds", [
    ("+1.1 F1", "creating an ensemble of 15 models further im- proves the results by 1.1 F1 points.", True),
    ("-1.1 F1", "creating an ensemble of 15 models further im- proves the results by 1.1 F1 points.", False),
    ("+20%", "it is 20% high- er than before", True),
    ("-20%", "it is 20% high- er than before", False),
    ("-20%", "it is 20% low- er than before", True),
    ("+20%", "it is 20% low- er than before", False),
    ("-5%", "energy use de- creased by 5% in 2020", True),
    ("+5%", "energy use de- creased by 5% in 2020", False),
    ("+5%", "energy use in- creased by 5% in 2020", True),
    ("-5%", "energy use in- creased by 5% in 2020", False),
    ("-5%", "energy use re- duced by 5%", True),
    ("+5%", "energy use re- duced by 5%", False),
    ("29.7 BLEU", "a new state- of-the-art BLEU score of 29.7 for English to Ger- man", True),
])
def test_a_change_word_broken_at_a_lines_end_still_gives_its_direction(value, quote, holds):
    assert value_in_quote(value, quote).ok is holds

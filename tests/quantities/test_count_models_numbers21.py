"""Counts named by a model or a kind, at kb claim add's door and against their quote: "8 A100 GPUs", "3 BERT-Large
models", "8 1080 Ti GPUs" were refused as an unknown unit ('A100', 'BERT') before the quote was read; "12 models" of
"12 language models" was refused (the quote read as 12 languages, as "a 2 layer LSTM" counts layers); "8 1080 Ti GPUs"
of "8 GTX 1080 Ti GPUs" was refused (the model's number apart from its maker's prefix). A model's suffix the claim
leaves out names another product ("GTX 1080" of "GTX 1080 Ti"), and stays refused."""

import pytest

from kb.errors import KBError
from kb.quantities.interval import Interval
from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("value, unit", [
    ("8 A100 GPUs", "gpu"), ("8 NVIDIA A100 GPUs", "gpu"), ("8 GTX 1080 Ti GPUs", "gpu"), ("8 1080 Ti GPUs", "gpu"),
    ("3 BERT-Large models", "model"), ("32 TPU v3 chips", "accelerator"), ("4 DGX-2H servers", "server"),
    ("8 V100s", "item"), ("256 A100s", "item"), ("12 language models", "model"),
])
def test_a_count_named_by_a_model_is_read_at_the_door(value, unit):
    read = Interval.from_written(value)
    assert str(read.unit) == unit and float(read.nominal) == float(value.split()[0])


@pytest.mark.parametrize("value", ["8 A100", "8 GTX kWh", "5 kWhh", "8 1080 GPUs x", "1 2 kWh", "8 Foo GPUs",
                                   "3 Large models", "2 A100 kWh"])
def test_what_names_no_count_is_still_refused_at_the_door(value):
    with pytest.raises(KBError):
        Interval.from_written(value)


RIGHT = [
    ("12 models", "We evaluate 12 language models."),
    ("12 language models", "We evaluate 12 language models."),
    ("12 datasets", "We used 12 language datasets."),
    ("12 tasks", "across 12 language tasks"),
    ("8 racks", "with 8 server racks"),
    ("4 variants", "We train 4 model variants."),
    ("2 layers", "a 2 layer LSTM"),
    ("2 layers", "a 2 layer LSTM network"),
    ("12 languages", "across 12 languages"),
    ("8 1080 Ti GPUs", "We use 8 GTX 1080 Ti GPUs."),
    ("8 1080 Ti GPUs", "We use 8 1080 Ti GPUs."),
    ("8 GTX 1080 Ti GPUs", "We use 8 GTX 1080 Ti GPUs."),
    ("3 1080 Ti GPUs", "We used 3 NVIDIA GTX 1080 Ti GPUs."),
    ("3 GTX 1080 Ti GPUs", "We used 3 NVIDIA GTX 1080 Ti GPUs."),
    ("3 GPUs", "We used 3 NVIDIA GTX 1080 Ti GPUs."),
    ("8 GPUs", "We use 8 1080 Ti GPUs."),
    ("4 RX 6800 XT GPUs", "on 4 RX 6800 XT GPUs"),
    ("2 RTX 3090 GPUs", "on 2 RTX 3090 GPUs"),
    ("8 A100 GPUs", "We use 8 A100 GPUs."),
    ("8 A100s", "We used 8 NVIDIA A100 GPUs."),
]
WRONG = [
    ("12 languages", "We evaluate 12 language models."),
    ("12 languages", "We used 12 language datasets."),
    ("8 servers", "with 8 server racks"),
    ("4 models", "We train 4 model variants."),
    ("12 vision models", "We evaluate 12 language models."),
    ("8 GTX 1080 GPUs", "We use 8 GTX 1080 Ti GPUs."),
    ("8 1080 GPUs", "We use 8 GTX 1080 Ti GPUs."),
    ("8 1070 Ti GPUs", "We use 8 GTX 1080 Ti GPUs."),
    ("8 10800 Ti GPUs", "We use 8 GTX 1080 Ti GPUs."),
    ("8 1080 Ti TPUs", "We use 8 GTX 1080 Ti GPUs."),
    ("8 1080 Ti GPUs", "We use 8 GTX 1080 Ti GPUs per node."),
    ("8 1080 Ti GPUs", "We use 8 GTX 1080 GPUs."),
    ("3 1080 Ti GPUs", "Peters et al. report that ELMo was trained on 3 NVIDIA GTX 1080 GPUs for 2 weeks."),
    ("4 RX 6800 GPUs", "on 4 RX 6800 XT GPUs"),
    ("2 RTX 3090 GPUs", "on 2 RTX 3090 Super GPUs"),
    ("8 A100 GPUs", "We use 8 V100 GPUs."),
    ("8 GPUs", "It took 8 1080 seconds."),
    ("8080 GPUs", "We use 8 1080 Ti GPUs."),
]


@pytest.mark.parametrize("value, quote", RIGHT)
def test_a_count_its_quote_names_so_verifies(value, quote):
    found = value_in_quote(value, quote)
    assert found.ok, (value, quote, found.problem)


@pytest.mark.parametrize("value, quote", WRONG)
def test_a_count_of_another_thing_or_model_is_refused(value, quote):
    assert not value_in_quote(value, quote).ok, (value, quote)


@pytest.mark.parametrize("value, quote", [
    ("1.2", "The steps are: 1. 2 models were trained."),
    ("1.2", "Results. 1. 2 models were trained"),
    ("1.2", "were 1. 2 models"),
    ("1.2 kWh", "items: 1. 2 kWh were used"),
    ("1.2", "were 1 , 2 models"),
])
def test_a_list_number_and_a_sentence_start_are_no_decimal(value, quote):
    assert not value_in_quote(value, quote).ok

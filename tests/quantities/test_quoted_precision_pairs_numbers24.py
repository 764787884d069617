"""A claim's trailing zero past the digits its quote prints is refused with a reason ("81.10M" of "81.1M"), fewer digits
follow the rounding rule; figures and metrics each joined by slashes pair in order ("91.2/88.0 EM/F1": 88.0 is F1's)."""
import pytest

from kb.quantities.quoted import value_in_quote


def check(value, quote):
    return value_in_quote(value, quote, None, quote, "")


PRINTED = [
    ("81.1M", "The model has 81.1M parameters."),
    ("81.10M", "The model has 81.10M parameters."),
    ("81.1M", "The model has 81.10M parameters."),
    ("81.1 million", "The model has 81.1 million parameters."),
    ("81.1 kWh", "The run used 81.1 kWh in total."),
    ("8.2%", "a share of 8.2% overall"),
    ("80%", "a share of 80% overall"),
    ("0.5", "a ratio of 0.5 was kept"),
    ("2 kWh", "the whole study used 2 kWh"),
    ("8.22e-6", "a learning rate of 8.220 × 10−6 was used"),
    ("1500 kg", "the load weighs 1.5 t"),
    ("11,490 Wh", "the job used 11.49 kWh"),
]
ADDED = [
    ("81.10M", "The model has 81.1M parameters.", "81.1M"),
    ("81.10 million", "The model has 81.1 million parameters.", "81.1 million"),
    ("81.10 kWh", "The run used 81.1 kWh in total.", "81.1 kWh"),
    ("81.100 kWh", "The run used 81.1 kWh in total.", "81.1 kWh"),
    ("8.20%", "a share of 8.2% overall", "8.2%"),
    ("80.0%", "a share of 80% overall", "80%"),
    ("0.50", "a ratio of 0.5 was kept", "0.5"),
    ("2.0 kWh", "the whole study used 2 kWh", "2 kWh"),
    ("8.220e-6", "a learning rate of 8.22 × 10−6 was used", "8.22e-6"),
    ("1500.0 kg", "the load weighs 1.5 t", "1500 kg"),
    ("2.00x", "a speed-up by a factor of 2", "2x"),
]


@pytest.mark.parametrize("value, quote", PRINTED)
def test_digits_printed_verify(value, quote):
    assert check(value, quote).ok


@pytest.mark.parametrize("value, quote, fewer", ADDED)
def test_a_zero_not_printed_is_refused_with_the_printed_figure(value, quote, fewer):
    got = check(value, quote)
    assert not got.ok
    assert "writes a digit its quote does not print" in got.problem and repr(fewer) in got.problem


@pytest.mark.parametrize("value, quote", [
    ("81M", "The model has 81.1M parameters."),       # fewer digits: the rounding rule, as before (a figure rounded)
    ("81.2M", "The model has 81.1M parameters."),
    ("81.11M", "The model has 81.1M parameters."),
    ("8.22e-5", "a learning rate of 8.22 × 10−6 was used"),
    ("8.22e-5", "a learning rate of 8.22 × 10⁻⁶ was used"),
])
def test_other_figures_stay_refused(value, quote):
    assert not check(value, quote).ok


@pytest.mark.parametrize("quote", [
    "a learning rate of 8.22 × 10−6 was used", "a learning rate of 8.22 x 10-6 was used",
    "a learning rate of 8.22·10⁻⁶ was used", "a learning rate of 8.22 × 10^-6 was used",
    "a learning rate of 8.22×10⁻⁶ was used"])
def test_scientific_notation_as_printed(quote):
    assert check("8.22e-6", quote).ok
    assert not check("8.22e-5", quote).ok
    assert not check("8.22e6", quote).ok


PAIRS = [
    ("Our model reaches 91.2/88.0 EM/F1 on SQuAD.", ["91.2 EM", "88.0 F1", "88 F1"], ["88.0 EM", "91.2 F1"]),
    ("On SQuAD it scores EM/F1 of 84.1/90.9.", ["84.1 EM", "90.9 F1"], ["90.9 EM", "84.1 F1"]),
    ("Precision/recall/F1 = 90.1 / 85.2 / 87.6 on the test set.", ["90.1 precision", "85.2 recall", "87.6 F1"],
     ["85.2 precision", "87.6 recall", "90.1 F1"]),
    ("BLEU/ROUGE-L scores of 28.4/41.0 were reached.", ["28.4 BLEU", "41.0 ROUGE-L", "41.0 ROUGE"],
     ["41.0 BLEU", "28.4 ROUGE-L"]),
    ("The baseline gets 80.1/85.0 (EM/F1), ours 82.3/88.4 (EM/F1).", ["82.3 EM", "88.4 F1", "85.0 F1"],
     ["85.0 EM", "82.3 F1"]),
    ("Accuracy/F1: 77.5/80.3 on the dev set.", ["77.5 accuracy", "80.3 F1"], ["80.3 accuracy", "77.5 F1"]),
]


@pytest.mark.parametrize("quote, right, wrong", PAIRS)
def test_slash_pairs_in_order(quote, right, wrong):
    for value in right:
        assert check(value, quote).ok, value
    for value in wrong:
        got = check(value, quote)
        assert not got.ok, value
        assert "pairs" in got.problem and "in order" in got.problem, got.problem


@pytest.mark.parametrize("value, quote", [
    ("85.0 F1", "The baseline gets 80.1/85.0/70.2 EM/F1 on dev."),     # three figures, two metrics: no pairing
    ("80.1 EM", "The baseline gets 80.1/85.0/70.2 EM/F1 on dev."),
    ("92.9% top-1 accuracy", "It gets 76.1%/92.9% top-1/top-5 accuracy."),
    ("88.00 F1", "Our model reaches 91.2/88.0 EM/F1 on SQuAD."),        # a digit not printed
    ("91.3 EM", "Our model reaches 91.2/88.0 EM/F1 on SQuAD."),
])
def test_unpaired_or_other_figures_refused(value, quote):
    assert not check(value, quote).ok


@pytest.mark.parametrize("value, quote, ok", [
    ("3 BLEU", "It reaches 45.2 BLEU at 3/4 of the cost.", False),       # BLEU is 45.2's, no "BLEU at 3"
    ("3 BLEU", "It reaches 45.2 BLEU at 3 times the cost.", False),
    ("45.2 BLEU", "It reaches 45.2 BLEU at 3 times the cost.", True),
    ("28.4 BLEU", "The model reaches BLEU at 28.4 on WMT14.", True),
])
def test_a_metric_after_its_own_figure_names_no_later_one(value, quote, ok):
    assert check(value, quote).ok is ok


@pytest.mark.parametrize("value, quote, ok", [
    # a whole number's trailing zeros are digits the page prints: a claim writing as many adds none
    ("0.50", "Half (50%) of the runs failed.", True),
    ("0.10", "About 10% of the runs failed.", True),
    ("0.30", "About 30% of runs failed.", True),
    ("0.60", "60 % of runs failed.", True),
    ("0.40", "40 percent of runs failed.", True),
    ("0.10 kW", "a 100 W load", True),
    ("1.50 kW", "a 1,500 W load", True),
    ("2.00 kWh", "the run used 2,000 Wh", True),
    ("0.20 MWh", "the run used 200 kWh", True),
    ("0.100 kW", "a 100 W load", True),             # its units digit printed: as many digits
    ("1.500 kW", "a 1,500 W load", True),
    # ... one more digit than it prints, another figure, or a zero past its decimals stay refused
    ("0.500", "Half (50%) of the runs failed.", False),
    ("0.100", "About 10% of the runs failed.", False),
    ("0.41", "40% of runs failed.", False),
    ("0.1000 kW", "a 100 W load", False),
    ("1.5000 kW", "a 1,500 W load", False),
    ("2.0000 kWh", "the run used 2,000 Wh", False),
    ("50.0%", "Half (50%) of the runs failed.", False),
    ("1,000.0 GPU hours", "it took 1,000 GPU hours", False),
    ("12.0 days", "training took 12 days", False),
])
def test_a_whole_numbers_zeros_are_printed_digits(value, quote, ok):
    assert check(value, quote).ok is ok

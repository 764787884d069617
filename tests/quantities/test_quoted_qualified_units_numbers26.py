"""A claim's figure whose unit says more or another kind than its quote's: electric and thermal power ("kWe", "MWh_e",
"[kW]e", "MWth"), a unit qualified by words the quote does not print at the figure ("300 GPU hours" of "300 hours"),
and a share written in digits of one printed in words ("1 in 5" of "One in five patients")."""

import pytest

from kb.quantities.quoted import value_in_quote

PLANT = "The plant has a capacity of 100 {} and runs all year."


@pytest.mark.parametrize("value, printed", [
    ("100 kWe", "kWe"), ("100 kWe", "[kW]e"), ("100 kWe", "kW_e"), ("100 kW_e", "kWe"), ("100 kWe", "kW$_e$"),
    ("100 kWe", "kWₑ"), ("100 kWe", "kWel"), ("100 MWth", "MWt"), ("100 MWt", "MW_th"), ("100 kW", "kW"),
    ("100 MWh_e", "MWhe"), ("100 kWh", "kWh"),
])
def test_same_kind_of_power_verifies(value, printed):
    assert value_in_quote(value, PLANT.format(printed)).ok


@pytest.mark.parametrize("value, printed, word", [
    ("100 kWe", "kW", "no kind stated"), ("100 kWth", "kW", "no kind stated"), ("100 kWth", "kWe", "electric"),
    ("100 kWe", "kWth", "thermal"), ("100 kWe", "[kW]th", "thermal"), ("100 MWe", "MWt", "thermal"),
    ("100 MWh_th", "MWh_e", "electric"), ("100 MWh_e", "MWh_th", "thermal"), ("100 MWh_e", "MWh", "no kind stated"),
    ("100 MWh", "MWh_e", "electric"), ("100 kW", "kWe", "electric"), ("100 kWz", "kW", None),
])
def test_another_kind_of_power_is_refused_with_its_kind(value, printed, word):
    got = value_in_quote(value, PLANT.format(printed))
    assert not got.ok
    if word:
        assert word in got.reason(value) and "write the unit as the quote prints it" in got.reason(value)


def test_another_figure_is_still_refused_not_for_its_kind():
    got = value_in_quote("200 kWe", PLANT.format("kWe"))
    assert not got.ok and "electric" not in got.reason("200 kWe")


@pytest.mark.parametrize("value, quote, extra", [
    ("300 GPU hours", "The total GPU hours across all experiments sum to roughly 300 hours.", "'GPU'"),
    ("300 GPU hours", "The experiments took roughly 300 hours on a laptop CPU.", "'GPU'"),
    ("12 kWh of electricity", "The training run used 12 kWh.", "'of electricity'"),
    ("40 A100 hours", "Fine-tuning took 40 hours in all.", "'A100'"),
    ("8 NVIDIA GPUs", "We train on 8 GPUs.", "'NVIDIA'"),
])
def test_unit_qualified_beyond_the_quote_is_refused_naming_the_words(value, quote, extra):
    got = value_in_quote(value, quote)
    assert not got.ok and extra in got.reason(value)


@pytest.mark.parametrize("value, quote", [
    ("300 GPU hours", "The runs took 300 GPU hours."), ("300 GPU-hours", "The runs took 300 GPU hours in all."),
    ("12 kWh", "The training run used 12 kWh of electricity."), ("5 MWh_e", "The site used 5 MWh_e in May."),
    ("5 MWhe", "The site used 5 MWh_e in May."), ("26 lbs CO2e", "Training emits 26 lbs CO₂-eq."),
])
def test_unit_as_printed_verifies(value, quote):
    assert value_in_quote(value, quote).ok


@pytest.mark.parametrize("value, quote", [
    ("300 hours", "The runs took 300 GPU hours in all."), ("100 kWz", "A 100 kW plant."),
    ("100 MWhx", "It used 100 MWh."), ("5 MWh_th", "The site used 5 MWh_e in May."), ("5 kgz", "It weighs 5 kg."),
])
def test_unit_other_than_printed_is_refused(value, quote):
    assert not value_in_quote(value, quote).ok


@pytest.mark.parametrize("value, quote, ok", [
    ("1 in 5", "One in five patients found a mistake.", True),
    ("1 in 5", "One out of five patients found a mistake.", True),
    ("1 out of 5", "One in five patients found a mistake.", True),
    ("one in five", "1 in 5 patients found a mistake.", True),
    ("1 in 5", "1 in 5 patients found a mistake.", True),
    ("2 in 3", "Two in three readers agreed.", True),
    ("20%", "One in five patients found a mistake.", True),
    ("1 in 4", "One in five patients found a mistake.", False),
    ("1 in 50", "One in five patients found a mistake.", False),
    ("2 in 10", "One in five patients found a mistake.", False),
    ("1 in 5", "One in four patients found a mistake.", False),
    ("3 in 5", "Two in five patients found a mistake.", False),
    ("1 in 5", "Every fifth patient found a mistake.", False),
    ("1 in 3", "Two in three readers agreed.", False),
])
def test_share_in_digits_of_one_in_words(value, quote, ok):
    assert value_in_quote(value, quote).ok is ok


@pytest.mark.parametrize("value, quote, ok", [
    ("+11% to +17%", "Accuracy improved by 11-17% over the baseline.", True),
    ("-11% to -17%", "Accuracy improved by 11-17% over the baseline.", False),
    ("-30% to -40%", "The method cut emissions by 30-40%.", True),
    ("+30% to +40%", "The method cut emissions by 30-40%.", False),
    ("-30% to -45%", "The method cut emissions by 30-40%.", False),
    ("+11% to +71%", "Accuracy improved by 11-17% over the baseline.", False),
])
def test_signed_percent_range(value, quote, ok):
    assert value_in_quote(value, quote).ok is ok

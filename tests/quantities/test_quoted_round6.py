"""A claim's value in its quote, sixth round: an uncertainty is no figure, a change written in words
has its sign, a range's first number is no figure without the range's scale, and a claim's unprefixed
FLOPS is the rate its quote gives."""

from __future__ import annotations

import pytest
from judging import judged

from kb.quantities.quoted import claim_doubt, value_in_quote

TURING = ("The average misclassification rates in the Turing test were 51.2% (95% CI: 45.7%–57.5%) in the "
          "axial view")
ENERGY = "the system used 3.2 ± 0.1 kWh in total"


@pytest.mark.parametrize("value, quote, ok", [
    # the figure holds; its uncertainty alone does not, however the quote writes it
    ("3.2 kWh", ENERGY, True), ("3200 Wh", ENERGY, True), ("3.2 ± 0.1 kWh", ENERGY, True),
    ("0.1 kWh", ENERGY, False), ("100 Wh", ENERGY, False), ("0.1", ENERGY, False),
    ("0.1 kWh", "the system used 3.2 +/- 0.1 kWh in total", False),
    ("0.1 kWh", "the system used 3.2 plus or minus 0.1 kWh in total", False),
    ("0.1 kWh", "the system used 3.2 (±0.1) kWh in total", False),
    ("0.5%", "an error of 12.3% ± 0.5%", False), ("12.3%", "an error of 12.3% ± 0.5%", True),
    ("81.2", "accuracy was 81.2 with a standard deviation of 0.4 across seeds", True),
    ("0.4", "accuracy was 81.2 with a standard deviation of 0.4 across seeds", False),
    ("0.4", "accuracy was 81.2 (SD 0.4) across seeds", False), ("0.4", "accuracy was 81.2 (SD = 0.4)", False),
    ("0.4", "accuracy was 81.2 (s.d. 0.4) across seeds", False), ("0.4", "accuracy was 81.2 (σ = 0.4)", False),
    ("0.2", "a mean of 5.1 and a standard error of 0.2", False), ("5.1", "a mean of 5.1 and a standard error of 0.2",
                                                                  True),
    # a confidence interval: its level and both bounds are no figure
    ("51.2%", TURING, True), ("45.7%", TURING, False), ("57.5%", TURING, False), ("95%", TURING, False),
    ("78.1", "accuracy was 81.2 (95% CI 78.1 to 84.3)", False), ("84.3", "accuracy was 81.2 (95% CI 78.1 to 84.3)",
                                                                  False),
    ("84.3", "accuracy was 81.2 (95% confidence interval of 78.1-84.3)", False),
    # numbers near such words that are figures still hold
    ("12 GB", "an SD card of 12 GB", True), ("4", "we ran 4 seeds and report the standard deviation", True),
])
def test_an_uncertainty_is_no_figure(value, quote, ok):
    assert value_in_quote(value, quote).ok is ok


def test_an_uncertainty_refused_is_named_and_a_stored_one_no_longer_stands():
    found = value_in_quote("0.1 kWh", ENERGY)
    assert "uncertainty" in found.reason("0.1 kWh") and "± 0.1 kWh" in found.reason("0.1 kWh")
    assert "uncertainty" in claim_doubt("verified", "0.1 kWh", ENERGY)
    assert "uncertainty" in claim_doubt("verified", "0.4", "accuracy was 81.2 (SD 0.4)")
    assert claim_doubt("verified", "3.2 kWh", ENERGY) is None
    assert claim_doubt("verified", "3.2 ± 0.1 kWh", ENERGY) is None


CUTS = ("reduces workload by up to 70% by pre-selecting normal cases, and reduces recall by 25% compared to "
        "human double reading")
SMART = ("demonstrated a notable 22.63% decrease in electricity costs and a 22.77% reduction in the "
         "peak-to-average ratio")


@pytest.mark.parametrize("value, quote, ok", [
    ("-25%", CUTS, True), ("25%", CUTS, True), ("+25%", CUTS, False), ("-2.5%", CUTS, False),
    ("-22.63%", SMART, True), ("-22.77%", SMART, True), ("+22.63%", SMART, False), ("-22.36%", SMART, False),
    ("-5%", "energy use fell by 5% after pruning", True), ("+5%", "energy use fell by 5% after pruning", False),
    ("-5%", "a 5% decrease in energy", True), ("-5%", "energy dropped 5 percent", True),
    ("-5%", "energy use was reduced by 5%", True), ("-5%", "this cut energy use by 5% overall", True),
    ("-5%", "this reduced the carbon footprint of training by 5%", True), ("-30%", "uses 30% less energy", True),
    ("-5%", "inference was 5% lower than the baseline", True), ("-5%", "emissions were down 5%", True),
    ("-12 kWh", "energy use fell by 12 kWh", True), ("-12000 Wh", "energy use fell by 12 kWh", True),
    ("-$5 million", "costs fell by $5 million", True), ("-5 pp", "accuracy dropped by 5 percentage points", True),
    # a rise, a level, a share and a factor are no fall
    ("-46.5%", "SPECTER ranker improved clickthrough rate over the baseline by 46.5%", False),
    ("+46.5%", "SPECTER ranker improved clickthrough rate over the baseline by 46.5%", True),
    ("-5%", "energy rose by 5%", False), ("-5%", "the share fell to 5% in 2020", False),
    ("-5%", "5% of energy is used for cooling", False), ("-5%", "this reduced energy and increased accuracy by 5%",
                                                        False),
    ("-2%", "energy fell by 5% while accuracy rose by 2%", False), ("+2%", "energy fell by 5% while accuracy rose "
                                                                     "by 2%", True),
    ("-2x", "energy fell by 2x", False), ("-5%", "accuracy dropped by 5 percentage points", False),
    # a bound's words between the fall and its size
    ("-70%", CUTS, True), ("+70%", CUTS, False), ("-5%", "energy fell by at least 5%", True),
    ("+5%", "energy fell by at least 5%", False), ("-40%", "40% fewer parameters", True),
    ("-40%", "40% more parameters", False), ("-2 GPUs", "2 fewer GPUs", True), ("+2 GPUs", "2 fewer GPUs", False),
])
def test_a_change_in_words_has_its_sign(value, quote, ok):
    judged(value, quote, ok)


def test_a_rise_of_a_fall_says_which_sign_the_quote_gives():
    reason = value_in_quote("+25%", CUTS).reason("+25%")
    assert "fall" in reason and "'-25%'" in reason


@pytest.mark.parametrize("value, quote, ok", [
    ("$2 million", "the project cost $2-3 million", True), ("2 million dollars", "the project cost $2-3 million", True),
    ("$2M", "the project cost $2-3 million", True), ("2", "the project cost $2-3 million", False),
    ("$2", "the project cost $2-3 million", False), ("2 million", "the project cost $2-3 million", False),
    ("2 million kWh", "the project cost $2-3 million", False), ("3", "the project cost $2-3 million", False),
    ("2 billion parameters", "models of 2 to 3 billion parameters", True),
    ("2", "models of 2 to 3 billion parameters", False), ("2 parameters", "models of 2 to 3 billion parameters", False),
    ("1.5 kWh", "the run took 1.5–2 kWh", True), ("1.5", "the run took 1.5–2 kWh", False),
    ("10%", "savings of 10-20% were seen", True), ("10", "savings of 10-20% were seen", False),
    ("2M", "the corpus holds 2-3M documents", True), ("2", "the corpus holds 2-3M documents", False),
])
def test_a_ranges_first_number_is_no_figure_without_its_scale(value, quote, ok):
    judged(value, quote, ok)


@pytest.mark.parametrize("value, quote, ok", [
    ("2.46e13 FLOPS", "a peak of 24.6 TeraFLOPS/sec", True), ("2.46e13 FLOPS", "a peak of 24.6 TFLOPS", True),
    ("2.46E+13 FLOPS", "a peak of 24.6 TFLOPS", True), ("1.25e14 flops", "a peak of 125 teraflops", True),
    ("2.46e12 FLOPS", "a peak of 24.6 TeraFLOPS/sec", False), ("2.46e14 FLOPS", "a peak of 24.6 TFLOPS", False),
    ("2.46e13", "a peak of 24.6 TFLOPS", False), ("2.46e13 FLOPs", "a peak of 24.6 TFLOPS", False),
    ("3.14e23 FLOPS", "training took 314 zettaFLOPs", True), ("3.14e24 FLOPS", "training took 314 zettaFLOPs", False),
])
def test_a_claims_unprefixed_flops_is_the_rate_or_count_its_quote_gives(value, quote, ok):
    judged(value, quote, ok)


@pytest.mark.parametrize("value, quote, ok", [
    # a thousands group an extractor printed past a line break is the one number it is
    ("1,287 MWh", "consumed 1,\n287 MWh in total", True), ("1287 MWh", "consumed 1,\n287 MWh in total", True),
    ("1.287 GWh", "consumed 1,\n287 MWh in total", True), ("626,155 lbs", "emitted 626,\n155 lbs in total", True),
    ("287 MWh", "consumed 1,\n287 MWh in total", False), ("1 MWh", "consumed 1,\n287 MWh in total", False),
    ("155 lbs", "emitted 626,\n155 lbs in total", False), ("1,287,500 kWh", "used 1,\n287,500 kWh", True),
    ("500 kWh", "used 1,\n287,500 kWh", False),
    # a list on one line, or one of numbers that are no thousands group, keeps its numbers
    ("287 MWh", "runs of 1, 287 MWh", True), ("23", "ages 36, 32,\n23 and 25", True),
    ("25", "ages 36, 32,\n23 and 25", True),
])
def test_a_thousands_group_past_a_line_break_is_one_number(value, quote, ok):
    judged(value, quote, ok)


@pytest.mark.parametrize("value, quote, ok", [
    # a scale after money as the financial press writes it, glued or spaced, either case
    ("£3.5 million", "costs of £3.5m", True), ("£3.5m", "costs of £3.5m", True), ("£3.5", "costs of £3.5m", False),
    ("£3.5 billion", "costs of £3.5m", False), ("$3.5 million", "costs of £3.5m", False),
    ("$2 million", "a $2mn budget", True), ("$2", "a $2mn budget", False), ("$2M", "a $2m budget", True),
    ("2 million", "a $2m budget", False), ("$4.6M", "cost $4.6 M", True), ("$4.6", "cost $4.6 M", False),
    ("$40,000", "it cost $40 K", True), ("$40", "it cost $40 K", False), ("€1.2 billion", "a budget of €1.2 bn", True),
    ("€1.2", "a budget of €1.2 bn", False), ("€12 billion", "a budget of €1.2 bn", False),
    ("$2.5 billion", "spent $2.5b on GPUs", True), ("$2.5", "spent $2.5b on GPUs", False),
    # the letter after any other number keeps its unit
    ("300 K", "at 300 K the chip", True), ("3.5 m", "a 3.5 m cable", True), ("3.5 million", "a 3.5 m cable", False),
])
def test_a_scale_after_money_is_its_scale_glued_or_spaced(value, quote, ok):
    judged(value, quote, ok)


@pytest.mark.parametrize("value, nominal, unit", [
    ("£3.5m", 3.5e6, "GBP"), ("$2mn", 2e6, "USD"), ("$4.6 M", 4.6e6, "USD"), ("€1.2 bn", 1.2e9, "EUR"),
    ("$40 K", 4e4, "USD"), ("$2b", 2e9, "USD"),
])
def test_a_claims_money_with_a_scale_reads_as_that_amount(value, nominal, unit):
    from kb.quantities.interval import Interval

    iv = Interval.from_written(value)
    assert iv.to(unit).nominal == pytest.approx(nominal)


def test_a_scale_after_money_is_found_on_a_page():
    from kb.quantities.numbers import extract_candidates

    got = [(c.number, c.unit) for c in extract_candidates(["The project had a $2m budget and cost €1.2 bn later."])]
    assert got == [("2m", "USD"), ("1.2 bn", "EUR")]
    assert all(c.unit not in ("USD", "EUR", "GBP") for c in extract_candidates(["a 3.5 m cable at 300 K"]))


@pytest.mark.parametrize("value, quote, ok", [
    # money of a currency kb has no unit for: no bare number holds it, nor another currency's amount
    ("300 million", "cost ¥300 million", False), ("300", "cost ¥300", False), ("40", "fees of CHF 40 per run", False),
    ("5", "a C$5 fee", False), ("$300 million", "cost ¥300 million", False), ("$300", "cost ¥300", False),
    ("€40", "fees of CHF 40", False), ("300 million", "cost 300 million", True), ("12", "12 GPUs", True),
])
def test_money_of_a_currency_kb_cannot_read_holds_no_bare_number(value, quote, ok):
    judged(value, quote, ok)


def test_a_bare_number_of_other_money_names_it():
    assert "'¥300 million'" in value_in_quote("300 million", "cost ¥300 million").reason("300 million")


@pytest.mark.parametrize("page, found", [
    # a figure with its uncertainty is the figure, in the unit after both; the uncertainty is none
    ("The system used 3.2 ± 0.1 kWh in total.", [("3.2", "kWh", 3.2)]),
    ("an error of 12.3% ± 0.5% overall", [("12.3", "%", 12.3)]),
    ("accuracy 81.2 ± 0.4% overall", [("81.2", "%", 81.2)]),
    ("it took 5 +/- 1 hours", [("5", "h", 5.0)]),
    ("Each paper contained 41.0 (SD=24.8) inline citations.", []),
    ("used 3.2 kWh and 4 GPUs", [("3.2", "kWh", 3.2), ("4", "GPU", 4.0)]),
])
def test_an_uncertainty_on_a_page_is_no_figure(page, found):
    from kb.quantities.numbers import extract_candidates

    assert [(c.number, c.unit, c.value) for c in extract_candidates([page])] == found


@pytest.mark.parametrize("value, quote, per, ok", [
    # a per in words before a number ("for every 1,000 queries", "every 2 days") is a rate as "per" is
    ("5 Wh/query", "consumed 5 kWh for every 1,000 queries", None, True),
    ("5 Wh/query", "consumed 5 kWh for each thousand queries", None, True),
    ("5 Wh/query", "consumed 5 kWh every 1000 queries", None, True),
    ("5 kWh", "consumed 5 kWh for every 1,000 queries", "1,000 queries", True),
    ("2.5 kWh/day", "consumed 5 kWh every 2 days", None, True),
    # an amount in place of that rate, or the rate per one, is refused
    ("5 kWh", "consumed 5 kWh for every 1,000 queries", None, False),
    ("5 kWh/query", "consumed 5 kWh for every 1,000 queries", None, False),
    ("5 kWh", "consumed 5 kWh every 2 days", None, False), ("5 kWh/day", "consumed 5 kWh every 2 days", None, False),
    ("300 W", "two GPUs drawing 300 W each, 4 in all", None, True),
])
def test_a_per_in_words_before_a_number_makes_a_rate(value, quote, per, ok):
    judged(value, quote, ok, per)


@pytest.mark.parametrize("value, quote, ok", [
    # a value written with its uncertainty holds only that figure's uncertainty, printed right after it
    ("90.41 ± 0.06", "BC5CDR Li et al. (2016) NER 90.01 90.41 ± 0.06 JNLPBA", True),
    ("90.01 ± 0.06", "BC5CDR Li et al. (2016) NER 90.01 90.41 ± 0.06 JNLPBA", False),
    ("90.41 ± 0.6", "BC5CDR Li et al. (2016) NER 90.01 90.41 ± 0.06 JNLPBA", False),
    ("39.3 ± 21 papers", "each participant opened an average of 39.3 papers (SD=21) using CiteSee", True),
    ("13.0% ± 10.2%", "slightly highlighted in the second half of the week (M=13.0% SD=10.2%).", True),
    ("10.2% ± 13.0%", "slightly highlighted in the second half of the week (M=13.0% SD=10.2%).", False),
    ("0.1 ± 3.2 kWh", ENERGY, False),
])
def test_a_values_uncertainty_is_its_figures_in_the_quote(value, quote, ok):
    judged(value, quote, ok)


def test_a_standard_deviation_in_words_on_a_page_is_no_figure():
    from kb.quantities.numbers import extract_candidates

    page = "with the mean length of stay at 121.7 hours, with a standard deviation of 108.1 hours. The"
    assert [(c.number, c.unit) for c in extract_candidates([page])] == [("121.7", "h")]


@pytest.mark.parametrize("value, quote, ok", [
    # thousands groups an apostrophe separates (Swiss usage) are one number
    ("1234 documents", "the corpus holds 1'234 documents", True), ("234 documents", "the corpus holds 1'234 documents",
                                                                   False),
    ("1,234,567 documents", "the corpus holds 1'234'567 documents", True),
    ("567", "the corpus holds 1'234'567 documents", False), ("1234", "the corpus holds 1’234 documents", True),
    ("234", "the corpus holds 1’234 documents", False), ("12", "the model's 12 layers", True),
])
def test_thousands_groups_an_apostrophe_separates_are_one_number(value, quote, ok):
    judged(value, quote, ok)

"""A claim's value in its quote, eleventh round: a rate's per after a verb ("25 kWh were used per query") is
the rate's, so the amount alone is no total of it; a table row's cells pypdf glued, typed apart, are its numbers;
a figure's interval in another unit, a fold in words naming a rise ("a threefold increase": "+200%") and a
length's change in words ("shortened by 24 hours": "-24 hours") are read as the quote gives them."""

from __future__ import annotations

import pytest
from judging import judged


@pytest.mark.parametrize("value, quote, per, ok", [
    # the verb between an amount and its per: the amount is per that, never a total, nor per anything else
    ("25 kWh", "25 kWh were used per query", None, False), ("25 kWh", "25 kWh were used per query", "run", False),
    ("25 kWh", "25 kWh used per query", None, False), ("0.2 J", "0.2 J is consumed per inference", None, False),
    ("3 g CO2e", "3 g of CO2 are emitted for each run", None, False), ("5 kWh", "5 kWh are consumed daily", None, False),
    ("0.2 kWh", "0.2 kWh of electricity were used per hour", None, False),
    ("25 kWh", "25 kWh were consumed in each run", None, False), ("25 kWh", "25 kWh were used on average per query", None,
                                                                  False),
    ("25 kWh", "25 kWh are being consumed per query", None, False), ("25 kWh", "25 kWh, consumed per query", None, False),
    ("25 kWh", "25 kWh was spent on each query", None, False), ("25 kWh", "25 kWh would be used per query", None, False),
    ("25 kWh", "25 kWh were consumed in each run", "run", True), ("25 kWh", "25 kWh was spent on each query", "query", True),
    ("25 kWh", "25 kWh were used on each of 3 days", None, True),
    ("25 kWh", "25 kWh were used per query", "query", True), ("25 kWh/query", "25 kWh were used per query", None, True),
    ("0.2 J", "0.2 J is consumed per inference", "inference", True),
    ("3 g CO2e", "3 g of CO2 are emitted for each run", "run", True),
    ("200 W", "0.2 kWh of electricity were used per hour", None, True),
    ("0.2 kWh", "0.2 kWh of electricity was consumed per hour", "hour", True),
    # a "per" that is no rate's after the verb leaves the amount a total
    ("12 GPUs", "12 GPUs were used per node", None, True),
])
def test_a_rates_per_after_a_verb_is_the_rates(value, quote, per, ok):
    judged(value, quote, ok, per)


ROW = "BERT (Devlin et al., 2018)66.3061.4471.5368.3072.28 on the test set"


@pytest.mark.parametrize("value, quote, ok", [
    # a table row pypdf glued ("66.3061.4471.53"), its cells typed apart: each cell is a number of the paper,
    # read as the quote matcher reads the row (three cells or more of one format)
    ("61.44", "BERT (Devlin et al., 2018) 66.30 61.44 71.53 68.30 72.28", True),
    ("72.28", "BERT (Devlin et al., 2018) 66.30 61.44 71.53 68.30 72.28", True), ("68.30", "61.44 71.53 68.30", True),
    # never a number the cells do not print, nor a split of the row other than its cells
    ("61.4", "BERT (Devlin et al., 2018) 66.30 61.44 71.53 68.30 72.28", False), ("4471", "61.44 71.53 68.30", False),
    ("61.44", "BERT (Devlin et al., 2018) 66.3 061.44 71.53 68.30 72.28", False),
])
def test_a_glued_rows_cells_typed_apart_are_its_numbers(value, quote, ok):
    from kb.quantities.quoted import claim_doubt, value_in_quote

    assert value_in_quote(value, quote, None, ROW).ok is ok
    assert (claim_doubt("verified", value, quote, None, ROW) is None) is ok


@pytest.mark.parametrize("page, value, quote", [
    # cells of other formats ("67.962.04") are no row kb can part: as before, the typed split is not the paper's
    ("Model 67.962.04 x", "2.04", "67.96 2.04"), ("PyTorch 1.13.1 x", "3.1", "1.1 3.1"),
])
def test_a_row_of_cells_of_other_formats_stays_glued(page, value, quote):
    from kb.quantities.quoted import value_in_quote

    assert not value_in_quote(value, quote, None, page).ok


@pytest.mark.parametrize("value, quote, ok", [
    # a figure with its interval in another unit: the three converted alike
    ("3600 (3100–4200) Wh", "3.6 (3.1–4.2) kWh", True), ("3600 (3100–4200) Wh", "The mean was 3.6 kWh (95% CI 3.1-4.2).", True),
    ("2000 (1100–3000) Wh", "3.6 (3.1–4.2) kWh and 2.0 (1.1-3.0) kWh", True),
    ("3600 (3100–4300) Wh", "3.6 (3.1–4.2) kWh", False), ("3600 (3200–4200) Wh", "3.6 (3.1–4.2) kWh", False),
    ("3.6 (3.1–4.2) MWh", "3.6 (3.1–4.2) kWh", False), ("3600 (3100–4200) kWh", "3.6 (3.1–4.2) kWh", False),
    ("3600 (3100–4200) g", "3.6 (3.1–4.2) kWh", False), ("3600 (3100–4200)", "3.6 (3.1–4.2) kWh", False),
    ("2000 (3100–4200) Wh", "3.6 (3.1–4.2) kWh and 2.0 (1.1-3.0) kWh", False),
    # a fold in words naming a rise is that rise, as "tripled" is
    ("+200%", "a threefold increase", True), ("+900%", "a tenfold rise in energy use", True),
    ("3x", "a threefold increase", True), ("+300%", "a threefold increase", False),
    ("-200%", "a threefold increase", False), ("+200%", "a threefold reduction", False),
    ("+200%", "threefold more GPUs", False),
    # in digits, or after the rise's verb
    ("+200%", "a 3-fold increase", True), ("+200%", "a 3x increase", True), ("+200%", "energy use increased 3-fold", True),
    ("+200%", "it increased threefold", True), ("+150%", "a 2.5-fold increase", True),
    ("+300%", "a 3-fold increase", False), ("-200%", "a 3-fold increase", False), ("+200%", "a 3-fold reduction", False),
    ("+200%", "3x faster", False), ("+200%", "3x more GPUs", False), ("+200%", "3 GPUs increase", False),
    # a change in words of a length: shortened is a fall, extended a rise
    ("-24 hours", "training time was shortened by 24 hours", True), ("+24 hours", "shortened by 24 hours", False),
    ("-24 hours", "shortened to 24 hours", False), ("+2 days", "the deadline was extended by 2 days", True),
    ("-2 days", "the deadline was extended by 2 days", False), ("-5%", "its run time was trimmed by 5%", True),
])
def test_a_figure_read_in_its_quotes_words_and_units(value, quote, ok):
    judged(value, quote, ok)


@pytest.mark.parametrize("page, found", [
    # a page's figure read as a claim's quote reads it: the verb before its per makes it a rate (kb audit
    # confirmed a note's "25 kWh" against "25 kWh were used per query")
    ("Overall 25 kWh were used per query.", ("25", "kWh/query")),
    ("12 kg CO2e were emitted per hour.", ("12", "kgCO2e/h")),
    ("0.2 kWh was consumed on average per query.", ("0.2", "kWh/query")),
    ("We used 25 kWh per query.", ("25", "kWh/query")),
    # no per after the verb, or a per of no unit kb reads: the amount as printed
    ("In total 25 kWh were used.", ("25", "kWh")),
    ("The runs emitted 3 tCO2e, which were emitted per year.", ("3", "tCO2e")),
    ("The 8 GPUs were used per node.", ("8", "GPU")),
])
def test_a_pages_amount_before_its_verb_and_per_is_a_rate(page, found):
    from kb.quantities.numbers import extract_candidates

    assert (extract_candidates([page])[0].number, extract_candidates([page])[0].unit) == found

"""A claim's value in its quote, eighth round: the value is judged against the paper's printing both ways
(a stray space the matcher forgave holds the paper's number), a number printed bare holds no unit the quote
or its table's header never states, and the index decides as kb claim add and kb verify do."""

from __future__ import annotations

import pytest
from judging import judged

from kb.quantities.quoted import claim_doubt, context_before, value_in_quote
from kb.text.match import find_quote
from kb.text.normalise import Document


def on_page(value: str, quote: str, page: str, per: str | None = None):
    """`value` judged as kb claim add, kb verify and the index judge it: against the passage the quote is
    found in on `page`, with the page's text before it."""
    match = find_quote(Document([page]), quote)
    assert match is not None, quote
    first = match.spans[0]
    passage = "\n".join(page[s.start:s.end] for s in match.spans)
    before = context_before(page, first.start)
    return value_in_quote(value, quote, per, passage, before), claim_doubt("verified", value, quote, per, passage,
                                                                            before)


@pytest.mark.parametrize("value, quote, page, ok", [
    # a space typed inside a number the page prints whole, or broken at a line's end: the paper's number holds
    ("1,287 MWh", "it used 1, 287 MWh", "it used 1,\n287 MWh in all", True),
    ("1287 MWh", "it used 1, 287 MWh", "it used 1,\n287 MWh in all", True),
    ("103,593 kWh", "consume approximately 103, 593 kWh", "would consume approximately 103,593 kWh.", True),
    ("1,000 inferences", "we ran 1, 000 inferences", "For each model, we ran 1,000 inferences for each", True),
    # ... never a piece of it, nor the number where the page prints two
    ("287 MWh", "it used 1, 287 MWh", "it used 1,\n287 MWh in all", False),
    ("1 MWh", "it used 1, 287 MWh", "it used 1,\n287 MWh in all", False),
    ("593 kWh", "consume approximately 103, 593 kWh", "would consume approximately 103,593 kWh.", False),
    ("1 inference", "we ran 1, 000 inferences", "For each model, we ran 1,000 inferences for each", False),
    ("1,287 MWh", "runs of 1, 287 MWh", "runs of 1, 287 MWh each", False),
    ("1,287 MWh", "runs of 1,287 MWh", "runs of 1, 287 MWh each", False),
])
def test_a_value_holds_as_the_paper_prints_it_whatever_spaces_the_quote_types(value, quote, page, ok):
    found, doubt = on_page(value, quote, page)
    assert found.ok is ok and (doubt is None) is ok


ROW = "P100x8 1515.43 84 201 192"
STRUBELL = ("Table 3: Estimated cost of training a model in terms of CO2 emissions (lbs) and cloud compute cost "
            "(USD). Power and carbon footprint are omitted for TPUs.\nModel Hardware Power (W) Hours kWh·PUE CO2e "
            "Cloud compute cost\nTransformerbase P100x8 1415.78 12 27 26 $41–$140\nTransformerbig " + ROW
            + " $289–$981")


@pytest.mark.parametrize("value, quote, ok", [
    # a table's row quoted without its header states no unit for its cells: their numbers hold, bare
    ("84 kWh", ROW, False), ("84 h", ROW, False), ("84 GPUs", ROW, False), ("201 kWh", ROW, False), ("84", ROW, True),
    ("0.429 kgCO2e/kWh", "(Section 2.4 and Appendix D) 0.429 0.478", False),
    # a sentence's number with nothing after it, and a count of things the quote never names
    ("30 kWh", "the value 30, as reported", False), ("9 %", "and 9 of them", False), ("30", "the value 30, as reported", True),
    ("81.2%", "accuracy was 81.2 on SST-2", False), ("12 GPUs", "we trained on 12 in all", False),
    ("92.3%", "Accuracy (92.3) was highest.", False),
    # a unit the quote states, after the number, before it, or as its header; a factor and a bare count
    ("11.49 kWh", "the energy (kWh) was 11.49 for the model", True), ("1.1 PUE", "a PUE of 1.1 in 2019", True),
    ("18%", "Share of emissions (%): China (18), India (12)", True), ("12 GPUs", "we trained on 12 GPUs", True),
    ("3 GPUs", "we used the A100 (3) and V100 (4) GPUs", True), ("25 runs", "Twenty-five runs of each model", True),
    ("3x", "a speed-up of 3 over the baseline", True), ("12", "we trained on 12 in all", True),
    ("0.012 kWh", "Table 3: energy (kWh) of a charge: 0.012", True), ("25 °C", "kept at 25 ℃", True),
])
def test_a_number_printed_bare_holds_no_unit_its_quote_never_states(value, quote, ok):
    found = value_in_quote(value, quote)
    assert found.ok is ok and (claim_doubt("verified", value, quote) is None) is ok
    if not ok and value.split()[0] in quote and " " in value:
        assert found.unstated is not None and "gives a unit its quote does not state" in found.reason(value)


@pytest.mark.parametrize("value, ok", [
    ("84 h", True), ("84 hours", True), ("5040 min", True), ("84", True),
    ("84 kWh", False), ("84 W", False), ("1515.43 W", True), ("201 kWh", True), ("192 lbs CO2e", True),
    ("192 kg CO2e", False), ("1515.43 kWh", False), ("26 lbs CO2e", False),
])
def test_a_quoted_rows_unit_is_its_tables_header_on_the_page(value, ok):
    # the header is the page's, before the quote: a careful reader's unit, never a number of the quote
    found, doubt = on_page(value, ROW, STRUBELL)
    assert found.ok is ok and (doubt is None) is ok


def test_a_number_before_the_quote_is_none_of_its_numbers():
    page = "The cluster drew 84 kWh in March.\nHours per run: see below.\nP100x8 1515.43 84 201 192"
    found, doubt = on_page("84 kWh", ROW, page)
    assert not found.ok and doubt is not None
    assert "'84' with no unit" in found.reason("84 kWh")


@pytest.mark.parametrize("value, quote, ok", [
    # a power of ten an extractor printed flat after a decimal mantissa ("4.6 × 1013" for 4.6 × 10¹³)
    ("1013 FLOPs", "it took 4.6 × 1013 FLOPs", False), ("4.6 FLOPs", "it took 4.6 × 1013 FLOPs", False),
    ("4.6e13 FLOPs", "it took 4.6 × 1013 FLOPs", True), ("4.6e13 FLOPs", "it took 4.6×1013 FLOPs", True),
    ("46 TFLOPs", "it took 4.6 × 1013 FLOPs", True), ("120 MWh", "used 1.2 × 105 kWh", True),
    ("105 kWh", "used 1.2 × 105 kWh", False),
    # ... never a product of whole numbers
    ("1024 pixels", "images of 2 × 1024 pixels", True), ("2e24 pixels", "images of 2 × 1024 pixels", False),
    # a month's name heading a row is no octave: pint converts 0.177 oct to a factor of 2^0.177
    ("1.13 PUE", "Oct 0.177 0.2", False), ("1.13", "0.177 oct", False), ("0.177", "Oct 0.177 0.2", True),
    ("3 dB", "a gain of 3 dB", True), ("2", "a gain of 1 oct", False),
])
def test_powers_printed_flat_and_logarithmic_units(value, quote, ok):
    judged(value, quote, ok)


@pytest.mark.parametrize("value, quote, ok", [
    # a number in words that "hundred" or "dozen" multiplies is one number, never its pieces
    ("1500 GPUs", "fifteen hundred GPUs", True), ("15 GPUs", "fifteen hundred GPUs", False),
    ("100 GPUs", "fifteen hundred GPUs", False), ("1200 runs", "twelve hundred runs", True),
    ("2500 runs", "twenty-five hundred runs", True), ("25 runs", "twenty-five hundred runs", False),
    ("120 runs", "one hundred and twenty runs", True), ("20 runs", "one hundred and twenty runs", False),
    ("24 GPUs", "two dozen GPUs", True), ("12 GPUs", "two dozen GPUs", False), ("2 GPUs", "two dozen GPUs", False),
    ("6 models", "half a dozen models", True), ("12 models", "half a dozen models", False),
    ("50%", "half a dozen models", False), ("50%", "half of the models", True), ("12 models", "a dozen models", True),
])
def test_hundreds_and_dozens_in_words_are_one_number(value, quote, ok):
    judged(value, quote, ok)


@pytest.mark.parametrize("value, quote, ok", [
    # the quote's very number in a unit a few percent off is another figure, whatever "100"'s precision
    ("100 GB", "a node has 100 GiB of memory", False), ("100 tons", "it emitted 100 tonnes", False),
    ("100 mi", "a range of 100 nmi", False), ("107 GB", "a node has 100 GiB of memory", True),
    ("100 GiB", "a node has 100 GiB of memory", True), ("100 t", "it emitted 100 tonnes", True),
    ("121.7 h", "121.7 hours", True), ("626,155 lb", "626,155 lbs", True), ("25 °C", "kept at 25 ℃", True),
])
def test_the_same_number_in_a_unit_a_few_percent_off_is_another_figure(value, quote, ok):
    judged(value, quote, ok)


@pytest.mark.parametrize("value, quote, ok", [
    # bytes and bits are a unit a bare number drops, though pint counts them as plain numbers
    ("16", "16 GB of memory", False), ("16", "a GPU with 16GB of memory", False), ("16 GB", "16GB of memory", True),
    ("16", "a 16-bit float", True), ("12", "12 GPUs", True),
])
def test_a_bare_number_drops_a_unit_of_information(value, quote, ok):
    judged(value, quote, ok)


@pytest.mark.parametrize("value, quote, page, ok", [
    # the page before a quote gives a cell its header's unit, never a noun or unit of its prose
    ("12 GPUs", "we used 12 in all", "Our GPUs were A100s. In the end we used 12 in all.", False),
    ("48 countries", "trained in the United States (48)", "Of 20 countries, most models were trained in the "
     "United States (48)", False),
    ("30 kWh", "the value 30, as reported", "Energy is given in kWh. We took the value 30, as reported", False),
    ("10%", "vary ~5X-10X, even", "DNNs can consume <1/10th the energy. Emissions vary ~5X-10X, even", False),
    ("48 models", "trained in the United States (48)", "Most models were trained in the United States (48)", False),
    ("48 models", "models were trained in the United States (48)", "Most models were trained in the United States "
     "(48)", True),
])
def test_the_page_before_a_quote_gives_only_a_headers_unit(value, quote, page, ok):
    found, doubt = on_page(value, quote, page)
    assert found.ok is ok and (doubt is None) is ok


@pytest.mark.parametrize("value, quote, ok", [
    # a proper fraction in digits is a share, its denominator no figure, its numerator a count out of it
    ("10x", "can consume <1/10th the energy of large, dense DNNs", False),
    ("10", "can consume <1/10th the energy of large, dense DNNs", False),
    ("2", "a SIRS score of at least 2/4", True), ("4", "a SIRS score of at least 2/4", False),
    ("10%", "can consume <1/10th the energy of large, dense DNNs", True),
    ("0.1", "can consume <1/10th the energy of large, dense DNNs", True),
    ("67%", "2/3 of the runs", True), ("3 runs", "2/3 of the runs", False), ("70%", "2/3 of the runs", False),
    ("2020", "released on 1/2/2020", True),
])
def test_a_fraction_in_digits_is_a_share(value, quote, ok):
    judged(value, quote, ok)


@pytest.mark.parametrize("value, quote, ok", [
    # "10−3" with the minus sign a superscript's exponent is printed with: 10⁻³, never 10, 3 or -3
    ("1e-3", "a learning rate of 10−3 per step", True), ("3", "a learning rate of 10−3 per step", False),
    ("10", "a learning rate of 10−3 per step", False), ("-3", "a learning rate of 10−3 per step", False),
    ("1e-9", "from 10−12 to 10−9", True), ("12 runs", "we did 10-12 runs", True),
])
def test_a_power_of_ten_printed_flat_after_a_minus_sign(value, quote, ok):
    judged(value, quote, ok)

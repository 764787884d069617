"""kb.quantities.quoted: whether a claim's value is among its quote's numbers."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import claim_doubt, numbers_in, value_in_quote


def _judged(value: str, quote: str, ok: bool) -> None:
    """`value` is a figure `quote` prints (ok) or not, as kb claim add reads it and as the
    index judges a hand-edited claim (claim_doubt)."""
    assert value_in_quote(value, quote).ok is ok
    assert (claim_doubt("verified", value, quote) is None) is ok


@pytest.mark.parametrize("value, quote", [
    ("10 tasks", "for the ten tasks examined in our analysis"),      # a count in words, as extraction gives it
    ("25", "Twenty-five runs of each model"),
    ("12 models", "we trained twelve models"),
    ("5", "five times less energy"),
    ("11.49 kWh", "522 smartphone charges (11.49 kWh)"),
    ("11490 Wh", "522 smartphone charges (11.49 kWh)"),
    ("626155", "a total of 626 155 images"),
    # the quote's unit, or one converting to the same figure
    ("121.7 hours", "a mean length of stay of 121.7 hours"),
    ("121.7 h", "a mean length of stay of 121.7 hours"),
    ("7302 min", "a mean length of stay of 121.7 hours"),
    ("9 %", "which is 9% of a charge"),
    ("20 kWh/day", "from 10-20 kWh per day"),
    ("0.012 kWh", "Table 3: energy (kWh) of a charge: 0.012"),       # no unit printed after the number
])
def test_the_value_is_among_the_quotes_numbers(value, quote):
    assert value_in_quote(value, quote).ok
    assert claim_doubt("verified", value, quote) is None


@pytest.mark.parametrize("value, quote", [
    ("11 tasks", "for the ten tasks examined in our analysis"),
    ("2 models", "we trained twelve models"),                      # 'two' is not a word of 'twelve'
    ("11.94 kWh", "522 smartphone charges (11.49 kWh)"),
    ("754.66 kWh", "it used 75 4.66 kWh"),                           # a writer's space is no thousands group
    # the same digits in another unit: another figure
    ("121.7 kg", "a mean length of stay of 121.7 hours"),
    ("121.7 min", "a mean length of stay of 121.7 hours"),
    ("121.7 day", "a mean length of stay of 121.7 hours"),
    ("11.49 MWh", "522 smartphone charges (11.49 kWh)"),
    ("21.4 permille", "an error rate 21.4% lower"),
    ("21.4", "an error rate 21.4% lower"),                          # a bare 21.4 is not 0.214
    ("10 Wh", "from 10-20 kWh per day"),
    ("20 kg", "from 10-20 kWh per day"),
])
def test_a_value_the_quote_does_not_hold_is_refused_with_the_numbers_it_holds(value, quote):
    found = value_in_quote(value, quote)
    assert not found.ok
    assert "is not among its quote's numbers" in claim_doubt("verified", value, quote)


@pytest.mark.parametrize("value, quote", [
    (value, quote)
    for quote in ("released on January 29, 1998 to the public", "released on 29 January 1998 to the public",
                  "released in Jan. 1998 and on 2023-05-29 again")
    for value in ("1998 kWh", "29 kg", "1998 charges", "29 %", "2023 t") if value.split()[0] in quote])
def test_the_day_or_year_of_a_date_holds_no_figure_with_a_unit(value, quote):
    assert not value_in_quote(value, quote).ok
    assert claim_doubt("verified", value, quote) is not None


@pytest.mark.parametrize("value, quote", [("1998", "released on January 29, 1998"), ("29", "on 29 May 2020"),
                                          ("1998 kWh", "used 1998 kWh in January 1999")])
def test_a_bare_date_number_and_a_figure_beside_a_date_still_hold(value, quote):
    assert value_in_quote(value, quote).ok and claim_doubt("verified", value, quote) is None


def test_number_words_are_whole_words_only():
    assert [n.text for n in numbers_in("Attention and network weights: none")] == []
    assert [(n.text, int(n.value)) for n in numbers_in("Forty-two GPUs, a dozen runs")] == [
        ("Forty-two", 42), ("dozen", 12)]


@pytest.mark.parametrize("value", ["abc", "kWh", "n/a", "about as much", "%"])
def test_a_value_without_a_number_never_stands_verified(value):
    quote = "522 smartphone charges (11.49 kWh)"
    assert claim_doubt("verified", value, quote) == f"the value {value!r} has no number"
    found = value_in_quote(value, quote)
    assert not found.ok and found.reason(value) == f"the value {value!r} has no number"


@pytest.mark.parametrize("value", ["1e99999999", "1e99999999 kWh", "2.5E+400 kg", "1e-99999 %", "1.0 × 10^99999",
                                   "3×10^1000 FLOPs", "1e" + "9" * 5000])
def test_a_value_out_of_range_never_stands_verified(value):
    """A number kb cannot hold is a doubt naming it, never an internal error or a pass."""
    quote = "it used 1e99999999 kWh, 2.5E+400 kg, 1e-99999 %, 1.0 × 10^99999 and 3×10^1000 FLOPs " + value
    doubt = claim_doubt("verified", value, quote)
    assert doubt.startswith(f"cannot read the value {value!r}: ") and "out of range" in doubt
    assert "\n" not in doubt
    assert not value_in_quote(value, quote).ok
    numbers_in(quote)                                                  # never raises


@pytest.mark.parametrize("quote, numbers", [
    ("January 29, 1998", ["29", "1998"]),
    ("on March 3, 2021 we", ["3", "2021"]),
    ("published May 12, 20244 times", ["12", "20244"]),
    ("a total of 1,2345 runs", ["1.2345"]),                          # a decimal comma: four digits after it
    ("1,287 MWh and 3,201,722 USD", ["1,287", "3,201,722"]),
    ("$3,20 1,722", ["$3,20 1,722"]),                                # pypdf's stray space inside a group
])
def test_a_thousands_group_is_three_digits_and_no_more(quote, numbers):
    assert [n.text for n in numbers_in(quote)] == numbers


@pytest.mark.parametrize("value, quote", [
    ("1998", "January 29, 1998"), ("29", "January 29, 1998"), ("2021", "on March 3, 2021 we"),
])
def test_a_date_holds_its_day_and_year(value, quote):
    assert value_in_quote(value, quote).ok and claim_doubt("verified", value, quote) is None


@pytest.mark.parametrize("value, quote", [
    ("29,199", "January 29, 1998"), ("29,199", "January 29,1998"), ("3,202", "on March 3, 2021 we"),
    ("1,234", "a total of 1,2345 runs"),
])
def test_a_date_is_no_thousands_number(value, quote):
    assert not value_in_quote(value, quote).ok and claim_doubt("verified", value, quote) is not None


# Quotes whose number counts a noun kb does not read as a unit (a capitalised noun, a
# noun after a year-like number, a compound noun): the number is a count of things.
COUNTED = ["over 150 million Web pages", "30M Papers", "Semantic Scholar 30M papers", "a 150 million web page corpus",
           "in 2000 papers", "it read 12.5 pages", "the 5 Datacenters", "30M Images were"]


@pytest.mark.parametrize("quote", COUNTED)
@pytest.mark.parametrize("unit", ["kWh", "kg", "%", "h", "MWh/day", "tCO2e", "PUE", "USD"])
def test_a_count_of_things_never_holds_a_physical_figure(quote, unit):
    number = numbers_in(quote)[0].text
    value = f"${number}" if unit == "USD" else f"{number} {unit}"
    assert not value_in_quote(value, quote).ok
    assert "is not among its quote's numbers" in claim_doubt("verified", value, quote)


#: Each quote of COUNTED, with what it counts in the claim's words.
COUNTED_AS = ["150 million pages", "30M papers", "30M paper", "150 million web pages", "2000 papers", "12.5 pages",
              "5 datacenters", "30M images"]


@pytest.mark.parametrize("value, quote", list(zip(COUNTED_AS, COUNTED)))
def test_a_count_holds_the_same_things_counted(value, quote):
    """A count holds a claim counting the same things (singular or plural), never other things
    nor another number."""
    _judged(value, quote, True)
    number, noun = value.rsplit(" ", 1)
    if "page corpus" not in quote:      # "a 150 million web page corpus" names what it counts in the singular
        _judged(f"{number} images" if noun not in ("images", "image") else f"{number} papers", quote, False)
    _judged(value.replace(number, number.replace("0", "1", 1).replace("5", "6", 1), 1), quote, False)


@pytest.mark.parametrize("value, quote, ok", [
    (value, "We ran on 100,000 cores and served 3,000 queries using 12 nodes.", ok)
    # "CPU cores" names cores the quote never says are a CPU's: refused as another model's would be
    for value, ok in [("100,000 cores", True), ("100000 core", True), ("100,000 CPU cores", False),
                      ("100,000 nodes", False), ("100,001 cores", False), ("100,000 kWh", False),
                      ("3,000 queries", True), ("3000 query", True), ("3,000 images", False), ("3,000 cores", False),
                      ("12 nodes", True), ("12 node", True), ("12", True), ("13 nodes", False), ("12 models", False),
                      ("12 GPUs", False), ("12 kWh", False)]] + [
    ("25 runs", "Twenty-five runs of each model", True), ("26 runs", "Twenty-five runs of each model", False),
    ("25 models", "Twenty-five runs of each model", False),
    ("2 kWh/run", "each training run uses 2 kWh per run on average", True),
    ("2 kWh", "each training run uses 2 kWh per run on average", False),
    ("3 kWh/run", "each training run uses 2 kWh per run on average", False),
])
def test_things_kb_has_no_unit_for_are_counted_by_their_noun(value, quote, ok):
    _judged(value, quote, ok)


@pytest.mark.parametrize("value, quote", [
    *[(numbers_in(q)[0].text, q) for q in COUNTED],                  # a bare number
    ("0.012 kWh", "Table 3: energy (kWh) of a charge: 0.012"),       # nothing after the number
    ("0.012 kWh", "energy (kWh) 0.012 0.015 0.02"),                  # a table's next cell
    ("11.49 kWh", "the energy (kWh) was 11.49 for the model"),       # words of the sentence
    ("$30M", "$30M in funding"), ("$30M", "30M dollars"), ("€5", "5 euros"),
])
def test_a_number_with_nothing_unit_like_after_it_holds_the_unit_its_quote_states(value, quote):
    assert value_in_quote(value, quote).ok and claim_doubt("verified", value, quote) is None


@pytest.mark.parametrize("value, quote", [
    ("950 charges", "950 smartphone charges"),
    ("950 smartphone_charge", "950 smartphone charges"),
    ("522 smartphone charges", "522 smartphone charges (11.49 kWh)"),
    ("11.49 foo-bars", "522 smartphone charges (11.49 kWh)"),
])
def test_a_unit_kb_cannot_read_never_stands_though_its_number_is_quoted(value, quote):
    """The number is the quote's, but the value is no figure kb reads (kb claim add refuses it):
    a hand edit is said, as kb verify says it, in every listing."""
    assert value_in_quote(value, quote).ok
    doubt = claim_doubt("verified", value, quote)
    assert doubt.startswith(f"cannot read the value {value!r}") and "unknown unit" in doubt
    wrong = value.replace(value.split()[0], str(int(float(value.split()[0])) + 1), 1)
    assert "is not among its quote's numbers" in claim_doubt("verified", wrong, quote)


@pytest.mark.parametrize("value, quote", [
    ("1 us/token", "a latency of 1 µs per token"), ("1 µs per token", "a latency of 1 μs per token"),
    ("3 ug", "about 3 µg of it"), ("25 degC", "kept at 25 °C"), ("25 °C", "kept at 25 ℃"),
])
def test_micro_and_degree_signs_in_a_quote_hold_the_same_unit(value, quote):
    assert value_in_quote(value, quote).ok and claim_doubt("verified", value, quote) is None


@pytest.mark.parametrize("value, quote", [
    ("1 ms", "a latency of 1 µs per token"), ("1 s", "a latency of 1 μs per token"), ("3 mg", "about 3 µg of it"),
    ("25 K", "kept at 25 °C"), ("25 degF", "kept at 25 °C"),
])
def test_micro_and_degree_signs_in_a_quote_are_their_unit_only(value, quote):
    assert not value_in_quote(value, quote).ok and claim_doubt("verified", value, quote) is not None


@pytest.mark.parametrize("value, quote, ok", [
    # a unit the figure extractor leaves out is still the number's own
    ("0.035 ms", "One step takes 35 µs on the GPU.", True),
    ("0.035 s", "One step takes 35 µs on the GPU.", False),
    ("35 ms", "One step takes 35 µs on the GPU.", False),
    ("0.3 %", "The failure rate is 3 ‰ of all runs.", True),
    ("3 %", "The failure rate is 3 ‰ of all runs.", False),
    ("0.03 %", "The failure rate is 3 ‰ of all runs.", False),
    ("298.15 K", "The room was kept at 25 °C during the test.", True),
    ("77 °F", "The room was kept at 25 °C during the test.", True),
    ("298.15 K", "The room was kept at 26 °C during the test.", False),
    ("25 K", "The room was kept at 25 °C during the test.", False),
    ("2 K/s", "The chip heats at 2 °C/s under load.", True),
    ("3 K/s", "The chip heats at 2 °C/s under load.", False),
    # a list is its numbers, not one number with thousands separators
    ("100 layers", "We trained models of 5, 100, 200 layers.", True),
    ("200", "We trained models of 5, 100, 200 layers.", True),
    ("5100200 layers", "We trained models of 5, 100, 200 layers.", False),
    ("5100200", "sizes 5,100,200", True),
])
def test_units_the_extractor_leaves_out_and_lists(value, quote, ok):
    _judged(value, quote, ok)


@pytest.mark.parametrize("value, quote, ok", [
    # thousands groups written with spaces: one number, in the claim and in the quote
    ("1 287 MWh", "The cluster drew 1 287 MWh in total.", True),
    ("1.287 GWh", "The cluster drew 1 287 MWh in total.", True),
    ("1,287 MWh", "The cluster drew 1 287 MWh in total.", True),
    ("1 287 MWh", "The cluster drew 1,287 MWh in total.", True),
    ("1 288 MWh", "The cluster drew 1 287 MWh in total.", False),
    ("287 MWh", "The cluster drew 1 287 MWh in total.", False),
    ("1 MWh", "The cluster drew 1 287 MWh in total.", False),
    ("287", "BERT 1 287", True),          # cells of a table row may be numbers of their own
    # a conversion that is no decimal shift is rounded as a writer rounds it, to three digits
    ("284 t CO2e", "emitted 626,155 lbs of CO2e", True),
    ("284 t CO2e", "emitted 626 155 lbs of CO2e", True),
    ("5.07 days", "a mean length of stay of 121.7 hours", True),
    ("285 t CO2e", "emitted 626,155 lbs of CO2e", False),
    ("280 t CO2e", "emitted 626,155 lbs of CO2e", False),
    ("300 t CO2e", "emitted 626,155 lbs of CO2e", False),
    ("284 t", "emitted 626,155 lbs of CO2e", False),
    ("284 kg CO2e", "emitted 626,155 lbs of CO2e", False),
    ("5.1 days", "a mean length of stay of 121.7 hours", False),
    # a decimal shift is written exactly
    ("22 Wh", "charging the average smartphone requires 0.022 kWh of energy", True),
    ("23 Wh", "charging the average smartphone requires 0.022 kWh of energy", False),
    ("11,500 Wh", "as much energy as 522 smartphone charges (11.49 kWh)", False),
    ("11.5 kWh", "as much energy as 522 smartphone charges (11.49 kWh)", False),
])
def test_spaced_thousands_and_rounded_conversions(value, quote, ok):
    _judged(value, quote, ok)


@pytest.mark.parametrize("value, quote, ok", [
    # money: the currency is the quote's, and a figure in money needs money in the quote
    ("$7 billion", "more than $7 billion in new capital investment", True),
    ("7 billion USD", "more than $7 billion in new capital investment", True),
    ("7 billion", "more than $7 billion in new capital investment", False),     # money is a unit
    ("€7 billion", "more than $7 billion in new capital investment", False),
    ("7 billion kWh", "more than $7 billion in new capital investment", False),
    ("€150k", "at the cost of at least $150k in on-demand compute time", False),
    ("$7", "we trained 7 models", False),
    ("7 USD", "it cost 7 EUR", False),
    # a rate after a range of prices is each price's, and '/' starts a unit
    ("$0.43/hr", "resources priced at $0.43–$0.74/hr", True),
    ("$0.43 per hour", "resources priced at $0.43–$0.74/hr", True),
    ("$0.74/hr", "resources priced at $0.43–$0.74/hr", True),
    ("$0.74/day", "resources priced at $0.43–$0.74/hr", False),
    ("$0.44/hr", "resources priced at $0.43–$0.74/hr", False),
    ("$8/day", "on-demand ($4.50/hr–$8/hr) pricing", False),
])
def test_money_and_rates_of_prices(value, quote, ok):
    _judged(value, quote, ok)


BERT = "training a BERT-small model [8] for approximately 36 hours on 8 NVIDIA V100 GPUs"


@pytest.mark.parametrize("value, quote, ok", [
    # a reference, a name's number, a label's number or a year is no figure
    ("8 hours", BERT, False),
    ("36 hours", BERT, True),
    ("8 GPUs", BERT, True),
    ("46 kWh", "as the agency estimates [46].", False),
    ("48", "[48, MNLI] for approximately 6 hours", False),
    ("3 parameters", "GPT-3 is an autoregressive language model with 175B parameters", False),
    ("560 parameters", "BLOOMz-560M to 1.0 × 10−4 kWh for the biggest one", False),
    ("2 kWh", "as shown in Table 2.", False),
    ("4.1 kWh", "see Section 4.1 for details", False),
    ("2016 words", "translating more than 100 billion words per day in 2016, assuming", False),
    ("2010 %", "increased by only 6% compared with 2010, despite", False),
    ("6 %", "increased by only 6% compared with 2010, despite", True),
    ("2048 GPUs", "a cluster of 2048 GPUs", True),
    ("1984 lbs", "Air travel, 1 passenger, NY ↔SF 1984", False),     # no header quoted: no unit stated
])
def test_references_names_labels_and_years_hold_no_figure(value, quote, ok):
    _judged(value, quote, ok)


@pytest.mark.parametrize("value, quote, per, ok", [
    # a rate is no amount: its amount stands only with the claim's per naming the rate's
    ("0.025 kg CO2e/h", "The job emits 25 gCO2e per hour on this grid.", None, True),
    ("0.025 kg CO2e per hour", "The job emits 25 gCO2e per hour on this grid.", None, True),
    ("25 gCO2e", "The job emits 25 gCO2e per hour on this grid.", None, False),
    ("0.025 kg CO2e", "The job emits 25 gCO2e per hour on this grid.", None, False),
    ("0.025 kg CO2e", "The job emits 25 gCO2e per hour on this grid.", "hour", True),
    ("25 gCO2e", "The job emits 25 gCO2e per hour on this grid.", "1 h", True),
    ("0.025 kg CO2e", "The job emits 25 gCO2e per hour on this grid.", "60 minutes", True),
    ("0.025 kg CO2e", "The job emits 25 gCO2e per hour on this grid.", "day", False),
    ("0.025 kg CO2e", "The job emits 25 gCO2e per hour on this grid.", "1000 inferences", False),
    ("147 gCO2e", "low carbon intensity (ranging from 11 to 147 gCO2eq/kWh)", None, False),
    ("10 kWh", "from 10-20 kWh per day", None, False),
    ("10000 Wh", "from 10-20 kWh per day", "day", True),
    ("1 us", "a latency of 1 µs per token", None, False),
    ("1 us", "a latency of 1 µs per token", "token", True),
    # CO2 after a mass is part of its unit
    ("1.2 t", "a single passenger round trip SF-NY is ~1.2t CO 2 e (Table 2)", None, False),
    ("1.2 tCO2e", "a single passenger round trip SF-NY is ~1.2t CO 2 e (Table 2)", None, True),
    ("253 tons", "is about 253 tons of CO2eq, which is", None, False),
    ("253 tons of CO2eq", "is about 253 tons of CO2eq, which is", None, True),
])
def test_a_rate_is_no_amount_unless_the_claim_says_per_what(value, quote, per, ok):
    assert value_in_quote(value, quote, per).ok is ok
    assert (claim_doubt("verified", value, quote, per) is None) is ok


@pytest.mark.parametrize("value, quote, ok", [
    ("15×", "text generation uses 15 times more energy", True),
    ("15x", "text generation uses 15 times more energy", True),
    ("1.3X", "it runs 1.3X faster", True),
    ("16×", "text generation uses 15 times more energy", False),
    ("15x", "it uses 15 kWh more", False),            # a factor is no energy
    ("15 times", "it uses 15 kWh more", False),
    ("15", "it uses 15 kWh more", False),             # a bare number drops its quote's unit
])
def test_a_factor_is_written_with_x_or_times_and_is_no_physical_figure(value, quote, ok):
    _judged(value, quote, ok)


def test_a_refused_amount_of_a_rate_says_per_what():
    found = value_in_quote("0.025 kg CO2e", "The job emits 25 gCO2e per hour on this grid.")
    assert not found.ok and "gives a rate per h" in found.reason("0.025 kg CO2e") and "--per 'h'" in \
        found.reason("0.025 kg CO2e")
    wrong = value_in_quote("0.026 kg CO2e", "The job emits 25 gCO2e per hour on this grid.")
    assert not wrong.ok and "rate" not in wrong.reason("0.026 kg CO2e")


ROW_KWH = "kWh 3.1 37.3 13,812.4 0.02 0.03 0.04 1.7 2.2 4.7 93.3 237.6"
ROW_HOURS = "Hours 6 36 192 0.3 0.3 0.4 19 19 21 90 216"
ROW_HEADED = "Energy consumption (KWh) 316 221 185 40 30"
ROW_WATTS = "Total Watts 187.1 22.9 9.3 23.0 9.3 251.6 Fraction 74% 9% 4% 9% 4% 100%"


@pytest.mark.parametrize("value, quote, ok", [
    # a table row's label gives its cells their unit
    ("13,812.4 kWh", ROW_KWH, True), ("13.8124 MWh", ROW_KWH, True), ("13812.4", ROW_KWH, True),
    ("13,812.4 kg", ROW_KWH, False),
    ("192 hours", ROW_HOURS, True), ("8 days", ROW_HOURS, True), ("192 kWh", ROW_HOURS, False),
    ("216 days", ROW_HOURS, False),
    ("316 kWh", ROW_HEADED, True), ("0.316 MWh", ROW_HEADED, True), ("316 MWh", ROW_HEADED, False),
    ("251.6 W", ROW_WATTS, True), ("0.2516 kW", ROW_WATTS, True), ("251.6 kg", ROW_WATTS, False),
    ("0.429 kgCO2e/kWh", "(Section 2.4 and Appendix D) 0.429 0.478", False),    # no label: no unit stated
    ("0.429", "(Section 2.4 and Appendix D) 0.429 0.478", True),
    # a hyphen after a figure with its unit is a range, not a name
    ("350W", "often consuming 250W-350W, compared to CPU", True),
    ("0.35 kW", "often consuming 250W-350W, compared to CPU", True),
    ("80 GPU", "a node of 8 NVIDIA A100-SXM4-80GB GPUs hosted", False),
])
def test_table_rows_and_ranges_of_figures(value, quote, ok):
    _judged(value, quote, ok)


@pytest.mark.parametrize("value, quote, ok", [
    # a model's or product's number, printed after its name with a space, is no figure in any unit
    ("1080 W", "a single GTX 1080 uses 250 W under load", False),
    ("1080", "a single GTX 1080 uses 250 W under load", False),
    ("250 W", "a single GTX 1080 uses 250 W under load", True),
    ("251 W", "a single GTX 1080 uses 250 W under load", False),
    ("0.25 kW", "a single GTX 1080 uses 250 W under load", True),
    ("250 kW", "a single GTX 1080 uses 250 W under load", False),
    ("3090 W", "the RTX 3090 is rated at 350 W", False),
    ("7763 W", "one AMD EPYC 7763 at 280 W", False),
    ("6248 kWh", "two Intel Xeon Gold 6248 CPUs used 12 kWh", False),
    ("12 kWh", "two Intel Xeon Gold 6248 CPUs used 12 kWh", True),
    ("2 kWh", "Llama 2 70B used 5 kWh in total", False),
    ("70 billion", "Llama 2 70B used 5 kWh in total", True),       # the model's size is a figure
    ("80 billion", "Llama 2 70B used 5 kWh in total", False),
    ("2 %", "with Stable Diffusion 2 it takes 5 % more", False),
    ("5 %", "with Stable Diffusion 2 it takes 5 % more", True),
    ("1.1 %", "accuracy on SQuAD 1.1 rose by 3 %", False),
    ("40 GB", "an A100 40GB drew 400 W", True),                       # a memory size is a figure
    ("40 W", "an A100 40GB drew 400 W", False),
    ("400 W", "an A100 40GB drew 400 W", True),
    ("3 GPUs", "on 3 NVIDIA GTX 1080 Ti GPUs for two weeks", True),
    ("1080 GPUs", "on 3 NVIDIA GTX 1080 Ti GPUs for two weeks", False),
    # a score named before its value, a table row's label and a sentence's first word are no names
    ("28.4", "a score of BLEU 28.4 on newstest", True),
    ("316 kWh", "Energy consumption (kWh) Total 316", True),
    ("300", "Nearly 300 of them were trained", True),
    ("213 kWh", "Transformer 213 0.07 and ELMo 262 3.2 (kWh)", False),     # kWh is 3.2's
    ("213", "Transformer 213 0.07 and ELMo 262 3.2 (kWh)", True),
])
def test_a_model_names_number_is_no_figure(value, quote, ok):
    _judged(value, quote, ok)


@pytest.mark.parametrize("value, quote, ok", [
    # a decimal comma: a comma then one, two or four and more digits, or after dot thousands groups
    ("0.5 kWh/query", "it uses 0,5 kWh per query", True),
    ("500 Wh/query", "it uses 0,5 kWh per query", True),
    ("0.6 kWh/query", "it uses 0,5 kWh per query", False),
    ("5 kWh/query", "it uses 0,5 kWh per query", False),
    ("0.5 MWh/query", "it uses 0,5 kWh per query", False),
    ("3.2 %", "a share of 3,2 % of the total", True),
    ("3,2 %", "a share of 3,2 % of the total", True),
    ("2 %", "a share of 3,2 % of the total", False),
    ("32 %", "a share of 3,2 % of the total", False),
    ("3.2 kg", "a share of 3,2 % of the total", False),
    ("0.0125 kWh", "charging takes 0,0125 kWh in all", True),
    ("0.125 kWh", "charging takes 0,0125 kWh in all", False),
    ("1234.5 MWh", "it consumed 1.234,5 MWh that year", True),
    ("1,234.5 MWh", "it consumed 1.234,5 MWh that year", True),
    ("1.2345 GWh", "it consumed 1.234,5 MWh that year", True),
    ("1.234 MWh", "it consumed 1.234,5 MWh that year", False),
    ("1234.6 MWh", "it consumed 1.234,5 MWh that year", False),
    ("1234567 t", "some 1.234.567 t of steel", True),
    ("0.022 kWh", "a charge takes 0,022 kWh of energy", True),        # no thousands start with a lone 0
    ("0,022 kWh", "a charge takes 0,022 kWh of energy", True),
    ("22 kWh", "a charge takes 0,022 kWh of energy", False),
    ("0.023 kWh", "a charge takes 0,022 kWh of energy", False),
    ("1.234 t", "some 1.234.567 t of steel", False),
    # a comma then three digits is a thousands separator, unless the quote's thousands are dots
    ("1000 kWh", "it consumed 1,000 kWh and 0,5 kWh", True),
    ("1 kWh", "it consumed 1,000 kWh and 0,5 kWh", False),
    ("1 kWh", "it consumed 1,000 kWh", False),
    ("2.5 MWh", "1.234,5 MWh in total and 2,500 MWh in the first year", True),
    ("2500 MWh", "1.234,5 MWh in total and 2,500 MWh in the first year", False),
    # a citation's and a list's commas are no decimal commas
    ("2.28", "as noted [2,28] before", False),
    ("1.2", "in runs 1,2,3 and 4", False),
])
def test_decimal_commas_are_read_where_unambiguous(value, quote, ok):
    _judged(value, quote, ok)


def test_a_quotes_numbers_are_listed_as_printed_with_their_decimal_comma():
    found = value_in_quote("0.6 kWh", "it consumed 0,5 kWh and 1.234,5 MWh")
    assert not found.ok and "0,5 kWh, 1.234,5 MWh" in found.reason("0.6 kWh")


@pytest.mark.parametrize("written, lo, nominal, hi, number", [
    ("0,5 kWh", 0.45, 0.5, 0.55, "0,5"),
    ("3,25 %", 3.245, 3.25, 3.255, "3,25"),
    ("1.234,5 MWh", 1234.45, 1234.5, 1234.55, "1.234,5"),
    ("1,000 kWh", 500, 1000, 1500, "1,000"),             # thousands, never one
    ("1,234 kWh", 1233.5, 1234, 1234.5, "1,234"),
])
def test_a_claims_value_may_have_a_decimal_comma(written, lo, nominal, hi, number):
    from kb.quantities.interval import Interval, split_figure
    iv = Interval.from_written(written)
    assert (iv.lo, iv.nominal, iv.hi) == pytest.approx((lo, nominal, hi))
    assert split_figure(written)[:2] == (number, pytest.approx(nominal))


@pytest.mark.parametrize("value, quote", [
    ("29", "on January 29, 1998"), ("3", "from Sept 3 to Oct 9"), ("9", "from Sept 3 to Oct 9"),
])
def test_a_months_day_is_no_model_number(value, quote):
    assert value_in_quote(value, quote).ok and claim_doubt("verified", value, quote) is None


@pytest.mark.parametrize("value, quote, per, ok", [
    # CO2 named in words or as CO₂ after the mass is part of its unit, as "CO2" is
    ("25 kg CO2e", "it emits 25 kg of carbon dioxide", None, True),
    ("25 kg CO2", "it emits 25 kg of carbon dioxide", None, True),
    ("25000 g CO2e", "it emits 25 kg of carbon dioxide", None, True),
    ("26 kg CO2e", "it emits 25 kg of carbon dioxide", None, False),
    ("25 g CO2e", "it emits 25 kg of carbon dioxide", None, False),
    ("25 kg", "it emits 25 kg of carbon dioxide", None, False),            # a mass of CO2 is no plain mass
    ("25 kWh", "it emits 25 kg of carbon dioxide", None, False),
    ("25 kg CO2e", "it emits 25 kg of CO₂", None, True),
    ("25 t CO2e", "it emits 25 kg of CO₂", None, False),
    ("284 t CO2e", "626,155 pounds of carbon dioxide", None, True),
    ("285 t CO2e", "626,155 pounds of carbon dioxide", None, False),
    ("25 t CO2e", "25 tonnes of carbon dioxide equivalent", None, True),
    ("25 kg CO2e", "it emits 25 kg of the greenhouse gas carbon dioxide", None, True),
    ("52 kg CO2e", "it emits 25 kg of the greenhouse gas carbon dioxide", None, False),
    # after the same mass restated in parentheses: both masses are CO2
    ("284,019 kg CO2e", "produced 284,019 kg (626,155 lbs) of CO2, similar to", None, True),
    ("626,155 lbs CO2e", "produced 284,019 kg (626,155 lbs) of CO2, similar to", None, True),
    ("284 t CO2e", "produced 284,019 kg (626,155 lbs) of CO2, similar to", None, True),
    ("284,091 kg CO2e", "produced 284,019 kg (626,155 lbs) of CO2, similar to", None, False),
    ("626,155 kg CO2e", "produced 284,019 kg (626,155 lbs) of CO2, similar to", None, False),
    ("284,019 kg CO2e", "produced 284,019 kg (626,155 lbs) of coal", None, False),
    ("626,155 lbs CO2e", "produced 284,019 kg (626,155 lbs) of coal", None, False),
    # "emissions" alone names no gas: the mass as printed holds, CO2 does not
    ("626,155 lb", "the NAS produced 626,155 lbs of emissions", None, True),
    ("284 t", "the NAS produced 626,155 lbs of emissions", None, True),
    ("626,155 lbs CO2", "the NAS produced 626,155 lbs of emissions", None, False),
    ("626,155 lbs CO2e", "the NAS produced 626,155 lbs of emissions", None, False),
    ("626,155 lb", "the NAS produced 284,019 kg (626,155 lbs) of emissions", None, True),
    ("626,155 lbs CO2", "the NAS produced 284,019 kg (626,155 lbs) of emissions", None, False),
    ("284,019 kg CO2e", "the NAS produced 284,019 kg (626,155 lbs) of emissions", None, False),
    ("626,155 lbs CO2e", "total emissions: 626,155 lbs", None, False),
    ("626,155 lb", "total emissions: 626,155 lbs", None, True),
    # or named before the figure in its clause
    ("25 kg CO2e", "carbon dioxide emissions of 25 kg were measured", None, True),
    ("25 kg CO2e", "the CO 2 emissions were 25 kilograms", None, True),
    ("0.025 t CO2e", "the CO 2 emissions were 25 kilograms", None, True),
    ("0.25 t CO2e", "the CO 2 emissions were 25 kilograms", None, False),
    ("25 kg CO2e", "the CO₂ footprint was 25 kg in total", None, True),
    ("25 kg CO2e", "CO2 emissions (kg) 25", None, True),
    ("25 kg CO2e/query", "CO2 emissions of 25 kg per query", None, True),
    ("25 g CO2e/query", "CO2 emissions of 25 kg per query", None, False),
    ("25 kg CO2e", "CO2 emissions of 25 kg per query", None, False),        # an amount of a rate
    ("25 kg CO2e", "CO2 emissions of 25 kg per query", "query", True),
    # another gas or substance, or CO2 named for another number or clause, is not that mass's
    ("25 kg CO2e", "it emits 25 kg of methane", None, False),
    ("25 kg CO2e", "it emits 25 kg of CH4", None, False),
    ("25 kg CO2e", "CO2 emissions of 25 kg of coal", None, False),
    ("25 kg CO2e", "CO2 emissions of 3 kg and 25 kg of coal", None, False),
    ("25 kg CO2e", "it uses 25 kg of hardware and emits 3 kg CO2", None, False),
    ("3 kg CO2e", "it uses 25 kg of hardware and emits 3 kg CO2", None, True),
    ("25 kg CO2e", "Compared with CO2, the hardware weighs 25 kg", None, False),
])
def test_co2_named_in_words_or_before_the_figure(value, quote, per, ok):
    assert value_in_quote(value, quote, per).ok is ok
    assert (claim_doubt("verified", value, quote, per) is None) is ok


@pytest.mark.parametrize("value, quote, ok", [
    # a bound's number is the claim's figure ...
    ("50%", "it cuts energy by up to 50% in all", True),
    ("3 kWh", "each run uses at least 3 kWh", True),
    ("1450x", "can vary by a factor of over 1450", True),
    ("51%", "it cuts energy by up to 50% in all", False),
    ("3 MWh", "each run uses at least 3 kWh", False),
    # ... and a value written as a bound holds only a bound of the same direction
    ("up to 50%", "it cuts energy by up to 50% in all", True),
    ("≤ 50 %", "it cuts energy by up to 50% in all", True),
    ("at most 50 %", "it cuts energy by less than 50% in all", True),
    ("≥ 50 %", "it cuts energy by up to 50% in all", False),
    ("at least 50%", "it cuts energy by up to 50% in all", False),
    ("up to 50%", "it cuts energy by 50% in all", False),             # an exact figure is no bound
    ("up to 51%", "it cuts energy by up to 50% in all", False),
    ("up to 50 kWh", "it cuts energy by up to 50% in all", False),
    ("at least 3 kWh", "each run uses at least 3 kWh", True),
    (">= 3000 Wh", "each run uses at least 3 kWh", True),
    ("> 3 kWh", "each run uses more than 3 kWh", True),
    ("≤ 3 kWh", "each run uses at least 3 kWh", False),
    ("> 3 kWh", "each run uses less than 3 kWh", False),
    ("at least 4 kWh", "each run uses at least 3 kWh", False),
    ("over 1450x", "can vary by a factor of over 1450", True),
    ("under 1450x", "can vary by a factor of over 1450", False),
    ("≥ 50 %", "in 50% or more of the runs", True),
    ("≤ 50 %", "in 50% or more of the runs", False),
    ("up to $5", "it costs up to $5 per run", False),      # a price per run is no amount
    ("about 50%", "it cuts energy by about 50%", True),
    ("up to 50%", "it cuts energy by as much as 50% overall", True),
    ("≥ 50%", "it cuts energy by as much as 50% overall", False),
    ("at least 5%", "as little as 5% of the energy", True),
    ("≤ 5%", "as little as 5% of the energy", False),
    ("≤ 8 GPUs", "a maximum of 8 GPUs in all", True),
    ("≥ 8 GPUs", "a maximum of 8 GPUs in all", False),
    ("about 51%", "it cuts energy by about 50%", False),
    # a factor: "×", "-fold", "times", "a factor of", "orders of magnitude"; never a percentage or a unit
    ("100x", "a 100× increase in energy", True),
    ("100", "a 100× increase in energy", True),
    ("100-fold", "a 100× increase in energy", True),
    ("100 %", "a 100× increase in energy", False),
    ("10000 %", "a 100× increase in energy", False),
    ("100 kWh", "a 100× increase in energy", False),
    ("101x", "a 100× increase in energy", False),
    ("100x", "a 100-fold increase in energy", True),
    ("100 times", "a 100-fold increase in energy", True),
    ("100 %", "a 100-fold increase in energy", False),
    ("100 kWh", "a 100-fold increase in energy", False),
    ("1000x", "a 100-fold increase in energy", False),
    ("15 %", "it uses 15x more", False),
    ("15x", "it uses 15% more", False),
    ("100x", "two orders of magnitude more energy", True),
    ("100", "two orders of magnitude more energy", False),     # a factor in words, no bare number
    ("100 times", "two orders of magnitude more energy", True),
    ("1000x", "two orders of magnitude more energy", False),
    ("10x", "two orders of magnitude more energy", False),
    ("2", "two orders of magnitude more energy", False),             # no figure 2
    ("100 kWh", "two orders of magnitude more energy", False),
    ("100 %", "two orders of magnitude more energy", False),
    ("10x", "an order of magnitude more energy", True),
    ("1000x", "3 orders of magnitude more energy", True),
    ("3", "3 orders of magnitude more energy", False),
])
def test_bounds_and_factors(value, quote, ok):
    _judged(value, quote, ok)


def test_a_bound_of_the_other_direction_is_named_as_such():
    found = value_in_quote("at least 50%", "it cuts energy by up to 50% in all")
    assert "is a lower bound, but its quote does not give '50%' as a lower bound" in found.reason("at least 50%")


@pytest.mark.parametrize("value, quote, note", [
    ("50%", "it cuts energy by up to 50% in all", "as an upper bound ('up to 50%'): the claim is the bound's number; "
                                                   "write the value as 'up to 50%'"),
    ("3 kWh", "each run uses at least 3 kWh", "write the value as 'at least 3 kWh'"),
    ("50 %", "in 50% or more of the runs", "write the value as '≥ 50 %'"),
    ("50%", "it cuts energy by 50% in all", None),
    ("up to 50%", "it cuts energy by up to 50% in all", None),
])
def test_a_bare_number_of_a_bound_is_said_to_be_one(value, quote, note):
    from kb.quantities.quoted import bound_note
    got = bound_note(value, quote)
    assert got is None if note is None else note in got


@pytest.mark.parametrize("written, number, nominal, unit", [
    ("up to 50%", "up to 50", 50, "%"), ("≥ 3 kWh", "≥ 3", 3, "kWh"), ("over 1450x", "over 1450", 1450, "x"),
    ("about 5 h", "about 5", 5, "h"), ("100-fold", "100", 100, "-fold"),
])
def test_a_bound_reads_as_its_number(written, number, nominal, unit):
    from kb.quantities.interval import Interval, split_figure
    assert Interval.from_written(written).nominal == pytest.approx(nominal)
    assert split_figure(written) == (number, pytest.approx(nominal), unit)


@pytest.mark.parametrize("value, quote, ok", [
    ("8700 W", "an Intel Core i7 8700 CPU uses 65 W", False),
    ("8700", "an Intel Core i7 8700 CPU uses 65 W", False),
    ("65 W", "an Intel Core i7 8700 CPU uses 65 W", True),
    ("13 kWh", "charging an iPhone 13 takes 0.01 kWh", False),
    ("0.01 kWh", "charging an iPhone 13 takes 0.01 kWh", True),
    ("12 kWh", "on v2 12 kWh were used", True),                    # a unit after it: a figure
])
def test_a_name_with_digits_or_inner_capitals_lends_no_figure(value, quote, ok):
    _judged(value, quote, ok)


@pytest.mark.parametrize("value, quote, ok", [
    # a table row's cells after a label or cell holding digits are no number with spaced thousands
    ("300 W", "Quantity used Tesla V100 30 300 W 1-128 TPU v3 9 450 W 1-1024", True),
    ("450 W", "Quantity used Tesla V100 30 300 W 1-128 TPU v3 9 450 W 1-1024", True),
    ("30300 W", "Quantity used Tesla V100 30 300 W 1-128 TPU v3 9 450 W 1-1024", False),
    ("9450 W", "Quantity used Tesla V100 30 300 W 1-128 TPU v3 9 450 W 1-1024", False),
    ("180 W", "Tesla M40 5 250 W 8 GTX 1080 4 180 W 1-8", True),
    ("4180 W", "Tesla M40 5 250 W 8 GTX 1080 4 180 W 1-8", False),
    ("1080 W", "Tesla M40 5 250 W 8 GTX 1080 4 180 W 1-8", False),      # a product line's model number
    # prose keeps them
    ("1287 MWh", "in 2019, 1 287 MWh were used", True),
    ("287 MWh", "in 2019, 1 287 MWh were used", False),
])
def test_table_cells_are_no_spaced_thousands(value, quote, ok):
    _judged(value, quote, ok)


@pytest.mark.parametrize("value, quote, ok", [
    ("2021.3", "in the 12 months ending in Q1 2021,3 compared to", False),  # a year, then its footnote
    ("2021.3 kWh", "in the 12 months ending in Q1 2021,3 compared to", False),
])
def test_a_years_footnote_after_a_comma_is_no_decimal(value, quote, ok):
    assert value_in_quote(value, quote).ok is ok


@pytest.mark.parametrize("value, quote, ok", [
    ("2x", "the energy more than doubled since 2015", True),
    ("more than 2x", "the energy more than doubled since 2015", True),
    ("less than 2x", "the energy more than doubled since 2015", False),
    ("2 times", "twice the energy of the smaller model", True),
    ("3x", "twice the energy of the smaller model", False),
    ("2 kWh", "twice the energy of the smaller model", False),
    ("200 %", "twice the energy of the smaller model", False),
    ("3x", "it tripled the energy", True),
    ("2x", "it tripled the energy", False),
    ("4x", "quadrupling the energy", True),
    ("2x", "a double-blind review", False),
])
def test_a_factor_written_as_a_word(value, quote, ok):
    _judged(value, quote, ok)


@pytest.mark.parametrize("value, quote", [
    ("2.20", "when processed using the Python library PyPDF2,20 (ii) have"),    # a name's digits, a footnote
    ("1.2", "Automatic Evaluation Rouge-{1,2,L} [37] and BERT Score"),
    ("4.8", "and OpenIE 4,8 we use existing knowledge"),                       # a model's number, a footnote
])
def test_a_names_digits_and_a_footnote_are_no_decimal_comma(value, quote):
    assert not value_in_quote(value, quote).ok and claim_doubt("verified", value, quote) is not None


@pytest.mark.parametrize("value, quote, ok", [
    # a capitalised word of a table's row or a sentence is no name
    ("3.2 tCO2e", "Net tCO 2 e for Model Training 3.2", True),
    ("3.2 tCO2e", "Net tCO 2 e for Model Training 3.3", False),
    ("2 t CO2e", "in Scope 2 emissions were 5 t CO2e", False),
])
def test_a_capitalised_word_is_no_models_name(value, quote, ok):
    _judged(value, quote, ok)


SMS = "An SMS message is 0.014 g of CO 2 . That is larger than 24 MWh / 2B"
GPUS = "(approximately 58 GPUs for 172 days) would cost $145,000 USD plus electricity"
GPU_HOURS = "this equals a training time of 384 GPU hours ; a model using 8 GPUs for 48 hours"
TPU_CHIPS = "BERT was trained on 16 TPU chips for 4 days"
ABOVE = "are on the high end of the carbon spectrum, with emissions of 350 gCO2eq/kWh and above."
AT_MOST = "the task-specific summarization models we looked at were 600 million parameters at most, compared to"
POINTS = "the share rose by 3 percentage points to 12% in a year"


@pytest.mark.parametrize("value, quote, ok", [
    # a mass prefixed milli or micro, or a tonne spelled out, carries CO2e as grams and tonnes do
    ("14 mg CO2e", SMS, True), ("0.014 g CO2e", SMS, True), ("1.4e-5 kg CO2e", SMS, True),
    ("41 mg CO2e", SMS, False), ("14 µg CO2e", SMS, False), ("14 mg", SMS, False),
    ("940 megatonnes of CO2", "air travel was responsible for 940 MtCO 2 , or ~2.5% of", True),
    ("0.94 gigatonnes CO2e", "air travel was responsible for 940 MtCO 2 , or ~2.5% of", True),
    ("940 kilotonnes of CO2", "air travel was responsible for 940 MtCO 2 , or ~2.5% of", False),
    # a GPU is no TPU: one dimension for checks, but another word for a claim
    ("58 GPUs", GPUS, True), ("58 accelerators", GPUS, True),
    ("58 TPUs", GPUS, False), ("59 GPUs", GPUS, False),
    ("384 GPU-hours", GPU_HOURS, True), ("16 GPU days", GPU_HOURS, True),
    ("384 TPU hours", GPU_HOURS, False), ("16 TPU days", GPU_HOURS, False),
    ("16 TPUs", TPU_CHIPS, True), ("16 GPUs", TPU_CHIPS, False),
    # a bound written after the figure and its unit
    ("≥ 350 gCO2e/kWh", ABOVE, True), ("at least 350 gCO2e/kWh", ABOVE, True), ("350 gCO2eq/kWh", ABOVE, True),
    ("≤ 350 gCO2e/kWh", ABOVE, False), ("at least 530 gCO2e/kWh", ABOVE, False),
    ("at most 600 million parameters", AT_MOST, True), ("600 million parameters", AT_MOST, True),
    ("at least 600 million parameters", AT_MOST, False), ("at most 60 million parameters", AT_MOST, False),
    ("at least 3 kWh", "it uses 3 kWh at least once a day", False),     # "at least once": no bound of 3 kWh
    # percentage points are no percentage
    ("3 pp", POINTS, True), ("3 percentage points", POINTS, True), ("3 percentage point", POINTS, True),
    ("3 %", POINTS, False), ("4 pp", POINTS, False), ("12 pp", POINTS, False), ("12 %", POINTS, True),
    ("3 pp", "the share rose by 3 pp to 12%", True), ("3 percentage points", "the share rose by 3 pp to 12%", True),
    ("3 pp", "the share rose by 3% to 12%", False), ("3 percentage points", "the share rose by 3% to 12%", False),
])
def test_figures_of_real_sentences(value, quote, ok):
    _judged(value, quote, ok)


@pytest.mark.parametrize("value, quote, ok", [
    # a power of ten printed in superscript, or a bare ten raised with a caret, is one number
    ("1.2e5 kWh", "training used 1.2 × 10⁵ kWh", True), ("120 MWh", "training used 1.2 × 10⁵ kWh", True),
    ("1.2 × 10⁵ kWh", "training used 1.2 × 10⁵ kWh", True), ("1.2 × 10^5 kWh", "training used 1.2 × 10⁵ kWh", True),
    ("1.2e6 kWh", "training used 1.2 × 10⁵ kWh", False), ("1.2 kWh", "training used 1.2 × 10⁵ kWh", False),
    ("10 kWh", "training used 1.2 × 10⁵ kWh", False), ("2.1e5 kWh", "training used 1.2 × 10⁵ kWh", False),
    ("100,000 GPU hours", "training used 10⁵ GPU hours", True), ("1e5 GPU hours", "training used 10⁵ GPU hours", True),
    ("10 GPU hours", "training used 10⁵ GPU hours", False), ("105 GPU hours", "training used 10⁵ GPU hours", False),
    ("1e6 GPU hours", "training used 10⁵ GPU hours", False),
    ("0.001", "a learning rate of 10⁻³ was used", True), ("1e-3", "a learning rate of 10⁻³ was used", True),
    ("10^-4", "a learning rate of 10⁻³ was used", False), ("3", "a learning rate of 10⁻³ was used", False),
    ("0.001", "a learning rate of 10^-3 was used", True), ("1e-3", "a learning rate of 10^-3 was used", True),
    ("10", "a learning rate of 10^-3 was used", False), ("-3", "a learning rate of 10^-3 was used", False),
    ("0.01", "a learning rate of 10^-3 was used", False),
    ("10 days", "we trained for 10 days¹ on 8 GPUs", True),          # a footnote's mark after a word
])
def test_a_power_of_ten_is_one_number(value, quote, ok):
    _judged(value, quote, ok)


@pytest.mark.parametrize("value, quote, ok", [
    # a currency's code before the number is its currency, as a sign is (a rate's "for each" needs its per)
    ("$3,000/run", "the cost was USD 3,000 for each run", True), ("3,000 USD per run", "the cost was USD 3,000 for each run",
                                                                  True),
    ("USD 3,000", "the cost was USD 3,000 for the run", True), ("3,000", "the cost was USD 3,000 for each run", False),
    ("$3,000", "the cost was USD 3,000 for each run", False),
    ("€3,000", "the cost was USD 3,000 for each run", False), ("$30,000", "the cost was USD 3,000 for each run", False),
    ("3,000 kWh", "the cost was USD 3,000 for each run", False), ("EUR 3,000", "the cost was USD 3,000 for each run", False),
    ("€1.2M", "the cost was EUR 1.2 million in total", True), ("$1.2M", "the cost was EUR 1.2 million in total", False),
    ("€2.1M", "the cost was EUR 1.2 million in total", False), ("£500", "the cost was GBP 500 in total", True),
    ("$500", "the cost was GBP 500 in total", False),
    ("USD 145,000", "would cost $145,000 USD plus electricity", True),
    ("EUR 145,000", "would cost $145,000 USD plus electricity", False),
])
def test_a_currency_code_before_the_number(value, quote, ok):
    _judged(value, quote, ok)


THIRD = "attributed approximately one-third of their internal end-to-end ML carbon footprint to model inference"
HALF = "half of the models in our sample were trained in the United States"


@pytest.mark.parametrize("value, quote, ok", [
    # a number in words with its scale is one number
    ("2 million images", "the model was trained on two million images", True),
    ("2M images", "the model was trained on two million images", True),
    ("2 images", "the model was trained on two million images", False),
    ("2 billion images", "the model was trained on two million images", False),
    ("1M documents", "a corpus of a million documents", True),
    ("1,000 documents", "a corpus of a million documents", False),
    ("10,000 GPUs", "ten thousand GPUs were used", True), ("10 GPUs", "ten thousand GPUs were used", False),
    # a fraction in words is its share, as a writer rounds it
    ("33%", THIRD, True), ("one-third", THIRD, True), ("30%", THIRD, False), ("34%", THIRD, False),
    ("3%", THIRD, False), ("1%", THIRD, False),
    ("67%", "two-thirds of the energy is used by inference", True),
    ("33%", "two-thirds of the energy is used by inference", False),
    ("50%", HALF, True), ("0.5", HALF, True), ("51%", HALF, False), ("5%", HALF, False),
    ("10%", "about one-tenth of a SF-NY round trip by one passenger", True),
    ("1%", "about one-tenth of a SF-NY round trip by one passenger", False),
    ("75%", "three quarters of the runs", True), ("74%", "three quarters of the runs", False),
    ("50%", "in the second half of the week (M=13.0% SD=10.2%)", False),   # a part of the week, no share
])
def test_numbers_and_fractions_in_words(value, quote, ok):
    _judged(value, quote, ok)


MODELS = "we used BLOOMz-560M and GPT-3 175B on an A100-80GB GPU, and llama-7b beside Llama-2-70b"


@pytest.mark.parametrize("value, ok", [
    # a model's size glued to its name, or printed after it, is a count of its parameters
    ("560M parameters", True), ("560 million parameters", True), ("560M", True), ("0.56B parameters", True),
    ("560 MWh", False), ("560M kWh", False), ("560M tokens", False), ("561M parameters", False),
    ("175B parameters", True), ("175 billion", True), ("175B kWh", False), ("175B tokens", False),
    ("7B parameters", True), ("7 billion", True), ("70B parameters", True), ("7 kWh", False), ("70 GB", False),
    # a figure glued to a product's name with its unit is that figure
    ("80 GB", True), ("80GB", True), ("80,000 MB", True), ("80 GPUs", False), ("80 W", False), ("81 GB", False),
    ("80 TB", False),
    # the name's own number is none
    ("3 parameters", False), ("3", False), ("2", False), ("560 parameters", False),
])
def test_a_models_size_is_its_parameters_and_a_glued_unit_its_figure(value, ok):
    _judged(value, MODELS, ok)


TABLE_LBS = "Table 3. Emissions (lbs) NAS 626,155"
TABLE_CO2 = "Consumption CO 2e (lbs) Air travel, 1 passenger, NY ↔SF 1984 Human life, avg, 1 year 11,023"
TABLE_COLUMNS = ("Model Hardware Power (W) Hours kWh ·PUE CO 2e Cloud compute cost Transformerbase P100x8 "
                 "1415.78 12 27 26 $41–$140")
TABLE_TASKS = "inference energy (kWh) task mean std text classification 0.002 0.001 extractive QA 0.003 0.001"


@pytest.mark.parametrize("value, quote, ok", [
    # a table's cell is in its header's unit, with words between them
    ("626,155 lbs", TABLE_LBS, True), ("626,155", TABLE_LBS, True), ("284 t", TABLE_LBS, True),
    ("626,155 kg", TABLE_LBS, False), ("626,155 kWh", TABLE_LBS, False), ("626,155 lbs CO2e", TABLE_LBS, False),
    ("626,156 lbs", TABLE_LBS, False),
    ("11,023 lbs CO2e", TABLE_CO2, True), ("11,023", TABLE_CO2, True), ("11,023 kg CO2e", TABLE_CO2, False),
    ("11,023 lbs", TABLE_CO2, False),
    # a header of several columns: one of its units
    ("27 kWh", TABLE_COLUMNS, True), ("26 lbs CO2e", TABLE_COLUMNS, True), ("12 hours", TABLE_COLUMNS, True),
    ("1415.78 W", TABLE_COLUMNS, True), ("27 kg", TABLE_COLUMNS, False), ("27 MWh", TABLE_COLUMNS, False),
    ("0.003 kWh", TABLE_TASKS, True), ("3 Wh", TABLE_TASKS, True), ("0.003", TABLE_TASKS, True),
    ("0.003 kg", TABLE_TASKS, False), ("0.004 kWh", TABLE_TASKS, False),
    ("3.2 tCO2e", "Net tCO 2 e for Model Training 3.2", True), ("3.2 kgCO2e", "Net tCO 2 e for Model Training 3.2",
                                                              False),
    # a sentence's words before a list are no header
    ("100 layers", "We trained models of 5, 100, 200 layers.", True),
])
def test_a_cell_is_in_its_headers_unit(value, quote, ok):
    _judged(value, quote, ok)


@pytest.mark.parametrize("value, quote, ok", [
    # the scale of a range's second number is its first's too
    ("2 billion parameters", "between 2 and 3 billion parameters", True), ("2B parameters",
                                                                          "between 2 and 3 billion parameters", True),
    ("2", "between 2 and 3 billion parameters", False),
    ("2 billion kWh", "between 2 and 3 billion parameters", False),
    ("2 million parameters", "between 2 and 3 billion parameters", False),
    ("$2 million", "it cost $2–3 million", True), ("$2 billion", "it cost $2–3 million", False),
    ("20M images", "20-30M images", True), ("20M kWh", "20-30M images", False), ("21M images", "20-30M images", False),
    # and its unit
    ("10 kWh", "Energy ranges from 10 to 20 kWh in all", True), ("10 kg", "Energy ranges from 10 to 20 kWh in all",
                                                                 False),
    ("3 kWh", "between 3 and 4 kWh", True), ("3 kg", "between 3 and 4 kWh", False),
    ("40 %", "a 40-50% reduction", True), ("40 kg", "a 40-50% reduction", False),
    # a rate per things counted ("per run"), for both ends
    ("10 kWh/run", "Energy ranges from 10 to 20 kWh per run", True),
    ("20 kWh/run", "Energy ranges from 10 to 20 kWh per run", True),
    ("10 kg/run", "Energy ranges from 10 to 20 kWh per run", False),
    ("10 kWh", "Energy ranges from 10 to 20 kWh per run", False),
    ("11 kWh/run", "Energy ranges from 10 to 20 kWh per run", False),
])
def test_a_range_gives_its_first_number_its_scale_and_unit(value, quote, ok):
    _judged(value, quote, ok)


@pytest.mark.parametrize("value, quote, ok", [
    # real sentences of the corpus: a figure at the quote's end keeps its currency and its name's unit
    ("$7.25", "above the federal minimum wage of US$7.25", True), ("€7.25", "above the federal minimum wage of US$7.25",
                                                                   False),
    ("7.25 kWh", "above the federal minimum wage of US$7.25", False),
    ("560M parameters", "models from the BLOOMz family [34]: BLOOMz-560M, BLOOMz-1B", True),
    ("560M kWh", "models from the BLOOMz family [34]: BLOOMz-560M, BLOOMz-1B", False),
    ("7B tokens", "BLOOMz-3B and BLOOMz-7B", False), ("7B parameters", "BLOOMz-3B and BLOOMz-7B", True),
    # a participant's label "T1–12" is no figure, and a row named by a singular noun gives no unit
    ("12 participants", "A total of 12 participants completed the study (T1–12).", True),
    ("12 papers", "A total of 12 participants completed the study (T1–12).", False),
    ("12 kWh", "A total of 12 participants completed the study (T1–12).", False),
    ("0.047 kWh", "inference energy (kWh) task mean std object detection 0.038 0.02 text generation 0.047", True),
    ("0.047 kg", "inference energy (kWh) task mean std object detection 0.038 0.02 text generation 0.047", False),
])
def test_figures_of_the_sweep_of_real_sentences(value, quote, ok):
    _judged(value, quote, ok)


#: A sentence counting nodes of GPUs and cores of CPUs: what it counts is the last noun.
HARDWARE = "The cluster has 12 GPU nodes with 8 CPU cores each and 16 TPU chips."
#: A table's rows (Strubell et al. p. 1): a row's last cell, then the next row's label.
ROWS = "Consumption CO 2e (lbs) Air travel, 1 passenger, NY ↔SF 1984 Human life, avg, 1 year 11,023"


@pytest.mark.parametrize("value, quote, ok", [
    # a device word before a counted noun modifies it: the sentence counts nodes and cores
    *[(value, HARDWARE, ok) for value, ok in [
        ("12 nodes", True), ("12 GPU nodes", True), ("12 node", True), ("12 GPUs", False), ("12 TPU nodes", False),
        ("13 nodes", False), ("12 servers", False), ("8 cores", True), ("8 CPU cores", True), ("8 CPUs", False),
        ("8 GPU cores", False), ("16 TPUs", True), ("16 TPU chips", True), ("16 GPUs", False)]],
    ("8 CPUs", "the node has 8 CPUs", True), ("9 CPUs", "the node has 8 CPUs", False),
    ("8 GPUs", "the node has 8 CPUs", False),
    # a rate per counted things is per those things, singular or plural; another noun is another rate
    *[(value, "each training run uses 2 kWh per run on average", ok) for value, ok in [
        ("2 kWh/run", True), ("2 kWh per runs", True), ("2000 Wh/run", True), ("2 kWh/image", False),
        ("2 kWh per inference", False), ("2 kWh/model", False), ("3 kWh/run", False)]],
    *[(value, "It used 0.5 Wh per query and 3 g CO2e per page.", ok) for value, ok in [
        ("0.5 Wh/query", True), ("500 mWh per query", True), ("0.5 Wh/prompt", False), ("0.5 Wh per image", False),
        ("3 g CO2e/page", True), ("3 gCO2e per pages", True), ("3 g CO2e per document", False),
        ("3 g CO2e per query", False)]],
    # a data rate: bits a second, never a count of "mbps" nor a frequency
    *[(value, "The link was 100 mbps and the CPU ran at 2.4 GHz.", ok) for value, ok in [
        ("100 mbps", True), ("100 Mbps", True), ("100 Mbit/s", True), ("0.1 Gbps", True), ("0.1 Gb/s", True),
        ("12.5 MB/s", True), ("100 MB/s", False), ("100 kbps", False), ("100 MHz", False), ("100 links", False),
        ("2.4 GHz", True), ("2.4 Gbps", False)]],
    # a range's end after a label, and a range listed after it, are labels: no figure in any unit
    *[(value, "Table 3: Results T1–3, 5–12 were run; Tables 2–4 give 30 kWh.", ok) for value, ok in [
        ("12 kWh", False), ("3 kWh", False), ("5 kWh", False), ("4 kWh", False), ("12", False), ("30 kWh", True)]],
    ("5 kWh", "Sections 2 and 3 cost 5–12 kWh", True), ("12 kWh", "Sections 2 and 3 cost 5–12 kWh", True),
    ("30 kWh", "As in Table 2 - 30 kWh were used", True),
    # a row's last cell before the next row's label is in the header's unit
    *[(value, ROWS, ok) for value, ok in [
        ("1984 lbs CO2e", True), ("1984 lb CO2e", True), ("900 kg CO2e", True), ("1985 lbs CO2e", False),
        ("1984 kg CO2e", False), ("1984 kWh", False), ("11,023 lbs CO2e", True), ("11,023 kg CO2e", False)]],
    ("12 models", "The energy (kWh) covers 12 Transformer models in total", True),
    ("12 kWh", "The energy (kWh) covers 12 Transformer models in total", False),
])
def test_what_a_count_or_a_rate_counts_and_a_labels_or_a_rows_number(value, quote, ok):
    _judged(value, quote, ok)


#: Real sentences of the corpus (Dodge et al. 2022, Luccioni & Hernandez-Garcia 2023, CiteSee, Paper Plain).
DAYS = "after the study had concluded for more than two months (62, 74, 112, 121 days at the time of writing)."
SHARE = "79% of participants (19) had taken 3 or fewer STEM course since high school and 92% (22) had never"


@pytest.mark.parametrize("value, quote, ok", [
    # a list's unit, printed after its last number, is each number's
    *[(value, DAYS, ok) for value, ok in [
        ("62 days", True), ("74 days", True), ("112 days", True), ("121 days", True), ("2 months", True),
        ("62 months", False), ("112 hours", False), ("74 weeks", False), ("211 days", False)]],
    ("20 Wh", "consumed between 20 and 38Wh (or 0.02 to 0.04 kWh)", True),
    ("20 kWh", "consumed between 20 and 38Wh (or 0.02 to 0.04 kWh)", False),
    # a number in parentheses after a percentage is the count it is of; a count's bound before its noun
    *[(value, SHARE, ok) for value, ok in [
        ("79%", True), ("92%", True), ("19 participants", True), ("22", True), ("3 courses", True),
        ("≤ 3 courses", True), ("22%", False), ("19%", False), ("19 papers", False), ("97%", False)]],
    ("3 courses", "11 participants had taken 3 or fewer STEM courses since high school.", True),
    ("3 participants", "11 participants had taken 3 or fewer STEM courses since high school.", False),
    # a count out of a total counts the total's things
    *[(value, "18 out of 20 participants selected the Key Questions themselves", ok) for value, ok in [
        ("18 participants", True), ("20 participants", True), ("18", True), ("18 papers", False),
        ("18 questions", False), ("81 participants", False)]],
    # a factor is no count: "130 times out of 400 cards"
    *[(value, "gives the right answer 130 times out of 400 cards.", ok) for value, ok in [
        ("130 times", True), ("400 cards", True), ("130x", True), ("400 times", False), ("130 %", False),
        ("130 cards", False)]],
    # a share in words holds its percentage, never its whole alone ("5" of "one in five" is no figure 5), nor 5%
    *[(value, "inline citations accounted for around one in five (21%) of paper discoveries", ok) for value, ok in [
        ("21%", True), ("5", False), ("5%", False), ("21 pp", False), ("12%", False)]],
    # a count in parentheses after a share and a comma; a year after "for"
    *[(value, "We split all cases into train (70%, 3177 samples), Dev (10%, 454), and Test (30%, 908).", ok)
      for value, ok in [("454", True), ("908", True), ("3177 samples", True), ("10%", True), ("454%", False),
                        ("908 samples per hour", False), ("3177 cases", False), ("17%", False)]],
    ("95.6%", "which allowed Google to average 95.6% net CFE for 2020.", True),
    ("2020%", "which allowed Google to average 95.6% net CFE for 2020.", False),
    ("2020 kWh", "which allowed Google to average 95.6% net CFE for 2020.", False),
    ("14 times", "doing so on average 13 times for Key Questions and 14 for Answer Gists.", True),
    ("41 times", "doing so on average 13 times for Key Questions and 14 for Answer Gists.", False),
])
def test_figures_of_the_third_sweep_of_real_sentences(value, quote, ok):
    _judged(value, quote, ok)


# A rate per a number of things ("2.9 kWh per 1,000 images"): its amount alone is no figure of
# it, nor per one of the things (a thousand times too much), nor per as many other things;
# with its own per ("1,000 images", "1000 image") it holds.
_PER_THOUSAND = "image generation has a mean consumption of 2.9 kWh per 1,000 images on average"


@pytest.mark.parametrize("value, per, ok", [
    ("2.9 kWh", "1,000 images", True),
    ("2.9 kWh", "1000 images", True),
    ("2.9 kWh", "1000 image", True),
    ("2900 Wh", "1,000 images", True),
    ("2.9 kWh", None, False),
    ("2.9 kWh", "image", False),
    ("2.9 kWh", "100 images", False),
    ("2.9 kWh", "1,000 runs", False),
    ("2.9 kWh", "1,000", False),
    ("2.9 kWh/image", None, False),
    ("3.9 kWh", "1,000 images", False),
    ("2.9 kg", "1,000 images", False),
])
def test_a_rate_per_a_number_of_things_holds_its_amount_only_per_as_many(value, per, ok):
    got = value_in_quote(value, _PER_THOUSAND, per)
    assert got.ok is ok, got.reason(value)
    if value == "2.9 kWh" and per is None:
        assert got.reason(value).startswith("the value '2.9 kWh' is an amount, but its quote gives a rate "
                                             "per 1,000 images")
    if value == "2.9 kWh" and per in ("image", "100 images", "1,000 runs"):     # says which per it holds with
        assert got.reason(value) == (f"the value '2.9 kWh' per {per} is not its quote's: the quote gives a rate "
                                     "per 1,000 images: give --per '1,000 images'")


@pytest.mark.parametrize("value, quote, per, ok", [
    ("10 kWh", "between 10 and 20 kWh per 1,000 queries", "1000 queries", True),
    ("10 kWh", "between 10 and 20 kWh per 1,000 queries", None, False),
    ("20 kWh", "between 10 and 20 kWh per 1,000 queries", "query", False),
    ("0.3 gCO2e", "about 0.3 gCO2e/100 tokens were emitted", "100 tokens", True),
    ("0.3 gCO2e", "about 0.3 gCO2e/100 tokens were emitted", "token", False),
    ("2 kWh", "each training run uses 2 kWh per run on average", "run", True),
])
def test_a_range_or_a_slash_before_a_number_of_things_is_such_a_rate(value, quote, per, ok):
    assert value_in_quote(value, quote, per).ok is ok


@pytest.mark.parametrize("value, quote, per, ok", [
    # A value that is a rate already, given its own denominator again: per query per query.
    ("0.5 Wh/query", "the model uses 0.5 Wh per query", "query", False),
    ("0.5 Wh per query", "the model uses 0.5 Wh per query", "queries", False),
    ("3 kg CO2e per web page", "each visit emits 3 kg of CO2 per web page", "web page", False),
    ("50 kWh/day", "a household uses 50 kWh/day", "24 hours", False),
    ("0.5 Wh", "the model uses 0.5 Wh per query", "query", True),            # the amount, with its per
    ("0.5 Wh/query", "the model uses 0.5 Wh per query", None, True),
    ("50 kWh/day", "a household uses 50 kWh/day", "household", True),       # per day per household
])
def test_a_rate_given_its_own_per_again_is_refused(value, quote, per, ok):
    got = value_in_quote(value, quote, per)
    assert got.ok is ok, got.reason(value)
    if not ok:
        assert "is already per " in got.reason(value) and "drop --per" in got.reason(value)


def _decided(cases: list[tuple]) -> list[str]:
    """The cases (value, quote, per, ok) kb decides otherwise, by kb claim add's reading and by
    the index's (claim_doubt), each said in a line."""
    wrong = []
    for value, quote, per, ok in cases:
        got = value_in_quote(value, quote, per)
        doubt = claim_doubt("verified", value, quote, per)
        if got.ok is not ok or (doubt is None) is not ok:
            wrong.append(f"{value!r} per {per!r} of {quote!r}: {got.ok}, {doubt}")
    return wrong


_L_PER_KM = "the car uses 5 L per 100 km on the highway"
_CO2_PER_PAGE = "a page emits 3 kg of CO2 per web page viewed"
_KWH_PER_HOUR = "the server draws 0.2 kWh of electricity per hour"

# A rate per a quantity ("5 L per 100 km", "12 g per 1 kWh"), and a rate whose amount is of
# something ("3 kg of CO2 per web page", "0.2 kWh of electricity per hour"): the amount holds
# only with that per, the rate as one figure ("0.05 L/km", "200 W") holds, and no other per,
# amount or unit does.
_RATES = [
    ("5 L", _L_PER_KM, "100 km", True), ("5000 mL", _L_PER_KM, "100 km", True), ("0.05 L/km", _L_PER_KM, None, True),
    ("5 L", "the car uses 5 L/100 km on the highway", "100 km", True),
    ("0.05 L/km", "the car uses 5 L/100 km on the highway", None, True),
    ("12 g/kWh", "emits 12 g per 1 kWh consumed", None, True),
    ("5 L", _L_PER_KM, None, False), ("5 L/km", _L_PER_KM, None, False), ("50 L", _L_PER_KM, "100 km", False),
    ("5 L", _L_PER_KM, "km", False), ("5 L", _L_PER_KM, "10 km", False), ("0.5 L/km", _L_PER_KM, None, False),
    ("5 L", "the car uses 5 L/100 km on the highway", None, False), ("12 g", "emits 12 g per 1 kWh consumed", None, False),
    ("3 kg CO2e", _CO2_PER_PAGE, "web page", True), ("3 kg CO2e/web page", _CO2_PER_PAGE, None, True),
    ("3 kg CO2e", _CO2_PER_PAGE, None, False), ("3 kg", _CO2_PER_PAGE, "web page", False),
    ("4 kg CO2e", _CO2_PER_PAGE, "web page", False), ("3 kg CO2e", _CO2_PER_PAGE, "query", False),
    ("3 kg CO2e/query", _CO2_PER_PAGE, None, False),
    ("0.2 kWh", _KWH_PER_HOUR, "hour", True), ("0.2 kWh/h", _KWH_PER_HOUR, None, True), ("200 W", _KWH_PER_HOUR, None, True),
    ("0.2 kWh", _KWH_PER_HOUR, None, False), ("0.2 kWh/day", _KWH_PER_HOUR, None, False),
    ("300 W", _KWH_PER_HOUR, None, False), ("0.2 kWh", _KWH_PER_HOUR, "day", False),
    ("2 g CO2e", "each search emits 2 g of CO2e per query", None, False),
    ("3 kg", "a page emits 3 kg of coal per web page viewed", "web page", True),
    ("3 kg CO2e", "a page emits 3 kg of coal per web page viewed", "web page", False),
    ("64 hidden units", "a 2 layer LSTM with 64 hidden units per layer", None, False),    # a count per layer
    ("64 hidden units", "a 2 layer LSTM with 64 hidden units per layer", "layer", True),
    ("5 L", "it burns 5 litres of fuel per 100 km", "100 km", True),
    ("0.05 L/km", "it burns 5 litres of fuel per 100 km", None, True),
    ("5 L", "it burns 5 litres of fuel per 100 km", None, False),
    ("5 litres", "it burns 5 litres of fuel per 100 km", "100 m", False),
]

# A count after a bound's words counts its noun, singular or plural, in digits or "one".
_COUNTS = [
    ("1 course", "students took 1 or fewer course in STEM", None, True),
    ("3 courses", "had taken 3 or fewer STEM course since high school", None, True),
    ("1 GPU", "each job used at least one GPU for training", None, True),
    ("1 course", "each student took at least one course in STEM", None, True),
    ("1 model", "we trained 1 or more model per task", None, True),
    ("1 GPU", "students took 1 or fewer course in STEM", None, False),
    ("3 papers", "had taken 3 or fewer STEM course since high school", None, False),
    ("3 GPUs", "had taken 3 or fewer STEM course since high school", None, False),
    ("2 courses", "students took 1 or fewer course in STEM", None, False),
    ("1 paper", "each student took at least one course in STEM", None, False),
    ("1 task", "we trained 1 or more model per task", None, False),
    ("2 CPUs", "each job used at least two GPUs", None, False),
    ("1 TPU", "each job used at least one GPU for training", None, False),
]

# A share in words is the percentage a writer rounds it to, at their figure's own precision
# of a whole percent or finer; never another share, a truncation, nor its count's words.
_SHARES = [
    ("20%", "one in five users opted out", None, True), ("0.2", "one in five users opted out", None, True),
    ("10%", "one in ten users opted out", None, True), ("1%", "one in a hundred users opted out", None, True),
    ("40%", "two out of five users opted out", None, True), ("67%", "two thirds of the energy", None, True),
    ("66.7%", "two thirds of the energy", None, True), ("0.667", "two thirds of the energy", None, True),
    ("50%", "half of the energy", None, True), ("25%", "a quarter of the energy", None, True),
    ("21%", "one in five (21%) of paper discoveries", None, True),
    ("25%", "one in five users opted out", None, False), ("5%", "one in five users opted out", None, False),
    ("10%", "one in a hundred users opted out", None, False), ("50%", "two out of five users opted out", None, False),
    ("66%", "two thirds of the energy", None, False), ("70%", "two thirds of the energy", None, False),
    ("0.7", "two thirds of the energy", None, False), ("76%", "two thirds of the energy", None, False),
    ("20%", "a quarter of the energy", None, False), ("25 kWh", "a quarter of the energy", None, False),
    ("0.15%", "we found 3 in 2019 alone", None, False),
]

# A bare number of a figure printed with a unit drops it: refused, naming the figure; a count's
# number ("12" of "12 GPUs"), a factor's ("100" of "100x") and a number printed bare hold.
_BARE = [
    ("1287 MWh", "training consumed 1,287 MWh of electricity", None, True),
    ("12", "we used 12 GPUs", None, True), ("3000", "the test set has 3,000 queries", None, True),
    ("100", "a 100x speedup", None, True), ("1.1", "a PUE of 1.1", None, True),
    ("11.49", "the model scored 11.49 for the model", None, True),
    ("1287", "training consumed 1,287 MWh of electricity", None, False),
    ("1,287", "training consumed 1,287 MWh of electricity", None, False),
    ("11.49", "the run used 11.49 kWh", None, False), ("25", "emissions were 25 kg of CO2", None, False),
    ("120", "the GPU draws 120 W", None, False), ("0.35", "it costs $0.35 per hour", None, False),
    ("2.9", "a mean consumption of 2.9 kWh per 1,000 images", None, False),
    ("12.5 kWh", "the run used 12.5 ± 0.3 kWh of energy", None, True),     # the unit after "± 0.3" is 12.5's too
    ("12.5", "the run used 12.5 ± 0.3 kWh of energy", None, False),
    ("12.5 kg", "the run used 12.5 ± 0.3 kWh of energy", None, False),
]


@pytest.mark.parametrize("cases", [_RATES, _COUNTS, _SHARES, _BARE], ids=["rates", "counts", "shares", "bare"])
def test_rates_per_quantities_bounded_counts_shares_in_words_and_bare_numbers(cases):
    assert _decided(cases) == []


def test_a_bare_number_names_the_unit_its_quote_prints():
    got = value_in_quote("1287", "training consumed 1,287 MWh of electricity")
    assert got.reason("1287") == ("the value '1287' has no unit, but its quote prints it as '1,287 MWh': "
                                  "give the value with its unit")
    got = value_in_quote("5 L", _L_PER_KM)
    assert got.reason("5 L").startswith("the value '5 L' is an amount, but its quote gives a rate per 100 km")


# Real sentences of the corpus papers (their text as pypdf prints it), each with its wrong figures.
_REAL = [
    ("28 g CO2e/kWh", "energy generation emitting 1 gram of methane per kWh will emit 28 grams of CO2eq per kWh", None, True),
    ("28 g CO2e", "energy generation emitting 1 gram of methane per kWh will emit 28 grams of CO2eq per kWh", "kWh", True),
    ("28 g CO2e", "energy generation emitting 1 gram of methane per kWh will emit 28 grams of CO2eq per kWh", None, False),
    ("1 g CO2e/kWh", "energy generation emitting 1 gram of methane per kWh will emit 28 grams of CO2eq per kWh", None,
     False),
    ("0.004 kWh/query", "which required, on average, 0.004 kWh of energy per query", None, True),
    ("4 Wh/query", "which required, on average, 0.004 kWh of energy per query", None, True),
    ("0.004 kWh", "which required, on average, 0.004 kWh of energy per query", None, False),
    ("0.04 kWh/query", "which required, on average, 0.004 kWh of energy per query", None, False),
    ("0.32 mg CO2e/query", "bert-base-multilingual-uncased-sentiment emits just 0.32g of 𝐶𝑂2𝑒𝑞 per 1,000 queries",
     None, True),
    ("0.32 g CO2e/query", "bert-base-multilingual-uncased-sentiment emits just 0.32g of 𝐶𝑂2𝑒𝑞 per 1,000 queries",
     None, False),
    ("33.3%", "whereas a 2021 publication by Meta attributed approximately one-third of their internal", None, True),
    ("30%", "whereas a 2021 publication by Meta attributed approximately one-third of their internal", None, False),
    ("75 MWh", "Its ~100,000 cores might use ~75 MWh of power and might generate 32 tCO 2 e", None, True),
    ("75", "Its ~100,000 cores might use ~75 MWh of power and might generate 32 tCO 2 e", None, False),
    ("100000", "Its ~100,000 cores might use ~75 MWh of power and might generate 32 tCO 2 e", None, True),
    ("10x", "the fraction of carbon-free energy and resulting CO 2 e vary ~5X-10X, even within", None, True),
    ("15x", "the fraction of carbon-free energy and resulting CO 2 e vary ~5X-10X, even within", None, False),
    ("10%", "the fraction of carbon-free energy and resulting CO 2 e vary ~5X-10X, even within", None, False),
]


def test_figures_of_the_fourth_sweep_of_real_sentences():
    assert _decided(_REAL) == []

"""Values a writer types that kb claim add reads as a figure (its value, unit and interval, as
`kb.quantities.interval.written_parts` documents), and the same values with another figure still refused against
their quote; where a value stays unread, the refusal says why and what to type instead."""

import pytest

from kb.errors import UsageError
from kb.ops.claims import _check_value
from kb.quantities.quoted import value_in_quote

SCALE = "Each feature was rescaled to lie between -0.5 and +0.5 before training."
SHIFT = "Across regions the change ranged from +4% to +10% over the decade."


@pytest.mark.parametrize("value, lo, nominal, hi, unit", [
    ("-0.5 to +0.5", -0.55, 0.0, 0.55, ""),
    ("+4% to +10%", 3.5, 7.0, 10.5, "%"),
    ("-10% to -4%", -10.5, -7.0, -3.5, "%"),
    ("0 to +0.5 kWh", -0.5, 0.25, 0.55, "kWh"),
])
def test_signed_range_keeps_its_signs(value, lo, nominal, hi, unit):
    got = _check_value(value)
    assert (got.lo, got.nominal, got.hi, got.unit_text) == pytest.approx((lo, nominal, hi, unit))


@pytest.mark.parametrize("value, why", [
    ("-4% to -10%", "runs backwards"),
    ("5 to -3", "runs backwards"),
    ("5-+3", "cannot read"),
])
def test_signed_range_backwards_or_dashed_refused(value, why):
    with pytest.raises(UsageError, match=why):
        _check_value(value)


@pytest.mark.parametrize("value, quote, ok", [
    ("-0.5 to +0.5", SCALE, True),
    ("-0.5 to +5", SCALE, False),
    ("-5 to +5", SCALE, False),
    ("+4% to +10%", SHIFT, True),
    ("+4% to +11%", SHIFT, False),
    ("+1% to +10%", SHIFT, False),
])
def test_signed_range_against_its_quote(value, quote, ok):
    assert value_in_quote(value, quote, None, quote, "").ok is ok


MINUTES = "The jobs lasted between 20 and 25 minutes and consumed between 20 and 38Wh of electricity."


@pytest.mark.parametrize("value, lo, nominal, hi, unit", [
    ("between 20 and 25 minutes", 19.5, 22.5, 25.5, "min"),
    ("from 11 to 147 gCO2eq/kWh", 10.5, 79.0, 147.5, "gCO2e/kWh"),
    ("from 0.07 to 0.28", 0.065, 0.175, 0.285, ""),
    ("between 3 and 5 GPUs", 2.5, 4.0, 5.5, "GPU"),
])
def test_range_in_words_read(value, lo, nominal, hi, unit):
    got = _check_value(value)
    assert (got.lo, got.nominal, got.hi, got.unit_text) == pytest.approx((lo, nominal, hi, unit))


def test_range_word_before_one_figure_says_so():
    with pytest.raises(UsageError, match="'between' writes a range, and '20 kWh' is one figure") as got:
        _check_value("between 20 kWh")
    assert "20-25 minutes" in got.value.hint


@pytest.mark.parametrize("value, ok", [
    ("between 20 and 25 minutes", True),
    ("between 20 and 38 Wh", True),
    ("between 20 and 25 hours", False),
    ("between 20 and 38 kWh", False),
    ("between 20 and 83 Wh", False),
])
def test_range_in_words_against_its_quote(value, ok):
    _check_value(value)
    assert value_in_quote(value, MINUTES, None, MINUTES, "").ok is ok


@pytest.mark.parametrize("value, share", [
    ("half", 1 / 2), ("a half", 1 / 2), ("one-third", 1 / 3), ("two thirds", 2 / 3), ("two-thirds", 2 / 3),
    ("nearly a third", 1 / 3), ("approximately one-third", 1 / 3), ("three-quarters", 3 / 4), ("two fifths", 2 / 5),
])
def test_share_in_words_read(value, share):
    got = _check_value(value)
    assert (got.nominal, got.unit_text) == (pytest.approx(share), "")


@pytest.mark.parametrize("value", ["third", "one thirds", "two third", "halves", "halfway"])
def test_share_words_that_agree_in_no_share_refused(value):
    with pytest.raises(UsageError, match="cannot read"):
        _check_value(value)


META = ("a 2021 publication by Meta attributed approximately one-third of their internal end-to-end ML carbon "
        "footprint to model inference")
HALF = "biomedical (42.7%) and computer science (7.2%) papers only comprise half the corpus."


@pytest.mark.parametrize("value, quote, ok", [
    ("one-third", META, True),
    ("approximately one-third", META, True),
    ("two-thirds", META, False),
    ("a quarter", META, False),
    ("half", HALF, True),
    ("a third", HALF, False),
])
def test_share_in_words_against_its_quote(value, quote, ok):
    _check_value(value)
    assert value_in_quote(value, quote, None, quote, "").ok is ok


METHANE = "methane is 28 times more potent than CO 2 based on its 100-year global warming potential"
VARY = "the different models examined in our study can vary by a factor of over 1450 in terms of the energy required"


@pytest.mark.parametrize("value, nominal", [
    ("a factor of 28", 28), ("a factor of over 1450", 1450), ("a factor of about 100", 100), ("by a factor of 3", 3),
])
def test_factor_in_words_read(value, nominal):
    assert _check_value(value).nominal == pytest.approx(nominal)
    assert _check_value(value).unit_text == _check_value(f"{nominal}x").unit_text


@pytest.mark.parametrize("value, why", [
    ("a factor of 5 kWh", "a factor is a plain number, not '5 kWh'"),
    ("a factor of 20%", "a factor is a plain number"),
    ("a factor of two", "cannot read figure 'a factor of two': expected a number first"),
])
def test_factor_of_no_plain_number_refused(value, why):
    with pytest.raises(UsageError, match=why):
        _check_value(value)


@pytest.mark.parametrize("value, quote, ok", [
    ("a factor of 28", METHANE, True),
    ("a factor of 2.8", METHANE, False),
    ("a factor of over 1450", VARY, True),
    ("a factor of under 1450", VARY, False),
    ("a factor of over 1540", VARY, False),
])
def test_factor_in_words_against_its_quote(value, quote, ok):
    _check_value(value)
    assert value_in_quote(value, quote, None, quote, "").ok is ok


JOB = "Without optimization, the job ran for approximately 8 days and consumed 13,812 kWh"


@pytest.mark.parametrize("value, nominal, unit", [
    ("13,812 kWh of electricity", 13812, "kWh"), ("~237 kWh of electricity", 237, "kWh"),
    ("12 GB of disk", 12, "GB"), ("5% of GDP", 5, "%"), ("5 t of cement in China", 5, "t"),
])
def test_words_after_a_unit_left_as_what_it_is_of(value, nominal, unit):
    got = _check_value(value)
    assert (got.nominal, got.unit_text) == (pytest.approx(nominal), unit)


@pytest.mark.parametrize("value, why, hint", [
    ("100 hours of GPU time", "'GPU time' after its unit 'hours' names the unit 'GPU'", "GPU hours"),
    ("5 kWh of energy per day", "names a rate", "5 kWh/day"),
    ("3 orders of magnitude", "unknown unit", None),
])
def test_words_after_a_unit_naming_a_unit_or_rate_refused(value, why, hint):
    with pytest.raises(UsageError, match=why) as got:
        _check_value(value)
    assert hint is None or hint in got.value.hint


@pytest.mark.parametrize("value, ok", [
    ("13,812 kWh of electricity", True),
    ("13,812 MWh of electricity", False),
    ("13,821 kWh of electricity", False),
])
def test_words_after_a_unit_against_a_quote_printing_them(value, ok):
    quote = JOB + " of electricity"
    _check_value(value)
    assert value_in_quote(value, quote, None, quote, "").ok is ok


def test_words_after_a_unit_the_quote_does_not_print_refused_saying_what_to_write():
    got = value_in_quote("13,812 kWh of electricity", JOB, None, JOB, "")
    assert not got.ok and "'of electricity'" in got.reason("13,812 kWh of electricity")
    assert "write '13,812 kWh'" in got.reason("13,812 kWh of electricity")


@pytest.mark.parametrize("value, lo, hi, unit", [
    ("±0.5", -0.5, 0.5, ""), ("± 5%", -5, 5, "%"), ("+/- 2 kWh", -2, 2, "kWh"),
])
def test_spread_alone_read_about_zero(value, lo, hi, unit):
    got = _check_value(value)
    assert (got.lo, got.nominal, got.hi, got.unit_text) == (pytest.approx(lo), 0, pytest.approx(hi), unit)


def test_spread_sign_without_a_number_refused():
    with pytest.raises(UsageError, match="expected a number first"):
        _check_value("±")


@pytest.mark.parametrize("value, ok", [("±0.5", True), ("±0.25", False), ("±5", False)])
def test_spread_alone_against_its_quote(value, ok):
    _check_value(value)
    assert value_in_quote(value, SCALE, None, SCALE, "").ok is ok


FIVE = "will only emit 0.3 × 100 × 100 = 3000 g = 3 kg of CO2eq, i.e. five times less overall"


@pytest.mark.parametrize("value, factor", [("10x more", "10x"), ("5 times less", "5 times"), ("3x lower", "3x"),
                                           ("3 times faster", "3 times")])
def test_factor_with_its_comparison_read_as_the_factor(value, factor):
    got, plain = _check_value(value), _check_value(factor)
    assert (got.lo, got.nominal, got.hi, got.unit_text) == (plain.lo, plain.nominal, plain.hi, plain.unit_text)


@pytest.mark.parametrize("value", ["5 times more kWh", "10x the"])
def test_factor_with_more_words_than_its_comparison_refused(value):
    with pytest.raises(UsageError, match="unknown unit"):
        _check_value(value)


@pytest.mark.parametrize("value, ok", [("5 times less", True), ("4 times less", False), ("5 times more", False)])
def test_factor_with_its_comparison_against_its_quote(value, ok):
    _check_value(value)
    assert value_in_quote(value, FIVE, None, FIVE, "").ok is ok


FLAN = ("We chose 4 sequence-to-sequence models of different sizes from the Flan-T5 family [8] (base, large, xl and "
        "xxl) and 4 decoder-only models from the BLOOMz family [34]")


@pytest.mark.parametrize("value, unit", [
    ("4 decoder-only models", "model"), ("4 sequence-to-sequence models", "model"), ("8 multi-purpose models", "model"),
    ("4 non-sepsis encounters", "item"),
])
def test_count_named_by_a_compound_read_as_its_count(value, unit):
    got = _check_value(value)
    assert (got.nominal, got.unit_text) == (4 if value[0] == "4" else 8, unit)


@pytest.mark.parametrize("value", ["5 kWh-hours", "5 per-hour models"])
def test_compound_of_a_unit_still_refused(value):
    with pytest.raises(UsageError, match="cannot read"):
        _check_value(value)


@pytest.mark.parametrize("value, ok", [
    ("4 decoder-only models", True), ("4 sequence-to-sequence models", True), ("4 encoder-only models", False),
    ("8 decoder-only models", False), ("4 decoder-only datasets", False),
])
def test_count_named_by_a_compound_against_its_quote(value, ok):
    _check_value(value)
    assert value_in_quote(value, FLAN, None, FLAN, "").ok is ok

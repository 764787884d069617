"""A claim's value in its quote, fifth round: a value written as a rate per a quantity or per so
many things ("5 L/100 km", "$0.50/1M tokens"), FLOPS and its rates, bare numbers after a name,
and the work a hostile quote costs."""

from __future__ import annotations

import pytest

from kb.quantities.interval import Interval
from kb.quantities.quoted import claim_doubt, value_in_quote

CAR = ("A mid-size car uses 5 litres per 100 km on the highway and emits 120 g CO2/km; an electric one "
       "uses 17 kWh/100 km.")
SERVING = "Serving costs 2.9 Wh per 1,000 queries, and the API costs $0.50/1M tokens."


@pytest.mark.parametrize("value, nominal, unit", [
    ("5 L/100 km", 0.05, "L/km"), ("5 L per 100 km", 0.05, "L/km"), ("17 kWh/100 km", 0.17, "kWh/km"),
    ("2.9 Wh per 1,000 queries", 0.0029, "Wh/query"), ("$0.50/1M tokens", 5e-7, "USD/token"),
    ("$0.50 per million tokens", 5e-7, "USD/token"), ("€1.2 per 1,000 images", 0.0012, "EUR/image"),
    ("0.3 kg/1 kWh", 0.3, "kg/kWh"),
])
def test_a_value_per_a_quantity_reads_as_the_rate_it_means(value, nominal, unit):
    iv = Interval.from_written(value)
    assert iv.to(unit).nominal == pytest.approx(nominal)


@pytest.mark.parametrize("value", ["2 kWh/1000", "5 L/10-20 km", "5 L/0 km", "5 L/100 km/100 km"])
def test_a_denominator_that_is_no_one_figure_of_something_is_no_unit(value):
    with pytest.raises(Exception):
        Interval.from_written(value)


@pytest.mark.parametrize("value, quote, per, ok", [
    # the rate as the quote prints it, or in other units
    ("5 L/100 km", CAR, None, True), ("5 L per 100 km", CAR, None, True), ("0.05 L/km", CAR, None, True),
    ("50 L/1000 km", CAR, None, True), ("17 kWh/100 km", CAR, None, True), ("170 Wh/km", CAR, None, True),
    ("12 kg CO2/100 km", CAR, None, True), ("5 L/100 km", "it uses 5.0 L/100 km", None, True),
    ("2.9 Wh/1,000 queries", SERVING, None, True), ("2.9 Wh per 1000 queries", SERVING, None, True),
    ("2.9 mWh/query", SERVING, None, True), ("2.9 kWh per 1,000,000 queries", SERVING, None, True),
    ("$0.50/1M tokens", SERVING, None, True), ("$0.50 per 1M tokens", SERVING, None, True),
    ("$0.50/1,000,000 tokens", SERVING, None, True), ("$0.50 per million tokens", SERVING, None, True),
    ("$0.50/1M tokens", "it costs $0.50 per million tokens", None, True),
    ("$0.50", SERVING, "1M tokens", True), ("5 L", CAR, "100 km", True),
    # a digit, the denominator's number or unit, its noun, the currency, or the amount alone
    ("6 L/100 km", CAR, None, False), ("5 L/10 km", CAR, None, False), ("5 L/1000 km", CAR, None, False),
    ("5 L/km", CAR, None, False), ("5 mL/100 km", CAR, None, False), ("5 L/100 mi", CAR, None, False),
    ("17 kWh/km", CAR, None, False), ("17 kWh/100 mi", CAR, None, False), ("120 g CO2/mi", CAR, None, False),
    ("2.9 Wh/100 queries", SERVING, None, False), ("2.9 Wh/query", SERVING, None, False),
    ("2.9 Wh/1,000 images", SERVING, None, False), ("2.9 Wh/image", "it costs 2.9 kWh per 1,000 queries", None, False),
    ("$0.50/1k tokens", SERVING, None, False), ("$0.50/1000 tokens", SERVING, None, False),
    ("$0.05/1M tokens", SERVING, None, False), ("€0.50/1M tokens", SERVING, None, False),
    ("$0.50/1M images", SERVING, None, False), ("$0.50 per million images", SERVING, None, False),
    ("$0.50/1k tokens", "it costs $0.50 per million tokens", None, False),
    ("$0.50/1M tokens", "it costs $0.50 per 1,000 tokens", None, False),
    ("$0.50", SERVING, None, False), ("$0.50", "it costs $0.50 per million tokens", None, False),
    ("$0.50", SERVING, "1k tokens", False), ("5 L", CAR, None, False),
    ("5 L/100 km", "a 5 L tank lasts 100 km", None, False),
    ("5 L/100 km", "it uses 5 litres; the trip was 100 km", None, False),
    ("5 L/100 km", "it uses 5 L/100 mi", None, False),
])
def test_a_rate_per_a_quantity_is_checked_as_one_figure(value, quote, per, ok):
    assert value_in_quote(value, quote, per).ok is ok
    if ok:
        assert claim_doubt("verified", value, quote, per) is None

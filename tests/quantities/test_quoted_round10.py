"""A claim's value in its quote, tenth round: one reading of a value for every command (a number kb reads
no number of, "0x10 kWh", is refused alike; a range, an uncertainty, a power of ten and a fraction are read
whole)."""

from __future__ import annotations

import pytest

from kb.errors import KBError
from kb.quantities.interval import Interval, split_figure, unreadable_figure
from kb.quantities.quoted import claim_doubt


@pytest.mark.parametrize("value, said", [
    # a number that goes on in a way kb reads no number of, or a programmer's literal: no figure
    ("0x10 kWh", "'0x10' is no number kb reads"), ("0X1F", "'0X1F' is no number kb reads"),
    ("0b101", "'0b101' is no number kb reads"), ("1.2.3 kWh", "'1.2.3' is no number kb reads"),
    ("1,2,3 kWh", "'1,2,3' is no number kb reads"), ("3:1", "'3:1' is no number kb reads"),
    ("1 2 kWh", "'1 2' is no number kb reads"), ("12..5 kWh", "'12..5' is no number kb reads"),
    ("1/0", "a fraction over 0"),
])
def test_a_value_kb_reads_no_number_of_is_refused_alike_by_every_reader(value, said):
    with pytest.raises(KBError) as caught:
        Interval.from_written(value)
    assert said in caught.value.message
    assert said in unreadable_figure(value)
    assert split_figure(value) == (value, None, None)           # the index: no number, as "abc"
    for status in ("verified", "unverified", None):
        assert claim_doubt(status, value, f"it used {value}") == f"cannot read the value {value!r}: " + \
            caught.value.message


@pytest.mark.parametrize("value, number, nominal, unit", [
    # what kb check reads, the index's columns read: the whole number before the unit
    ("1.2 × 10^3 kWh", "1.2 × 10^3", 1200, "kWh"), ("10³ kWh", "10³", 1000, "kWh"),
    ("2 x 10^3 GPUs", "2 x 10^3", 2000, "GPUs"), ("3–5 kWh", "3–5", 4, "kWh"),
    ("3.2 ± 0.1 kWh", "3.2 ± 0.1", 3.2, "kWh"), ("-1/4", "-1/4", -0.25, None), ("2/3 kWh", "2/3", 2 / 3, "kWh"),
    # ... and as before where it was one number
    ("11.49 kWh", "11.49", 11.49, "kWh"), ("30M papers", "30M", 3e7, "papers"), ("0,5 kWh", "0,5", 0.5, "kWh"),
    ("1 287 MWh", "1 287", 1287, "MWh"), ("100-fold", "100", 100, "-fold"),
])
def test_the_index_reads_a_value_as_kb_check_reads_it(value, number, nominal, unit):
    assert split_figure(value) == (number, pytest.approx(nominal), unit)
    assert Interval.from_written(value).nominal == pytest.approx(nominal)
    assert unreadable_figure(value) is None


@pytest.mark.parametrize("value, lo, hi", [("1/4", 0.25, 0.25), ("-1/4", -0.25, -0.25), ("−2/3", -2 / 3, -2 / 3)])
def test_a_fraction_is_an_exact_figure(value, lo, hi):
    iv = Interval.from_written(value)
    assert (iv.lo, iv.hi) == (pytest.approx(lo), pytest.approx(hi))

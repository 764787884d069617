"""A count's scale written either way ("1.4T tokens", "1.4 trillion tokens") is one figure, a wrong scale none; a per in
words ("per thousand queries") or an amount for so many ("Energy (kWh) for 1,000 queries") is that many; a column a
header names as a count ("Model Queries Energy (kWh)") holds counts, never figures in the next column's unit."""

from __future__ import annotations

import pytest

from kb.quantities.numbers import extract_candidates
from kb.quantities.quoted import value_in_quote

TOKENS = "LLaMA was trained on 1.4T tokens and Switch has 1.6T parameters."
HEADER = "Energy (kWh) per 1,000 queries: 2.9"


@pytest.mark.parametrize("right, wrong, quote, per", [
    ("1.4 trillion tokens", "1.4 billion tokens", TOKENS, None),         # a wrong scale
    ("1,400 billion tokens", "1.5 trillion tokens", TOKENS, None),       # a digit off
    ("1.6T parameters", "1.6B parameters", "Switch has 1.6 trillion parameters.", None),
    ("2.9 kWh", "2.9 kWh", "Energy (kWh) per thousand queries: 2.9", ("1,000 queries", "query")),
    ("2.9 kWh", "2.8 kWh", "Energy (kWh) per a million queries: 2.9", ("1M queries", "1M queries")),
])
def test_a_scale_either_way_and_no_other(right, wrong, quote, per):
    per, wrong_per = per or (None, None)
    assert value_in_quote(right, quote, per).ok
    assert not value_in_quote(wrong, quote, wrong_per).ok


@pytest.mark.parametrize("wrong, right, quote", [
    ("1,000 kWh", "2.9 kWh", "Model Queries Energy (kWh)\nbase 1,000 2.9"),     # the count's column, no kWh
    ("8 kWh", "8 GPUs", "Model GPUs Energy (kWh)\nbase 8 2.9"),
])
def test_a_count_a_header_names_is_no_value_of_its_unit(wrong, right, quote):
    assert not value_in_quote(wrong, quote).ok
    assert value_in_quote(right, quote).ok


def test_an_amount_for_so_many_holds_with_that_per():
    quote = "Energy (kWh) for 1,000 queries: 2.9"
    assert not value_in_quote("2.9 kWh", quote).ok                 # an amount for 1,000 queries, no total
    assert value_in_quote("2.9 kWh", quote, "1,000 queries").ok
    got = extract_candidates(["Model Queries Energy (kWh)\nbase 1,000 2.9\nlarge 1,000 3.1\n"])
    assert [(c.number, c.unit) for c in got] == [("1,000", "query"), ("2.9", "kWh"), ("1,000", "query"), ("3.1", "kWh")]


def test_the_page_reads_a_trillion_before_what_it_counts():
    got = extract_candidates([TOKENS + " A 3T scanner."])
    assert [(c.number, c.value, c.unit) for c in got] == [("1.4T", 1.4e12, "token"), ("1.6T", 1.6e12, "parameter")]
    assert value_in_quote("28.4", "BLEU 27.3/28.4 on the test sets").ok        # two scores, no denominator

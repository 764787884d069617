"""The count of a per is part of the value: a per kb reads from the page before a quote, or a table's header, says a
claim's per only with the same count ("query" of "per 1,000 queries" and of a header's "(g CO2e per 1,000 queries)",
"1,000 queries" of "per query": refused, were verified; "1000 queries" of "per 1k queries" and "per thousand queries"
still verified)."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import value_in_quote

QUOTE = "the model emits 0.3 g CO2e"


@pytest.mark.parametrize("before, its_per, other_per", [
    ("All figures below are per 1,000 queries. ", "1,000 queries", "query"),
    ("All figures below are per query. ", "query", "1,000 queries"),
    ("All figures below are per thousand queries. ", "1000 queries", "query"),
    ("All figures below are per 1k queries. ", "1,000 queries", "100 queries"),
    ("Emissions (g CO2e per 1,000 queries)\n", "1,000 queries", "query"),
    ("The cluster runs daily. ", "day", "1,000 days"),
])
def test_a_per_said_before_the_quote_holds_its_count(before, its_per, other_per):
    assert value_in_quote("0.3 g CO2e", QUOTE, its_per, QUOTE, before).ok
    assert not value_in_quote("0.3 g CO2e", QUOTE, other_per, QUOTE, before).ok



# ... and the claim's per's count is read as the page's is, its scale in a letter or a word
@pytest.mark.parametrize("before, its_per, other_per", [
    ("All figures below are per 1,000 queries. ", "1k queries", "10k queries"),
    ("All figures below are per 1,000 queries. ", "thousand queries", "million queries"),
    ("All figures below are per 1M tokens. ", "million tokens", "thousand tokens"),
    ("Emissions (g CO2e per 1,000 queries)\n", "1K queries", "1 query"),
])
def test_a_claims_per_count_in_a_scales_letter_or_word(before, its_per, other_per):
    assert value_in_quote("0.3 g CO2e", QUOTE, its_per, QUOTE, before).ok
    assert not value_in_quote("0.3 g CO2e", QUOTE, other_per, QUOTE, before).ok

"""A count per things is a rate, as an amount per things is: "8 GPUs per node", "eight accelerators on every server",
"each node has 8 GPUs" hold "8 GPUs" only with that per, never as a total nor per other things; the page's reading
(`extract_candidates`) carries the per too, as `kb audit` compares it."""

from __future__ import annotations

import pytest

from kb.quantities.numbers import extract_candidates
from kb.quantities.quoted import value_in_quote

RATES = [
    ("8 GPUs", "We trained with 8 GPUs per node.", "node"),
    ("8 GPUs", "The rack had 8 GPUs in each node.", "node"),
    ("8 accelerators", "It held eight accelerators on every server.", "server"),
    ("4 TPUs", "Every host has 4 TPUs.", "host"),
    ("3 datasets", "We use the same 3 datasets per task as before.", "task"),
    ("25 kWh", "The node used 25 kWh in each run.", "run"),
    ("200 pages", "It often totals two hundred pages of text per case.", "case"),
]


@pytest.mark.parametrize("value, quote, per", RATES)
def test_a_rate_per_things_is_no_total_and_names_its_per(value, quote, per):
    found = value_in_quote(value, quote)
    assert not found.ok and f"per {per}" in found.reason(value)
    assert value_in_quote(value, quote, per).ok
    other = value_in_quote(value, quote, "rack" if per != "rack" else "day")
    assert not other.ok and f"--per {per!r}" in other.reason(value)


@pytest.mark.parametrize("value, quote, ok", [
    ("8 GPUs", "We trained on 64 nodes with 8 GPUs each.", False),     # each of what it names before
    ("8 GPUs", "We trained on 8 GPUs in each case.", True),            # no per: each case is a setting
    ("8 GPUs", "Papers w/ PDF 8 GPUs total", True),                   # "w/": with, no per
    ("300 W", "two GPUs drawing 300 W each, 600 W in all", True),      # each one's power
])
def test_each_and_slashes_that_make_no_rate(value, quote, ok):
    assert value_in_quote(value, quote).ok is ok


@pytest.mark.parametrize("page, per", [
    ("We used 8 GPUs per node.", "node"), ("It held eight accelerators on every server.", "server"),
    ("Each node has 8 GPUs.", "node"), ("The node used 25 kWh in each run.", "run"), ("We used 8 GPUs.", ""),
    ("It often totals two hundred pages of text per case.", "case"),
    ("It required 0.004 kWh of energy per query.", "query"),
])
def test_the_page_reads_a_count_per_things_with_its_per(page, per):
    assert [c.per for c in extract_candidates([page])] == [per]

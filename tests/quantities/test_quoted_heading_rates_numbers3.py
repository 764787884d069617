"""A rate a heading or a table's header names about its figure's unit ("Energy (kWh) per 1,000 queries: 2.9", a column
"Energy per query (Wh)", "emissions per flight were 5 kg") holds its cells' figures per that only, never as totals, as
"8 GPUs per node" does; the page's reading carries the same per."""

from __future__ import annotations

import pytest

from kb.quantities.numbers import extract_candidates
from kb.quantities.quoted import value_in_quote

TABLE = "Model Energy per query (Wh)\nbase 0.3\nlarge 2.9"
TWO = "Model Energy per 1,000 queries (kWh) Emissions (g)\nbase 0.3 12\nlarge 2.9 40"


@pytest.mark.parametrize("value, quote, per", [
    ("2.9 kWh", "Energy (kWh) per 1,000 queries: 2.9", "1,000 queries"),
    ("2.9 kWh", "Energy per 1,000 queries (kWh): 2.9", "1,000 queries"),
    ("0.012 kWh", "Table 3: energy (kWh) per charge: 0.012", "charge"),
    ("0.3 Wh", "Energy per query (Wh)\n0.3\n2.9", "query"),
    ("2.9 Wh", TABLE, "query"),
    ("2.9 kWh", TWO, "1,000 queries"),
    ("5 kg", "Emissions per flight were 5 kg.", "flight"),
    ("2.9 kWh", "The energy per 1,000 queries was 2.9 kWh", "1,000 queries"),
])
def test_a_headings_rate_is_no_total_and_holds_with_its_per(value, quote, per):
    found = value_in_quote(value, quote)
    assert not found.ok and f"--per {per!r}" in found.reason(value)
    assert value_in_quote(value, quote, per).ok
    wrong = value.replace(value[0], str((int(value[0]) + 1) % 10), 1)      # one digit off
    assert not value_in_quote(wrong, quote, per).ok


def test_a_header_naming_no_rate_of_its_cell_keeps_its_totals():
    assert not value_in_quote("12 g", "Model Emissions per query (g) Energy (kWh)\nbase 12 40").ok
    for value, quote in [
        ("40 g", TWO),                                                                  # another column, no per
        ("1,234 tCO2e", "Table 3: Emissions (tCO2e) per year. 2019 1,234 2020 987"),    # rows by year: each its year's
        ("0.012 kWh", "Table 3: energy (kWh) of a charge: 0.012"),
        ("52.2M papers", "Papers w/ DOIs 52.2M (64.3%) Papers w/ Pubmed IDs 21.5M"),     # "w/": with, and no "is"
    ]:
        assert value_in_quote(value, quote).ok, value


@pytest.mark.parametrize("page, figures", [
    ("Energy per 1,000 queries was 2.9 kWh.", [("1,000", ""), ("2.9", "1,000 queries")]),
    ("Emissions per flight were 5 kg.", [("5", "flight")]),
    ("Energy per query (Wh) 0.3 2.9", [("0.3", "query"), ("2.9", "query")]),
    (TABLE, [("0.3", "query"), ("2.9", "query")]),
])
def test_the_page_reads_a_headings_rate_with_its_per(page, figures):
    assert [(c.number, c.per) for c in extract_candidates([page])] == figures

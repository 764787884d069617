"""A rate whose per a table's row label ("per day 36 30", "Daily 36 30") or a header's adverb ("Daily energy (kWh)",
"Annual emissions (tCO2e)") names holds its cells only with that per, never as totals; the page's reading carries it."""

from __future__ import annotations

import pytest

from kb.quantities.numbers import extract_candidates
from kb.quantities.quoted import value_in_quote

ROWS = "Energy (kWh) BERT GPT\nTotal 1,080 900\n{label} 36 30"


@pytest.mark.parametrize("value, quote, per", [
    ("36 kWh", ROWS.format(label="per day"), "day"),
    ("30 kWh", ROWS.format(label="Daily average"), "day"),
    ("36 kWh", "Daily energy use (kWh): 36", "day"),
    ("36 kg CO2e", "Model Total emissions (kg CO2e) Monthly emissions (kg CO2e)\nBERT 1,080 36", "month"),
    ("36 tCO2e", "Annual emissions (tCO2e) 36", "year"),
    ("36 kWh", "Energy (kWh) per day: 36", "day"),
])
def test_a_rate_named_by_its_row_or_an_adverb_holds_only_with_its_per(value, quote, per):
    assert not value_in_quote(value, quote).ok                          # a rate given as a total
    assert value_in_quote(value, quote, per).ok
    assert not value_in_quote(value.replace("3", "4", 1), quote, per).ok    # one digit off


def test_the_page_reads_a_row_per_and_totals_stay_totals():
    got = extract_candidates(["Energy (kWh) BERT GPT Total 1,080 900 Daily 36 30"])
    assert [(c.number, c.per) for c in got] == [("36", "day"), ("30", "day")]
    for value, quote in [
        ("1,080 kWh", ROWS.format(label="per day")),                        # the total row keeps its totals
        ("36 kW", "Hourly power draw (kW) 36"),                             # a power is no amount per hour
        ("1,234 tCO2e", "Annual emissions (tCO2e) 2019 1,234 2020 987"),    # rows by year: each its year's
    ]:
        assert value_in_quote(value, quote).ok, value


@pytest.mark.parametrize("page, figures", [
    ("Table 3: Results.\nModel Share (%)\nTransformer 23\nELMo 41\n", [("23", "%"), ("41", "%")]),
    ("Region Δ (%)\nEurope 23.5\nAsia 41\n", [("23.5", "%"), ("41", "%")]),
])
def test_the_page_reads_a_percentage_its_header_names(page, figures):
    assert [(c.number, c.unit) for c in extract_candidates([page])] == figures
    # ... never over rows of more cells, whose other columns are no percentages
    assert extract_candidates([page.replace("(%)", "Layers (%)").replace(" 23", " 12 23").replace(" 41", " 12 41")]) == []


@pytest.mark.parametrize("column", ["Per day", "Daily"])
def test_a_per_a_header_names_as_a_column_is_its_cells_only(column):
    quote = f"Energy (kWh) Total {column}\nBERT 1,080 36"
    assert not value_in_quote("36 kWh", quote).ok                   # a rate given as a total
    assert value_in_quote("36 kWh", quote, "day").ok
    assert value_in_quote("1,080 kWh", quote).ok                    # the total's column
    assert not value_in_quote("1,080 kWh", quote, "day").ok

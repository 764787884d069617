"""A row under a header naming two columns by their units: each cell is its own column's figure, on the page ("1,234"
of "Emissions (tCO2e) Energy (MWh) / BERT 1,234 510" is tCO2e, never MWh), and two cells apart by a space are two
numbers in a quote, never one written with a space between its thousands ("GPT 480 987": no 480,987)."""

from __future__ import annotations

import pytest

from kb.quantities.numbers import extract_candidates
from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("page, figures", [
    ("Model Emissions (tCO2e) Energy (MWh)\nBERT 1,234 510", [("1,234", "tCO2e"), ("510", "MWh")]),
    ("Model Emissions (g CO2e) Energy (kWh)\nBERT 1,234 510\nGPT 12 3.5",
     [("1,234", "gCO2e"), ("510", "kWh"), ("12", "gCO2e"), ("3.5", "kWh")]),
])
def test_the_page_reads_each_cell_in_its_own_columns_unit(page, figures):
    assert [(c.number, c.unit) for c in extract_candidates([page])] == figures


@pytest.mark.parametrize("value, quote, ok", [
    ("480,987 MWh", "Model Energy (MWh) Emissions (tCO2e)\nGPT 480 987", False),
    ("480,987", "Model Energy (MWh) Emissions (tCO2e)\nGPT 480 987", False),
    ("480,987 tCO2e", "Model Energy (MWh) Emissions (tCO2e) GPT 480 987", False),
    ("987 tCO2e", "Model Energy (MWh) Emissions (tCO2e)\nGPT 480 987", True),
    ("626155", "a total of 626 155 images", True),                  # a unit after it: one number
])
def test_two_cells_under_two_columns_are_no_spaced_thousands(value, quote, ok):
    assert value_in_quote(value, quote).ok is ok

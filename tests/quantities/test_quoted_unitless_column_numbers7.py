"""A table's cell under a column its header names with no unit ("Runs", "Seeds", "Accuracy") beside one it names a unit
for is a bare number: a claim in that unit never holds it ("5 kWh" of "Model Energy (kWh) Runs / BERT 23 5"), on the
page nor in a quote; the unit's own column and a unit-named column ("Hours") keep theirs."""

from __future__ import annotations

import pytest

from kb.quantities.numbers import extract_candidates
from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("wrong, right, quote", [
    ("5 kWh", "23 kWh", "Model Energy (kWh) Runs\nBERT 23 5"),
    ("5 kWh", "23 kWh", "Model Runs Energy (kWh)\nBERT 5 23"),
    ("3 kg CO2e", "12.5 kg CO2e", "Model Emissions (kg CO2e) Seeds\nBERT 12.5 3\nGPT 40.1 3"),
    ("88 MWh", "4.2 MWh", "System Energy [MWh] Accuracy\nResNet 4.2 88"),
    ("7 kWh", "900 kWh", "Model Energy (kWh) Runs\nBERT 23 5\nELMo 900 7"),
    ("5 kWh", "5 h", "Model Energy (kWh) Hours Seeds\nBERT 23 5 3"),
])
def test_a_cell_under_a_column_of_no_unit_is_no_figure_in_the_unit(wrong, right, quote):
    assert (value_in_quote(wrong, quote).ok, value_in_quote(right, quote).ok) == (False, True)


def test_the_page_reads_no_unit_for_a_run_on_header_s_unitless_column():
    got = {(c.number, c.unit) for c in extract_candidates(["Model Energy (kWh) Runs BERT 23 5"])}
    assert ("23", "kWh") in got and not any(number == "5" for number, _ in got)

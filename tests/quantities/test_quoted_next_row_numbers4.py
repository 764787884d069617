"""A table's cell followed by the next row's label ("Coal 23 Oil 0.20", "Transformer 23 ELMo 41") or by a text column
("Coal 23 NWPP") takes its header's unit, a percentage's ("Percentage (%)", "Share (%)") as a kWh's: the right figure
verifies, one digit off or in another unit is refused."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("right, wrongs, quote", [
    ("23%", ["24%", "23 kWh"], "Energy source Percentage (%) location\nCoal 23 NWPP"),
    ("23%", ["24%", "23 kWh"], "Source Share (%)\nCoal 23\nOil 0.20"),
    ("23 kWh", ["24 kWh", "23 GPUs"], "Model Energy (kWh)\nTransformer 23\nELMo 41"),
    ("-23%", ["-24%", "+23%"], "Model Δ (%)\nTransformer -23\nGPT-2 41"),
    ("12.3%", ["12.4%", "12.3 kWh"], "Energy source Percentage location\nCoal 23 NWPP\nCoal 12.30 RFCE"),  # a data file's
])
def test_a_cell_before_the_next_rows_label_takes_its_headers_unit(right, wrongs, quote):
    assert value_in_quote(right, quote).ok
    for wrong in wrongs:
        assert not value_in_quote(wrong, quote).ok, wrong

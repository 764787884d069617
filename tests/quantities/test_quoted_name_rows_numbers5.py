"""A table's row labelled by a model's name that ends in a number ("BERT 23", "GPT 900 41") under a header naming its
unit: the row's one number is its cell, and a name's number followed by a cell is the name's; a row labelled in lower
case ("base 23 large 41") ends its cell before the next row's label, which takes the header's unit."""

from __future__ import annotations

import pytest

from kb.quantities.numbers import extract_candidates
from kb.quantities.quoted import value_in_quote

KWH = "Model Energy (kWh)\nBERT 23\nGPT 900 41"
SHARE = "Model Share (%)\nBERT 23\nT5 11B 45.2"
LOWER = "Model Share (%)\nbase 23\nlarge 41"


@pytest.mark.parametrize("value, quote, wrong", [
    ("23 kWh", KWH, ("24 kWh", "23 %", "900 kWh")),
    ("23 %", SHARE, ("24 %", "23 kWh", "11 %")),
    ("23 kWh", "Model Energy (kWh) BERT 23 ELMo 41", ("2.3 kWh", "23 kg")),
    ("23 %", LOWER, ("24 %", "23 kWh")),
])
def test_a_rows_one_cell_after_a_names_number_takes_its_headers_unit(value, quote, wrong):
    assert value_in_quote(value, quote).ok
    for other in wrong:
        assert not value_in_quote(other, quote).ok, other
    for other, prose in [
        ("2 kWh", "Energy (kWh) of SQuAD 2"),               # a name in a sentence, no row
        ("23 %", "we trained base 23 large 41 models"),     # no header: no cells
        ("4 kWh", "Model Energy (kWh)\nBERT 23\nGPT 4"),    # a product line's number stays its name's
    ]:
        assert not value_in_quote(other, prose).ok, prose


@pytest.mark.parametrize("rows, figures", [
    ("BERT 23\nGPT 900 41", [("23", "kWh"), ("41", "kWh")]),
    ("GPT 900 41\nBERT 23", [("41", "kWh"), ("23", "kWh")]),
])
def test_the_page_reads_a_names_number_as_its_label_among_rows_of_one_cell(rows, figures):
    page = f"Table 2: Energy.\nModel Energy (kWh)\n{rows}\n"
    assert [(c.number, c.unit) for c in extract_candidates([page])] == figures
    # ... never in rows all as wide: "BERT 23 4" under one unit is two cells
    wide = "Table 2.\nModel Energy (kWh)\nBERT 23 4\nGPT 41 5\n"
    assert [c.number for c in extract_candidates([wide])] == ["23", "4", "41", "5"]

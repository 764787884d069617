"""A header naming its columns' units in brackets ("Energy consumed [kWh] CO₂eq emitted [kg]", as a data file's header
reads) gives each cell its own column's unit, as one in parentheses does: never the other column's."""

from __future__ import annotations

import pytest

from kb.quantities.numbers import extract_candidates
from kb.quantities.quoted import value_in_quote

ROW = "Data set Energy consumed [kWh] CO₂eq emitted [kg]\nImagenet 1056.0 534.4"
TIME = "Training time [s] Energy consumed [kWh]\nImagenet 950400.0 1056.0"


@pytest.mark.parametrize("right, wrong, quote", [
    ("534.4 kg CO2e", "534.4 kWh", ROW),
    ("1056 kWh", "1056 kg CO2e", ROW.replace("\n", " ")),
    ("264 h", "950400 kWh", TIME),
])
def test_a_bracketed_header_gives_each_cell_its_columns_unit(right, wrong, quote):
    assert value_in_quote(right, quote).ok
    assert not value_in_quote(wrong, quote).ok


def test_the_page_reads_no_cell_in_another_columns_bracketed_unit():
    assert extract_candidates([ROW.replace("\n", " ")]) == []       # was 1056.0 kWh and 534.4 kWh
    assert [(c.number, c.unit) for c in extract_candidates(["Model Energy [kWh]\nbase 1,056\nlarge 2,000\n"])] == [
        ("1,056", "kWh"), ("2,000", "kWh")]

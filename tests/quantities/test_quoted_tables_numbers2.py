"""Tables in a quote and on the page: a row's year under a header naming a "Year" column labels the row and is no
figure of the header's units ("2019" of "Year Energy (MWh) 2019 510"); a cell holds its own column's unit, never that
of another column named before it ("987" of "Energy (MWh) Emissions (tCO2e) ... GPT 480 987" is no MWh)."""

from __future__ import annotations

import pytest
from judging import judged

from kb.quantities.numbers import extract_candidates

YEARS = "Year Energy (MWh) Emissions (tCO2e)\n2019 510 1,234\n2020 480 987"
ONE = "Year Emissions (tCO2e)\n2019 1,234\n2020 987"


@pytest.mark.parametrize("value, quote, ok", [
    ("2019 tCO2e", ONE, False), ("2020 tCO2e", ONE, False), ("1,234 tCO2e", ONE, True), ("987 tCO2e", ONE, True),
    ("2019 MWh", YEARS, False), ("2019 tCO2e", YEARS, False), ("510 tCO2e", YEARS, False), ("987 MWh", YEARS, False),
    ("510 MWh", YEARS, True), ("1,234 tCO2e", YEARS, True), ("2019", YEARS, True),
    ("2019 MWh", "Year Energy (MWh) 2019 510 2020 480", False), ("510 MWh", "Year Energy (MWh) 2019 510 2020 480", True),
])
def test_a_rows_year_is_no_figure_and_each_cell_has_its_columns_unit(value, quote, ok):
    judged(value, quote, ok)


@pytest.mark.parametrize("value, ok", [("987 MWh", False), ("480 tCO2e", False), ("1,234 MWh", False),
                                       ("987 tCO2e", True), ("510 MWh", True)])
def test_a_cell_holds_no_unit_of_another_column_named_before_it(value, ok):
    judged(value, "Model Energy (MWh) Emissions (tCO2e)\nBERT 510 1,234\nGPT 480 987", ok)


@pytest.mark.parametrize("page, figures", [
    ("Year Energy (MWh) 2019 510 2020 480", [("510", "MWh"), ("480", "MWh")]),
    ("Model Energy (MWh) Emissions (tCO2e) BERT 510 1,234 GPT 480 987", []),     # which column is which: unsaid
])
def test_the_page_reads_no_year_and_no_unit_of_columns_run_together(page, figures):
    assert [(c.number, c.unit) for c in extract_candidates([page])] == figures


HEADED = "Electricity use (TWh) 2019 2020 2021\nUS 120 134 150"
STRIDED = "Table 3: Emissions (tCO2e) per year. 2019 1,234 2020 987"


@pytest.mark.parametrize("value, quote, ok", [
    ("2019 TWh", HEADED, False), ("2021 TWh", HEADED, False), ("2019", HEADED, True),
    ("2019 tCO2e", STRIDED, False), ("2020 tCO2e", STRIDED, False), ("1,234 tCO2e", STRIDED, True),
    ("2015 TWh", "Data centre electricity use (TWh), 2015 2019 2022: 200 230 460", False),
    ("460 TWh", "Data centre electricity use (TWh), 2015 2019 2022: 200 230 460", True),
    ("2019 kWh", "The model used 2019 kWh in 2020.", True),         # a figure printed with its unit
])
def test_years_heading_a_tables_columns_or_rows_are_no_figures(value, quote, ok):
    judged(value, quote, ok)


@pytest.mark.parametrize("page, figures", [
    ("Electricity use (TWh) 2019 2020 2021\nUS 120 134 150", []),
    (STRIDED, [("1,234", "tCO2e"), ("987", "tCO2e")]),
])
def test_the_page_reads_no_year_heading_a_table_as_a_figure(page, figures):
    assert [(c.number, c.unit) for c in extract_candidates([page])] == figures

"""Per cent abbreviated in capitals ("12 PCT", "12 Pct.") is a percentage where the words after it read as one's ("rose
12 PCT in 2021", "a 12 PCT rise"), never where "PCT" names a thing (a patent's "PCT applications", a clinical marker's
"day 3 PCT was 2.1 ng/mL"), and never a petacarat, a mass pint reads "Pct" as."""

from __future__ import annotations

import pytest

from kb.quantities.numbers import extract_candidates
from kb.quantities.quoted import value_in_quote
from kb.quantities.units import parse_unit

PERCENT = [
    ("Sales rose 12 PCT in 2021.", "12%"),
    ("Sales rose 12 PCT in 2021.", "12 percent"),
    ("Profit saw a 7.5 PCT rise.", "7.5%"),
    ("The stake is 4 Pct. of the firm.", "4%"),
    ("The stake is 4 Pct of the firm.", "4%"),
    ("Output fell 3 PCT.", "3%"),
    ("Emissions were cut 12 PCT, the report said.", "12%"),
    ("A 12 Pct. increase was seen.", "12%"),
    ("Demand was up 9 PCT year-on-year.", "9%"),
    ("Sales rose 12 PER CENT in 2021.", "12%"),
    ("Sales rose 12 pct in 2021.", "12%"),
]
WRONG = [
    ("Sales rose 12 PCT in 2021.", "21%"),
    ("Sales rose 12 PCT in 2021.", "12 pp"),
    ("Sales rose 12 PCT in 2021.", "12 kg"),
    ("Profit saw a 7.5 PCT rise.", "75%"),
    ("Margins rose 2 PCT points.", "2%"),
    ("The load is 12 Pct.", "2.4e12 kg"),
]
NAMES = [
    ("The firm filed 12 PCT applications in 2021.", "12%"),
    ("The firm filed 12 PCT applications in 2021.", "12 percent"),
    ("Patients with 12 PCT above 0.5 ng/mL were treated.", "12%"),
    ("On day 3 PCT was 2.1 ng/mL.", "3%"),
    ("The 2 PCT filings cover 14 countries.", "2%"),
    ("Of these, 40 PCT tests were negative.", "40%"),
]


@pytest.mark.parametrize("quote, value", PERCENT)
def test_per_cent_in_capitals_holds_its_percentage(quote, value):
    assert value_in_quote(value, quote).ok


@pytest.mark.parametrize("quote, value", WRONG + NAMES)
def test_another_figure_or_pct_as_a_name_holds_none(quote, value):
    assert not value_in_quote(value, quote).ok


@pytest.mark.parametrize("quote, value", NAMES)
def test_the_page_reads_no_percentage_where_pct_is_a_name(quote, value):
    number = value.rstrip("% percent")
    assert not any(c.number == number and c.unit in ("%", "percent") for c in extract_candidates([quote]))


def test_pct_in_capitals_is_per_cent_never_a_petacarat():
    assert parse_unit("PCT") == parse_unit("Pct") == parse_unit("percent")
    assert value_in_quote("2 pp", "Margins rose 2 PCT points.").ok
    assert value_in_quote("2.1 ng/mL", "On day 3 PCT was 2.1 ng/mL.").ok

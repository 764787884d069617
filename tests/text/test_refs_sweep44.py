"""Reference strings of round 44: places of publication after a title, names cut short or given whole."""

import pytest

from kb.text.refs import parse_entry


@pytest.mark.parametrize("text, author, year, title", [
    # a city, a city and its country or US state, either before its publisher: no part of a title with no quotes
    ("UNEP, Emissions Gap Report 2022, Nairobi, Kenya, 2022.", "unep", 2022, "Emissions Gap Report 2022"),
    ("FAO, The state of food and agriculture, Rome, Italy, 2021.", "fao", 2021, "The state of food and agriculture"),
    ("OECD, Digital Economy Outlook 2020, Paris, 2020.", "oecd", 2020, "Digital Economy Outlook 2020"),
    ("World Health Organization, Global status report on road safety, Geneva: WHO, 2018.",
     "worldhealthorganization", 2018, "Global status report on road safety"),
    ("Ministry of Environment, Climate report, Seoul, Republic of Korea, 2021.", "ministryofenvironment", 2021,
     "Climate report"),
])
def test_place_after_title(text: str, author: str, year: int, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, year, title)

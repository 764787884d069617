"""Reference strings: a legislature keyed whole; a date or an access date after a title is no part of it."""

import pytest

from kb.text.names import author_key, to_bibtex_name
from kb.text.refs import parse_entry


@pytest.mark.parametrize("name, key", [
    ("U.S. Congress", "uscongress"),
    ("US Senate", "ussenate"),
    ("Deutscher Bundestag", "deutscherbundestag"),
    ("Assemblée nationale", "assembleenationale"),
])
def test_legislature_keyed_and_braced_whole(name, key):
    assert author_key(name) == key
    assert to_bibtex_name(name) == "{" + name + "}"


@pytest.mark.parametrize("text, key, title", [
    ("U.S. Congress. H.R. 4346 — CHIPS and Science Act. 2022.", "uscongress", "H.R. 4346 — CHIPS and Science Act"),
    ("US Senate (2023). Oversight of A.I.: Rules for Artificial Intelligence.", "ussenate",
     "Oversight of A.I.: Rules for Artificial Intelligence"),
])
def test_legislature_in_reference(text, key, title):
    entry = parse_entry(text)
    assert (entry.first_author, entry.title) == (key, title)
    # a person's family name stays one
    assert parse_entry("Congress, J. (2019). A study of things.").first_author == "congress"


@pytest.mark.parametrize("text, title", [
    ("World Bank (2022). Outlook, June 2022.", "Outlook"),
    ("OECD (2019), Recommendation of the Council on AI, 22 May 2019.", "Recommendation of the Council on AI"),
    ("J. Doe, A study of things, 12 March 2021.", "A study of things"),
    ("Doe, J. (2020). A study of things, accessed 3 May 2023.", "A study of things"),
    ("Doe, J. (2020). A study of things, Accessed: 2023-05-03.", "A study of things"),
    ("Doe, J. (2020). A study of things, retrieved March 3, 2021 from https://example.org/a", "A study of things"),
])
def test_date_after_title_cut(text, title):
    assert parse_entry(text).title == title
    # the title's own words stay, and a year alone after a one-word title
    assert parse_entry("Doe, J. (2020). Data retrieved from memory. Journal of Things, 3(2).").title \
        == "Data retrieved from memory"
    assert parse_entry("Doe, J. (2020). Census, 2020.").title == "Census, 2020"


@pytest.mark.parametrize("text, title", [
    ("Fridman, L. (Host). (2023, March 25). Sam Altman: OpenAI CEO on GPT-4 (No. 367) [Audio podcast episode]. "
     "In Lex Fridman Podcast.", "Sam Altman: OpenAI CEO on GPT-4"),
    ("Doe, J. (2020). A study of things (Issue Brief No. 5). Acme.", "A study of things"),
    ("Doe, J. (2020). A study of things (Publication No. 12345) [Doctoral dissertation, MIT]. ProQuest.",
     "A study of things"),
    ("Doe, J. (2020). A study of things (Ep. 12) [Audio podcast episode]. In Some Podcast.", "A study of things"),
])
def test_numbered_work_in_brackets_cut(text, title):
    assert parse_entry(text).title == title
    # a title's own bracket stays
    assert parse_entry("Doe, J. (2020). Deep Learning (No Free Lunch). Acme.").title == "Deep Learning (No Free Lunch)"


@pytest.mark.parametrize("text, key, title", [
    ("U.S. House of Representatives. Report on AI. 2023.", "ushouseofrepresentatives", "Report on AI"),
    ("U.S. Department of Energy. Report on AI. 2023.", "usdepartmentofenergy", "Report on AI"),
    ("U.K. House of Commons. Title of report. 2021.", "ukhouseofcommons", "Title of report"),
    ("HM Treasury. The Green Book. 2022.", "hmtreasury", "The Green Book"),
])
def test_country_body_opening_entry(text, key, title):
    entry = parse_entry(text)
    assert (entry.first_author, entry.title) == (key, title)


@pytest.mark.parametrize("text", [
    "Doe, J. (2020). A study of things, 1st June 2022.",
    "Doe, J. (2020). A study of things, Jun. 2022.",
    "Doe, J. (2020). A study of things, updated 3 May 2023.",
])
def test_date_of_another_year_after_title_cut(text):
    assert parse_entry(text).title == "A study of things"
    # a year alone after the title, no month nor day, stays the title's
    assert parse_entry("Doe, J. (2020). A study of things, 2022.").title == "A study of things, 2022"

"""Reference strings: a legislature keyed whole."""

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

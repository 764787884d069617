"""Reference lists: a web page's title of one word before the site it is published on; held-out kinds."""

import pytest

from kb.text.refs import parse_entry


@pytest.mark.parametrize("text, key, year, title", [
    # a web page's one-word title, then the site it is published on, named by its host or its address
    ("Our World in Data. 2020. Energy. Published online at OurWorldInData.org.", "ourworldindata", 2020, "Energy"),
    ("Our World in Data. Energy. Published online at OurWorldInData.org.", "ourworldindata", None, "Energy"),
    ("Hannah Ritchie and Max Roser. 2021. Tourism. Published online at OurWorldInData.org.", "ritchie", 2021,
     "Tourism"),
])
def test_one_word_title_before_its_site(text, key, year, title):
    e = parse_entry(text)
    assert (e.first_author, e.year, e.title) == (key, year, title)
    # ... never a word that opens a web address
    assert parse_entry(text.replace(title, "Online")).title is None

"""Reference strings, names and keys: organisations keyed whole, legal documents' titles, TeX commands."""

import pytest

from kb.sources.citekey import base_key
from kb.text.names import author_key, to_bibtex_name
from kb.text.refs import parse_entry

# -- a bank's or a 'World' body's name is one name, keyed whole ------------------------------------------

@pytest.mark.parametrize("name, key", [
    ("World Bank", "worldbank"),
    ("European Central Bank", "europeancentralbank"),
    ("Asian Development Bank", "asiandevelopmentbank"),
    ("World Vision", "worldvision"),
])
def test_body_keyed_whole(name, key):
    assert author_key(name) == key
    assert base_key([name], 2022, "Global Economic Prospects") == f"{key}2022global"


def test_body_braced_whole_in_references_bib():
    assert to_bibtex_name("World Bank") == "{World Bank}"
    # a person's family name 'Bank' stays a person's, braced or keyed whole never
    assert to_bibtex_name("Jonathan Bank") == "Bank, Jonathan"
    assert author_key("Jonathan Bank") == author_key("Bank, Jonathan") == "bank"
    assert author_key("{World Bank}") == "worldbank"


@pytest.mark.parametrize("text, key", [
    ("World Bank (2022). Global Economic Prospects. Washington, DC.", "worldbank"),
    ("Inter-American Development Bank. 2021. Energy outlook for Latin America. Washington, DC.",
     "interamericandevelopmentbank"),
])
def test_body_in_reference_keyed_whole(text, key):
    assert parse_entry(text).first_author == key

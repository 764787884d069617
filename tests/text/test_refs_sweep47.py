"""Reference strings, names and keys: organisations keyed whole, legal documents' titles, TeX commands."""

import pytest

from kb.sources.citekey import base_key
from kb.text.ids import find_doi_in_text
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


# -- a legal instrument's reference: its title is its designation's sentence (EU) or the name after it (US) ----

_AI_ACT = ("Regulation (EU) 2024/1689 of the European Parliament and of the Council of 13 June 2024 laying down "
           "harmonised rules on artificial intelligence")
_EO = "Safe, Secure, and Trustworthy Development and Use of Artificial Intelligence"


@pytest.mark.parametrize("text, author, year, title", [
    (f"{_AI_ACT} and amending Regulations (EC) No 300/2008, (EU) No 167/2013 and (EU) 2019/2144 (Artificial "
     "Intelligence Act). OJ L, 2024/1689, 12.7.2024.", None, 2024,
     f"{_AI_ACT} and amending Regulations (EC) No 300/2008, (EU) No 167/2013 and (EU) 2019/2144 "
     "(Artificial Intelligence Act)"),
    (f"[12] {_AI_ACT}, 2024.", None, 2024, _AI_ACT),
    (f"European Parliament and Council of the European Union. {_AI_ACT}. Official Journal of the European Union, 2024.",
     "europeanparliamentandcounciloftheeuropeanunion", 2024, _AI_ACT),
    (f"Executive Order 14110, {_EO}, 88 Fed. Reg. 75191 (Nov. 1, 2023).", None, 2023, _EO),
    ("Executive Order No. 14110, 88 Fed. Reg. 75191 (Oct. 30, 2023).", None, 2023, "Executive Order No. 14110"),
    ("Executive Order 13960 of December 3, 2020: Promoting the Use of Trustworthy Artificial Intelligence in the "
     "Federal Government. Federal Register 85(236), 2020.", None, 2020,
     "Promoting the Use of Trustworthy Artificial Intelligence in the Federal Government"),
    ("H.R. 3684 — Infrastructure Investment and Jobs Act. 117th Congress (2021-2022).", None, 2021,
     "Infrastructure Investment and Jobs Act"),
    ("S. 2714 — CHIPS and Science Act of 2022. 117th Congress, 2022.", None, 2022, "CHIPS and Science Act of 2022"),
    ("Public Law 117-169, Inflation Reduction Act of 2022, 136 Stat. 1818 (2022).", None, 2022,
     "Inflation Reduction Act of 2022"),
    ("Infrastructure Investment and Jobs Act, Pub. L. No. 117-58, 135 Stat. 429 (2021).", None, 2021,
     "Infrastructure Investment and Jobs Act"),
])
def test_legal_instrument_title(text, author, year, title):
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, year, title)


# -- a SICI DOI's angle brackets are of it, in the DOI and in the link a reference prints ---------------------

_SICI = "10.1002/(SICI)1097-4571(199106)42:5<361::AID-ASI6>3.0.CO;2-#"


@pytest.mark.parametrize("tail", [f"https://doi.org/{_SICI}", f"doi:{_SICI}.", f"DOI {_SICI}"])
def test_sici_doi_whole(tail):
    entry = parse_entry("Kuhlthau, C. C. (1991). Inside the search process: Information seeking from the user's "
                        f"perspective. Journal of the American Society for Information Science, 42(5), 361–371. {tail}")
    assert entry.doi == _SICI.lower()
    assert entry.url in (None, f"https://doi.org/{_SICI}")
    # an HTML tag after a DOI is no part of it
    assert find_doi_in_text('<a href="x">10.1000/xyz</a>') == "10.1000/xyz"

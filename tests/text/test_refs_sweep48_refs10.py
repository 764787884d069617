"""Reference strings: Vancouver's one author before a colon; held-out kinds."""

import pytest

from kb.text.refs import parse_entry


@pytest.mark.parametrize("text, key, title", [
    # Vancouver's one author, family name and initials in capitals, then a colon and the title
    ("Smith J: A study of things. 2019.", "smith", "A study of things"),
    ("Nguyen VA: Deep learning for retinal imaging. Lancet. 2020;3:1-2.", "nguyen", "Deep learning for retinal imaging"),
    ("Kim HS: 3D imaging of tumours. Radiology 2021 Mar;12:3-9.", "kim", "3D imaging of tumours"),
    # a title's head of a word and a numeral's or a letter's label, or a product's letters: no author
    ("Part II: The study of things. 2019.", None, "Part II: The study of things"),
    ("Type A: Behaviour patterns and risk. 2019.", None, "Type A: Behaviour patterns and risk"),
    ("Windows XP: A guide for users. 2003.", None, "Windows XP: A guide for users"),
])
def test_vancouver_one_author_before_a_colon(text, key, title):
    entry = parse_entry(text)
    assert (entry.first_author, entry.title) == (key, title)


@pytest.mark.parametrize("text, key, title", [
    # a standard's title of one word after its number, a sentence of its own
    ("RFC 7540. HTTP/2. IETF, 2015.", None, "HTTP/2"),
    ("RFC 9000. QUIC. M. Thomson. IETF, 2021.", "thomson", "QUIC"),
    # ... not its body's name, nor a word a sentence opens with
    ("RFC 7540. IETF. 2015.", None, None),
    ("RFC 7540. The. 2015.", None, None),
    # a site named by its host, its tagline after a colon, its date, then its page's title or its address alone
    ("Our World in Data: The Data Platform. 2023. Energy use per person. https://ourworldindata.org/energy",
     "ourworldindata", "Energy use per person"),
    ("Our World in Data: The Data Platform (2023). Energy use per person. Retrieved from https://ourworldindata.org/e",
     "ourworldindata", "Energy use per person"),
    ("Papers with Code: The Latest in ML. 2023. SOTA leaderboards. https://paperswithcode.com/sota",
     "paperswithcode", "SOTA leaderboards"),
    ("Our World in Data: The Data Platform. 2023. https://ourworldindata.org", "ourworldindata", None),
    # a report after a body's name, on the web site of its initials: the title
    ("International Energy Agency: The Future of Cooling. 2018. Technical report. https://www.iea.org/x",
     "internationalenergyagency", "The Future of Cooling"),
])
def test_a_standards_one_word_title_and_a_sites_tagline(text, key, title):
    entry = parse_entry(text)
    assert (entry.first_author, entry.title) == (key, title)

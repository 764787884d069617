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

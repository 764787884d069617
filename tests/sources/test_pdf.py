"""What a PDF says about itself: the names in its /Author string."""

from __future__ import annotations

import pytest
from corpus import corpus_path

from kb.sources.pdf import extract, split_info_authors


@pytest.mark.parametrize("text, names", [
    # one comma-separated string, as the published PDF of Dodge et al. 2022 carries it
    ("Jesse Dodge, Taylor Prewitt, Remi Tachet Des Combes, Erika Odmark",
     ["Jesse Dodge", "Taylor Prewitt", "Remi Tachet Des Combes", "Erika Odmark"]),
    ("A. Smith, B. Jones, and C. Doe", ["A. Smith", "B. Jones", "C. Doe"]),
    ("Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
    ("Yann LeCun & Yoshua Bengio", ["Yann LeCun", "Yoshua Bengio"]),
    # one name written "Last, First" is not two names
    ("Dodge, Jesse", ["Dodge, Jesse"]),
    ("Dodge, Jesse and Prewitt, Taylor", ["Dodge, Jesse", "Prewitt, Taylor"]),
    ("Dodge, J., Prewitt, T.", ["Dodge, J.", "Prewitt, T."]),
    ("Martin Luther King, Jr., Jane Doe", ["King, Jr., Martin Luther", "Jane Doe"]),
    ("Turing", ["Turing"]),
    ("  ", []),
    (" ; , ", []),
])
def test_author_strings_split_into_names(text, names):
    assert split_info_authors(text) == names


def test_semicolon_lists_of_real_acl_pdfs():
    result = extract(corpus_path("pdf", "acl-N18-3011.pdf").read_bytes())
    names = split_info_authors(result.info_author)
    assert len(names) == 23
    assert names[0] == "Waleed Ammar" and names[-2:] == ["Madeleine van Zuylen", "oren etzioni"]


def test_a_note_after_the_name_is_not_an_author():
    result = extract(corpus_path("pdf", "turing-1950-computing-machinery-and-intelligence.pdf").read_bytes())
    assert result.info_author == "A. M. Turing. Adapted to LaTeX by Diogo Sousa"
    assert split_info_authors(result.info_author) == ["A. M. Turing"]

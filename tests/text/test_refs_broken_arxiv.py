"""An arXiv id a line break cut after its dot or inside its number is read whole where the next line's digits make
exactly the number the id's month takes (four to 2014, five from 2015); never from digits that would make it longer,
nor where the id was whole before the break."""

import pytest

from kb.text.refs import find_references, parse_entry

WHOLE = [
    ("[8] A. S. Luccioni and A. Hernandez-Garcia, “Counting carbon: A survey of factors influencing the emissions of "
     "machine learning,” 2023, arXiv:2302.\n08476.", "2302.08476"),
    ("Luccioni, A. S., Jernite, Y., & Strubell, E. (2023). Power hungry processing: Watts driving the cost of AI "
     "deployment? arXiv:2311.1686\n3.", "2311.16863"),
    ("Schwartz, R., Dodge, J., Smith, N. A., & Etzioni, O. (2019). Green AI. arXiv preprint arXiv:1907.1\n0597.",
     "1907.10597"),
    ("Doe, J. (2014). Old results. arXiv:1403.\n1234.", "1403.1234"),
    ("Doe, J. 2021. Something. CoRR abs/2104.\n10350, 2021.", "2104.10350"),
    ("Doe, J. 2019. Something. arXiv:1907.\n10597v2.", "1907.10597"),
]

NOT_JOINED = [
    ("Doe, J. 2021. Something. arXiv:2311.16863\n2023.", "2311.16863"),       # whole before the break
    ("Doe, J. 2014. Something. arXiv:1403.12\n345.", None),                   # five digits where four are taken
    ("Doe, J. 2021. Something. arXiv:2104.1\n2021.", None),                   # a year after a cut id
    ("Doe, J. 2021. Something. Report 2104.\n10350 copies.", None),           # no arXiv named
]


@pytest.mark.parametrize("text,arxiv", WHOLE)
def test_broken_arxiv_id_read_whole(text, arxiv):
    assert parse_entry(text).arxiv_id == arxiv


@pytest.mark.parametrize("text,arxiv", NOT_JOINED)
def test_digits_that_do_not_end_the_id_are_not_joined(text, arxiv):
    assert parse_entry(text).arxiv_id == arxiv


def test_broken_arxiv_id_in_a_list():
    page = ("References\n"
            "[1] A. Smith and B. Jones. 2021. Carbon emissions and large neural network training. arXiv:2104.\n"
            "10350.\n"
            "[2] C. Brown. 2020. Language models are few-shot learners. arXiv:2005.14165.\n")
    entries = find_references([page])
    assert [e.arxiv_id for e in entries] == ["2104.10350", "2005.14165"]

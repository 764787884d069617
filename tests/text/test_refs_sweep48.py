"""Reference strings: a body's initialism spaced as initials; dates in and after titles; held-out kinds."""

import pytest

from kb.text.refs import parse_entry


@pytest.mark.parametrize("text, key, title", [
    ("U. S. Department of Energy. Report on AI. 2023.", "usdepartmentofenergy", "Report on AI"),
    ("U. S. Department of Energy (2023). Report on AI.", "usdepartmentofenergy", "Report on AI"),
    ("U. K. House of Commons. Title of report. 2021.", "ukhouseofcommons", "Title of report"),
    ("U. N. Environment Programme (2022). Emissions Gap Report 2022.", "unenvironmentprogramme",
     "Emissions Gap Report 2022"),
])
def test_spaced_country_initialism_opens_body(text, key, title):
    entry = parse_entry(text)
    assert (entry.first_author, entry.title) == (key, title)
    # a person's initials stay a person's
    assert parse_entry("U. S. Rao and J. Smith. Title of things. 2020.").first_author == "rao"

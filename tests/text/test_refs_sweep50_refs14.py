"""Reference strings read by kb.text.refs and kb.text.names: standards, firms, names family first."""

import pytest

from kb.text.names import author_key
from kb.text.refs import PaperIndex, PaperInfo, parse_entry


@pytest.mark.parametrize("text, author, title", [
    # a standard's title, a comma, its number and its date, no author: its title, no author
    ("Hypertext Transfer Protocol Version 2 (HTTP/2), RFC 7540, May 2015.", None,
     "Hypertext Transfer Protocol Version 2 (HTTP/2)"),
    ("Transport Layer Security Protocol Version 1.3, RFC 8446. August 2018.", None,
     "Transport Layer Security Protocol Version 1.3"),
    # ... its number after the title's comma is no part of the title, an author before it or not
    ("IETF. 2015. Hypertext Transfer Protocol Version 2, RFC 7540.", "ietf", "Hypertext Transfer Protocol Version 2"),
    ("Rescorla, E. (2018). The Transport Layer Security (TLS) Protocol Version 1.3, RFC 8446.", "rescorla",
     "The Transport Layer Security (TLS) Protocol Version 1.3"),
    ("ISO. 2015. Information technology — Security techniques, ISO/IEC 27001:2013.", "iso",
     "Information technology — Security techniques"),
    # a body closed by 'Force' after its kind is keyed whole, as one name
    ("Internet Engineering Task Force. Hypertext Transfer Protocol Version 2, RFC 7540, 2015.",
     "internetengineeringtaskforce", "Hypertext Transfer Protocol Version 2"),
    ("Financial Action Task Force (2021). Opportunities and challenges of new technologies for AML/CFT. Paris.",
     "financialactiontaskforce", "Opportunities and challenges of new technologies for AML/CFT"),
])
def test_standards_title_and_body(text, author, title):
    e = parse_entry(text)
    assert (e.first_author, e.title) == (author, title)


def test_force_a_family_name_still():
    assert parse_entry("John Force. 2020. A study of things. In ACL.").first_author == "force"
    assert author_key("Force, John") == "force"
    assert author_key("Internet Engineering Task Force") == "internetengineeringtaskforce"


@pytest.mark.parametrize("loose", [True, False])
@pytest.mark.parametrize("cited, title", [
    ("Roy Fielding. 2014. Hypertext Transfer Protocol (HTTP/1.1): Semantics and Content. RFC 7230.",
     "Hypertext Transfer Protocol (HTTP/1.1): Semantics and Content (RFC 7231)"),
    ("E. Rescorla. The Transport Layer Security (TLS) Protocol Version 1.2. RFC 5246, 2008.",
     "The Transport Layer Security (TLS) Protocol Version 1.3 (RFC 8446)"),
])
def test_standard_blocked_by_another_number_says_so(cited, title, loose):
    index = PaperIndex([PaperInfo("p1", year=2014, first_author="Someone", title=title)])
    got = index.explain(parse_entry(cited), loose=loose)
    assert got.resolution is None and "numbers another standard" in got.reason


@pytest.mark.parametrize("text, title", [
    # the sentence after a title's question that its web address spells is the site, no subtitle
    ("Ritchie, H. (2020). Sector by sector: where do global greenhouse gas emissions come from? Our World in Data. "
     "https://ourworldindata.org/ghg-emissions-by-sector (accessed 10 March 2023).",
     "Sector by sector: where do global greenhouse gas emissions come from?"),
    ("Max Roser. 2022. Why Did Renewables Become So Cheap So Fast? Our World in Data. URL "
     "https://www.ourworldindata.org/cheap-renewables-growth", "Why Did Renewables Become So Cheap So Fast?"),
])
def test_site_after_a_question_is_no_subtitle(text, title):
    assert parse_entry(text).title == title
    # ... a subtitle the address does not spell is the title's
    assert parse_entry("Ritchie, H. (2020). Is AI Sustainable? A Short Answer for Everyone. "
                       "https://ourworldindata.org/ai").title == "Is AI Sustainable? A Short Answer for Everyone"

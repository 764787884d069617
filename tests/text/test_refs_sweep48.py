"""Reference strings: a body's initialism spaced as initials; dates in and after titles; held-out kinds."""

import pytest

from kb.text.names import author_key, to_bibtex_name
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


@pytest.mark.parametrize("text, title", [
    ("Doe, J. (2021). Lockdown diaries, March 2021. Blog.", "Lockdown diaries, March 2021"),
    ('J. Doe. "Lockdown diaries, March 2021." Blog, 2021.', "Lockdown diaries, March 2021"),
    ('J. Doe, "Lockdown diaries, 3 March 2021," Blog, Mar. 2021.', "Lockdown diaries, 3 March 2021"),
])
def test_date_in_title_keeps_its_month(text, title):
    assert parse_entry(text).title == title
    # the entry's own date after a title with no quotes stays cut
    assert parse_entry("World Bank (2022). Outlook, June 2022.").title == "Outlook"


@pytest.mark.parametrize("text", [
    "Smith, A., & Doe, B. (in press). Scaling 2030: a study of things. Journal of Stuff.",
    "Smith, A. (forthcoming). A study of things. Journal of Stuff, 2021 Special Issue.",
    "Smith, A. (n.d.). A study of things 2020. Acme.",
    "Smith, A. (2019/2020). A study of things. Journal of Stuff.",
    "Smith, A. 2019/20. A study of things. Journal of Stuff.",
])
def test_no_one_year_read(text):
    assert parse_entry(text).year is None
    # an original's year and its reprint's: the first; a year printed after the state: that one
    assert parse_entry("Turing, A. M. (1950/2009). Computing machinery and intelligence.").year == 1950
    assert parse_entry('A. Smith, "A study of things," Journal of Stuff, vol. 12, in press, 2021.').year == 2021


@pytest.mark.parametrize("text, year, title", [
    ("Brown v. Board of Education, 347 U.S. 483 (1954).", 1954, "Brown v. Board of Education"),
    ("Authors Guild v. Google, Inc., 804 F.3d 202 (2d Cir. 2015).", 2015, "Authors Guild v. Google, Inc."),
    ("Feist Publications, Inc. v. Rural Telephone Service Co., 499 U.S. 340 (1991).", 1991,
     "Feist Publications, Inc. v. Rural Telephone Service Co."),
    ("Thaler v. Perlmutter, No. 22-cv-1564 (D.D.C. Aug. 18, 2023).", 2023, "Thaler v. Perlmutter"),
    ("Donoghue v Stevenson [1932] AC 562.", 1932, "Donoghue v Stevenson"),
    ("In re Bilski, 545 F.3d 943 (Fed. Cir. 2008).", 2008, "In re Bilski"),
    ("Ex parte Lundgren, 76 USPQ2d 1385 (B.P.A.I. 2005).", 2005, "Ex parte Lundgren"),
])
def test_court_case_titled_by_its_parties(text, year, title):
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (None, year, title)
    # a person's particle before a comma opens no case
    assert parse_entry("Neumann, J. v., & Morgenstern, O. (1944). Theory of games and economic behavior. "
                       "Princeton University Press.").first_author == "neumann"


@pytest.mark.parametrize("text, title", [
    ("Pedregosa, F., et al. scikit-learn: Machine Learning in Python, version 1.2.2. 2023.",
     "scikit-learn: Machine Learning in Python"),
    ("Doe, J. (2021). DeepTool, v2.3.1. GitHub.", "DeepTool"),
    ("Doe, J. (2021). Universal Dependencies, Version 2. LINDAT.", "Universal Dependencies"),
])
def test_program_version_after_comma_cut(text, title):
    assert parse_entry(text).title == title
    # a title's own 'V' stays
    assert parse_entry("Doe, J. (2021). The case of Smith, V2 rockets and more. Journal.").title \
        == "The case of Smith, V2 rockets and more"


@pytest.mark.parametrize("text, key", [
    ("AT&T. Title of report. 2020.", "att"),
    ("S&P Global. Title of report. 2021.", "spglobal"),
    ("Marsh & McLennan Companies (2021). Global risks report.", "marshandmclennancompanies"),
    ("Smith & Wesson Holdings (2019). Annual report.", "smithandwessonholdings"),
])
def test_firm_keyed_whole(text, key):
    entry = parse_entry(text)
    assert entry.first_author == key
    assert entry.title in ("Title of report", "Global risks report", "Annual report")
    name = text.split(".")[0].split(" (")[0]
    assert author_key(name) == key and to_bibtex_name(name) == "{" + name + "}"
    # a person stays one
    assert author_key("Smith, R.") == "smith"


@pytest.mark.parametrize("text, key, year, title", [
    # (its author after its title: round 48's refs9)
    ("RFC 2119: Key words for use in RFCs to Indicate Requirement Levels. S. Bradner. IETF, 1997.", "bradner", 1997,
     "Key words for use in RFCs to Indicate Requirement Levels"),
    ("RFC 7230. Hypertext Transfer Protocol (HTTP/1.1): Message Syntax and Routing. IETF, 2014.", None, 2014,
     "Hypertext Transfer Protocol (HTTP/1.1): Message Syntax and Routing"),
])
def test_rfc_number_opening_entry(text, key, year, title):
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (key, year, title)


@pytest.mark.parametrize("text", [
    "Doe, J. Posted on 3 March 2021. Notes on transformers. https://example.org/blog/notes.",
    "Doe, J. (2021). Published: May 3, 2021. Notes on transformers. Blog.",
    "Doe, J. Last updated 2023. Notes on transformers. Blog.",
])
def test_day_of_posting_no_title(text):
    assert parse_entry(text).title == "Notes on transformers"
    # a title opening with the word stays
    assert parse_entry("Doe, J. (2020). Published works of Tolkien. Acme.").title == "Published works of Tolkien"


@pytest.mark.parametrize("text, title", [
    ("Meier, A. (2016): Textanalyse. 2. Aufl. Wiesbaden: Springer VS.", "Textanalyse"),
    ("Dupont, J. (2016). Statistique. 3e éd. Paris : Dunod.", "Statistique"),
    ("García, M. (2016). Econometría. 2ª ed. Madrid: Alianza.", "Econometría"),
])
def test_one_word_title_before_its_edition(text, title):
    assert parse_entry(text).title == title
    # a short word before a publisher alone stays no title
    assert parse_entry("Smith, J. (2016). Intro. Wiley.").title is None


@pytest.mark.parametrize("text, title", [
    ("IEEE. IEEE Std 802.11-2020, IEEE Standard for Information Technology. 2021.",
     "IEEE Standard for Information Technology"),
    ("IEEE. IEEE Std 754-2019. IEEE Standard for Floating-Point Arithmetic. 2019.",
     "IEEE Standard for Floating-Point Arithmetic"),
    ("ISO (2015). ISO 9001:2015. Quality management systems — Requirements. Geneva.",
     "Quality management systems — Requirements"),
    ("IETF. RFC 2119. Key words for use in RFCs to Indicate Requirement Levels. 1997.",
     "Key words for use in RFCs to Indicate Requirement Levels"),
])
def test_standard_number_after_body_no_title(text, title):
    assert parse_entry(text).title == title
    # the number alone, nothing after it, stays the title
    assert parse_entry("ISO (2015). ISO 9001:2015.").title == "ISO 9001:2015"


@pytest.mark.parametrize("text, key, year, title", [
    ("IEEE Std 802.3-2018 (Revision of IEEE Std 802.3-2015). IEEE Standard for Ethernet. IEEE, 2018.", "ieee", 2018,
     "IEEE Standard for Ethernet"),
    ("ISO 9001:2015 (Amendment 1:2024). Quality management systems. ISO.", "iso", 2015, "Quality management systems"),
])
def test_standard_number_with_what_it_revises(text, key, year, title):
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (key, year, title)

"""A page number or a preprint's status header a page break printed between two lines of one entry is no word of it;
a number of the entry's own on a line alone (a year, pages after 'pages', a volume after 'Vol.') stays."""

import pytest

from kb.text.refs import parse_entry

SMALL = ("Henry Small. 1973. Co-citation in the scientific literature: A new measure of the relationship between\n"
         "{}\ntwo documents. Journal of the American Society for Information Science, 24(4):265–269.")
TITLE = "Co-citation in the scientific literature: A new measure of the relationship between two documents"


@pytest.mark.parametrize("furniture", ["4980", "12", " 7 ", "Preprint under review", "Under review as a conference "
                                       "paper at ICLR 2024", "Published as a conference paper at ICLR 2021",
                                       "Preprint. Under review."])
def test_furniture_inside_a_title_is_dropped(furniture):
    e = parse_entry(SMALL.format(furniture))
    assert (e.first_author, e.year, e.title) == ("small", 1973, TITLE)


@pytest.mark.parametrize("text, title", [
    ("Rishi Bommasani, Drew A. Hudson, Tatsunori Hashimoto,\n10\nPeter Henderson, and Percy Liang. On the "
     "Opportunities and Risks of Foundation Models. arXiv:2108.07258, 2021.",
     "On the Opportunities and Risks of Foundation Models"),
    ("Ada Lovelace and Charles Babbage. 2019. Learning to read tables\nPreprint under review\n"
     "with graph networks. In Proceedings of ACL.", "Learning to read tables with graph networks"),
    ("A. Smith, B. Jones, and C. Wu. Sparse attention for long\n231\ndocuments. In NeurIPS, 2020.",
     "Sparse attention for long documents"),
])
def test_furniture_between_names_or_title_lines(text, title):
    assert parse_entry(text).title == title


@pytest.mark.parametrize("text, want", [
    # a year alone on its line is the entry's year
    ("Simone Teufel, Advaith Siddharthan, and Dan Tidhar\n2006\nAutomatic classification of citation function. "
     "In EMNLP.", 2006),
    ("Henry Small\n1973\nCo-citation in the scientific literature. Journal of the American Society for "
     "Information Science.", 1973),
])
def test_a_year_alone_on_a_line_stays(text, want):
    assert parse_entry(text).year == want


@pytest.mark.parametrize("before, after", [
    ("In Proceedings of ACL, pages", "–210, Dublin."), ("Journal of Things, Vol.", "of Lecture Notes."),
    ("In Proceedings of the", "nd Annual Meeting."), ("Journal of Things, 24(4):", "–269."),
    ("Scientific Reports (2019),", "(3)."),
])
def test_a_number_of_the_entry_stays(before, after):
    text = f"Ada Lovelace. 2019. Notes on engines. {before}\n52\n{after}"
    assert _without(text) == text.splitlines()


def _without(text):
    from kb.text.refs import _without_furniture
    return _without_furniture(text.splitlines())


@pytest.mark.parametrize("text", [
    "Ada Lovelace. 2019. Notes on engines.\n12",                      # last line: not between two lines
    "12\nAda Lovelace. 2019. Notes on engines.\nIn ACL.",             # first line
    "Ada Lovelace. 2019. Notes on engines. arXiv\npreprint\narXiv:1901.00001.",   # 'preprint' is no status header
    "Ada Lovelace. 2019. Notes on engines. Under review at\nICLR\n2024.",
])
def test_lines_kept(text):
    assert _without(text) == text.splitlines()

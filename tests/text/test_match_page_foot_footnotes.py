"""A sentence running across a page break past the page's footnotes: footnotes set apart from their numbers by spaces
("6  Their ...", "7  [Str19] ...") are skipped where the paper numbers them in order; a footnote's mark glued after
a year's comma ("Q1 2021,3 compared") is dropped; a table whose cells are prose, its rows labelled P1 to P6, printed
with its caption inside a sentence, is skipped whole. Never a footnote's words kept in the quote while the one after
it is skipped, nor the next page's body text further down than its top (or a float set there)."""

import pytest

from kb.text.match import find_quote
from kb.text.normalise import Document

SPACED = [
    "Business Rationale. Transmitting electricity long distances is more expensive than\n"
    "sending information as photons over optical fibers. For our 24/7 carbon-free energy\n"
    "accounting (see Appendix B), we deduct from the hourly consumption all\n"
    "1  Their neural architecture search also found another version with better accuracy.\n"
    "2  [Str19] used P100s, which are contemporary GPUs to TPU v2s.\n"
    "3  The correlation coefficient R between TCO and TDP is 0.99 out of 1.00 across four generations.\n",
    "clean energy purchased on that same geographically local grid and the same hour, which\n"
    "results in the net value. As Iowa has strong nighttime winds, the portfolio lowered it.\n"
    "5  Reducing the footprint is not only a moral obligation but ultimately sound business.\n",
]


@pytest.fixture(scope="module")
def spaced():
    return Document(SPACED)


@pytest.mark.parametrize("quote", [
    "we deduct from the hourly consumption all clean energy purchased on that same geographically local grid",
    "For our 24/7 carbon-free energy accounting (see Appendix B), we deduct from the hourly consumption all clean "
    "energy purchased on that same geographically local grid and the same hour, which results in the net value.",
])
def test_sentence_past_spaced_footnotes_verifies(spaced, quote):
    m = find_quote(spaced, quote)
    assert m is not None and (m.page, m.page_end) == (1, 2)


@pytest.mark.parametrize("quote", [
    "we deduct from the hourly consumption all clean energy purchased on that same geographically distant grid",
    "we deduct from the hourly consumption all The correlation coefficient R between TCO and TDP is 0.99 out of "
    "1.00 across four generations. clean energy purchased on that same geographically local grid",
])
def test_other_readings_refused(spaced, quote):
    assert find_quote(spaced, quote) is None


YEAR_MARK = ("Some companies have highlighted particularly low PUEs, such as Google claiming a PUE of 1.10 across\n"
             "its fleet of data centers for the 12 months ending in Q1 2021,3 compared to an average global PUE\n"
             "of 1.59 [2]. Other factors, such as the emissions produced in 2019,4 matter too.\n"
             "3https://www.google.com/about/datacenters/efficiency/\n"
             "4One of the largest single sources of emissions is the production of cement.\n")
NO_NOTE = "Other factors, such as the emissions produced in 2019,4 matter too.\n"


@pytest.mark.parametrize("quote", [
    "for the 12 months ending in Q1 2021, compared to an average global PUE of 1.59 [2].",
    "for the 12 months ending in Q1 2021,",
    "for the 12 months ending in Q1 2021",
    "such as the emissions produced in 2019, matter too.",
])
def test_mark_after_a_years_comma_dropped(quote):
    m = find_quote(Document([YEAR_MARK]), quote)
    assert m is not None and m.page == 1


@pytest.mark.parametrize("quote", [
    "for the 12 months ending in Q1 2022, compared to an average global PUE of 1.59 [2].",
    "for the 12 months ending in Q1 2021, compared to an average global PUE of 1.95 [2].",
    "such as the emissions produced in 2018, matter too.",
])
def test_year_mark_other_readings_refused(quote):
    assert find_quote(Document([YEAR_MARK]), quote) is None


def test_year_then_number_without_its_footnote_kept():
    # no footnote 4 on the page: "2019,4" is the page's own text
    assert find_quote(Document([NO_NOTE]), "such as the emissions produced in 2019, matter too.") is None
    assert find_quote(Document([NO_NOTE]), "such as the emissions produced in 2019,4 matter too.") is not None


PROSE_TABLE = ("During post-interviews, participants retroactively walked through\n"
               "how they used the system. We found participants conducted a wide range of literature review\n"
               "topics, from design research to end-user interfaces and interaction techniques to\n"
               "ID Literature Review Topics\n"
               "P1 Co-design methodologies and examples. Interaction techniques\n"
               "for accessing video content.\n"
               "P2 Tools for collecting textual information. Online sensemaking for\n"
               "programmers. HCI and large language models\n"
               "P3 Interactive AutoML systems.\n"
               "P4 Faceted retrieval interfaces of text documents.\n"
               "P5 AI-supported qualitative data analysis.\n"
               "P6 Solving math problems with neurosymbolic AI.\n"
               "Table 1: Literature review topics conducted by participants\n"
               "in the field deployment study.\n"
               "machine learning (Table 1). In particular, P1 and P2 each conducted\n"
               "three literature reviews on different topics.\n")


@pytest.fixture(scope="module")
def prose_table():
    return Document(["A first page of body text.\n", PROSE_TABLE])


def test_sentence_around_a_table_of_prose_cells_verifies(prose_table):
    m = find_quote(prose_table, "from design research to end-user interfaces and interaction techniques to machine "
                                "learning (Table 1). In particular, P1 and P2 each conducted three literature reviews")
    assert m is not None and m.page == 2


@pytest.mark.parametrize("quote", [
    "from design research to end-user interfaces and interaction techniques to computer vision (Table 1).",
    "interaction techniques to P6 Solving math problems with neurosymbolic AI.",
    "interaction techniques to P1 Co-design methodologies and examples.",
    "interaction techniques to in the field deployment study.",
])
def test_table_of_prose_cells_other_readings_refused(prose_table, quote):
    assert find_quote(prose_table, quote) is None


FOOT_URLS = [
    "We link each mention with the entity it refers to.\n"
    "A span and its surrounding words are collectively\n"
    "7http://rtw.ml.cmu.edu/rtw/\n"
    "8https://github.com/allenai/\n"
    "openie-standalone\n",
    "referred to as a mention. We first identify a set of\n"
    "candidate entities that a given mention may refer to.\n",
]


def test_footnote_kept_before_the_one_skipped_refused():
    doc = Document(FOOT_URLS)
    m = find_quote(doc, "A span and its surrounding words are collectively referred to as a mention.")
    assert m is not None and (m.page, m.page_end) == (1, 2)
    assert find_quote(doc, "A span and its surrounding words are collectively 7http://rtw.ml.cmu.edu/rtw/ "
                           "referred to as a mention.") is None


NEXT_PAGE_MIDDLE = [
    "By painting a more detailed picture of widely varying energy requirements for ML model\n"
    "1Google reported translating more than 100 billion words per day in 2016.\n",
    "inference, we hope this study can be useful for practitioners.\n"
    "Fig. 1. Map with the countries where the models were trained.\n"
    "Another observation that can be made based on our data is that the models were\n"
    "trained in a few countries, which is consistent with previous work on the embodied\n"
    "emissions of ML models and observing\n"
    "the centralization of power in the field, which hinders researchers.\n",
]


def test_next_page_goes_on_at_its_top_only():
    doc = Document(NEXT_PAGE_MIDDLE)
    m = find_quote(doc, "requirements for ML model inference, we hope this study can be useful for practitioners.")
    assert m is not None and (m.page, m.page_end) == (1, 2)
    assert find_quote(doc, "requirements for ML model emissions of ML models and observing") is None
    assert find_quote(doc, "requirements for ML model the centralization of power in the field, which hinders "
                           "researchers.") is None

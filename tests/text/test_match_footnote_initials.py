"""A page-foot footnote whose text opens with initials ("5U.S. Dept. of Energy: ...") is an aside a sentence the
page break cuts runs across, as one opening with a word is; its words spliced into the quote are refused."""

import pytest

from kb.text.match import find_quote
from kb.text.normalise import Document

PAGES = [
    "This conversion takes into account the relative pro-\nportions of different energy sources consumed\n"
    "to produce energy in the United States. Table\n2\nlists the relative energy sources for China, Ger-\n"
    "many and the United States compared to the top\n5U.S. Dept. of Energy: https://bit.ly/2JTbGnI\n"
    "5China Electricity Council; trans. China Energy Portal:\nhttps://bit.ly/2QHE5O3",
    "three cloud service providers. The U.S. break-\ndown of energy is comparable to that of the most\n"
    "popular cloud compute service.",
]


@pytest.fixture(scope="module")
def doc():
    return Document(PAGES)


def test_sentence_past_footnote_of_initials_verifies(doc):
    m = find_quote(doc, "Table 2 lists the relative energy sources for China, Germany and the United States "
                        "compared to the top three cloud service providers.")
    assert m is not None and (m.page, m.page_end) == (1, 2)


@pytest.mark.parametrize("quote", [
    "Table 2 lists the relative energy sources for China, Germany and the United States compared to the top five "
    "cloud service providers.",
    "compared to the top U.S. Dept. of Energy: https://bit.ly/2JTbGnI three cloud service providers.",
])
def test_wrong_or_spliced_refused(doc, quote):
    assert find_quote(doc, quote) is None

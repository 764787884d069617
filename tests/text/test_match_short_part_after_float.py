"""A short quote that a figure set inside the column interrupts between its lines ("a higher interest (2" / caption /
"points);") verifies when its last part, however short, is the clause going on in lower case on the first line after
the caption, the quote ending inside the sentence. A changed word or number, a last part that is not where the
sentence goes on, or one after a line that ends its sentence before the float, is refused."""

import pytest

from kb.text.match import find_quote
from kb.text.normalise import Document

PAGE = ("The assumption here is that opening a paper from the search results\n"
        "indicates moderate interest (1 point); saving a paper to the library\n"
        "indicates a higher interest (2\n"
        "Figure 5: Users can adjust the length of the reading history\n"
        "to include papers relevant to their current task.\n"
        "points); and the more a paper is read, the higher the interest\n"
        "(0 to 1 points). This keeps the tool from marking too many papers.\n"
        "We ran the study with twelve people over two weeks of reading.\n"
        "Figure 6: Overview of the second study and its three phases.\n"
        "weeks later they were asked again.\n")


@pytest.fixture(scope="module")
def doc():
    return Document(["A first page of body text that says nothing of the figure.\n", PAGE])


@pytest.mark.parametrize("quote", [
    "saving a paper to the library indicates a higher interest (2 points)",
    "indicates a higher interest (2 points); and the more",
])
def test_short_part_after_float_verifies(doc, quote):
    m = find_quote(doc, quote)
    assert m is not None and m.page == 2


@pytest.mark.parametrize("quote", [
    "saving a paper to the library indicates a higher interest (3 points)",      # a number changed
    "saving a paper to the library indicates a higher interest (2 pages)",       # a word changed
    "saving a paper to the library indicates a higher interest (2 to include",   # the caption's second line
    "over two weeks of reading. weeks later",                                    # a stop ends the line before
])
def test_other_parts_refused(doc, quote):
    assert find_quote(doc, quote) is None

"""An old TeX math font with no Unicode map prints a vertical bar as "j" ("Let Nu = jFuj be", pdfium; "/= j F\\nu\\nj",
pypdf): a quote typing the bars ("|Fu|", "|F_u|") verifies, one changing what they hold or a word beside them is
refused, and a bar a digit touches (a table's "0.5|0.7") is still a bar, never a letter."""

import pytest

from kb.text.match import find_quote
from kb.text.normalise import Document, normalise

PDFIUM = ("Let u be a web page. Then let Fu be the set of pages u points to and Bu be the set of pages that "
          "point to u. Let Nu = jFuj be the number of links from u and let c be a factor used for normalization "
          "(so that the total rank of all web pages is constant).")
PYPDF = ("Let u be a w eb page/. Then let F\nu\nb e the set of pages u p oin ts to and B\nu\nb e the set of pages "
         "that\np oin tto u /. Let N\nu\n/= j F\nu\nj b e the n um b er of links from u and let c b e a factor used "
         "for normalization\n/#28so that the total rank of all w eb pages is constan t/#29/.")


@pytest.fixture(scope="module", params=[PDFIUM, PYPDF], ids=["pdfium", "pypdf"])
def doc(request):
    return Document([request.param])


@pytest.mark.parametrize("quote", [
    "Let Nu = |Fu| be the number of links from u",
    "Let N_u = |F_u| be the number of links from u",
    "Let Nu = ∣Fu∣ be the number of links from u",
    "Let Nu = jFuj be the number of links from u",       # copied as the extractor printed it
])
def test_bars_verify(doc, quote):
    assert find_quote(doc, quote) is not None


@pytest.mark.parametrize("quote", [
    "Let Nu = |Bu| be the number of links from u",
    "Let Nu = |Fu| be the number of links to u",
    "Let Nu = Fu be the number of links from u",          # the bars dropped: another quantity
])
def test_changed_refused(doc, quote):
    assert find_quote(doc, quote) is None


def test_bar_beside_a_digit_stays_a_bar():
    assert normalise("0.5|0.7") == "0.5|0.7"
    assert normalise("0.5|0.7") != normalise("0.5j0.7")
    assert normalise("a | b") == normalise("ajb")

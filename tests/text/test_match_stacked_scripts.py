"""A power over an index, as TeX stacks them ("σ²ₘ"), is printed by pypdf as the digit glued to its symbol and the
index set apart ("σ2 m"), by PDFium with a line break ("σ2\\nm"): a quote typing "σ²m" verifies there. The digit glued
to its symbol with nothing stacked ("x2") stays the symbol's name, so "x²" is refused there; another index, another
power, or a name of several letters ("CO²e" of "CO2 e") is refused too."""

import pytest

from kb.text.match import find_quote
from kb.text.normalise import Document

PYPDF = ("The observations are then distributed ym(t) ∼N (fm(t),σ2 m) where {σ2 m}M m=1 are noise\n"
         "variances of each output. The state x2 is fed to the classiﬁer, and the CO2 e of each run is logged.\n")
PDFIUM = ("The observations are then distributed ym(t) ∼ N (fm(t), σ2\nm) where {σ\n2\nm}M\nm=1 are noise\n"
          "variances of each output. The state x2 is fed to the classifier, and the CO2 e of each run is logged.\n")


@pytest.fixture(scope="module", params=[PYPDF, PDFIUM], ids=["pypdf", "pdfium"])
def doc(request):
    return Document([request.param])


@pytest.mark.parametrize("quote", [
    "The observations are then distributed ym(t) ∼ N(fm(t), σ²m) where {σ²m}M m=1 are noise variances",
    "N(fm(t), σ²m) where",
    "where {σ²m}M m=1 are noise variances of each output.",
])
def test_power_over_index_verifies(doc, quote):
    m = find_quote(doc, quote)
    assert m is not None and m.page == 1


@pytest.mark.parametrize("quote", [
    "N(fm(t), σ²n) where",                   # another index
    "N(fm(t), σ³m) where",                   # another power
    "N(fm(t), σ²) where",                    # the index left out: the page's "2" is not said to be a power alone
    "The state x² is fed to the",            # glued, nothing stacked: the symbol's name
    "and the CO²e of each run is logged.",   # a name of several letters
    "The observations are then distributed ym(t) ∼ N(fm(t), σ²m) where {σ²m}M m=1 are noise covariances",
])
def test_other_readings_refused(doc, quote):
    assert find_quote(doc, quote) is None

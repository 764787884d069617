"""Round 19: quotes of formulas one extractor renders right and the other wrong (a prime as
"0", a summation sign as "P", norm bars as "k"), as a writer copies them from the PDF. A quote
that drops a formula's minus sign or prime is another formula: refused, never verified as
"punctuation only". Page text as pypdf reads arxiv-1708.05894v1 p.4 and p.6."""

from __future__ import annotations

import pytest

from kb.text.match import find_quote
from kb.text.normalise import Document

PAGE4 = ("Letting fm(t) be a latent function representing the true value of output m at time t, then\n"
         "K(t,t′,m,m′) = cov(fm(t),fm′ (t′)), so K speciﬁes the covariances between different outputs\n"
         "across time. In practice we use the Ornstein-Uhlenbeck covariance function, kt(t,t′) = e−|t−t′|/l.\n")
PAGE6 = ("was given. We use fpm(t) = ∑L\nl=1 αlpme−βlpmt (βlpm > 0), a ﬂexible family of curves that allows\n"
         "for effects to occur on different length-scales.\n")


@pytest.fixture(scope="module")
def doc() -> Document:
    return Document(["", "", "", PAGE4, "", PAGE6])


@pytest.mark.parametrize("quote, page", [
    ("then K(t, t′, m, m′) = cov(fm(t), fm′(t′)), so K specifies the covariances", 4),
    ("In practice we use the Ornstein-Uhlenbeck covariance function, kt(t, t′) = e−|t−t′|/l.", 4),
    ("We use fpm(t) = ∑L l=1 αlpme−βlpmt (βlpm > 0), a flexible family of curves", 6),
])
def test_a_formula_copied_from_the_pdf_verifies(doc, quote, page) -> None:
    m = find_quote(doc, quote)
    assert m is not None and m.page == page


@pytest.mark.parametrize("quote", [
    "In practice we use the Ornstein-Uhlenbeck covariance function, kt(t, t′) = e|t−t′|/l.",   # sign dropped
    "We use fpm(t) = ∑L l=1 αlpmeβlpmt (βlpm > 0), a flexible family of curves",
    "In practice we use the Ornstein-Uhlenbeck covariance function, kt(t, t′) = e−|t−t|/l.",   # prime dropped
    "then K(t, t′, m, m′) = cov(fm(t), fm(t′)), so K specifies the covariances",
    "then K(t, t, m, m) = cov(fm(t), fm(t)), so K specifies the covariances",
])
def test_a_formula_without_its_minus_sign_or_a_prime_is_refused(doc, quote) -> None:
    assert find_quote(doc, quote) is None

"""A footnote's or a reference's number a writer copies raised after punctuation ("et al.¹²", "work,¹²") is no
power of a symbol: the page's flat "al.12" holds it, as before the raised-digit check; another number is refused."""

import pytest

from kb.text.match import find_quote
from kb.text.normalise import Document


@pytest.mark.parametrize("page, quote, wrong", [
    ("as shown by Smith et al.12 the energy use grew.", "as shown by Smith et al.¹² the energy use grew.",
     "as shown by Smith et al.¹³ the energy use grew."),
    ("as in prior work,12 the use grew fast.", "as in prior work,¹² the use grew fast.",
     "as in prior work,¹⁵ the use grew fast."),
    ("Emissions grew sharply.345 The next year", "Emissions grew sharply.³⁴⁵ The next year",
     "Emissions grew sharply.³⁴⁶ The next year"),
])
def test_raised_mark_after_punctuation_is_the_pages(page, quote, wrong):
    doc = Document([page])
    assert find_quote(doc, quote) is not None
    assert find_quote(doc, wrong) is None

"""A spaced hyphen before a number after a lone letter is a minus sign, which a quote never leaves out: a variable
("x - 5", "where a - 5 is", "A - 5") or the article "a" before a signed number ("a - 12% change", "a - 0.5
correlation", "a - 3 dB drop", as pages typeset a minus sign apart far more often than a dash after an article).
After a label ("Table A - 5 runs", "Phase I - 5 patients") it is a dash."""

import pytest

from kb.text.match import find_quote
from kb.text.normalise import Document


def found(page: str, quote: str) -> bool:
    return find_quote(Document(["Some words come first here. " + page + " And more words come after it."]),
                      quote) is not None


@pytest.mark.parametrize("page, right", [
    ("We found a - 5 point gain over the baseline.", "We found a -5 point gain over the baseline."),
    ("We found a - 5 point gain over the baseline.", "We found a − 5 point gain over the baseline."),
    ("Prices saw a - 12% change in one year.", "Prices saw a −12% change in one year."),
    ("It applies a - 3 dB attenuation to the signal.", "It applies a -3 dB attenuation to the signal."),
    ("with a - 0.5 correlation between them.", "with a -0.5 correlation between them."),
    ("A - 5 dB signal was applied to it.", "A −5 dB signal was applied to it."),
    ("See Table A - 5 runs each with seeds.", "See Table A – 5 runs each with seeds."),
    ("See Table A - 5 runs each with seeds.", "See Table A 5 runs each with seeds."),
    ("In Phase I - 5 patients were enrolled.", "In Phase I – 5 patients were enrolled."),
    ("Figure B - 2 shows the results.", "Figure B 2 shows the results."),
    ("where A - 5 is positive for all n.", "where A − 5 is positive for all n."),
    ("where a - 5 is positive for all n.", "where a −5 is positive for all n."),
])
def test_right_quotes_verify(page, right) -> None:
    assert found(page, right)


@pytest.mark.parametrize("page, wrong", [
    ("We found a - 5 point gain over the baseline.", "We found a 5 point gain over the baseline."),
    ("We found a - 5 point gain over the baseline.", "We found a -6 point gain over the baseline."),
    ("We found a - 5 point gain over the baseline.", "We found a -5 point loss over the baseline."),
    ("Prices saw a - 12% change in one year.", "Prices saw a 12% change in one year."),
    ("It applies a - 3 dB attenuation to the signal.", "It applies a 3 dB attenuation to the signal."),
    ("with a - 0.5 correlation between them.", "with a 0.5 correlation between them."),
    ("the model shows a - 2-point drop in accuracy.", "the model shows a 2-point drop in accuracy."),
    ("A - 5 dB signal was applied to it.", "A 5 dB signal was applied to it."),
    ("the gap is a - 40 degree offset.", "the gap is a 40 degree offset."),
    ("where a - 5 is positive for all n.", "where a 5 is positive for all n."),
    ("and if a - 5 > 0 then it holds.", "and if a 5 > 0 then it holds."),
    ("where A - 5 is positive for all n.", "where A 5 is positive for all n."),
    ("we found that A - 5 equals B here.", "we found that A 5 equals B here."),
    ("so that x - 5 is small enough.", "so that x 5 is small enough."),
    ("the bound b = a - 3 holds here.", "the bound b = a 3 holds here."),
    ("the term (a - 5) is zero.", "the term (a 5) is zero."),
    ("the value of N - 3 is small.", "the value of N 3 is small."),
    ("the norm of I - 2 is one.", "the norm of I 2 is one."),
    ("let a - 5 point sets be given.", "let a 5 point sets be given."),
])
def test_wrong_quotes_are_refused(page, wrong) -> None:
    assert not found(page, wrong)

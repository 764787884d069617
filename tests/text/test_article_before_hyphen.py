"""A spaced hyphen before a number after the article "a" ("found a - 5 point gain") is a dash typed as a hyphen,
after a label ("Table A - 5 runs") too; after a lone letter a formula names ("x - 5", "where a - 5 is", "A - 5") it
is a minus sign, which a quote never leaves out."""

import pytest

from kb.text.match import find_quote
from kb.text.normalise import Document


def found(page: str, quote: str) -> bool:
    return find_quote(Document(["Some words come first here. " + page + " And more words come after it."]),
                      quote) is not None


@pytest.mark.parametrize("page, right", [
    ("We found a - 5 point gain over the baseline.", "We found a 5 point gain over the baseline."),
    ("We found a - 5 point gain over the baseline.", "We found a – 5 point gain over the baseline."),
    ("This gives a - 3 dB improvement in noise.", "This gives a 3 dB improvement in noise."),
    ("It comes with a - 12% reduction in cost.", "It comes with a 12% reduction in cost."),
    ("A - 5 point gain was seen on all tasks.", "A 5 point gain was seen on all tasks."),
    ("The model shows a - 2-point drop in accuracy.", "The model shows a 2-point drop in accuracy."),
    ("See Table A - 5 runs each with seeds.", "See Table A – 5 runs each with seeds."),
    ("In Phase I - 5 patients were enrolled.", "In Phase I – 5 patients were enrolled."),
    ("where A - 5 is positive for all n.", "where A − 5 is positive for all n."),
    ("where a - 5 is positive for all n.", "where a −5 is positive for all n."),
])
def test_right_quotes_verify(page, right) -> None:
    assert found(page, right)


@pytest.mark.parametrize("page, wrong", [
    ("We found a - 5 point gain over the baseline.", "We found a 6 point gain over the baseline."),
    ("We found a - 5 point gain over the baseline.", "We found a -5 point gain over the baseline."),
    ("We found a - 5 point gain over the baseline.", "We found a 5 point loss over the baseline."),
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

"""A run of dashes between two numbers (TeX's "--" set apart, a dash and a minus sign set apart from its digits) is
never left out whole: the two numbers stay two, and a negative second bound keeps its sign."""

import pytest

from kb.text.match import find_quote
from kb.text.normalise import Document


def found(page: str, quote: str) -> bool:
    return find_quote(Document(["Some words come first here. " + page + " And more words come after it."]),
                      quote) is not None


# The page's run of dashes between two numbers: the quote gluing the numbers into one is refused, the range is not.
@pytest.mark.parametrize("page, right, wrong", [
    ("values in the range 5 -- 10 were kept.", "values in the range 5–10 were kept.",
     "values in the range 510 were kept."),
    ("values in the range 5 -- 10 were kept.", "values in the range 5 - 10 were kept.",
     "values in the range 5 10 were kept."),
    ("values in the range 5 - - 10 were kept.", "values in the range 5–10 were kept.",
     "values in the range 510 were kept."),
    ("values in the range 5 --- 10 were kept.", "values in the range 5—10 were kept.",
     "values in the range 510 were kept."),
    ("it took 3 -- 4 hours to train.", "it took 3–4 hours to train.", "it took 34 hours to train."),
    ("a gain of 5% -- 10% overall.", "a gain of 5%–10% overall.", "a gain of 5%10% overall."),
])
def test_a_run_of_dashes_between_numbers_stays_a_dash(page, right, wrong) -> None:
    assert found(page, right)
    assert not found(page, wrong)


# The quote's run of dashes: a writer's "5 -- 10" is the page's "5–10", never its "510".
@pytest.mark.parametrize("page, right, wrong", [
    ("between 5–10 GPUs were used.", "between 5 -- 10 GPUs were used.", None),
    ("between 510 GPUs were used.", None, "between 5 -- 10 GPUs were used."),
    ("between 510 GPUs were used.", None, "between 5 - - 10 GPUs were used."),
    ("takes an expert 1–4 hours.", "takes an expert 1 -- 4 hours.", "takes an expert 1 -- 5 hours."),
])
def test_a_quotes_run_of_dashes_is_one_dash(page, right, wrong) -> None:
    if right:
        assert found(page, right)
    if wrong:
        assert not found(page, wrong)


# A range's second bound with the minus sign set apart from its digits, as pypdf reads a math font's "− 10".
@pytest.mark.parametrize("page, right, wrong", [
    ("values in the range −5 – − 10 were kept.", "values in the range −5–−10 were kept.",
     "values in the range −5–10 were kept."),
    ("values in the range 5 – − 10 were kept.", "values in the range 5–−10 were kept.",
     "values in the range 5–10 were kept."),
    ("values in the range 5 – − 10 were kept.", "values in the range 5 - -10 were kept.",
     "values in the range 510 were kept."),
    ("a drift of 0.2 – − 0.4 dB was seen.", "a drift of 0.2–−0.4 dB was seen.", "a drift of 0.2–0.4 dB was seen."),
    ("values in the range 5 – 10 were kept.", "values in the range 5–10 were kept.",
     "values in the range 5–−10 were kept."),
])
def test_a_negative_bound_set_apart_keeps_its_sign(page, right, wrong) -> None:
    assert found(page, right)
    assert not found(page, wrong)

"""A circled number of the enclosed CJK block ("㉑" to "㊿", "㉈" to "㉏" on a black square) and the dingbats'
sans-serif zero are numbers of their own, as "①" is: never part of a number beside them."""

import pytest

from kb.text.match import find_quote
from kb.text.normalise import Document


def found(page: str, quote: str) -> bool:
    return find_quote(Document(["Some words come first here. " + page + " And more words come after it."]),
                      quote) is not None


@pytest.mark.parametrize("page, right, wrong", [
    ("the sample ㉑5 was used.", "the sample ㉑5 was used.", "the sample 215 was used."),
    ("the sample ㉑5 was used.", "the sample ㉑5 was used.", "the sample 2 15 was used."),
    ("steps ㉟㊱ follow.", "steps ㉟㊱ follow.", "steps 3536 follow."),
    ("steps ㊿1 follow.", "steps ㊿1 follow.", "steps 501 follow."),
    ("in step 4㉒ it ends.", "in step 4㉒ it ends.", "in step 422 it ends."),
    ("step ㉈5 here.", "step ㉈5 here.", "step 105 here."),
    ("step ㉈ here.", "step 10 here.", "step 11 here."),
    ("step ㉏ here.", "step 80 here.", "step 8 here."),
    ("step 🄋5 here.", "step 🄋5 here.", "step 05 here."),
    ("step 🄌 here.", "step 0 here.", "step 9 here."),
    ("see ㉑ and ㊿ here.", "see 21 and 50 here.", "see 21 and 51 here."),
])
def test_an_enclosed_number_is_one_of_its_own(page, right, wrong) -> None:
    assert found(page, right)
    assert not found(page, wrong)


@pytest.mark.parametrize("page, right, wrong", [
    ("steps ①② follow.", "steps ①② follow.", "steps ⑫ follow."),
    ("steps ⑫ follow.", "steps ⑫ follow.", "steps ①② follow."),
    ("steps ⑴⑵ follow.", "steps ⑴⑵ follow.", "steps ⑿ follow."),
    ("steps ⑿ follow.", "steps ⑿ follow.", "steps ⑴⑵ follow."),
    ("steps ⑴⑵ follow.", "steps (1)(2) follow.", "steps 12 follow."),
    ("steps ⒈⒉ follow.", "steps ⒈⒉ follow.", "steps ⒓ follow."),
    ("steps ⒓ follow.", "steps ⒓ follow.", "steps ⒈⒉ follow."),
    ("steps ⒈⒉ follow.", "steps 1. 2. follow.", "steps 1.2 follow."),
    ("steps ❶❷ follow.", "steps ❶❷ follow.", "steps ⓬ follow."),
    ("steps ⓬ follow.", "steps ⓬ follow.", "steps ❶❷ follow."),
    ("steps ➀➁ follow.", "steps ➀➁ follow.", "steps ⑫ follow."),
    ("steps ⑫ follow.", "steps 12 follow.", "steps ➀➁ follow."),
    ("steps ➊➋ follow.", "steps ➊➋ follow.", "steps ⑫ follow."),
    ("steps ⓵⓶ follow.", "steps ⓵⓶ follow.", "steps ⑫ follow."),
    ("steps ②③ follow.", "steps ②③ follow.", "steps ㉓ follow."),
    ("steps ①⑳ follow.", "steps ①⑳ follow.", "steps 120 follow."),
])
def test_two_enclosed_numbers_side_by_side_are_two_numbers(page, right, wrong) -> None:
    assert found(page, right)
    assert not found(page, wrong)


@pytest.mark.parametrize("page, right, wrong", [
    ("steps (1)(2) follow.", "steps (1) (2) follow.", "steps (12) follow."),
    ("steps (1) (2) follow.", "steps (1)(2) follow.", "steps (12) follow."),
    ("steps (12) follow.", "steps (12) follow.", "steps (1)(2) follow."),
    ("see [1], [2] here.", "see [1],[2] here.", "see [12] here."),
    ("rows 3)(4 here.", "rows 3)(4 here.", "rows 34 here."),
    ("we used 10,000 GPUs.", "we used 10000 GPUs.", "we used 1000 GPUs."),
    ("we used 10000 GPUs.", "we used 10,000 GPUs.", "we used 10,0000 GPUs."),
])
def test_punctuation_between_digits_parts_two_numbers(page, right, wrong) -> None:
    assert found(page, right)
    assert not found(page, wrong)

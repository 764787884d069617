"""A number's point the page prints a space or a line's end after ("1. 2") ends a sentence or a list's item: the
number after it is another number, never the decimal "1.2"; and a writer's "1. 2" is never the page's "1.2"."""
import pytest

from kb.text.match import Document, find_quote

WRONG = [
    ("The loss fell to 1. 2 after training on the full set.", "The loss fell to 1.2 after training"),
    ("We list them:\n1. 2 GPUs were used for training the model.", "1.2 GPUs were used for training"),
    ("Energy use was 3. 5 kWh per GPU-hour on average.", "Energy use was 3.5 kWh per GPU-hour"),
    ("Energy use was 3.\n5 kWh per GPU-hour on average.", "Energy use was 3.5 kWh per GPU-hour"),
    ("offsets starting in 2007. 29 As part of the plan, we", "offsets starting in 2007.29 As part of the plan"),
    ("see Section 4. 12 runs were repeated with new seeds.", "see Section 4.12 runs were repeated"),
    ("The price was $3.  50 per hour for each of them.", "The price was $3.50 per hour"),
    ("The loss fell to 1.2 after training on the full set.", "The loss fell to 1. 2 after training"),
    ("The gain was 81.10 points on the test set here.", "The gain was 81. 10 points on the test set"),
    ("see Section 4.12 where runs were repeated with new seeds.", "see Section 4. 12 where runs were repeated"),
]

RIGHT = [
    ("The loss fell to 1. 2 after training on the full set.", "The loss fell to 1. 2 after training"),
    ("We list them:\n1. 2 GPUs were used for training the model.", "1. 2 GPUs were used for training"),
    ("The loss fell to 1.2 after training on the full set.", "The loss fell to 1.2 after training"),
    ("It was 0 .954pt in the figure caption here.", "It was 0.954pt in the figure"),
    ("the loss was 1.25 and 3.45 on the two sets.", "the loss was 1.25 and 3.45 on the two sets"),
    ("see Section 4. 12 runs were repeated with new seeds.", "see Section 4. 12 runs were repeated"),
]


@pytest.mark.parametrize(("page", "quote"), WRONG)
def test_a_point_and_a_space_part_two_numbers(page: str, quote: str) -> None:
    assert find_quote(Document([page]), quote) is None


@pytest.mark.parametrize(("page", "quote"), RIGHT)
def test_the_same_number_still_verifies(page: str, quote: str) -> None:
    assert find_quote(Document([page]), quote) is not None

"""A footnote's mark set apart after a year that ends its sentence ("in October 2023 7. Even"), its footnote on the
page and the next in the page's order, is a marker: a quote passing over it verifies; the year changed does not."""

import pytest

from kb.text.match import find_quote
from kb.text.normalise import Document

PAGE = ("the energy needed to train it 6. At its peak the service had many users per day; the most recent statistics\n"
        "indicate that the login page received 1.7B visits in October 2023 7. Even assuming a single query per user,\n"
        "the costs of deploying it would surpass its training costs after a few weeks.\n"
        "6The energy consumption can be based on the Thermal Design Power of the GPUs used.\n"
        "7According to SimilarWeb: https://www.similarweb.com/website/example.com/.\n12")


@pytest.fixture(scope="module")
def doc():
    return Document([PAGE])


def test_quote_over_mark_after_year_verifies(doc):
    assert find_quote(doc, "the login page received 1.7B visits in October 2023. Even assuming a single query per "
                           "user, the costs of deploying it would surpass its training costs") is not None


@pytest.mark.parametrize("quote", [
    "the login page received 1.7B visits in October 2022. Even assuming a single query per user",
    "the login page received 1.7B visits in October 2023. Even assuming two queries per user",
])
def test_wrong_refused(doc, quote):
    assert find_quote(doc, quote) is None

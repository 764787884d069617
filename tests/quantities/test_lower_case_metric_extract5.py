"""A score named before its number by a metric whose name opens in lower case ("nDCG of 94.8", "a mAP of 0.41",
"nDCG@10 is 0.62") is a candidate as "an MRR of 0.5" is; the word "map" or a metric with no number is none."""

from __future__ import annotations

import pytest

from kb.quantities.numbers import extract_candidates


def _found(page: str) -> list[tuple[str, str]]:
    return [(c.number, c.unit) for c in extract_candidates([page])]


@pytest.mark.parametrize("page, number", [
    ("our method is able to achieve the best results with nDCG of 94.8, improving over SGC.", "94.8"),
    ("The detector reaches a mAP of 0.41 on the validation split.", "0.41"),
    ("On this task the nDCG@10 is 0.62 for our ranker.", "0.62"),
])
def test_lower_case_metric_named_before(page, number):
    assert (number, "dimensionless") in _found(page)


@pytest.mark.parametrize("page", ["Using the map of 1990 we drew the borders.", "We read the mAPs of the models."])
def test_no_score_without_metric(page):
    assert _found(page) == []

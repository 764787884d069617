"""A score's points with decimals ("by 2.3 points.", "a 3.1 point absolute increase", "4.0 points, respectively") are a
candidate, as whole points are; a decimal before a noun that counts whole things ("45.2 models": a cell, a version)
and a scale's points ("a 4.5-point scale") stay none."""

from __future__ import annotations

import pytest

from kb.quantities.numbers import extract_candidates
from kb.quantities.quoted import value_in_quote


def _numbers(page: str) -> list[str]:
    return [c.number for c in extract_candidates([page])]


@pytest.mark.parametrize("page, number", [
    ("On co-citation data our method achieves the best results, improving over SGC with 2.3 points. Next,", "2.3"),
    ("Our model averages 80.0 across all metrics, which is a 3.1 point absolute increase over the baseline.", "3.1"),
    ("It improves over the best baseline by 2.7 and 4.0 points, respectively.", "4.0"),
    ("The F1 rises by 1.5 points over the baseline.", "1.5"),
])
def test_decimal_score_points(page, number):
    assert number in _numbers(page)
    assert value_in_quote(f"{number} points", page).ok


@pytest.mark.parametrize("page", ["the table shows 45.2 models here", "we use a 4.5-point scale for rating",
                                  "version 2.1 points to the new server"])
def test_no_decimal_count(page):
    assert [n for n in _numbers(page) if "." in n] == []

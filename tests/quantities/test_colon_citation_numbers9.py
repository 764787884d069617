"""A journal's volume and issue or pages a colon joins ("volume 25:1", "Linguistics 25:1", "8:1-14") is no ratio: no
factor candidate on the page, and no factor a quote of it holds; "15:1" said of a compression or a split still is."""

from __future__ import annotations

import pytest

from kb.quantities.numbers import extract_candidates
from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("page", [
    "Journal of Machine Learning Research, volume 25:1-14, 2024.",
    "Computational Linguistics 31:1, pp. 3-9.",
    "In Transactions of the ACL 8:1–20.",
])
def test_volume_and_issue_is_no_ratio(page):
    assert [c.value for c in extract_candidates([page])] == []


@pytest.mark.parametrize("value, quote, ratio", [
    ("25x", "Journal of Machine Learning Research, volume 25:1-14, 2024.", "a compression of 25:1 was reached"),
    ("31x", "Computational Linguistics 31:1, pp. 3-9.", "we used a 31:1 split of train to test"),
])
def test_factor_of_volume_refused(value, quote, ratio):
    got = [value_in_quote(value, quote).ok, value_in_quote(value, ratio).ok]
    assert got == [False, True]

"""Round 22: held-out sentences of corpus pages no earlier round quoted, with wrong twins
(benchmarks/data/quotes-labels-round22.json); two numbers the page prints apart are never one number."""

from __future__ import annotations

import pytest

from kb.text.match import find_quote
from kb.text.normalise import Document


def found(page: str, quote: str) -> bool:
    return find_quote(Document([page]), quote) is not None


# Each page also holds what the extractor splits inside one number ("0 .954", "χ²₄" as "𝜒 2 4"), which a
# quote still reads as one.
@pytest.mark.parametrize("page, right, joined", [
    ("XSUM 226,677 1 454.5 31.7 24.0 1.0 0.67 1.10 19.9 at 0 .954",
     "XSUM 226,677 1 454.5 31.7 24.0 1.0 0.67 1.10 19.9 at 0.954", "XSUM 226,677 1454.5 31.7 24.0"),
    ("XSUM 226,677 1 454.5 31.7 24.0 1.0 0.67 1.10 19.9 at 0 .954",
     "XSUM 226,677 1 454.5 31.7 24.0 1.0 0.67 1.10 19.9 at 0.954", "454.5 31.724.0 1.0 0.67"),
    ("Newsroom 1,212,739 1 800.1 37.9 31.2 and 𝜒 2 4 = 151", "Newsroom 1,212,739 1 800.1 37.9 31.2 and χ²₄ = 151",
     "Newsroom 1,212,7391 800.1 37.9"),
    ("BookSum/Paragraph1 147,665 1 163.131 8.411 35.8", "BookSum/Paragraph1 147,665 1 163.131 8.411",
     "BookSum/Paragraph 1147,665 1 163.131"),
])
def test_two_numbers_the_page_prints_apart_are_never_typed_as_one(page, right, joined) -> None:
    assert found(page, right) and not found(page, joined)

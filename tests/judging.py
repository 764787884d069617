"""The one assertion of the rounds' tables: of a value in its quote (tests/quantities/test_quoted_round*.py),
and of quotes on their pages (tests/text/test_quotes_round*.py)."""

from __future__ import annotations

from kb.quantities.quoted import claim_doubt, value_in_quote
from kb.text.match import find_quote
from kb.text.normalise import Document


def judged(value: str, quote: str, ok: bool, per: str | None = None) -> None:
    """The value holds in its quote, and a claim of it stored as verified stands, exactly when `ok`."""
    assert value_in_quote(value, quote, per).ok is ok
    assert (claim_doubt("verified", value, quote, per) is None) is ok


def quotes_judged(pages: list[str], rights: list[str], wrongs: list[str]) -> None:
    """Every quote of `rights` is found in the pages' text, and none of `wrongs`."""
    doc = Document(pages)
    for right in rights:
        assert find_quote(doc, right) is not None, right
    for wrong in wrongs:
        assert find_quote(doc, wrong) is None, wrong

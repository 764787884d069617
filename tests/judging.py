"""The one assertion of the numbers rounds' tables (tests/quantities/test_quoted_round*.py)."""

from __future__ import annotations

from kb.quantities.quoted import claim_doubt, value_in_quote


def judged(value: str, quote: str, ok: bool, per: str | None = None) -> None:
    """The value holds in its quote, and a claim of it stored as verified stands, exactly when `ok`."""
    assert value_in_quote(value, quote, per).ok is ok
    assert (claim_doubt("verified", value, quote, per) is None) is ok

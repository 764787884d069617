"""A count the quote prints with a per counts its own noun's things, as a count with none does: "550 pages" per second
is no figure of "550 links per second" (nor "550 pages/s"), "64 layers" per layer none of "64 hidden units per
layer"; the quote's own noun, or kb's "items", holds."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("quote, per, right, wrong", [
    ("we need to process 550 links per second", "second", "550 links", "550 pages"),
    ("we need to process 550 links per second", None, "550 links/s", "550 pages/s"),
    ("an LSTM with 64 hidden units per layer", "layer", "64 units", "64 layers"),
    ("the crawler fetched 300 documents in each batch", "batch", "300 documents", "300 servers"),
])
def test_a_count_rate_counts_its_own_things(quote, per, right, wrong):
    assert (value_in_quote(right, quote, per=per).ok, value_in_quote(wrong, quote, per=per).ok) == (True, False)

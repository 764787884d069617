"""'twice more' and 'thrice more', as 'N times more', are x N to some readers and x (N+1) to others: a change claimed of
them is refused saying so, as one of "two times more" is."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("value, quote, factor", [
    ("+100%", "the new model used twice more energy", "'twice more' is ×2"),
    ("+200%", "the cluster drew thrice more power at night", "'thrice more' is ×3"),
    ("+200%", "the new model used twice more energy", "'twice more' is ×2"),
])
def test_twice_more_is_refused_saying_why(value, quote, factor):
    got = value_in_quote(value, quote)
    assert (got.ok, factor in (got.problem or "")) == (False, True)

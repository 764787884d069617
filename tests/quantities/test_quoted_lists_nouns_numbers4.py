"""A change a word names before a list of sizes holds each ("improved by 79%, 104%, and 128%, respectively": +104%), and
a plural a number counts is things, no factor ("684K training triples" holds no 3x, and "684,000 triples" is one figure)."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import value_in_quote

LIST = "the Rouge-2 of PEGASUS is improved by 79%, 104%, and 128%, respectively"
TRIPLES = "This process results in about 684K training triples and 145K validation triples"


@pytest.mark.parametrize("right, wrong, quote", [
    ("+104%", "-104%", LIST),
    ("+10%", "+11%", "Energy rose by 5% and 10%, respectively"),
    ("684,000 training triples", "3x", TRIPLES),
    ("145 thousand validation triples", "154 thousand validation triples", TRIPLES),
])
def test_a_lists_changes_and_a_counted_plural(right, wrong, quote):
    assert value_in_quote(right, quote).ok
    assert not value_in_quote(wrong, quote).ok
    assert not value_in_quote("+10%", "Energy rose by 5%, and 10% of users left").ok      # no list of sizes

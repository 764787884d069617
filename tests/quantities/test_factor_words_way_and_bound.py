"""A claim's factor in words with a way or a bound ("two orders of magnitude larger", "at least twice") is held only
where its quote prints that factor that way and with that bound, as the same factor in digits is."""

import pytest

from kb.quantities.quoted import value_in_quote

SMALLER = ("As Table 4 shows, the actual cost of Evolved Transformer NAS is nearly two orders of magnitude smaller "
           "than previously estimated.")
MORE = "so a full run would emit about an order of magnitude more emissions than reported here."
AT_MOST = "we allow the workload to last for at most twice its duration had it not been stopped."
LARGER = "might generate 32 tCO2e, ~10,000 times larger than for TPU v2s at Google."


@pytest.mark.parametrize("value, quote", [
    ("nearly two orders of magnitude larger", SMALLER),
    ("two orders of magnitude larger", SMALLER),
    ("about an order of magnitude less", MORE),
    ("at least twice", AT_MOST),
    ("more than twice", AT_MOST),
    ("~four orders of magnitude smaller", LARGER),
])
def test_other_way_or_bound_refused(value, quote):
    got = value_in_quote(value, quote, None, quote, "")
    assert not got.ok
    assert value in got.problem


@pytest.mark.parametrize("value, quote", [
    ("nearly two orders of magnitude smaller", SMALLER),
    ("two orders of magnitude", SMALLER),
    ("about an order of magnitude more", MORE),
    ("at most twice", AT_MOST),
    ("up to twice", AT_MOST),
    ("twice", AT_MOST),
    ("about four orders of magnitude larger", LARGER),
])
def test_same_way_and_bound_held(value, quote):
    assert value_in_quote(value, quote, None, quote, "").ok

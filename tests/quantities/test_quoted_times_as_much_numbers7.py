""""N times as much" is a rise by N - 1 ("+50%" of "1.5 times as much"); "N times more" is ×N to some readers and
×(N+1) to others, so no change of it verifies, and the refusal says why ("+50%" and "+150%" of "1.5 times more")."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("right, wrongs, quote", [
    ("+50%", ("+150%", "+5%", "-50%", "50%"), "the new model uses 1.5 times as much energy"),
    ("+200%", ("+300%", "+20%"), "it needed three times as many GPUs"),
    ("+40%", ("+140%", "+4%"), "training took 1.4x as long"),
])
def test_times_as_much_is_a_rise_by_the_factor_less_one(right, wrongs, quote):
    assert value_in_quote(right, quote).ok
    assert not any(value_in_quote(w, quote).ok for w in wrongs)


@pytest.mark.parametrize("value, quote", [
    ("+50%", "the new model uses 1.5 times more energy"),
    ("+150%", "the new model uses 1.5 times more energy"),
    ("+200%", "emissions were three times higher"),
])
def test_times_more_is_no_change_kb_verifies(value, quote):
    got = value_in_quote(value, quote)
    assert not got.ok and "to others" in got.reason(value)

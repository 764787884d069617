"""A change's size said again after its first, its words left out ("increasing the run by 24 hours in Table 4, and
by 100% in Table 5"), is a change of that sign as the first is."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import value_in_quote

_RUN = "increasing the duration of the run by 24 hours in Table 4, and by 100% in Table 5."
_FELL = "Energy use fell by 3% in 2019, and by 5% in 2020."


@pytest.mark.parametrize("value, quote, ok", [
    ("+100%", _RUN, True),
    ("-100%", _RUN, False),
    ("-5%", _FELL, True),
    ("+5%", _FELL, False),
])
def test_a_change_said_again_keeps_its_sign(value, quote, ok):
    found = value_in_quote(value, quote)
    assert found.ok is ok and (ok or "as a " in (found.problem or ""))

"""A possessive names whose a thing is, no per: "0.012 kWh" per phone is not a claim of "a phone's battery holds 0.012
kWh" (nor "each phone's charge", "a smartphone’s"), where "a phone uses 0.012 kWh" says it per phone."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("per, quote, said", [
    ("phone", "a phone's battery holds 0.012 kWh", "a phone uses 0.012 kWh"),
    ("smartphone", "a smartphone’s 0.012 kWh battery", "0.012 kWh for each smartphone"),
    ("phone", "each phone's charge uses 0.012 kWh", "charging took 0.012 kWh per phone"),
    ("server", "every server's fan drew 40 W", "every server drew 40 W"),
])
def test_a_possessive_is_no_per(per, quote, said):
    value = "40 W" if "40 W" in quote else "0.012 kWh"
    assert (value_in_quote(value, quote, per=per).ok, value_in_quote(value, said, per=per).ok) == (False, True)

"""A change a word gives ("halved", "doubled", "tripled") holds its size only signed: "-50%" of "halved", "+100%" of
"doubled". A bare "50%" may be a writer's size of the cut or a level of 50% ("utilisation halved" from 80% is no 50%
utilisation), which kb cannot tell apart, so it is refused with the signed form to write; a "50%" the quote prints
("a 50% cut") is its own figure, and the factor ("2x", "0.5x") still holds."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("value, quote, signed", [
    ("50%", "GPU utilisation was halved after the change.", "-50%"),
    ("100%", "Inference traffic doubled within a year.", "+100%"),
    ("200 %", "The data centre's water use tripled.", "+200 %"),
    ("50 percent", "Emissions per query were halved.", "-50 percent"),
])
def test_a_bare_percentage_of_a_change_word_is_refused_naming_its_signed_form(value, quote, signed):
    found = value_in_quote(value, quote)
    assert not found.ok and repr(signed) in found.reason(value)
    assert value_in_quote(signed, quote).ok
    assert value_in_quote(value, f"a {value} cut: {quote}").ok            # a figure the quote prints is its own

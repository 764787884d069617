"""A factor a claim says goes one way ("15 times less", "6,833x more") is refused where its quote prints that factor
with words of the other way only ("uses 15 times more energy", "6,833 times less", "lowered ... by 6X"), where the
way was read as no part of the value and the reciprocal verified; the claim of the quote's way still verifies."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("quote, its_way, other_way", [
    ("text generation uses 15 times more energy than masked language modeling", "15x more", "15 times less"),
    ("as much carbon as 0.0006 miles driven by a similar vehicle, i.e. 6,833 times less", "6,833 times less",
     "6,833x more"),
    ("TPU v2 also uses less power: 1.3X less for Transformer", "1.3x less", "1.3x more"),
    ("Google's wind portfolio lowered Iowa's datacenter gross average CO2e/KWh by 6X", "6x", "6x more"),
    ("would have reduced by about 30 times the carbon emissions", "30x less", "30x more"),
    ("GPT-3 has 175B parameters, 10x more than any non-sparse language model", "10x more", "10x less"),
    # ... the quote's factor written in words
    ("the new model uses three times more energy than the old one", "3x more", "3x less"),
    ("it needs three times less memory", "3 times less", "3x more"),
    ("ten times more GPUs were used", "10x more", "10x fewer"),
    ("it uses twice as much energy", "2x more", "2x less"),
    ("a hundred times more energy", "100x more", "100x less"),
])
def test_a_factor_claimed_the_other_way_is_refused(quote, its_way, other_way):
    assert value_in_quote(its_way, quote).ok
    got = value_in_quote(other_way, quote)
    assert (got.ok, "the quote prints" in (got.problem or "")) == (False, True)

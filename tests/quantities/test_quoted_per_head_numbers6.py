"""A per is said only where its noun heads its phrase after a per's word ("each image took"), never as a noun
naming what another is of ("an image generation model", "a day-long run")."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("value, quote, per", [
    ("2.9 kWh", "an image generation model used 2.9 kWh", "image"),
    ("2.9 kWh", "for every image classification model, 2.9 kWh was used", "image"),
    ("5 kWh", "each GPU cluster used 5 kWh", "GPU"),
    ("5 kWh", "a day-long run used 5 kWh", "day"),
])
def test_a_noun_naming_what_another_is_of_says_no_per(value, quote, per):
    found = value_in_quote(value, quote, per)
    assert not found.ok and found.unsaid == per

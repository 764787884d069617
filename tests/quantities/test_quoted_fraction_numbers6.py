"""A percentage a quote prints as a level is that part of one ("0.76" of "76% accuracy"), all its digits kept; never
another scale ("0.076", "0.76%") nor a change's size ("0.3" of "fell by 30%")."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("value, quote", [
    ("0.76", "the model reached 76% accuracy"),
    ("0.9", "90 percent of the ML demand in the cloud is for inference"),
])
def test_a_level_percentage_is_its_part_of_one(value, quote):
    assert value_in_quote(value, quote).ok

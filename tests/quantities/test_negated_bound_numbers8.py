"""A comparison a negation a few words before turns round is the other bound: "will not have more than 70 per cent"
gives at most 70%, never at least; "did not use less than 5 kWh" at least 5 kWh; a negated bound that compares nothing
("did not reach up to 50%") is no bound kb reads."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import bound_note, value_in_quote


@pytest.mark.parametrize("quote, right, wrong", [
    ("an interrogator will not have more than 70 per cent chance", "at most 70%", "at least 70%"),
    ("the run did not use less than 5 kWh", "at least 5 kWh", "at most 5 kWh"),
    ("we never saw fewer than 12 GPUs idle", "at least 12 GPUs", "at most 12 GPUs"),
    ("it did not reach up to 50%", "50%", "up to 50%"),
])
def test_a_negated_comparison_is_the_other_bound(quote, right, wrong):
    assert (value_in_quote(right, quote).ok, value_in_quote(wrong, quote).ok) == (True, False)


def test_the_note_names_the_negated_bound():
    assert "'at most 70%'" in bound_note("70%", "an interrogator will not have more than 70 per cent chance")

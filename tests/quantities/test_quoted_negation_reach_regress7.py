"""A negation reaches its figure across its verb, asides and adverbs, never across a phrase of the figure's own: a
figure after a question word, a preposition or a participle further on is said plainly ("12 hours" of "it is not
clear why training took 12 hours" was refused as denied)."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("value, quote", [
    ("12 hours", "It is not clear why training took 12 hours on this cluster."),
    ("175 billion parameters", "This is not surprising given the model has 175 billion parameters."),
    ("12 kWh", "We do not know how the cluster used 12 kWh in total."),
    ("3 days", "The model was not evaluated after training for 3 days."),
    ("8 GPUs", "We did not tune the model trained with 8 GPUs."),
])
def test_a_figure_past_a_negations_reach_verifies(value, quote):
    assert value_in_quote(value, quote).ok


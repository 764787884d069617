"""A count's noun broken at a line's hyphen with a space left in its place is the whole word ("three ap- proaches": 3
approaches, never "proaches"), and a figure with an exponent below zero is no count ("3e-5 following authors'
recommendation": no count of authors)."""

from __future__ import annotations

import pytest

from kb.quantities.numbers import extract_candidates


@pytest.mark.parametrize("text, got", [
    ("We test three ap- proaches in all.", [("3", "approaches")]),
    ("an evaluation of three ap-\nproaches in two areas", [("3", "approaches"), ("2", "areas")]),
    ("while the other 2 base- lines did not", [("2", "baselines")]),
    ("We tuned two hyperparam- eters on dev.", [("2", "hyperparameters")]),
    ("For LED we use 3e-5 following authors' advice.", []),
])
def test_a_counts_noun_is_whole(text, got):
    assert [(c.number, c.unit_text) for c in extract_candidates([text])] == got

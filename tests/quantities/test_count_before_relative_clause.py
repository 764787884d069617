"""A plural noun after a number at a clause's start, followed by "that" or "which" opening its relative clause, is a
count of that noun, never a verb whose subject the number is ("Here 3 models that we trained": 3 models, was none),
on the page and in a quote ("3 runs" of "Then 3 runs that we made failed": refused, now verified); "Here 17 says
which of the operations" still counts nothing."""

from __future__ import annotations

import pytest

from kb.quantities.numbers import extract_candidates
from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("sentence, figure, unit", [
    ("Here 3 models that we trained used 20 kWh.", "3", "model"),
    ("Then 16 nodes which run the job draw 5 kW.", "16", "node"),
    ("In all, 40 papers that cite it were read.", "40", "paper"),
    ("and 7 layers which share weights follow", "7", "layer"),
])
def test_a_count_before_its_relative_clause_is_a_count(sentence, figure, unit):
    assert (figure, unit) in [(c.number, c.unit) for c in extract_candidates([sentence])]


@pytest.mark.parametrize("value, quote", [
    ("3 runs", "Then 3 runs that we made failed"),
    ("5 uses", "and 5 uses which we found of it"),
])
def test_a_quote_of_a_count_before_its_relative_clause_verifies(value, quote):
    assert value_in_quote(value, quote).ok

"""An exponent an extractor printed with its sign apart from its "e" ("2.2e − 16", "3e- 5") is no figure of its own:
no candidate on the page, and no value a quote of it holds."""

from __future__ import annotations

import pytest

from kb.quantities.numbers import extract_candidates
from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("page", ["a learning rate of 3e − 5 steps", "we decay by 1e- 4 tokens each step"])
def test_spaced_exponent_is_no_candidate(page):
    assert [c.number for c in extract_candidates([page])] == []


@pytest.mark.parametrize("value, quote", [
    ("16", "the difference is significant (p < 2.2e − 16)"),
    ("5", "we used a learning rate of 3e- 5 throughout"),
])
def test_spaced_exponent_refused(value, quote):
    assert [value_in_quote(value, quote).ok, value_in_quote(value, f"{quote}, in {value} runs").ok] == [False, True]

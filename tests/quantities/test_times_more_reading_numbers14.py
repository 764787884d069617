"""'N times more' is xN on both sides, as kb check reads it: a claim of it read the other way (N more, x(N+1)) is
refused saying the words are ambiguous, where it was refused with no reason, and kb check says how it read them."""

from __future__ import annotations

import pytest

from kb.quantities.checks import format_line, run_check
from kb.quantities.expr import resolver
from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("quote, kb_reading, other, said", [
    ("the new model is 2 times more efficient", "2x", "3x", "kb reads 'N times more' as ×2"),
    ("it emits 2 times more CO2", "2 times", "three times as much", "kb reads 'N times more' as ×2"),
    ("the cluster drew twice more power", "2x", "threefold", "kb reads 'N times more' as ×2"),
    ("training took 1.5 times longer", "1.5x", "2.5x", "kb reads 'N times more' as ×1.5"),
    ("the model emits twice as much CO2", "2 times more", "1 times more", "claim the factor '2x'"),
    ("the model emits 3x the CO2 of the baseline", "3 times more", "2 times more", "claim the factor '3x'"),
])
def test_times_more_read_the_other_way_is_said_ambiguous(quote, kb_reading, other, said):
    assert value_in_quote(kb_reading, quote).ok
    got = value_in_quote(other, quote)
    assert (got.ok, said in (got.problem or "")) == (False, True)
    assert value_in_quote("4x", quote).problem is None       # a factor neither reading gives: refused as any other


@pytest.mark.parametrize("stated, verdict, said", [
    ("2 times more", "fail", "never 1 + 2 = 3 times"),
    ("3 times more", "pass", "never 1 + 3 = 4 times"),
    ("about 3-fold higher", "pass", "never 1 + 3 = 4 times"),
])
def test_check_says_how_it_read_times_more(stated, verdict, said):
    result = run_check("c", stated, "a / b", resolver({"a": "3.00 kWh", "b": "1.00 kWh"}))
    assert result.verdict == verdict
    assert said in format_line(result)

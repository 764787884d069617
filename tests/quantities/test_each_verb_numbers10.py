"""A verb after a distributive "each" that kb cannot tell by its ending ("ran", "took") names no per: "512 TPUs each
ran for 2 days" is 512 TPUs, and 2 days per TPU (was 512 TPUs per "ran", 2 days per nothing)."""

from __future__ import annotations

import pytest

from kb.quantities.numbers import extract_candidates
from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("sentence, pers, value, per", [
    ("512 TPUs each ran for 2 days", [("512", ""), ("2", "TPU")], "2 days", "TPU"),
    ("We kept 5 models each took about 3 hours", [("5", ""), ("3", "model")], "3 hours", "model"),
])
def test_a_verb_after_each_names_no_per(sentence, pers, value, per):
    assert [(c.number, c.per) for c in extract_candidates([sentence])] == pers
    assert value_in_quote(value, sentence.rstrip("."), per=per).ok

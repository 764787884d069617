"""A distributive "each" after a plural noun kb knows no singular of is about that noun, as after one it knows ("50
records" per file of "100 files each containing 50 records": was refused, the per dropped; now per file).
"""

from __future__ import annotations

import pytest

from kb.quantities.numbers import extract_candidates
from kb.quantities.quoted import value_in_quote

CASES = [
    ("There were 100 files each containing 50 records.", "50 records", "file"),
    ("We rented 3 pods each holding 8 GPUs.", "8 GPUs", "pod"),
]


@pytest.mark.parametrize("sentence, value, per", CASES)
def test_each_after_a_plural_names_its_per(sentence, value, per):
    figure = value.split()[0]
    assert [c.per for c in extract_candidates([sentence]) if c.number == figure] != [""]
    assert value_in_quote(value, sentence.rstrip("."), per=per).ok

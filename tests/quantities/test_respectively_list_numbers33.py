"""kb.quantities.numbers: a list of figures whose unit only its last prints, "respectively" after it, yields each figure
in that unit ("12 and 35 kWh, respectively": 12 kWh and 35 kWh), never a number of a name nor one found already."""

from __future__ import annotations

import pytest

from kb.quantities.numbers import extract_candidates


@pytest.mark.parametrize("text, found", [
    ("Training and inference use 12 and 35 kWh, respectively.", [("12", "kWh"), ("35", "kWh")]),
    ("They used 1,200, 20 and 35 kWh, respectively.", [("1,200", "kWh"), ("20", "kWh"), ("35", "kWh")]),
    ("Longformer Encoder and Decoder (LED) [1] and PRIMERA [58] are two models that can handle longer inputs "
     "(16384 and 4096 tokens, respectively) by introducing sparsity",
     [("16384", "token"), ("4096", "token")]),
    ("Rouge-1 and Rouge-2 were 45 and 30 %, respectively.", [("45", "%"), ("30", "%")]),
    # no "respectively": a word in lower case before the list makes it one (tests/quantities/test_lists_numbers34.py)
    ("Training and inference use 12 and 35 kWh.", [("12", "kWh"), ("35", "kWh")]),
])
def test_a_respectively_list_yields_each_figure_in_its_unit(text, found):
    got = [(c.number, c.unit) for c in extract_candidates([text]) if c.unit != "model"]
    assert got == found
    for c in extract_candidates([text]):
        if c.kind != "words":       # "two models": a count in words, its number as a value
            assert text[c.start:c.start + len(c.number)] == c.number

"""kb.quantities.numbers: a list of figures whose unit only its last prints, with no "respectively" after it, yields
each figure in that unit where a word in lower case or a bracket leads it ("the runs took 62, 74, 112, 121 days": four
figures of days; "2, 4 and 8 GPUs": three counts); never a list of labels ("Tables 1 and 4", "Scopes 1, 2, and 3",
"T2 and 8"), a range ("between 10 and 20 kWh", "from 0.5 to 2 tCO2e", kept whole) nor a year's."""

from __future__ import annotations

import pytest

from kb.quantities.numbers import extract_candidates


def _found(text: str) -> list[tuple[str, str]]:
    return [(c.number, c.unit) for c in extract_candidates([text])]


@pytest.mark.parametrize("text, found", [
    ("The runs took 62, 74, 112, 121 days.", [("62", "day"), ("74", "day"), ("112", "day"), ("121", "day")]),
    ("Training and inference use 12 and 35 kWh.", [("12", "kWh"), ("35", "kWh")]),
    ("We train on 2, 4 and 8 GPUs.", [("2", "GPU"), ("4", "GPU"), ("8", "GPU")]),
    ("We train on 2, 4, or 8 GPUs.", [("2", "GPU"), ("4", "GPU"), ("8", "GPU")]),
    ("the gold label lengths (130 and 25 words on average).", [("130", "word"), ("25", "word")]),
])
def test_a_list_without_respectively_yields_each_figure_in_its_unit(text, found):
    assert _found(text) == found
    for c in extract_candidates([text]):
        assert text[c.start:c.start + len(c.number)] == c.number


@pytest.mark.parametrize("text, found", [
    ("It costs between 10 and 20 kWh.", [("10 and 20", "kWh")]),
    ("It emits from 0.5 to 2 tCO2e per year.", [("0.5 to 2", "tCO2e/year")]),
    ("As shown in Tables 1 and 4 kWh are used.", [("4", "kWh")]),
    ("The framing of Scopes 1, 2, and 3 kWh is new.", [("3", "kWh")]),
    ("In 2019 and 35 kWh were used.", [("35", "kWh")]),
])
def test_a_range_or_a_list_of_labels_is_no_list_of_figures(text, found):
    assert _found(text) == found

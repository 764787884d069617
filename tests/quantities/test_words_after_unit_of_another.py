"""A claim's words after its unit ("13,812 kWh of electricity") are what its figure is of: held where its quote prints
those words at the figure, refused naming both where the quote's figure is of something else ("of heat")."""

import pytest

from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("value, quote, ok", [
    ("13,812 kWh of electricity", "The job consumed 13,812 kWh of heat.", False),
    ("12 GB of disk", "The dataset takes 12 GB of memory.", False),
    ("3 kg of CO2e", "The run emitted 3 kg of methane.", False),
    ("13,812 kWh of electricity", "The job consumed 13,812 kWh of electricity.", True),
    ("over 37 kWh of electricity", "That training run consumed over 37 kWh of electricity.", True),
    ("12 GB of disk", "The dataset takes 12 GB of disk space.", True),
    ("3 kg of CO2e", "The run emitted 3 kg of CO 2 e in all.", True),
])
def test_what_a_figure_is_of_must_be_what_its_quote_says(value, quote, ok):
    got = value_in_quote(value, quote, None, quote, "")
    assert got.ok is ok
    if not ok:
        assert "but its quote prints" in got.problem


def test_refusal_names_what_the_quote_says_it_is_of():
    got = value_in_quote("13,812 kWh of electricity", "The job consumed 13,812 kWh of heat.", None, "", "")
    assert "of heat" in got.problem and "'13,812 kWh'" in got.problem

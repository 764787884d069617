"""A minus sign after the words of a fall says the fall again: its figure is offered as the fall's size, as of the
same words without the sign ("fell -20%": 20 %, was no candidate), and that size verifies; a minus sign after no
fall's words is still no candidate ("was -20%", "rose -12%")."""
import pytest

from kb.quantities.numbers import extract_candidates
from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("page, found, value, per, no_fall", [
    ("Energy use fell -20% in 2021.", (20.0, "%", None), "20%", None, "The change was -20% in 2021."),
    ("Costs decreased by −15% year on year.", (15.0, "%", None), "15%", None, "Costs rose −15% year on year."),
    ("Training energy dropped by -3 kWh per run.", (3.0, "kWh", "run"), "3 kWh", "run", "It was -3 kWh per run."),
])
def test_a_fall_s_minus_sign_keeps_its_figure(page, found, value, per, no_fall):
    assert [(c.value, c.unit, c.per or None) for c in extract_candidates([page])] == [found]
    assert value_in_quote(value, page, per).ok
    assert extract_candidates([no_fall]) == []

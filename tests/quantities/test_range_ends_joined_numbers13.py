"""A range a claim writes verifies only where its quote prints its two ends as one range (a dash, "to", "from ... to",
"between ... and"), never two figures of different things ("5-10%" of "up to 5% of runs, and 10% of users")."""
import pytest

from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("value, two_figures, one_range", [
    ("5-10%", "up to 5% of runs, and 10% of users", "between 5 and 10% of runs"),
    ("5–10%", "5% of runs, 10% of users", "from 5% to 10% of runs"),
    ("5 to 10%", "we saw 5% of runs fail and 10% of users", "5%–10% of runs"),
    ("3-4 GPUs", "3 GPUs for training and 4 GPUs for testing", "3 GPUs to 4 GPUs"),
    ("20-30 kWh", "20 kWh and 30 kWh", "20,000–30,000 Wh"),
])
def test_a_range_is_two_ends_of_one_range(value, two_figures, one_range):
    assert [value_in_quote(value, two_figures).ok, value_in_quote(value, one_range).ok] == [False, True]

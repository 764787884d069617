"""A range whose scale or power of ten is written once, after its second number, scales both ends, on the page and
in a quote: "1.5–2.5 × 10^4 kWh" is 15,000 to 25,000 kWh (never 1.5 kWh), "1.5–2.5 million kWh" 1.5 to 2.5 million."""

from __future__ import annotations

import pytest
from judging import judged

from kb.quantities.numbers import extract_candidates

TENS = "The range was 1.5–2.5 × 10^4 kWh."


@pytest.mark.parametrize("value, quote, ok", [
    ("1.5 kWh", TENS, False), ("15,000 kWh", TENS, True), ("25,000 kWh", TENS, True), ("2.5 kWh", TENS, False),
    ("1.5e4 kWh", TENS, True), ("0.0015 kWh", "It used 1.5–2.5 × 10^-3 kWh.", True),
    ("1.5 kWh", "It used 1.5 to 2.5 × 10⁴ kWh.", False),
    ("2 million parameters", "between 2 and 3 × 10^6 parameters", True),
    ("1e-4", "We use a learning rate of 1e-4 and 3 × 10^5 steps.", True),     # two figures, no range
])
def test_a_power_of_ten_after_a_ranges_second_number_is_the_firsts(value, quote, ok):
    judged(value, quote, ok)


@pytest.mark.parametrize("page, low, high", [
    (TENS, 14500.0, 25500.0),
    ("The range was 1.5–2.5 million kWh.", 1.45e6, 2.55e6),
    ("It cost $2–3 million.", 1.5e6, 3.5e6),
    ("It used 10–20 kWh.", 5.0, 25.0),
])
def test_the_page_reads_both_ends_of_a_range_in_its_scale(page, low, high):
    assert [(c.low, c.high) for c in extract_candidates([page])] == [(low, high)]

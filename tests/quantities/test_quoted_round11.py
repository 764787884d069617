"""A claim's value in its quote, eleventh round: a rate's per after a verb ("25 kWh were used per query") is
the rate's, so the amount alone is no total of it."""

from __future__ import annotations

import pytest
from judging import judged


@pytest.mark.parametrize("value, quote, per, ok", [
    # the verb between an amount and its per: the amount is per that, never a total, nor per anything else
    ("25 kWh", "25 kWh were used per query", None, False), ("25 kWh", "25 kWh were used per query", "run", False),
    ("25 kWh", "25 kWh used per query", None, False), ("0.2 J", "0.2 J is consumed per inference", None, False),
    ("3 g CO2e", "3 g of CO2 are emitted for each run", None, False), ("5 kWh", "5 kWh are consumed daily", None, False),
    ("0.2 kWh", "0.2 kWh of electricity were used per hour", None, False),
    ("25 kWh", "25 kWh were used per query", "query", True), ("25 kWh/query", "25 kWh were used per query", None, True),
    ("0.2 J", "0.2 J is consumed per inference", "inference", True),
    ("3 g CO2e", "3 g of CO2 are emitted for each run", "run", True),
    ("200 W", "0.2 kWh of electricity were used per hour", None, True),
    ("0.2 kWh", "0.2 kWh of electricity was consumed per hour", "hour", True),
    # a "per" that is no rate's after the verb leaves the amount a total
    ("12 GPUs", "12 GPUs were used per node", None, True),
])
def test_a_rates_per_after_a_verb_is_the_rates(value, quote, per, ok):
    judged(value, quote, ok, per)


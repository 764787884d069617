"""A claim's value in its quote and a page's figures, thirteenth round: a per printed right after an amount,
with no verb ("It drew 25 kWh per run"), or naming a yardstick kb leaves to user units ("per flight"), makes a
rate on a page and in a quote, the page's candidate carrying the per as printed; a scale word after a figure's
bracketed interval ("$3.6 ($3.1–$4.2) million") is the figure's; a count with decimals is a mean's candidate
("an average of 41.0 citations", "3.5 authors per paper"); a spread bracketed after its figure's unit or noun
("39 papers (SD=21)") is in that unit."""

from __future__ import annotations

import pytest
from judging import judged

from kb.quantities.numbers import extract_candidates

RATES = [
    # page, number, unit, per as printed
    ("It drew 25 kWh per run.", "25", "kWh", "run"),
    ("The rig used 0.5–1.5 kWh per run.", "0.5–1.5", "kWh", "run"),
    ("Training emitted 5 kg CO2e per flight.", "5", "kgCO2e", "flight"),
    ("The fleet drew 40 kWh per car.", "40", "kWh", "car"),
    ("We paid $3,000 per run.", "3,000", "USD", "run"),
    ("It took 5 hours per experiment run.", "5", "h", "run"),
    ("Caching saved 40% per run.", "40", "%", "run"),
    ("It needs 3.1E+23 FLOPs per run.", "3.1E+23", "FLOP", "run"),
    ("In total 25 kWh were used per run of the model.", "25", "kWh", "run"),
    ("There were 3.5 authors per paper.", "3.5", "author", "paper"),
    # the per's noun the last of its words, over a line's end (pypdf's text of real pages)
    ("yielding   1.2t   of   CO 2 e   per   passenger   round   \ntrip.   Thus", "1.2", "tCO2e", "trip"),
    ("had about 1.4 false alarms per true alarm, at a very high sensitivity", "1.4", "item", "alarm"),
    ("It drew 25 kWh per run using the GPU.", "25", "kWh", "run"),
]


@pytest.mark.parametrize("page, number, unit, per", RATES)
def test_a_per_after_an_amount_is_the_candidates_as_printed(page, number, unit, per):
    found = extract_candidates([page])
    assert [(c.number, c.unit, c.per) for c in found] == [(number, unit, per)]
    assert found[0].rate_unit == f"{unit}/item"        # a rate, never an amount


@pytest.mark.parametrize("page, unit", [("The rack drew 25 kWh per day.", "kWh/day"),
                                        ("It drew 25 kWh per cent of the time.", "kWh"),
                                        ("It drew 25 kWh per the report.", "kWh")])
def test_a_per_kb_reads_or_no_noun_leaves_no_per(page, unit):
    assert [(c.unit, c.per) for c in extract_candidates([page])] == [(unit, "")]


@pytest.mark.parametrize("value, quote, per, ok", [
    ("25 kWh", "It drew 25 kWh per run.", "run", True),
    ("25 kWh", "It drew 25 kWh per run.", None, False),
    ("25 kWh", "It drew 25 kWh per run.", "query", False),
    ("5 kg CO2e", "Training emitted 5 kg CO2e per flight.", "flight", True),
    ("5 kg CO2e", "Training emitted 5 kg CO2e per flight.", "1 flight", True),
    ("5 kg CO2e", "Training emitted 5 kg CO2e per flight.", None, False),
    ("5 kg CO2e", "Training emitted 5 kg CO2e per flight.", "run", False),
    ("5 kg CO2e", "Training emitted 5 kg CO2e per flight.", "2 flights", False),
    ("40 kWh", "The fleet drew 40 kWh per car.", "car", True),
    ("40 kWh", "The fleet drew 40 kWh per car.", "household", False),
])
def test_a_yardsticks_per_is_a_rates(value, quote, per, ok):
    judged(value, quote, ok, per)


@pytest.mark.parametrize("value, quote, ok", [
    ("5 kg CO2e/flight", "Training emitted 5 kg CO2e per flight.", True),
    ("40 kWh per car", "The fleet drew 40 kWh per car.", True),
    ("5 kg CO2e/flight", "Training emitted 5 kg CO2e per run.", False),     # was verified
    ("5 kg CO2e/run", "Training emitted 5 kg CO2e per flight.", False),
    ("40 kWh/household", "The fleet drew 40 kWh per car.", False),          # was verified
])
def test_a_rate_written_per_a_yardstick_is_per_that_yardstick_only(value, quote, ok):
    judged(value, quote, ok)


SCALED = [
    ("The cost was $3.6 ($3.1–$4.2) million in total.", "3.6 million", 3.6e6, "USD"),
    ("Emissions were 3.6 (95% CI 3.1–4.2) million tonnes.", "3.6 million", 3.6e6, "t"),
    ("We had 12 (IQR 8–20) billion tokens.", "12 billion", 12e9, "token"),
]


@pytest.mark.parametrize("page, number, value, unit", SCALED)
def test_a_scale_after_a_figures_bracketed_interval_is_the_figures_on_a_page(page, number, value, unit):
    assert [(c.number, c.value, c.unit) for c in extract_candidates([page])] == [(number, pytest.approx(value), unit)]


@pytest.mark.parametrize("value, ok", [("$3.6 million", True), ("$3,600,000", True), ("$3.1–$4.2 million", True),
                                       ("$3.6", False), ("3.6 USD", False), ("$3.7 million", False),
                                       ("$3.6 billion", False), ("$4.2", False)])
def test_a_scale_after_a_figures_bracketed_interval_is_the_figures_in_a_quote(value, ok):
    judged(value, "The cost was $3.6 ($3.1–$4.2) million in total.", ok)


@pytest.mark.parametrize("value, ok", [("3.6 million t", True), ("3.6 t", False), ("3.6 million kg", False)])
def test_a_scale_after_an_interval_with_its_level_is_the_figures(value, ok):
    judged(value, "Emissions were 3.6 (95% CI 3.1–4.2) million tonnes.", ok)


@pytest.mark.parametrize("page, found", [
    ("Papers had an average of 41.0 citations.", [("41.0", "citation")]),
    ("Papers had 41.0 citations on average.", [("41.0", "citation")]),
    ("Each had a mean of 12.5 participants.", [("12.5", "participant")]),
    ("We trained 45.2 models.", []),                            # a count is whole unless a mean
    ("The team ran 2.5 tasks per hour.", []),
])
def test_a_count_with_decimals_is_a_means_candidate(page, found):
    assert [(c.number, c.unit) for c in extract_candidates([page])] == found


@pytest.mark.parametrize("value, quote, ok", [
    ("39 ± 21 papers", "each opened an average of 39 papers (SD=21) using it", True),
    ("39 ± 12 papers", "each opened an average of 39 papers (SD=21) using it", False),
    ("21 papers", "each opened an average of 39 papers (SD=21) using it", False),
    ("3.2 ± 0.4 kWh", "the runs used 3.2 kWh (SD 0.4) on average", True),
    ("3.2 ± 0.4 MWh", "the runs used 3.2 kWh (SD 0.4) on average", False),
])
def test_a_spread_bracketed_after_its_figures_unit_is_in_that_unit(value, quote, ok):
    judged(value, quote, ok)

"""A claim's value in its quote and a page's figures, twelfth round: words beside a rate's verb ("in total",
"overall", "altogether", "on average", "in all") leave it the rate's, on a page as in a quote; a figure with its
interval or spread in a bracket before its unit ("3.6 (3.1–4.2) kWh") is a candidate of a page, in that unit."""

from __future__ import annotations

import pytest
from judging import judged

from kb.quantities.numbers import extract_candidates

SPENT_PAGES = [
    # the words between the verb and its per, before the verb, or alone: the amount is per that
    ("In our setup, 25 kWh were used in total per run.", "run"),
    ("Each job, 25 kWh were consumed overall per query.", "query"),
    ("Here 25 kWh were emitted altogether per image.", "image"),
    ("Here 25 kWh were drawn in all per request.", "request"),
    ("Here 25 kWh were, on average, used per run.", "run"),
    ("Here 25 kWh in total were used per epoch.", "epoch"),
    ("Here 25 kWh, all told, were spent per training run.", "run"),
    ("The cluster drew 25 kWh overall per day.", "day"),
    # the per as a quote may print it: each, every, a day, daily; its noun before what is no noun
    ("Here 25 kWh were consumed in total in each run.", "run"), ("Here 25 kWh were used for every query.", "query"),
    ("Here 25 kWh were used overall a day.", "day"), ("Here 25 kWh are consumed daily.", "day"),
    ("Here 25 kWh were used per run for the model.", "run"), ("Here 25 kWh were used per model trained.", "model"),
    # more verbs of an amount spent
    ("Here 25 kWh were wasted overall per run.", "run"), ("Here 25 kWh were supplied in total per day.", "day"),
]


@pytest.mark.parametrize("page, per", SPENT_PAGES)
def test_words_beside_a_rates_verb_leave_it_a_rate_on_a_page_and_in_a_quote(page, per):
    found = extract_candidates([page])
    assert [c.number for c in found] == ["25"] and "/" in found[0].rate_unit, found      # never an amount of 25 kWh
    judged("25 kWh", page, False)
    judged("25 kWh", page, True, per)
    judged("25 kWh", page, False, "query" if per != "query" else "run")     # per that, never per anything else


@pytest.mark.parametrize("page", ["In our setup, 25 kWh were used in total.", "We used 25 kWh overall, per the logs.",
                                  "Overall, 25 kWh were used in total during the run.",
                                  "Here 25 kWh were used per the report.", "Here 25 kWh were used on each of 3 days."])
def test_such_words_with_no_per_after_them_leave_the_amount(page):
    assert [(c.number, c.unit) for c in extract_candidates([page])][:1] == [("25", "kWh")]
    judged("25 kWh", page, True)


@pytest.mark.parametrize("page, number, unit", [
    ("The model drew 3.6 (3.1–4.2) kWh on the day.", "3.6", "kWh"),
    ("It used 4.1 (95% CI 3.8–4.4) MWh in total.", "4.1", "MWh"),
    ("It used 4.1 [95% CI: 3.8, 4.4] kWh in total.", "4.1", "kWh"),
    ("Training emitted 12 (10 to 15) tCO2e.", "12", "tCO2e"),
    ("It used 2.5 (± 0.3) kWh.", "2.5", "kWh"),
    ("It used 2.5 (SD = 0.3) kWh.", "2.5", "kWh"),
    # a count's noun after the bracket, as a unit's
    ("The paper held 41 (SD=24.8) inline citations.", "41", "citations"),
    ("A median of 12 (IQR 8–20) participants took part.", "12", "participants"),
])
def test_a_figure_with_its_interval_in_a_bracket_before_its_unit_is_a_candidate(page, number, unit):
    """No candidate at all was offered: the figure had no unit after it, its bounds were no figures."""
    assert [(c.number, c.unit_text) for c in extract_candidates([page])] == [(number, unit)]
    judged(f"{number} {unit}", page, True)


@pytest.mark.parametrize("page", ["It used 9 (3.1–4.2) kWh.", "See Table 3 (1-2) kWh."])
def test_bounds_that_hold_no_figure_before_them_make_no_figure_of_it(page):
    assert [c.number for c in extract_candidates([page])] != ["9"] and "3" not in [c.number for c in
                                                                                   extract_candidates([page])]


@pytest.mark.parametrize("page, found", [
    # an interval in the figure's unit, bracketed after it: the figure's, no range of its own
    ("It used 3.6 kWh (3.1–4.2 kWh) per day.", ["3.6"]), ("Training cost $3.6 million ($3.1–$4.2 million).",
                                                         ["3.6 million"]),
    ("It used 3.6 kWh [3.1 to 4.2 kWh].", ["3.6"]),
    # a range of another unit, or one that does not hold the figure, stays a figure
    ("It used 9 kWh (3.1–4.2 kWh).", ["9", "3.1–4.2"]), ("We trained 3 models (1-5 GPUs).", ["3", "1-5"]),
])
def test_an_interval_bracketed_after_a_figure_and_its_unit_is_no_range_of_its_own(page, found):
    assert [c.number for c in extract_candidates([page])] == found


@pytest.mark.parametrize("value, quote, ok", [
    # a bound of an interval printed in the figure's unit, after it, is no figure of the quote, as in "3.6 (3.1–4.2) kWh"
    ("3.1 kWh", "It used 3.6 kWh (3.1–4.2 kWh) per day.", False), ("4.2 kWh", "It used 3.6 kWh [3.1 to 4.2 kWh].", False),
    ("$3.1 million", "Training cost $3.6 million ($3.1–$4.2 million).", False),
    ("3.6 kWh", "It used 3.6 kWh (3.1–4.2 kWh) in all.", True), ("3.1–4.2 kWh", "It used 3.6 kWh (3.1–4.2 kWh).", True),
    ("$3.6 million", "Training cost $3.6 million ($3.1–$4.2 million).", True),
    # a range that does not hold the figure before it is a figure of its own
    ("3.1 kWh", "It used 9 kWh (3.1–4.2 kWh).", True),
])
def test_a_bound_of_an_interval_bracketed_after_a_figure_and_its_unit_is_no_figure(value, quote, ok):
    judged(value, quote, ok)

"""A claim's value in its quote, fourteenth round: a claim's per is the per of its own figure in the quote (printed
right after it, as a rate's unit, in words, or before it as its subject's), never a per the quote prints of another
figure ("5 kg CO2e ... one flight per year", "emissions per flight were lower"), nor another per than the figure's
("8 GPUs per node" claimed per rack); a quote printing no per leaves it to the claim."""

from __future__ import annotations

import pytest
from judging import judged


@pytest.mark.parametrize("value, quote, per", [
    # the per of another figure, or the thing another rate counts
    ("5 kg CO2e", "Training emitted 5 kg CO2e and took one flight per year.", "flight"),
    ("5 kg CO2e", "Training emitted 5 kg CO2e, or 2 t per flight.", "flight"),
    ("25 kWh", "It drew 25 kWh in total; emissions per run were lower.", "run"),
    ("0.3 Wh", "A model uses 0.3 Wh, and 2 queries per user.", "query"),
    # ... or another per than the figure's own, printed before it as its subject's
    ("5 kg CO2e", "Emissions per flight were 5 kg CO2e.", "trip"),
    ("0.3 Wh", "Energy per query was about 0.3 Wh.", "run"),
])
def test_a_per_is_its_figures_never_anothers(value, quote, per):
    judged(value, quote, False, per=per)


@pytest.mark.parametrize("value, quote, per", [
    ("8 GPUs", "Each cluster has 8 GPUs per node.", "rack"),
    ("8 GPUs", "Each cluster has 8 GPUs per node.", "run"),
    ("3 papers", "Authors wrote 3 papers per author.", "year"),
    ("5 kg CO2e", "Training emitted 5 kg CO2e each flight.", "trip"),
])
def test_a_counts_per_and_a_per_in_words_are_the_ones_printed(value, quote, per):
    judged(value, quote, False, per=per)

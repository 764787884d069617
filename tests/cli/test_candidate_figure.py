"""How `kb claims extract` and `kb claims --unreviewed` show a candidate's figure: a count as
the page prints it, its per said once ("1.4 false alarms per true alarm per alarm" was shown)."""

from __future__ import annotations

import pytest

from kb.cli.claims import _figure


def _candidate(number, unit, per=None, printed=None):
    return {"number": number, "unit": unit, "per": per, "printed": printed}


@pytest.mark.parametrize("candidate, shown", [
    # a count whose printed words hold its per: those words alone
    (_candidate("1.4", "item", "alarm", "1.4 false alarms per true alarm"), "1.4 false alarms per true alarm"),
    (_candidate("8", "item", "node", "8 GPUs/node"), "8 GPUs/node"),
    (_candidate("7", "item", "paper", "7 for each paper"), "7 for each paper"),
    (_candidate("3", "item", "user", "3 queries Per active user"), "3 queries Per active user"),
    (_candidate("12", "item", "round", "12 games every round"), "12 games every round"),
    # printed words without their per: the per after them, once
    (_candidate("64", "item", "layer", "64 hidden units"), "64 hidden units per layer"),
    (_candidate("5", "dimensionless", "query", "5 times"), "5 times per query"),
    # a unit kb reads: the figure in it, with its per
    (_candidate("25", "kWh", "run"), "25 kWh per run"),
    (_candidate("0.5", "kWh", None), "0.5 kWh"),
    (_candidate("2", "item", None, "two persistently abnormal vitals"), "two persistently abnormal vitals"),
    # a word holding "per" is no per ("2 papers", "3 percentiles")
    (_candidate("2", "item", "venue", "2 papers"), "2 papers per venue"),
    (_candidate("3", "item", "run", "3 supercomputers"), "3 supercomputers per run"),
])
def test_a_candidates_per_is_said_once(candidate, shown):
    assert _figure(candidate) == shown

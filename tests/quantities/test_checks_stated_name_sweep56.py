"""A stated figure that is a name alone (a claim's or a [units] name) is an error saying what to write instead."""
from __future__ import annotations

import pytest

from kb.quantities.checks import run_check
from kb.quantities.expr import resolver
from kb.quantities.interval import Interval

FIGURES = {
    "Page99.pages_s": "50 pages/s",
    "Page99.24m_pages": "24 million pages",
    "charge_v1": "0.012 kWh",
    "image_gen_max": "11.49 kWh",
    "exact": Interval.exact(3.0),
}
R = resolver(FIGURES)


@pytest.mark.parametrize("stated, written", [
    ("Page99.pages_s", "50 pages/s"),
    ("  Page99.pages_s ", "50 pages/s"),
    ("charge_v1", "0.012 kWh"),
    ("image_gen_max", "11.49 kWh"),
    ("Page99.24m_pages", "24 million pages"),
])
def test_a_name_as_the_stated_figure_says_what_to_write(stated, written):
    r = run_check("c", stated, "Page99.24m_pages / (5 day)", R)
    assert r.verdict == "error"
    assert r.message.startswith(f"stated figure: {stated.strip()!r} is the name of a figure (its figure: {written!r})")
    assert f"name {stated.strip()} in `expr`" in r.message


def test_a_name_held_as_an_interval_says_no_figure_it_does_not_have():
    r = run_check("c", "exact", "image_gen_max", R)
    assert r.verdict == "error"
    assert r.message.startswith("stated figure: 'exact' is the name of a figure, not a figure")


@pytest.mark.parametrize("stated", ["Page99.page_s", "about nine hundred", "pages per second", "charge_v2"])
def test_a_stated_figure_naming_nothing_is_the_reading_error(stated):
    r = run_check("c", stated, "image_gen_max", R)
    assert r.verdict == "error"
    assert "is the name of a figure" not in r.message
    assert r.message.startswith("stated figure: cannot read figure")


@pytest.mark.parametrize("stated, verdict", [
    ("50 pages/s", "pass"), ("56 pages/s", "pass"), ("70 pages/s", "fail"), ("5,000 charge_v1", "error"),
])
def test_a_figure_with_a_name_in_it_is_read_as_before(stated, verdict):
    r = run_check("c", stated, "Page99.24m_pages / (5 day)", R)
    assert r.verdict == verdict
    assert "is the name of a figure" not in r.message

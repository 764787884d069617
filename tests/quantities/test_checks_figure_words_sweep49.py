"""kb check reads a factor or a fraction a stated figure writes in words ("fivefold", "double", "an order of
magnitude more", "two orders of magnitude", "a third", "half"), saying in the check's line how it read them,
or refuses them with one line; and a bound on a factor fewer ("more than 10 times less") bounds its
reciprocal from the other side. "An order of magnitude" is its power of ten on a log scale (10^0.5 …
10^1.5): a factor the words rule out never passes."""

from __future__ import annotations

import pytest

from kb.quantities.checks import format_line, run_check
from kb.quantities.expr import resolver

FIGURES = resolver({"e1": "10.0 kWh", "e2": "20.0 kWh", "e3": "30.0 kWh", "e5": "50.0 kWh", "e4": "40.0 kWh",
                    "e100": "100.0 kWh", "e1000": "1000.0 kWh", "e4000": "4000.0 kWh", "e48": "48.0 kWh"})


@pytest.mark.parametrize("stated, expr, verdict, said", [
    ("an order of magnitude more", "e100 / e1", "pass", "a factor of 10 on a log scale"),
    ("an order of magnitude more", "e1000 / e1", "fail", "3.16 … 31.62"),
    ("an order of magnitude", "e2 / e1", "fail", "10^0.5 … 10^1.5"),
    ("an order of magnitude less", "e1 / e100", "pass", "a factor of 1/10"),
    ("an order of magnitude lower", "e1 / e1000", "fail", "10^-1.5 … 10^-0.5"),
    ("two orders of magnitude", "e1000 / e1", "pass", "a factor of 100"),
    ("two orders of magnitude larger", "e100 / e1", "fail", "a factor of 100"),
    ("more than an order of magnitude", "e4000 / e100", "pass", "'more than 10 times'"),
    ("more than an order of magnitude", "e5 / e1", "fail", "'more than 10 times'"),
    ("fivefold", "e5 / e1", "pass", "'5-fold'"),
    ("fivefold", "e4 / e1", "fail", "'5-fold'"),
    ("tenfold higher", "e100 / e1", "pass", "'10-fold higher'"),
    ("ten times less", "e1 / e5", "fail", "'10 times less'"),
    ("double", "e2 / e1", "pass", "'2 times'"),
    ("twice as much", "e3 / e1", "fail", "'2 times'"),
    ("quadruple", "e4 / e1", "pass", "'4 times'"),
    ("quadruple", "e5 / e1", "fail", "'4 times'"),
    ("a third", "e1 / e3", "pass", "1/3 within 5 %"),
    ("a third", "e3 / e100", "fail", "1/3 within 5 %"),
    ("one-third", "e1 / e4", "fail", "1/3 within 5 %"),
    ("half", "e48 / e100", "pass", "1/2 within 5 %"),
    ("half", "e4 / e100", "fail", "1/2 within 5 %"),
    ("two thirds", "e2 / e3", "pass", "2/3 within 5 %"),
    ("three quarters", "e2 / e3", "fail", "3/4 within 5 %"),
    ("less than half", "e4 / e100", "pass", "'less than 1/2'"),
    ("more than half", "e4 / e100", "fail", "'more than 1/2'"),
])
def test_a_factor_or_fraction_in_words_is_read_and_said(stated, expr, verdict, said):
    result = run_check("c", stated, expr, FIGURES)
    assert result.verdict == verdict, result.message
    line = format_line(result)
    assert said in line and "\n" not in line


@pytest.mark.parametrize("stated, why", [("orders of magnitude", "says no how many"),
                                         ("several orders of magnitude", "says no how many"),
                                         ("a third more", "a fraction more"), ("five thirds", "no fraction of a whole")])
def test_words_that_say_no_figure_are_refused_in_one_line_saying_why(stated, why):
    result = run_check("c", stated, "e100 / e1", FIGURES)
    assert result.verdict == "error" and why in result.message and "\n" not in result.message


@pytest.mark.parametrize("stated, expr, verdict", [
    ("more than 10 times less", "e1 / e1000", "pass"),
    ("more than 10 times less", "e5 / e100", "fail"),
    ("at most 2 times less", "e1 / e4", "fail"),
])
def test_a_bound_on_a_factor_fewer_bounds_its_reciprocal_from_the_other_side(stated, expr, verdict):
    assert run_check("c", stated, expr, FIGURES).verdict == verdict


@pytest.mark.parametrize("stated, expr, verdict, said", [
    ("a 5-fold reduction", "e1 / e5", "pass", "'5-fold less'"),
    ("a fivefold reduction", "e5 / e1", "fail", "'5-fold less'"),
    ("reduced 5-fold", "e1 / e5", "pass", "'5-fold less'"),
    ("a tenfold increase", "e100 / e1", "pass", "'10-fold more'"),
    ("a tenfold increase", "e1 / e100", "fail", "'10-fold more'"),
    ("fell by a factor of about 5", "e1 / e5", "pass", "'about 5 times less'"),
    ("increased by a factor of 5", "e1 / e5", "fail", "'5 times more'"),
    ("an order of magnitude reduction", "e1 / e100", "pass", "a factor of 1/10"),
])
def test_a_factor_written_as_a_change_is_read_its_way(stated, expr, verdict, said):
    result = run_check("c", stated, expr, FIGURES)
    assert result.verdict == verdict, result.message
    assert said in format_line(result)


@pytest.mark.parametrize("stated", ["reduced by a third", "increased by half"])
def test_a_change_by_a_fraction_is_refused_never_read_as_the_fraction(stated):
    result = run_check("c", stated, "e1 / e3", FIGURES)
    assert result.verdict == "error" and "a change by a fraction" in result.message

"""kb check reads the words writers state changes and factors in: percentage points are a difference of two
percentages, never a percent change ("-44 pp" of (9 % − 16 %) / 16 %: an error, was a pass), and "points" of a
share are percentage points ("-7 points" of 9 % − 16 %, was a count); "N times more" is N and "N times less"
1/N, where both were unreadable; the year of an amount's prices ("$350k in 2019", "US$3.2 million (2019)") is
no figure of it, and said so."""

from __future__ import annotations

import pytest

from kb.quantities.checks import format_line, run_check
from kb.quantities.expr import resolver
from kb.quantities.userunits import UserUnits

FIGURES = resolver({"v3": "9 %", "v1": "16 %", "full": "103,500 kWh", "small": "37.3 kWh", "tune": "3.2 kWh",
                    "cloud": "$350k", "nas": "$3,201,722", "co2": "552.1 tCO2e"})


@pytest.mark.parametrize("stated, expr, verdict, said", [
    ("-44 pp", "(v3 - v1) / v1", "error", "a difference of two percentages"),
    ("+78 percentage points", "(v1 - v3) / v3", "error", "a difference of two percentages"),
    ("-44 points", "-((v1 - v3) / v1)", "error", "a difference of two percentages"),
    ("-7 points", "v3 - v1", "pass", ""),
    ("-70 points", "v3 - v1", "fail", ""),
    ("2800 times more", "full / small", "pass", ""),
    ("280 times more", "full / small", "fail", ""),
    ("12 times less", "tune / small", "pass", ""),
    ("12-fold lower", "tune / small", "pass", ""),
    ("120 times less", "tune / small", "fail", ""),
    ("$350k in 2019", "cloud", "pass", "year of the prices"),
    ("$530k in 2019", "cloud", "fail", "year of the prices"),
    ("US$3.2 million (2019)", "nas", "pass", "year of the prices"),
    ("$3.2bn in 2019 dollars", "nas", "fail", "year of the prices"),
])
def test_changes_and_factors_are_read_as_their_words_say(stated, expr, verdict, said):
    result = run_check("c", stated, expr, FIGURES)
    assert result.verdict == verdict, result.explanation
    assert said in format_line(result)



@pytest.mark.parametrize("stated, expr, verdict, said", [
    ("-7 points", "share_v3 - share_v1", "pass", "as percentage points"),
    ("-44 pp", "(share_v3 - share_v1) / share_v1", "error", "ratio (-43.75 %)"),
])
def test_points_of_shares_named_as_user_units(stated, expr, verdict, said):
    result = run_check("c", stated, expr, resolver({}), units=UserUnits({"share_v3": "9 %", "share_v1": "16 %"}))
    assert result.verdict == verdict
    assert said in " ".join(result.explanation)

"""kb check: a percent change stated as a bound ("over 600 % more", "at least 40 % lower") is read as a bound on the
change the expression computes, a change or a ratio, its side turned for a change downward ('over 600 % more' was an
error: an unknown unit 'more')."""

from __future__ import annotations

import pytest

from kb.quantities.checks import run_check
from kb.quantities.expr import resolver

R = resolver({"renew": "22 %", "gas": "3 %", "new": "6 kWh", "old": "12.0 kWh"})


@pytest.mark.parametrize("stated, expr, verdict", [
    ("over 600 % more", "(renew - gas) / gas", "pass"),         # 633 % more
    ("at least 500 % more", "(renew - gas) / gas", "pass"),
    ("under 650 % more", "(renew - gas) / gas", "pass"),
    ("over 650 % more", "(renew - gas) / gas", "fail"),         # only the rounding of 3 % reaches it
    ("up to 600 % more", "(renew - gas) / gas", "fail"),
    ("over 40 % lower", "(new - old) / old", "pass"),            # 50 % lower
    ("over 40 % lower", "new / old", "pass"),                    # a ratio of 0.5, under 0.6
    ("at least 60 % lower", "(new - old) / old", "fail"),
    ("at least 60 % lower", "new / old", "fail"),
    ("up to 40 % lower", "new / old", "fail"),
])
def test_a_bound_on_a_percent_change_is_judged_as_one(stated, expr, verdict):
    r = run_check("c", stated, expr, R)
    assert r.verdict == verdict, r.message
    assert "bound" in r.message


def test_a_bound_on_a_percent_change_of_a_difference_is_refused():
    r = run_check("c", "over 600 % more", "renew - gas", R)
    assert r.verdict == "error" and "percent change" in r.message

"""kb check: the rounding of a check's inputs carries a pass no further than a tenth from the value they print, and
a stated range holds by that value as a bound does, each end of a range of factors read as a factor alone is
("350 % more" of 0.007 and 0.002 kWh, 2.5 at them, and "between 4 and 5 times" of them, 3.5, passed); the failure
names the stated figure's end, the value the printed inputs give and how far apart they are."""

from __future__ import annotations

import pytest

from kb.quantities.checks import explain, run_check
from kb.quantities.expr import resolver

R = resolver({"img": "0.007 kWh", "text": "0.002 kWh", "gas_de": "7 %", "gas_cn": "3 %", "nuc_g": "10 %",
              "nuc_cn": "4 %", "renew_cn": "22 %", "gen": "11.49 kWh", "charge": "0.012 kWh", "span": "1,000-2,000 kWh"})


@pytest.mark.parametrize("stated, expr, said", [
    ("350 % more", "(img - text) / text", "2.5 is 27.5 % below 3.45"),
    ("about 800 % more", "(renew_cn - gas_cn) / gas_cn", "6.333 is 15.6 % below 7.5"),
    ("3 times", "gas_de / gas_cn", "2.333 is 18.1 % below 2.85"),
    ("between 4 and 5 times", "img / text", "3.5 is 7.9 % below its end 3.8"),
    ("between 3 and 4 times", "nuc_g / nuc_cn", "2.5 is 12.3 % below its end 2.85"),
])
def test_a_pass_only_the_inputs_rounding_gives_far_from_their_value_fails(stated, expr, said):
    r = run_check("c", stated, expr, R)
    assert r.verdict == "fail", r.message
    assert r.carried is None and r.carried_by is None
    assert "only by the rounding of" in r.message
    assert said in r.message
    assert explain(r)[-1].endswith(": fail")


@pytest.mark.parametrize("stated, expr", [
    ("350 % more", "(img - text) / text"),
    ("3 times", "gas_de / gas_cn"),
])
def test_the_figure_off_is_named_with_how_far(stated, expr):
    message = run_check("c", stated, expr, R).message
    assert "the stated figure's nearest end" in message and "further than the 10 %" in message


@pytest.mark.parametrize("stated, expr", [
    ("between 3 and 4 times", "img / text"),            # 3.5, inside
    ("between 2 and 3 times", "nuc_g / nuc_cn"),        # 2.5, inside
    ("about 2.3 times", "gas_de / gas_cn"),
    ("3.7 times", "img / text"),                        # 3.5 is 4.1 % below 3.65: the rounding may carry it
    ("950", "gen / charge"),                            # 957.5, 0.3 % above 955
    ("1,800 kWh", "span"),                              # a claimed range prints no value of its own inside it
])
def test_a_figure_near_what_the_inputs_print_still_passes(stated, expr):
    assert run_check("c", stated, expr, R).verdict == "pass"


def test_each_end_of_a_range_of_factors_is_read_as_a_factor():
    r = run_check("c", "between 4 and 5 times", "img / text", R)
    assert (r.stated_interval.lo, r.stated_interval.hi) == pytest.approx((3.8, 5.25))
    assert "a range of factors" in explain(r)[0]
    st = run_check("c", "between 600 and 700 tCO2e", "x", resolver({"x": "650 tCO2e"})).stated_interval
    assert (st.lo, st.hi) == pytest.approx((599.5, 700.5))     # no factor: each end's half unit, as before

"""kb check: a stated whole ("100 %") of a sum of shares is exact, its parts read to their last printed digit, and a
pass only the roundings of several inputs stacked in one direction give fails where the stated figure prints no
more digits than those inputs."""

from __future__ import annotations

import pytest

from kb.quantities.checks import run_check
from kb.quantities.expr import resolver

R = resolver({"cn1": "22 %", "cn2": "3 %", "cn3": "65 %", "cn4": "4 %",
              "de1": "40 %", "de2": "7 %", "de3": "38 %", "de4": "13 %", "us3": "27 %",
              "t1": "33 %", "t2": "33 %", "t3": "33 %",
              "r1": "12.30 %", "r2": "0.10 %", "r3": "45.70 %", "r4": "36.90 %", "r5": "1.60 %", "r6": "3.40 %",
              "a": "10.5 m", "b": "10.5 m"})


@pytest.mark.parametrize("stated, expr, verdict", [
    ("100 %", "cn1 + cn2 + cn3 + cn4", "fail"),            # 94 %: it reached 95 … 150 % by four roundings stacked
    ("about 100 %", "de1 + de2 + de3 + de4", "fail"),      # 98 %: "40 %" read 35 … 45 % reached it
    ("100 %", "r1 + r2 + r3 + r4 + r5", "fail"),           # 96.6 %, the sixth share left out
    ("100 %", "r1 + r2 + r3 + r4 + r5 + r6", "pass"),
    ("100 %", "t1 + t2 + t3", "pass"),                     # 99 %: three thirds, within their rounding
    ("94 %", "cn1 + cn2 + cn3 + cn4", "pass"),
    ("98 %", "de1 + de2 + de3 + de4", "pass"),
])
def test_a_whole_of_printed_shares_is_exact(stated, expr, verdict):
    assert run_check("c", stated, expr, R).verdict == verdict


@pytest.mark.parametrize("stated, expr, verdict", [
    ("12 pp", "de3 - us3", "fail"),          # 11 pp: only 38.5 % - 26.5 % reaches it
    ("11 pp", "de3 - us3", "pass"),
    ("111.1 m^2", "a * b", "pass"),          # printed finer than 10.5 m: recomputed before their rounding
])
def test_stacked_roundings_carry_no_figure_printed_as_coarsely(stated, expr, verdict):
    r = run_check("c", stated, expr, R)
    assert r.verdict == verdict
    if verdict == "fail":
        assert "stacked in one direction" in r.message

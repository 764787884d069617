"""kb check: a check that passes only by the rounding of its inputs (at the values they print it fails) passes, as
kb documents, and says whose rounding carries it: the inputs of which one's rounding alone does, else all together,
with what the printed values give."""

from __future__ import annotations

import pytest

from kb.quantities.checks import explain, format_line, run_check
from kb.quantities.expr import resolver
from kb.quantities.userunits import UserUnits

R = resolver({"img": "0.007 kWh", "text": "0.002 kWh", "gen": "11.49 kWh", "charge": "0.012 kWh",
              "a": "10.5 m", "b": "10.5 m", "hours": "400,000 GPU hours", "gpus": "100 GPUs"})


@pytest.mark.parametrize("stated, expr, names, alone", [
    ("950", "gen / charge", ["charge"], True),                      # 957.5: only 0.0115 … 0.0125 kWh reaches 955
    ("3.7 times", "img / text", ["img", "text"], True),             # 3.5: 0.0075 / 0.002 or 0.007 / 0.0019 reach 3.65
    ("111.1 m^2", "a * b", ["a", "b"], False),                      # 110.25: 10.55 x 10.55 m, never one of them
])
def test_a_pass_by_rounding_names_whose(stated, expr, names, alone):
    r = run_check("c", stated, expr, R)
    assert r.verdict == "pass"
    assert r.carried_by == (names, alone)
    assert "passes only by the rounding of" in r.message and "which fails" in r.message
    assert f"[passes only by the rounding of {(' or ' if alone else ' and ').join(names)}]" in format_line(r)
    assert any(line.startswith("note: passes only by the rounding of") for line in explain(r))


@pytest.mark.parametrize("stated, expr, verdict", [
    ("about 170 days", "hours / gpus", "pass"),                     # 166.7 days itself is within 165 … 175
    ("3.5 times", "img / text", "pass"),
    ("about 270 days", "hours / gpus", "fail"),
    ("950 kWh", "gen / charge", "error"),
])
def test_no_mark_where_the_printed_values_decide(stated, expr, verdict):
    r = run_check("c", stated, expr, R)
    assert r.verdict == verdict
    assert r.carried is None and r.carried_by is None
    assert "rounding of" not in format_line(r)


def test_a_user_units_rounding_is_named():
    r = run_check("c", "950 charge_v1", "gen", R, units=UserUnits({"charge_v1": "0.012 kWh"}))
    assert r.verdict == "pass" and r.carried_by == (["charge_v1"], True)
    assert "charge_v1 ('0.012 kWh', 0.0115 … 0.0125 kWh)" in r.carried
    assert "957.5 charge_v1" in r.carried

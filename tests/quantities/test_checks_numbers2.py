"""kb check: a stated figure whose rounding only touches the recomputed interval's, at their shared edge, is one last
digit off and fails ("1.3e6" restating "1.2 million")."""

from __future__ import annotations

import pytest

from kb.quantities.checks import run_check
from kb.quantities.expr import resolver


@pytest.mark.parametrize("stated, written, verdict", [
    ("1.3e6", "1.2 million", "fail"),           # one last digit off: the roundings only touch
    ("1.1e6", "1.2M", "fail"),
    ("1.3 MWh", "1,200 kWh", "fail"),
    ("1.2e6", "1,200k", "pass"),
    ("1.25e6", "1.2 million", "pass"),          # inside the written figure's rounding
    ("7", "6.5", "pass"),                       # 6.5 rounds to 7: more than an edge in common
    ("−40 °C", "-40 °C", "pass"),
])
def test_a_stated_figure_whose_rounding_only_touches_the_recomputed_one_fails(stated, written, verdict):
    assert run_check("c", stated, "x", resolver({"x": written})).verdict == verdict

"""kb check: a stated range or factor in a writer's words ("between 3 and 4 million USD", "from 500 to 600 tCO2e",
"a factor of 5") is read as its figures, where it was an unreadable figure; "between" before one figure is an
error saying so."""

from __future__ import annotations

import pytest

from kb.quantities.checks import run_check
from kb.quantities.expr import resolver


@pytest.mark.parametrize("stated, written, verdict", [
    ("between 3 and 4 million USD", "$3,201,722", "pass"),
    ("between $5 and $6 million", "$3,201,722", "fail"),
    ("from 500 to 600 tCO2e", "552.1 tCO2e", "pass"),
    ("from 700 to 800 tCO2e", "552.1 tCO2e", "fail"),
    ("a factor of 5", "4.969", "pass"),
    ("by a factor of about 5", "4.969", "pass"),
    ("a factor of 50", "4.969", "fail"),
    ("between 500 tCO2e", "552.1 tCO2e", "error"),
])
def test_a_stated_range_or_factor_in_words_is_read_as_its_figures(stated, written, verdict):
    result = run_check("c", stated, "x", resolver({"x": written}))
    assert result.verdict == verdict
    if verdict == "error":
        assert "range's two" in result.message

"""A factor a claim writes with a word of what it compares or which way ("4.3x faster", "~45X fewer", "476x smaller",
"up to 10x lower") verifies where its quote prints that factor with a word of that kind and way after it, and is
refused, saying why, where the quote's word goes the other way ("476x larger" of "476X smaller"), is of another kind
("1.3x more" of "runs 1.3X faster and produces 1.3x less CO2e") or prints a difference, no factor ("45 fewer")."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import value_in_quote

TPU = "TPU v2 runs Transformer (Big) 4.3X faster than P100 GPUs and Evolved Transformer (Medium) 5.2X faster."
GSHARD = "Gshard needs ~45X fewer processor years, uses ~55X less energy, and reduces gross CO 2 e ~115X."
DROP = "it would drop from 3.2 tCO 2 e to 0.6 tCO 2 e (476X smaller)."


@pytest.mark.parametrize("quote, right, wrong", [
    (TPU, "4.3x faster", "4.3x slower"),
    (TPU, "5.2 times faster", "5.2x more"),
    (GSHARD, "45x fewer", "45x more"),
    (GSHARD, "~45X fewer", "45x smaller"),
    (DROP, "476x smaller", "476x larger"),
    (DROP, "476 times smaller", "476x faster"),
    ("The savings are ~15X larger than the energy cost of the search.", "15x larger", "15x smaller"),
    ("net CO 2 e, which could be up to 10X lower.", "up to 10x lower", "up to 10x higher"),
    ("it runs 1.3X faster and produces 1.3x less CO 2 e.", "1.3x faster", "1.3x more"),
    ("the sparse model needs 45 fewer processor years", None, "45x fewer"),
])
def test_a_factor_of_a_kind_holds_its_kind_and_way(quote, right, wrong):
    if right is not None:
        assert value_in_quote(right, quote).ok
    got = value_in_quote(wrong, quote)
    assert (got.ok, "the quote prints" in (got.problem or "")) == (False, True)

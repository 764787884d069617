"""A per a sentence prints once for a list of figures holds for each of them, with its count: after the list's subject
("emissions per 1,000 queries ranged from 2.66 g to 15.3 g") or after its first figure ("0.32g per 1,000 queries,
compared to 2.66g for Flan-T5-XL and 4.67g for BLOOMz-7B"): each claimed with that per verifies, were refused; with
another count, or past a clause that says another thing ("while training emitted 2.66g"), refused."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import value_in_quote

RANGED = "emissions per 1,000 queries ranged from 2.66 g to 15.3 g across models."
COMPARED = "bert emits just 0.32g of CO2eq per 1,000 queries, compared to 2.66g for Flan-T5-XL and 4.67g for BLOOMz-7B."


@pytest.mark.parametrize("quote, value, right, wrong", [
    (RANGED, "15.3 g", "1,000 queries", "query"),
    (RANGED, "15.3 g", "1k queries", None),
    (COMPARED, "2.66 g", "1,000 queries", "100 queries"),
    (COMPARED, "4.67 g", "1,000 queries", None),
    ("the energy per inference varies from 5.4 for A to 1.0 × 10−4 kWh for B", "1.0e-4 kWh", "inference",
     "1,000 inferences"),
    ("emissions per query were 2.66 g for A and 15.3 g for B", "15.3 g", "query", "day"),
])
def test_a_per_printed_once_holds_for_each_figure_of_its_list(quote, value, right, wrong):
    assert value_in_quote(value, quote, right).ok
    assert wrong is None or not value_in_quote(value, quote, wrong).ok


@pytest.mark.parametrize("its_list, a_clause, value, per", [
    (COMPARED, "bert emits just 0.32g of CO2eq per 1,000 queries, while training emitted 2.66g in total.", "2.66 g",
     "1,000 queries"),
    ("energy per query ranged from 3 Wh to 500 MWh", "energy per query is 3 Wh and training used 500 MWh", "500 MWh",
     "query"),
])
def test_a_figure_of_another_clause_holds_no_list_per(its_list, a_clause, value, per):
    assert (value_in_quote(value, its_list, per).ok, value_in_quote(value, a_clause, per).ok) == (True, False)


@pytest.mark.parametrize("its_own", [
    "bert emits 0.32g per 1,000 queries, compared to 2.66g for Flan-T5-XL and 4.67g for BLOOMz-7B per 100 queries.",
    "bert emits 0.32g per 1,000 queries, compared to 2.66g for Flan-T5-XL and 4.67g for BLOOMz-7B (per 100 queries).",
    "bert emits 0.32g per 1,000 queries, compared to 2.66g for Flan-T5-XL and 4.67g for BLOOMz-7B per hour.",
    "emissions per 1,000 queries ranged from 2.66 g to 4.67 g for BLOOMz-7B every 10 queries.",
])
def test_a_list_figure_with_a_per_of_its_own_after_its_label_holds_no_list_per(its_own):
    assert not value_in_quote("4.67 g", its_own, "1,000 queries").ok

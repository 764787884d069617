"""A claim's value in its quote and the page's reading of it, agreeing: a bound hedged after its words is still the
bound ("up to about 25%")."""

from __future__ import annotations

import pytest
from judging import judged

from kb.quantities.interval import bound_of
from kb.quantities.numbers import extract_candidates
from kb.quantities.quoted import bound_note


@pytest.mark.parametrize("value, quote, ok", [
    ("up to 25%", "Doubling the duration can lead to savings up to about 25%.", True),
    ("up to about 25%", "Doubling the duration can lead to savings up to about 25%.", True),
    ("over 25%", "Doubling the duration can lead to savings up to about 25%.", False),
    ("up to 26%", "Doubling the duration can lead to savings up to about 25%.", False),
    ("over 200 GPUs", "The cluster used more than roughly 200 GPUs.", True),
    ("under 200 GPUs", "The cluster used more than roughly 200 GPUs.", False),
    ("up to about 26%", "Savings reached up to 25%.", False),
])
def test_a_bound_hedged_after_its_words_is_that_bound(value, quote, ok):
    judged(value, quote, ok)


def test_a_bare_figure_of_a_hedged_bound_is_told_the_bound_without_the_hedge():
    assert bound_of("up to about 25%") == ("upper", len("up to about "))
    note = bound_note("about 25%", "It saves up to about 25%.")
    assert note is not None and "'up to about 25%'" in note


@pytest.mark.parametrize("value, quote, per, ok", [
    ("3 hours", "We trained 5 models, each taking 3 hours.", None, False),
    ("3 hours", "We trained 5 models, each taking 3 hours.", "model", True),
    ("5 models", "We trained 5 models, each taking 3 hours.", None, True),
    ("8 GPUs", "The 4 nodes, each trained on 8 GPUs, finished in a day.", None, False),
    ("8 GPUs", "The 4 nodes, each trained on 8 GPUs, finished in a day.", "node", True),
    ("12 kWh", "Three runs each consumed 12 kWh.", None, False),
    ("12 kWh", "Three runs each consumed 12 kWh.", "run", True),
    ("300 W", "We used 8 GPUs each running at 300 W.", None, True),     # each one's power adds up to nothing
])
def test_each_gives_each_of_the_things_counted_the_figure_of_its_clause(value, quote, per, ok):
    judged(value, quote, ok, per=per)


@pytest.mark.parametrize("value, quote, per, ok", [
    ("$2,000", "The 3 teams, each spending $2,000, reported.", None, False),
    ("$2,000", "Each team spent $2,000.", None, False),
    ("$2,000", "Each team spent $2,000.", "team", True),
    ("$2,000", "The project cost $2,000 in total.", None, True),
])
def test_each_distributes_money_as_any_amount_that_adds_up(value, quote, per, ok):
    judged(value, quote, ok, per=per)


@pytest.mark.parametrize("page, pers", [
    ("We trained 5 models, each taking 3 hours.", ["", "model"]),
    ("The 4 nodes, each trained on 8 GPUs, finished in a day.", ["", "node"]),
    ("We used 8 GPUs each running at 300 W.", ["", ""]),
    ("They ran 12 experiments, each lasting about 2 hours.", ["", "experiment"]),
])
def test_the_page_reads_the_same_per_as_the_quote(page, pers):
    assert [c.per for c in extract_candidates([page])] == pers

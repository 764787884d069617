"""A claim's per must name what the quote's per names at its figure, qualifiers and all: every word that qualifies
the quote's per ("true", "active", "idle", "A100", "training", "web") in the claim's, and none the quote lacks; plural
and singular, case, hyphens, a count's comma and determiners ("per each", "for every") folded."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import per_qualifier_clash, value_in_quote
from tests.judging import judged

ALARM = "The detector raised 1.4 false alarms per true alarm on the test set."


@pytest.mark.parametrize("value, quote, per, ok", [
    # the quote's per qualified, the claim's bare: another per
    ("1.4", ALARM, "alarm", False),
    ("1.4 false alarms", ALARM, "alarm", False),
    ("3 queries", "We observed 3 queries per active user each day.", "user", False),
    ("5 W", "The cluster draws 5 W per idle node.", "node", False),
    ("8 GPUs", "The machine has 8 GPUs per A100 node.", "node", False),
    ("2 s", "The model took 2 s for each long query.", "query", False),
    ("3 kWh", "Each training run used 3 kWh.", "run", False),
    ("25 g", "Emissions were 25 g per web page.", "page", False),
    ("0.3 kg", "It emits 0.3 kg per GPU-hour.", "hour", False),
    ("40 tokens", "The decoder emits 40 tokens per output sentence.", "sentence", False),
    ("12 W", "Each idle node has 12 W of draw, per idle node.", "node", False),
    # the claim's per qualified, the quote's bare: a qualifier the quote never says
    ("5 W", "The cluster draws 5 W per node.", "idle node", False),
    ("8 GPUs", "The machine has 8 GPUs per node.", "A100 node", False),
    ("1.4", "The detector raised 1.4 false alarms per alarm.", "true alarm", False),
    ("3 kWh", "Each run used 3 kWh.", "training run", False),
    ("3 queries", "We observed 3 queries per user.", "active user", False),
    # ... or another qualifier
    ("5 W", "The cluster draws 5 W per idle node.", "busy node", False),
    ("8 GPUs", "The machine has 8 GPUs per A100 node.", "H100 node", False),
    # the same per, qualifiers and all
    ("1.4", ALARM, "true alarm", True),
    ("1.4 false alarms", ALARM, "true alarms", True),
    ("3 queries", "We observed 3 queries per active user each day.", "active user", True),
    ("5 W", "The cluster draws 5 W per idle node.", "idle node", True),
    ("5 W", "The cluster draws 5 W per idle node.", "Idle Nodes", True),
    ("8 GPUs", "The machine has 8 GPUs per A100 node.", "A100 node", True),
    ("3 kWh", "Each training run used 3 kWh.", "training run", True),
    ("25 g", "Emissions were 25 g per web page.", "web page", True),
    # the bare per of a bare quote, folded
    ("8 GPUs", "The machine has 8 GPUs per node.", "node", True),
    ("8 GPUs", "The machine has 8 GPUs per node.", "nodes", True),
    ("0.3 kg", "It emits 0.3 kg per GPU-hour.", "GPU hour", True),
    ("0.3 kg", "It emits 0.3 kg per GPU-hour.", "GPU-hours", True),
    ("2.9 kWh", "Inference used 2.9 kWh per 1,000 queries.", "1000 queries", True),
    ("2 s", "The model took 2 s for each query.", "query", True),
    ("5 W", "The cluster draws 5 W per each node.", "node", True),
    ("5 W", "The cluster draws 5 W for every node.", "node", True),
    ("5 W", "The cluster draws 5 W for every node.", "each node", True),
    ("40 servers", "Each of the twelve racks contains 40 servers drawing 400 W each.", "rack", True),
    # a list's per, printed once after its last figure, is each figure's
    ("180 responses", "(180, 108, 129 responses for each topic, respectively)", "topic", True),
    ("180 responses", "(180, 108, 129 responses for each topic, respectively)", "research topic", False),
    ("108 responses", "(180, 108 and 129 responses per active user)", "user", False),
    ("108 responses", "(180, 108 and 129 responses per active user)", "active user", True),
])
def test_a_claims_per_is_the_quotes_with_its_qualifiers(value, quote, per, ok):
    judged(value, quote, ok, per)


@pytest.mark.parametrize("value, quote, ok", [
    ("5 W/node", "The cluster draws 5 W per idle node.", False),
    ("5 W/idle node", "The cluster draws 5 W per node.", False),
    ("5 W/node", "The cluster draws 5 W per node.", True),
])
def test_a_per_in_the_value_is_the_quotes_with_its_qualifiers(value, quote, ok):
    assert value_in_quote(value, quote).ok is ok


@pytest.mark.parametrize("per, quote, said", [
    ("alarm", ALARM, ["'alarm'", "'per true alarm'", "'true'"]),
    ("idle node", "The cluster draws 5 W per node.", ["'idle node'", "'per node'", "'idle'"]),
])
def test_a_refusal_names_both_pers_and_the_word_between(per, quote, said):
    value = "1.4" if "alarm" in quote else "5 W"
    reason = value_in_quote(value, quote, per).problem
    assert reason is not None and "\n" not in reason
    for text in said:
        assert text in reason


@pytest.mark.parametrize("value, quote, per", [
    ("5 W", "The cluster draws 5 W per idle node and 9 W per node.", "idle node"),
    ("9 W", "The cluster draws 5 W per idle node and 9 W per node.", "node"),
    ("25 kWh", "energy use was 25 kWh per query", "hour"),      # another thing: kb's reading of pers decides
    ("5 kWh", "It uses 5 kWh.", "node"),                        # no per printed at the figure
])
def test_no_clash_where_the_pers_agree_or_name_other_things(value, quote, per):
    assert per_qualifier_clash(value, quote, per) is None

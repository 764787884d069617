"""A negation reaches its figure through the small words of a verb phrase ("don't add up to 100%", "did not come
close to 5 kWh", "has not yet been able to reach 1 GW", "did not at any point go above 40 °C"): the figure is denied,
or a bound turned round, never stated; a clause of its own, a comma or a subject between still ends the negation
("not only 3 kWh ... but 5 kWh", "Not surprisingly, the job used 5 kWh"). A count "each of the N things" holds is a
count per thing ("8 GPUs" per node of "each of the 4 nodes holds 8 GPUs"), never their product."""

from __future__ import annotations

import pytest

from kb.quantities.numbers import extract_candidates
from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("value, quote", [
    ("100%", "The shares don't add up to 100%."),
    ("100%", "The reported shares do not add up to 100% because of rounding."),
    ("100 %", "The percentages never sum up to 100 % in the table."),
    ("5 kWh", "The run did not come close to 5 kWh."),
    ("5 kWh", "The run did not come anywhere near 5 kWh."),
    ("2x", "The speed-up was not even close to 2x."),
    ("1 GW", "The cluster has not yet reached 1 GW."),
    ("1 GW", "The site has not yet been able to reach 1 GW."),
    ("5 kWh", "The job did not even manage to use 5 kWh."),
    ("5 kWh", "The job did not quite reach 5 kWh."),
    ("40%", "Utilisation did not go up to 40% on any day."),
    ("40 °C", "The inlet never once went up to 40 °C."),
    ("12 kWh", "The node did not at any point draw 12 kWh."),
    ("3 hours", "Training has not yet been able to finish in 3 hours."),
    ("10 t", "Emissions are not expected to be able to reach 10 t."),
])
def test_a_negation_through_a_verb_phrase_denies_its_figure(value, quote):
    got = value_in_quote(value, quote)
    assert not got.ok
    assert "denies" in got.problem


@pytest.mark.parametrize("value, quote", [
    ("5 kWh", "It was not only 3 kWh for training but 5 kWh for tuning."),
    ("5 kWh", "Not surprisingly, the job used 5 kWh."),
    ("5 kWh", "Not surprisingly the job used 5 kWh."),
    ("5 kWh", "We did not expect that it would use 5 kWh."),
    ("5 kWh", "It is not known how the system came to use 5 kWh."),
    ("100%", "The shares add up to 100%."),
    ("5%", "The gain was not even 5%."),        # a bound in words, kept as before
    ("50%", "The cut was not up to 50%."),
    ("12 kWh", "The node did not stop, and at every point it drew 12 kWh."),
    ("40%", "Utilisation went up to 40% and did not fall."),
])
def test_a_clause_of_its_own_or_a_kept_figure_still_verifies(value, quote):
    assert value_in_quote(value, quote).ok


@pytest.mark.parametrize("value, quote, ok", [
    ("at most 40 °C", "The temperature did not at any point go above 40 °C.", True),
    ("more than 40 °C", "The temperature did not at any point go above 40 °C.", False),
    ("at most 5 kWh", "The job did not manage to exceed 5 kWh.", True),
    ("more than 5 kWh", "The job did not manage to exceed 5 kWh.", False),
    ("at least 5 kWh", "The job has not yet been able to use less than 5 kWh.", True),
    ("less than 5 kWh", "The job has not yet been able to use less than 5 kWh.", False),
    ("more than 40 °C", "The temperature never went above 40 °C.", False),
])
def test_a_bound_a_longer_negated_verb_phrase_gives_is_turned_round(value, quote, ok):
    assert value_in_quote(value, quote).ok is ok


@pytest.mark.parametrize("value, per, quote, ok", [
    ("8 GPUs", "node", "Each of the 4 nodes holds 8 GPUs.", True),
    ("8", "node", "Each of the 4 nodes holds 8 GPUs.", True),
    ("8 GPUs", "server", "Each of 16 servers has 8 GPUs.", True),
    ("8 GPUs", "server", "Each of the sixteen servers has 8 GPUs.", True),
    ("2 TB", "node", "Each of our 64 nodes contains 2 TB of memory.", True),
    ("4 nodes", None, "Each of the 4 nodes holds 8 GPUs.", True),
    ("16 servers", None, "Each of the sixteen servers has 8 GPUs.", True),
    # the product is printed nowhere; the count per node is no total; the per must be the things counted
    ("32 GPUs", None, "Each of the 4 nodes holds 8 GPUs.", False),
    ("32 GPUs", "node", "Each of the 4 nodes holds 8 GPUs.", False),
    ("8 GPUs", None, "Each of the 4 nodes holds 8 GPUs.", False),
    ("8 GPUs", "cluster", "Each of the 4 nodes holds 8 GPUs.", False),
    ("4 GPUs", "node", "Each of the 4 nodes holds 8 GPUs.", False),
    ("9 GPUs", "node", "Each of the 4 nodes holds 8 GPUs.", False),
    ("128 TB", None, "Each of our 64 nodes contains 2 TB of memory.", False),
    ("2 TB", None, "Each of our 64 nodes contains 2 TB of memory.", False),
    # a count in words of any size to the hundreds, as digits are
    ("8 GPUs", "node", "Each of the fourteen nodes holds 8 GPUs.", True),
    ("8 GPUs", None, "Each of the fourteen nodes holds 8 GPUs.", False),
    ("112 GPUs", None, "Each of the fourteen nodes holds 8 GPUs.", False),
    ("4 GPUs", "server", "Each of the twenty-four servers has 4 GPUs.", True),
    ("4 GPUs", None, "Each of the twenty-four servers has 4 GPUs.", False),
    ("2 TB", "node", "Each of our forty nodes contains 2 TB of memory.", True),
    ("2 TB", None, "Each of our forty nodes contains 2 TB of memory.", False),
    ("5 kWh", "run", "Each of the ninety-nine runs used 5 kWh.", True),
    ("5 kWh", None, "Each of the ninety-nine runs used 5 kWh.", False),
    ("3 hours", "job", "Each of the seventeen jobs took 3 hours.", True),
    ("3 hours", None, "Each of the seventeen jobs took 3 hours.", False),
    ("1 GB", "shard", "Each of the one hundred shards holds 1 GB.", True),
    ("1 GB", None, "Each of the one hundred shards holds 1 GB.", False),
])
def test_each_of_n_things_holds_a_count_per_thing(value, per, quote, ok):
    assert value_in_quote(value, quote, per).ok is ok


@pytest.mark.parametrize("page, written", [
    ("Each of the 4 nodes holds 8 GPUs.", ["nodes", "GPUs per node"]),
    ("Each of 16 servers has 8 GPUs.", ["servers", "GPUs per server"]),
    ("Each of our twelve racks contains 40 servers.", ["racks", "servers per rack"]),
    ("We used 4 nodes and 8 GPUs.", ["nodes", "GPUs"]),
])
def test_extraction_reads_a_count_each_of_n_things_holds_per_thing(page, written):
    assert [c.unit_text for c in extract_candidates([page])] == written


@pytest.mark.parametrize("value, quote, ok", [
    # a negation reaches an amount of money past its currency sign, as it reaches any figure
    ("$2 million", "We did not spend $2 million.", False),
    ("$2 million", "The budget did not come close to $2 million.", False),
    ("€2 million", "The project did not cost €2 million.", False),
    ("CHF 2 million", "The upgrade did not cost CHF 2 million.", False),
    ("US$40", "A ticket never cost US$40.", False),
    ("£300", "The licence has not yet reached £300 a seat.", False),
    ("$2 million", "We did not spend $2 million but $1 million.", False),
    ("$1 million", "We did not spend $2 million but $1 million.", True),
    ("$2 million", "We spent $2 million.", True),
    ("$2 million", "Not surprisingly, we spent $2 million.", True),
    ("at most $2 million", "We did not spend more than $2 million.", True),
    ("more than $2 million", "We did not spend more than $2 million.", False),
])
def test_a_negation_denies_an_amount_of_money_past_its_sign(value, quote, ok):
    assert value_in_quote(value, quote).ok is ok


@pytest.mark.parametrize("value, per, quote, ok", [
    # what each of N things used, or holds where they are, is per thing; never a total, nor the product
    ("2.5 kWh", "run", "Each of the 10 runs used 2.5 kWh.", True),
    ("2.5 kWh", "run", "Every one of the 10 runs used 2.5 kWh.", True),
    ("3 hours", "job", "Each of our 40 jobs took 3 hours.", True),
    ("7 billion parameters", "expert", "Each of the 8 experts in the layer has 7 billion parameters.", True),
    ("7 billion parameters", "expert", "Each expert in the layer has 7 billion parameters.", True),
    ("8 GPUs", "node", "Each node in the cluster has 8 GPUs.", True),
    ("10 runs", None, "Each of the 10 runs used 2.5 kWh.", True),
    ("2.5 kWh", None, "Each of the 10 runs used 2.5 kWh.", False),
    ("25 kWh", None, "Each of the 10 runs used 2.5 kWh.", False),
    ("2.5 kWh", "day", "Each of the 10 runs used 2.5 kWh.", False),
    ("3 hours", None, "Each of our 40 jobs took 3 hours.", False),
    ("120 hours", None, "Each of our 40 jobs took 3 hours.", False),
    ("7 billion parameters", None, "Each of the 8 experts in the layer has 7 billion parameters.", False),
    ("56 billion parameters", None, "Each of the 8 experts in the layer has 7 billion parameters.", False),
    ("8 GPUs", "cluster", "Each node in the cluster has 8 GPUs.", False),
    ("8 GPUs", None, "Each node in the cluster has 8 GPUs.", False),
])
def test_what_each_of_n_things_used_or_holds_is_per_thing(value, per, quote, ok):
    assert value_in_quote(value, quote, per).ok is ok

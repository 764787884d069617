"""A count per things is a rate, as an amount per things is: "8 GPUs per node", "eight accelerators on every server",
"each node has 8 GPUs" hold "8 GPUs" only with that per, never as a total nor per other things; the page's reading
(`extract_candidates`) carries the per too, as `kb audit` compares it."""

from __future__ import annotations

import pytest

from kb.quantities.numbers import extract_candidates
from kb.quantities.quoted import claim_doubt, value_in_quote

RATES = [
    ("8 GPUs", "We trained with 8 GPUs per node.", "node"),
    ("8 GPUs", "The rack had 8 GPUs in each node.", "node"),
    ("8 accelerators", "It held eight accelerators on every server.", "server"),
    ("4 TPUs", "Every host has 4 TPUs.", "host"),
    ("3 datasets", "We use the same 3 datasets per task as before.", "task"),
    ("25 kWh", "The node used 25 kWh in each run.", "run"),
    ("200 pages", "It often totals two hundred pages of text per case.", "case"),
]


@pytest.mark.parametrize("value, quote, per", RATES)
def test_a_rate_per_things_is_no_total_and_names_its_per(value, quote, per):
    found = value_in_quote(value, quote)
    assert not found.ok and f"per {per}" in found.reason(value)
    assert value_in_quote(value, quote, per).ok
    other = value_in_quote(value, quote, "rack" if per != "rack" else "day")
    assert not other.ok and f"--per {per!r}" in other.reason(value)


@pytest.mark.parametrize("value, quote, ok", [
    ("8 GPUs", "We trained on 64 nodes with 8 GPUs each.", False),     # each of what it names before
    ("8 GPUs", "We trained on 8 GPUs in each case.", True),            # no per: each case is a setting
    ("8 GPUs", "Papers w/ PDF 8 GPUs total", True),                   # "w/": with, no per
    ("300 W", "two GPUs drawing 300 W each, 600 W in all", True),      # each one's power
])
def test_each_and_slashes_that_make_no_rate(value, quote, ok):
    assert value_in_quote(value, quote).ok is ok


@pytest.mark.parametrize("page, per", [
    ("We used 8 GPUs per node.", "node"), ("It held eight accelerators on every server.", "server"),
    ("Each node has 8 GPUs.", "node"), ("The node used 25 kWh in each run.", "run"), ("We used 8 GPUs.", ""),
    ("It often totals two hundred pages of text per case.", "case"),
    ("It required 0.004 kWh of energy per query.", "query"),
])
def test_the_page_reads_a_count_per_things_with_its_per(page, per):
    assert [c.per for c in extract_candidates([page])] == [per]


@pytest.mark.parametrize("quote, per", [
    ("We trained with 8 GPUs per node.", "node"), ("Each host has 8 TPUs.", "host"),
    ("It held eight accelerators on every server.", "server"), ("It makes 8 token edits per paragraph.", "paragraph"),
])
def test_a_bare_number_holds_a_count_per_things_only_with_that_per(quote, per):
    """A bare number holds a count's number as the count would: never as a total of a count per things."""
    found = value_in_quote("8", quote)
    assert not found.ok and f"--per {per!r}" in found.reason("8")
    assert value_in_quote("8", quote, per).ok


@pytest.mark.parametrize("quote, ok", [
    ("64 nodes with 8 GPUs each.", False), ("We used 8 GPUs.", True), ("It grew 8x each year.", True),
])
def test_a_bare_number_of_a_count_each_or_a_factor(quote, ok):
    assert value_in_quote("8", quote).ok is ok


@pytest.mark.parametrize("value, quote, per", [
    ("87 edits", "The model makes 87 token edits per paragraph.", "paragraph"),        # a noun of two words
    ("80 characters", "The page has 50 lines each with room for 80 characters.", "line"),   # "each with" after them
    ("8 GPUs", "We used 64 nodes, each with 8 GPUs.", "node"), ("8 GPUs", "We used 64 nodes with 8 GPUs each.", "node"),
    ("4 TPUs", "It ran on hosts holding about 4 TPUs each.", "host"),
    ("5 kWh", "It used 5 kWh for each of the runs.", "run"), ("3 g", "3 g are emitted in each of our 4 runs.", "run"),
])
def test_a_per_after_a_second_noun_each_with_and_each_of(value, quote, per):
    assert not value_in_quote(value, quote).ok
    assert [c.per for c in extract_candidates([quote]) if c.number == value.split()[0]] == [per]


@pytest.mark.parametrize("value, quote", [
    ("50 lines", "The page has 50 lines each with room for 80 characters."), ("64 nodes", "We used 64 nodes, each with 8 GPUs."),
    ("5 kWh", "It used 5 kWh in each of the cases."), ("5 kWh", "It used 5 kWh, each of which went to cooling."),
    ("8 GPUs", "We used 8 GPUs and 2 CPUs per node."),
])
def test_each_of_what_is_no_thing_and_the_things_each_holds_are_totals(value, quote):
    assert value_in_quote(value, quote).ok


@pytest.mark.parametrize("value, quote", [
    ("8 GPUs", "Each node has 8 GPUs."), ("8 TPUs", "64 hosts with 8 TPUs each."), ("8 GPUs", "5 models each with 8 GPUs."),
])
def test_a_stored_count_of_a_rate_per_things_does_not_stand(value, quote):
    """The decision on a stored claim (`claim_doubt`) reads a count per things as `value_in_quote` does."""
    assert claim_doubt("verified", value, quote) is not None


@pytest.mark.parametrize("value, quote, per, rate", [
    ("3 litres", "Cooling consumed 3 litres of water per query.", "query", "query"),
    ("3 L", "Cooling consumed 3 litres per query.", "query", "query"),
    ("2.5 liters", "Each server used 2.5 liters per hour.", "hour", "h"),
    ("5 metres", "The cable runs 5 metres per rack.", "rack", "rack"),
])
def test_a_unit_spelled_out_on_the_page_keeps_its_per(value, quote, per, rate):
    """A unit spelled out ("litres") is the page's unit with its per, as "kWh" is ("per hour": per h): the claim
    verifies with that per, and as a total is refused naming the per."""
    assert value_in_quote(value, quote, per=per).ok
    total = value_in_quote(value, quote)
    assert not total.ok and total.rate == rate


@pytest.mark.parametrize("value, quote, per", [
    ("8 GPUs", "The servers each have 8 GPUs.", "server"), ("4 TPUs", "Hosts each hold about 4 TPUs.", "host"),
    ("8 GPUs", "They each have 8 GPUs.", ""), ("6 layers", "The encoder and decoder each consist of 6 layers.", ""),
])
def test_a_count_each_of_the_things_before_a_verb_holds_is_no_total(value, quote, per):
    """"each" distributes a count over what it refers to: per one of them, named or not ("each" on the page)."""
    found = value_in_quote(value, quote)
    assert not found.ok and (f"--per {per!r}" if per else "for each of something") in found.reason(value)
    assert value_in_quote(value, quote, per or "machine").ok
    assert [c.per for c in extract_candidates([quote])] == [per or "each"]


@pytest.mark.parametrize("value, quote", [
    ("8 GPUs", "Each has 8 GPUs."), ("4 TPUs", "We built 3 pods. Each holds about 4 TPUs."),
    ("6 layers", "There are two stacks (each consists of 6 layers)."),
])
def test_a_count_each_holds_as_its_subject_is_no_total(value, quote):
    """"Each has 8 GPUs": "each" as the subject distributes the count over things named elsewhere: per each."""
    found = value_in_quote(value, quote)
    assert not found.ok and "for each of something" in found.reason(value)
    assert value_in_quote(value, quote, "machine").ok
    assert [c.per for c in extract_candidates([quote]) if c.number == value.split()[0]] == ["each"]


@pytest.mark.parametrize("value, quote, per", [
    ("5 kWh", "They each used 5 kWh.", ""), ("2 kg CO2e", "The jobs ran apart; each used about 2 kg of CO2e.", ""),
    ("5 kWh", "The servers each used 5 kWh.", "server"),
])
def test_an_amount_each_of_the_things_before_a_verb_used_is_no_total(value, quote, per):
    """"each" distributes an amount as it does a count: per one of them, named or not; never a total."""
    found = value_in_quote(value, quote)
    assert not found.ok and (found.rate == per if per else "for each of something" in found.reason(value))
    assert value_in_quote(value, quote, per or "machine").ok
    assert [c.per for c in extract_candidates([quote]) if c.number == value.split()[0]] == [per or "each"]


def test_a_count_each_naming_nothing_is_no_page_total():
    assert [(c.per, c.unit_text) for c in extract_candidates(["We used 8 GPUs each."])] == [("each", "GPUs each")]

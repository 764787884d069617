"""A claim's value in its quote and the page's reading of it, agreeing: a unit pint knows spelled out as a noun
("acres", "barrels", "therms") is that unit with its per; a noun kb has no unit for before a per is a count of it
per that thing ("5 widgets per hour")."""

from __future__ import annotations

import pytest
from judging import judged

from kb.quantities.numbers import extract_candidates


@pytest.mark.parametrize("page, unit, per", [
    ("They farmed 3 acres per household.", "acre", "household"),
    ("The well produces 3 barrels per day.", "bbl/day", ""),
    ("They ate 300 calories per household.", "cal", "household"),
    ("They burned 3 therms.", "thm", ""),
])
def test_the_page_reads_a_unit_spelled_out_as_that_unit_with_its_per(page, unit, per):
    assert [(c.unit, c.per) for c in extract_candidates([page])] == [(unit, per)]


@pytest.mark.parametrize("value, quote, per, ok", [
    ("3 barrels", "The well produces 3 barrels per day.", "day", True),
    ("3 bbl/day", "The well produces 3 barrels per day.", None, True),
    ("3 barrels", "The well produces 3 barrels per day.", None, False),       # a rate, no total
    ("4 barrels", "The well produces 3 barrels per day.", "day", False),
    ("1.214 ha", "They farmed 3 acres per household.", "household", True),     # the same area in hectares
    ("2 ha", "They farmed 3 acres per household.", "household", False),
    ("5 widgets", "We made 5 widgets per hour.", "hour", True),
    ("5 widgets", "We made 5 widgets per hour.", None, False),
    ("5 hours", "We made 5 widgets per hour.", "hour", False),                # the per's word is no unit of it
    ("6 widgets", "We made 5 widgets per hour.", "hour", False),
])
def test_an_amount_spelled_out_before_a_per_holds_with_that_per_only(value, quote, per, ok):
    judged(value, quote, ok, per=per)


@pytest.mark.parametrize("value, quote, per, ok", [
    ("8 GPUs", "Each of them has 8 GPUs.", None, False),          # "each of them": per each, no total
    ("8 GPUs", "Each of them has 8 GPUs.", "node", True),
    ("8 GPUs", "Each of the nodes has 8 GPUs.", None, False),
    ("8 GPUs", "Each of the nodes has 8 GPUs.", "rack", False),
    ("5 kWh", "The runs used 5 kWh each.", None, False),          # the subject names what it is per
    ("5 kWh", "The runs used 5 kWh each.", "flight", False),
    ("5 kWh", "The runs used 5 kWh each.", "run", True),
    ("3 hours", "The jobs took about 3 hours each.", None, False),
    ("5 kWh", "They used 5 kWh each.", None, False),              # a pronoun names nothing: per each
    ("5 kWh", "They each used 5 kWh.", None, False),              # as a stored claim is decided too
    ("5 kWh", "Each run used 5 kWh.", None, False), ("5 kWh", "Each run used 5 kWh.", "run", True),
    ("300 W", "The servers draw 300 W each.", None, True),        # each one's power
])
def test_each_after_an_amount_or_each_of_them_distributes_it(value, quote, per, ok):
    judged(value, quote, ok, per=per)


@pytest.mark.parametrize("page, per", [
    ("Each of them has 8 GPUs.", "each"), ("Each of the nodes has 8 GPUs.", "node"),
    ("The runs used 5 kWh each.", "run"), ("The nodes have 8 GPUs each.", "node"), ("They used 5 kWh each.", "each"),
    ("The servers draw 300 W each.", ""), ("Each run used 5 kWh.", "run"), ("Each GPU draws 300 W.", ""),
])
def test_the_page_reads_the_same_per_as_the_quote(page, per):
    assert [c.per for c in extract_candidates([page])] == [per]


@pytest.mark.parametrize("value, quote, ok", [
    # "N in M things": a share, N/M; neither N nor M counts the things
    ("20%", "1 in 5 patients recovered.", True), ("25%", "1 in 5 patients recovered.", False),
    ("1 patient", "1 in 5 patients recovered.", False), ("5 patients", "1 in 5 patients recovered.", False),
    # "N out of M things", "N of the M things": N of them, M in all, and the share N/M
    ("30%", "3 out of 10 models failed.", True), ("3 models", "3 out of 10 models failed.", True),
    ("10 models", "3 out of 10 models failed.", True), ("16.7%", "2 of the 12 runs failed.", True),
    ("12 runs", "2 of the 12 runs failed.", True), ("30%", "3 of 10 models failed.", True),
    ("20%", "2 of the 12 runs failed.", False),
    # an amount in a unit is no share's whole
    ("10 minutes", "We ran 5 in 10 minutes.", True), ("50%", "We ran 5 in 10 minutes.", False),
])
def test_a_proportion_holds_its_share_and_counts_only_out_of_a_total(value, quote, ok):
    judged(value, quote, ok)


@pytest.mark.parametrize("page, found", [
    ("It finished within 5 s.", [(5.0, "s")]), ("The cable is 5 m long.", [(5.0, "m")]),
    ("The latency was 7 s, then 3 s/step.", [(7.0, "s"), (3.0, "s/step")]),
    ("The values were 3 s and 4 s respectively.", [(3.0, "s"), (4.0, "s")]),
    # a noun after it: millions of things; a decade; a figure's label
    ("We have 5 m users.", []), ("In the 80s it grew.", []), ("See Figure 5 s.", []),
])
def test_a_bare_second_or_metre_is_read_where_the_sentence_makes_it_a_quantity(page, found):
    assert [(c.value, c.unit) for c in extract_candidates([page])] == found


@pytest.mark.parametrize("value, quote", [
    ("100 sheets", "Suppose the computer is allowed 100 sheets of paper each containing 50 lines."),
    ("8 GPUs", "We used 8 GPUs each running at 300 W."), ("5 models", "We trained 5 models each taking 3 hours."),
])
def test_each_opening_a_clause_about_the_things_counted_makes_no_per(value, quote):
    """"each containing", "each running at": a clause about each of the things counted before it, whose count is a
    total, on the page as in a quote."""
    judged(value, quote, True)
    assert [c.per for c in extract_candidates([quote]) if c.number == value.split()[0]] == [""]

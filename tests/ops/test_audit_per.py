"""kb audit's verdict on a rate per things a figure restates: the cited page's figure must be per the same things
("25 kWh per run" is no "25 kWh per query", nor "5 kg CO2e per flight" one per trip), as both pages print them."""

from __future__ import annotations

import pytest

from kb.ops import audit
from kb.quantities.numbers import extract_candidates


def _verdict(citing: str, cited: str) -> str:
    """The verdict on the citing sentence's figure against the cited page, both read as kb stores a text's numbers."""
    figure = extract_candidates([citing])[0]
    figure = audit.Candidate(page=1, start=figure.start, end=figure.end, number=figure.number, value=figure.value,
                             unit=figure.rate_unit, unit_text=figure.unit_text, kind=figure.kind, sentence=citing)
    src = audit._Source(None, "cited")
    src._bare, src._shares = [], []
    for c in extract_candidates([cited]):
        iv = audit._interval(c.number, c.rate_unit)
        if iv is not None:
            src.quantities.append(audit._SourceQ(1, c.number, c.rate_unit, c.sentence, iv,
                                                 audit._per_printed(c.rate_unit, c.unit_text)))
            src.units.add(c.rate_unit)
    return audit._verdict(figure, citing, src)[0]


@pytest.mark.parametrize("citing, cited", [
    ("They drew 25 kWh per run.", "It drew 25 kWh per flight."),
    ("They emitted 5 kg CO2e per flight.", "It emitted 5 kg CO2e per trip."),
    # a count per things is a rate too, as the page prints its per: after it, in words, or as its subject's
    ("They used 8 GPUs per node.", "It used 8 GPUs per rack."),
    ("They used 8 GPUs.", "It held eight GPUs on every node."),
    ("They used 8 GPUs per node.", "Each rack has 8 GPUs."),
    ("They needed 0.004 kWh.", "It required 0.004 kWh of energy per query."),
    ("They used 8 GPUs.", "We used 8 GPUs each."), ("They used 8 GPUs.", "They each have 8 GPUs."),
    ("They used 8 GPUs.", "The servers each have 8 GPUs."),
    ("They used 5 kWh.", "The runs used 5 kWh each."), ("They used 8 GPUs.", "Each of them has 8 GPUs."),
    ("They used 5 kWh.", "Each run used 5 kWh."),
])
def test_a_rate_per_other_things_confirms_nothing(citing, cited):
    assert _verdict(citing, cited) != "confirmed"


@pytest.mark.parametrize("citing, same, other", [
    ("They used 8 GPUs per node.", "The rack had 8 GPUs in each node.", "The node had 8 GPUs in each rack."),
    ("They used 8 accelerators per server.", "Each server has 8 accelerators.", "Each rack has 8 accelerators."),
    ("They used 8 GPUs per node.", "It ran on 64 nodes with 8 GPUs each.", "It ran on 64 racks with 8 GPUs each."),
    ("They used 5 kWh per run.", "The runs used 5 kWh each.", "The jobs used 5 kWh each."),
    ("They used 8 GPUs per node.", "Each of the nodes has 8 GPUs.", "Each of the racks has 8 GPUs."),
    ("They produced 3 barrels per day.", "It produces 3 barrels per day.", "It produces 3 barrels per week."),
])
def test_a_count_is_confirmed_per_the_same_things_only(citing, same, other):
    assert _verdict(citing, same) == "confirmed" and _verdict(citing, other) != "confirmed"


@pytest.mark.parametrize("cited, shown", [
    ("It used 8 GPUs per node.", "8 GPUs per node"), ("It drew 25 kWh per run.", "25 kWh per run"),
    ("It used 8 GPUs.", "8 GPUs"),
])
def test_the_cited_figure_is_shown_as_its_page_prints_it(cited, shown):
    c = extract_candidates([cited])[0]
    c = audit.Candidate(page=1, start=c.start, end=c.end, number=c.number, value=c.value, unit=c.rate_unit,
                        unit_text=c.unit_text, kind=c.kind, sentence=cited)
    assert audit._page_q(c, audit._interval(c.number, c.unit)).figure == shown

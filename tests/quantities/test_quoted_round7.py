"""A claim's value in its quote, seventh round: the value is a number of the paper as the paper prints
it, not only as the quote types it (the quote matcher forgives white space, never a digit)."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import as_printed, value_in_quote
from kb.text.match import find_quote
from kb.text.normalise import Document


def in_paper(value: str, quote: str, page: str) -> bool:
    """Whether `value` holds in `quote`, found in `page` as kb claim add and kb verify find it, and
    read as the paper prints its numbers there."""
    match = find_quote(Document([page]), quote)
    assert match is not None, quote
    passage = "\n".join(page[s.start:s.end] for s in match.spans)
    return value_in_quote(value, quote, passage=passage).ok


@pytest.mark.parametrize("value, quote, page, ok", [
    # a space typed inside a number the paper prints whole: the paper's number, never its last group
    ("593 kWh", "consume approximately 103, 593 kWh", "would consume approximately 103,593 kWh.", False),
    ("103,593 kWh", "consume approximately 103,593 kWh", "would consume approximately 103,593 kWh.", True),
    ("287MWh", "energy of 1, 287MWh", "the energy of 1,287MWh in all", False),
    ("5 kWh", "energy of 0. 5 kWh", "an energy of 0.5 kWh each", False),
    ("5 kWh", "energy of 2, 5 kWh", "an energy of 2,5 kWh each", False),
    ("13 FLOPs", "it used 4.6e 13 FLOPs", "it used 4.6e13 FLOPs", False),
    # a space the paper prints that the quote leaves out: the paper's two numbers, never one
    ("103,593 kWh", "consume 103,593 kWh", "to consume 103, 593 kWh", False),
    ("5.1 GPUs", "were 5,10 and 20 GPUs", "there were 5, 10 and 20 GPUs", False),
    ("10 GPUs", "were 5, 10 and 20 GPUs", "there were 5, 10 and 20 GPUs", True),
    ("2.5 kWh", "energy of 2,5 kWh", "an energy of 2, 5 kWh each", False),
    # a number the extractor broke at a line's end after its thousands comma
    ("287 MWh", "it used 1, 287 MWh", "it used 1,\n287 MWh", False),
    ("1,287 MWh", "it used 1,287 MWh", "it used 1,\n287 MWh", True),
    # thousands a thin space separates on the page, typed without it
    ("1287 MWh", "consumed 1287 MWh", "consumed 1\u2009287 MWh", True),
    ("1287 MWh", "consumed 1287 MWh", "consumed 1 287 MWh", True),
    # the spaces an extractor puts inside a number are no separation the paper prints
    ("$3,201,722", "a cost of $3,201,722 in", "a cost of $3,20 1,722 in", True),
    ("0.954", "a factor of 0.954 for", "a factor of 0 .954 for", True),
    ("12.5 kWh", "consumed 12.5 kWh", "consumed 12 .5 kWh", True),
    # a citation marker the quote leaves out stands in no number
    ("3.5 GPUs", "used 11.49 kWh and 3,5 GPUs", "used 11.49 kWh [12] and 3, 5 GPUs", False),
    ("11.49 kWh", "used 11.49 kWh and 3, 5 GPUs", "used 11.49 kWh [12] and 3, 5 GPUs", True),
])
def test_a_value_holds_as_the_paper_prints_its_number(value, quote, page, ok):
    assert in_paper(value, quote, page) is ok


def test_the_quote_reads_as_printed_only_where_it_differs():
    assert as_printed("used 1, 287 MWh and 3 GPUs", "used 1,\n287 MWh and 3 GPUs") == (
        "used 1,\n287 MWh and 3 GPUs", [("1, 287", "1,\n287")])
    assert as_printed("used 1,287 MWh", "used 1,287 MWh") == ("used 1,287 MWh", [])
    assert as_printed("no number here", "no number here") == ("no number here", [])
    # digits the passage does not print together, or not all of them, stay as typed
    assert as_printed("5, 10 [...] 20", "5, 1 and 0 then 20") == ("5, 10 [...] 20", [])
    assert as_printed("5, 10 [...] 20", "5, 1 then 20") == ("5, 10 [...] 20", [])
    said = value_in_quote("593 kWh", "consume 103, 593 kWh", passage="consume 103,593 kWh")
    assert said.reason("593 kWh") == ("the value '593 kWh' is not a number of the paper there: the quote types "
                                      "'103, 593' where the paper prints '103,593', which reads otherwise; copy the "
                                      "number as the paper prints it")

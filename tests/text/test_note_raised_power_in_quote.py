"""A number a note raises inside a quote with HTML's '<sup>' or LaTeX's '\\textsuperscript' that is no note's mark is
a power, and the quote holds it raised as a paper prints it ('10<sup>3</sup> GPUs' is '10³ GPUs'), as a quote typing
'10³' or '10^3' does: never flattened into the number before it ('10<sup>3</sup> GPUs' was read '103 GPUs' and found
in a page's '103 GPUs'; 'km<sup>3</sup>' found in 'km3'). A note's mark after a word stays no quoted word."""

from __future__ import annotations

import pytest

from kb.text.match import Document, find_quote
from kb.text.notes import parse_note


def _quote(inner: str) -> str:
    note = parse_note(f"# Note\n\nDoe (2020) writes “{inner}” [@doe2020].\n")
    assert len(note.quotes) == 1
    return note.quotes[0].quote


@pytest.mark.parametrize("written, read", [
    ("We used 10<sup>3</sup> GPUs in total", "We used 10³ GPUs in total"),
    ("We used 10\\textsuperscript{3} GPUs in total", "We used 10³ GPUs in total"),
    ("We used 10\\textsuperscript{ 3 } GPUs in total", "We used 10³ GPUs in total"),
    ("We used 10<SUP>3</SUP> GPUs in total", "We used 10³ GPUs in total"),
    ("A cost of 2.5 × 10<sup>5</sup> kWh was seen", "A cost of 2.5 × 10⁵ kWh was seen"),
    ("A flux of 3 W m<sup>-2</sup> was seen", "A flux of 3 W m⁻² was seen"),
    ("A flux of 3 W m<sup>−2</sup> was seen", "A flux of 3 W m⁻² was seen"),
    ("The farm covers 5 km<sup>2</sup> of land", "The farm covers 5 km² of land"),
    ("The farm covers 5 km\\textsuperscript{2} of land", "The farm covers 5 km² of land"),
    # a note's mark after a word inside the quote: no word quoted
    ("Cloud companies strive,<sup>2</sup> since it saves money", "Cloud companies strive, since it saves money"),
    ("Cloud companies strive<sup>2</sup> since it saves money", "Cloud companies strive since it saves money"),
])
def test_a_raised_number_inside_a_quote_is_read_raised(written: str, read: str) -> None:
    assert _quote(written) == read


@pytest.mark.parametrize("page, written", [
    ("In all we used 103 GPUs in total for the work.", "We used 10<sup>3</sup> GPUs in total"),
    ("In all we used 103 GPUs in total for the work.", "We used 10\\textsuperscript{3} GPUs in total"),
    ("In all we used 102 GPUs in total for the work.", "We used 10<sup>2</sup> GPUs in total"),
    ("A cost of 2.5 × 105 kWh was seen in the runs.", "A cost of 2.5 × 10<sup>6</sup> kWh was seen"),
    ("The farm covers 5 km2 of land by the river.", "The farm covers 5 km<sup>3</sup> of land"),
    ("The farm covers 5 km2 of land by the river.", "The farm covers 5 km\\textsuperscript{3} of land"),
])
def test_a_raised_number_is_never_the_page_s_flat_one(page: str, written: str) -> None:
    assert find_quote(Document([page]), _quote(written)) is None


@pytest.mark.parametrize("page, written", [
    ("A cost of 2.5 × 105 kWh was seen in the runs.", "A cost of 2.5 × 10<sup>5</sup> kWh was seen"),
    ("A cost of 2.5 × 10⁵ kWh was seen in the runs.", "A cost of 2.5 × 10\\textsuperscript{5} kWh was seen"),
    ("The farm covers 5 km2 of land by the river.", "The farm covers 5 km<sup>2</sup> of land"),
    ("The farm covers 5 km² of land by the river.", "The farm covers 5 km\\textsuperscript{2} of land"),
    ("A flux of 3 W m−2 was seen at the site.", "A flux of 3 W m<sup>-2</sup> was seen"),
])
def test_the_page_s_own_power_still_verifies(page: str, written: str) -> None:
    assert find_quote(Document([page]), _quote(written)) is not None

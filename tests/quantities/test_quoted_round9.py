"""A claim's value in its quote, ninth round: a footnote's or citation's marker between a figure and its
unit, a whole number's superscript power, a change or share written in words ("fell by a quarter",
"halved"), and what a refusal names where the paper prints a number across a line break."""

from __future__ import annotations

import pytest
from judging import judged

from kb.quantities.quoted import value_in_quote

MARKED = ["the images required 11.49⁵ kWh in total", "the images required 11.49 [5] kWh in total",
          "the images required 11.49¹ kWh in total", "the images required 11.49† kWh in total",
          "the images required 11.49[5] kWh in total", "the images required 11.49 [5, 12] kWh in total",
          "the images required 11.49 [Luc24] kWh in total"]


@pytest.mark.parametrize("quote", MARKED)
@pytest.mark.parametrize("value, ok", [
    # the marker is no digit of the figure, and the unit after it is the figure's
    ("11.49 kWh", True), ("11,490 Wh", True),
    ("11.495 kWh", False), ("11.491 kWh", False), ("5 kWh", False), ("1 kWh", False), ("49 kWh", False),
    ("11.49 Wh", False), ("11.49", False), ("5", False),
])
def test_a_marker_between_a_figure_and_its_unit_is_passed_over(quote, value, ok):
    judged(value, quote, ok)


@pytest.mark.parametrize("value, quote, ok", [
    # a whole number's superscript is its power: never its base, nor its exponent
    ("4294967296 addresses", "2³² addresses", True), ("2 addresses", "2³² addresses", False),
    ("2", "a 2³² address space", False), ("32 addresses", "2³² addresses", False),
    ("4096 pixels", "images of 64² pixels", True), ("64 pixels", "images of 64² pixels", False),
    ("0.125", "a ratio of 2⁻³ overall", True), ("1e5 GPU hours", "it took 10⁵ GPU hours", True),
    ("1,287 MWh", "training used 1,287¹ MWh", True), ("1,287.1 MWh", "training used 1,287¹ MWh", False),
])
def test_a_whole_numbers_superscript_is_its_power(value, quote, ok):
    judged(value, quote, ok)


@pytest.mark.parametrize("value, quote, passage, typed, printed", [
    # a number the paper breaks across a line is shown with its break, and each side with how it reads
    ("287 MWh", "it used 1, 287 MWh", "it used 1,\n287 MWh in all", "'1, 287' (read as 1 and 287)",
     "'1,⏎287' across a line break (read as 1,287)"),
    ("1 MWh", "it used 1, 287 MWh", "it used 1,\n287 MWh in all", "'1, 287' (read as 1 and 287)",
     "'1,⏎287' across a line break (read as 1,287)"),
    ("1,287 MWh", "runs of 1,287 MWh", "runs of 1, 287 MWh each", "'1,287' (read as 1,287)",
     "'1, 287' (read as 1 and 287)"),
])
def test_a_refusal_for_a_number_the_paper_prints_otherwise_says_what_differs(value, quote, passage, typed, printed):
    said = value_in_quote(value, quote, passage=passage)
    assert not said.ok
    assert f"the quote types {typed} where the paper prints {printed};" in said.reason(value)

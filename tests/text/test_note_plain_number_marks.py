"""A note's number in plain digits a writer copied inside a quote after a sentence's stop ('emissions.12 The') is
read as no word of the quote; a digit after a stop that may be a number (after a digit, an abbreviation, going on in
lower case) is not. (Dodge et al. 2022, page 3.)"""

from __future__ import annotations

import pytest

from kb.text import notes

_Q = "Major technology companies have also been increasingly committed to reducing their emissions"


@pytest.mark.parametrize("quoted, read", [
    (_Q + ".12 The", _Q + ". The"),
    (_Q + ".3", _Q + "."),
    (_Q.replace("companies", "companies?104 They"), _Q.replace("companies", "companies? They")),
    (_Q + " in 2019.12 The", None),          # a number: left as written
    (_Q + " (see fig.3 The", None),          # an abbreviation's number
    (_Q + " rose.12 percent", None),         # going on in lower case
])
def test_a_plain_note_number_after_a_stop_is_no_word_of_the_quote(quoted: str, read: str | None) -> None:
    assert getattr(notes, "without_note_numbers", lambda quote: "no such reading")(quoted) == read

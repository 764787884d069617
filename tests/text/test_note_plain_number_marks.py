"""A note's number in plain digits a writer copied inside a quote after a sentence's stop ('emissions.12 The') is
read as no word of the quote; a digit after a stop that may be a number (after a digit, an abbreviation, going on in
lower case) is not. (Dodge et al. 2022, page 3.)"""

from __future__ import annotations

import pytest

from kb.text import notes
from kb.text.notes import parse_note

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


_REFS = ("\n\n## References\n\n12. Dodge J, et al. Measuring the carbon intensity of AI in cloud instances. 2022.\n"
         "13. Strubell E, et al. Energy and policy considerations for deep learning in NLP. 2019.\n")


@pytest.mark.parametrize("cited, numbers, page", [
    ('"committed to reducing their emissions."12', ["12"], None),
    ('"committed to reducing their emissions".12 They go on.', ["12"], None),
    ("“committed to reducing their emissions”12,13 here", ["12", "13"], None),
    ('"committed to reducing their emissions."12 (p. 3)', ["12"], "3"),
    ('"committed to reducing their emissions."2019 was', [], None),     # a year, never a note's number
    ('"committed to reducing their emissions."12% of', [], None),       # a percentage
    ('"committed to reducing their emissions."3D printing', [], None),
])
def test_a_plain_note_number_glued_after_a_quote_cites_its_work(cited: str, numbers: list, page: str | None) -> None:
    note = parse_note(f"# N\n\nFirms are {cited}" + _REFS)
    got = [([note.reference_for(q).number] + [note.reference_for(o).number for o in q.also], q.page)
           for q in note.quotes]
    assert got == ([(numbers, page)] if numbers else [])

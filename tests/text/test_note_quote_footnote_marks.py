"""A footnote's mark a writer puts inside a quote ('"... emissions[^1]"', '"... emissions¹"') is the note's own, no
word of the quote, in any citation style; a bracket after a space and an exponent are left as written. (Dodge et al.
2022, page 3.)"""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

_Q = "Major technology companies have also been increasingly committed to reducing their emissions"


@pytest.mark.parametrize("quoted, citation, read", [
    (_Q + "[^1]", "(Dodge et al., 2022, p. 3)", _Q),
    (_Q.replace("also", "also[^note-2]"), "[@dodge2022, p. 3]", _Q),
    (_Q + ".[^1]", "(Dodge et al., 2022, p. 3)", _Q + "."),
    (_Q + " [^abc]", "(Dodge et al., 2022, p. 3)", _Q + " [^abc]"),        # written apart: left as written
    (_Q + "¹", "(Dodge et al., 2022, p. 3)", _Q),                            # a superscript note number
    (_Q.replace("companies", "companies,²³"), "[@dodge2022, p. 3]", _Q.replace("companies", "companies,")),
    (_Q + " by 10⁹ t", "(Dodge et al., 2022, p. 3)", _Q + " by 10⁹ t"),      # an exponent: left as written
])
def test_a_footnote_mark_inside_a_quote_is_no_word_of_it(quoted: str, citation: str, read: str) -> None:
    [q] = parse_note(f'"{quoted}" {citation}.\n\n[^1]: A remark.\n').quotes
    assert (q.quote, q.page) == (read, "3")

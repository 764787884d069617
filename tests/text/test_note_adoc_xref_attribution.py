"""An AsciiDoc quote block attributed by a cross reference ('[quote, <<doe2022>>, p. 6]') cites that key at the page,
as one attributed by names does; an attribution of two citations each in brackets of its own ('— [@doe2022];
[@roe2019]', '[quote, <<doe2022>>; <<roe2019>>]') is no one work's: not checked, never the last one's."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

_Q = "Data centers have a number of electricity uses that are important, but will not be covered by our tool."


@pytest.mark.parametrize("head", ["[quote, <<dodge2022>>, p. 6]", "[quote, <<dodge2022,p. 6>>]"])
@pytest.mark.parametrize("fence", [True, False])
def test_an_xref_attribution_cites_its_key(head: str, fence: bool) -> None:
    body = f"____\n{_Q}\n____" if fence else _Q
    note = parse_note(f"= N\n\n{head}\n{body}\n\n[quote, <<dodge2022>>; <<strubell2019>>]\n{_Q}\n")
    assert [(q.citekey, q.page) for q in note.quotes] == [("dodge2022", "6")]
    assert len(note.unchecked) == 1


@pytest.mark.parametrize("line", ["— [@dodge2022]; [@strubell2019]", "— \\cite{dodge2022}, \\cite{strubell2019}"])
def test_two_separate_citations_attribute_no_one_work(line: str) -> None:
    note = parse_note(f"# N\n\n> {_Q}\n{line}\n")
    assert note.quotes == [] and "2 works" in note.unchecked_why[_Q]

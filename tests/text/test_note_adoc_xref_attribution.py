"""An AsciiDoc quote block attributed by a cross reference ('[quote, <<doe2022>>, p. 6]') cites that key at the page,
as one attributed by names does; an attribution of two citations each in brackets of its own ('— [@doe2022];
[@roe2019]') names the works cited together, as '[@doe2022; @roe2019]' does, never the last one's; AsciiDoc's
'[quote, <<doe2022>>; <<roe2019>>]' is no one work's: not checked."""

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


@pytest.mark.parametrize("line", ["— [@dodge2022]; [@strubell2019]", "— \\cite{dodge2022}, \\cite{strubell2019}",
                                  "— [@dodge2022] [@strubell2019]", "— [@dodge2022; @strubell2019]"])
def test_two_citations_side_by_side_attribute_the_works_cited_together(line: str) -> None:
    # (as '[@a; @b]' does: the quote is checked in each, said verified in the one holding it; never the last one's)
    note = parse_note(f"# N\n\n> {_Q}\n{line}\n")
    assert [(q.citekey, [o.citekey for o in q.also]) for q in note.quotes] == [("dodge2022", ["strubell2019"])]
    assert not note.unchecked

"""A work named in running text by its title in italics and its year in brackets, no author ('As *Energy and Policy
Considerations* (2019) puts it: "..."'), cites the quote it says, at the page after the year or after the quote; an
italic word or a lower-case phrase is no title."""

from __future__ import annotations

import pytest

from kb.text.notes import attribution_reference, parse_note

_Q = "Recent advances in available compute come at a high price not attainable to all who desire access."


@pytest.mark.parametrize("body, title, page", [
    (f'As *Energy and Policy Considerations* (2019) puts it: "{_Q}" (p. 5)', "Energy and Policy Considerations", "5"),
    (f'In _Power Hungry Processing_ (2024, p. 8), the authors write: "{_Q}"', "Power Hungry Processing", "8"),
])
def test_an_italic_title_and_year_cite_the_quote(body: str, title: str, page: str) -> None:
    note = parse_note(f"# N\n\n{body}\n\nAs *this* (2019) shows, \"{_Q}\"\n\nAs *very much so* (2019) puts it: \"{_Q}\"\n")
    [q] = note.quotes
    entry = attribution_reference(q.attribution).entry
    assert (entry.title, entry.first_author, q.page) == (title, None, page)
    assert len(note.unchecked) == 2

"""A citation standing alone as the next paragraph, after a paragraph ending with the quote, is the quote's (was
listed as not checked: 'Dodge et al. explain: "..."' then '(Dodge et al., 2022, p. 4)'); two works, a work set
beside, more words than a citation, or a paragraph going on after its quote: none."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

Q = '"Specifically, we focus on energy consumption of Graphical Processing Units, or GPUs."'


@pytest.mark.parametrize("lead, cite, who, key, page", [
    ("They explain their focus:", "(Dodge et al., 2022, p. 4)", "Dodge et al. 2022.", None, "4"),
    ("They explain their focus:", "— Dodge et al. (2022), p. 4", "Dodge et al. 2022.", None, "4"),
    ("Their focus, in their words:", "(Dodge et al. 2022: 4).", "Dodge et al. 2022.", None, "4"),
    ("They explain their focus:", "-- Dodge et al. 2022, p. 4", "Dodge et al. 2022.", None, "4"),
    ("They explain their focus:", "— @dodge2022, p. 4", None, "dodge2022", "4"),
])
def test_a_citation_alone_after_the_quote_ending_its_paragraph(lead, cite, who, key, page):
    note = parse_note(f"# Note\n\n{lead} {Q}\n\n{cite}\n\nMore of mine.\n")
    assert [(q.attribution, q.citekey, q.page) for q in note.quotes] == [(who, key, page)], note
    assert note.unchecked == []


@pytest.mark.parametrize("after, cite", [
    ("", "(Dodge et al., 2022, p. 4; Strubell et al., 2019)"),
    ("", "(Dodge et al., 2022, p. 4, cf. Strubell et al., 2019)"),
    ("", "(Dodge et al., 2022, p. 4) is where it is said"),
    (" That is their claim.", "(Dodge et al., 2022, p. 4)"),
    ("", "[@dodge2022]"),
])
def test_none_where_the_citation_alone_is_not_one_works_nor_after_the_quote(after, cite):
    """(each beside a quote whose citation alone is its own, which is read)"""
    other = '"The tool calculates operational carbon emissions by using location-based and time-specific marginal ' \
            'emissions data per energy unit."'
    note = parse_note(f"# Note\n\nThey explain their focus: {Q}{after}\n\n{cite}\n\nAnd: {other}\n\n"
                      "(Dodge et al., 2022, p. 2)\n")
    assert [(q.quote[:3], q.page) for q in note.quotes] == [("The", "2")], note.quotes

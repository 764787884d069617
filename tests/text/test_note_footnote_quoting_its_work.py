"""A footnote that is a work's reference, its title in quote marks after its authors, quoting the work
after its page and a colon, or with its page after the quote, keeps its reference and its quote is the work's at
that page ('[^3]: Dodge et al., "Measuring ..." (2022), 4: "..."': the quote was read by nothing); the title is a
title, never a quote; no page, two pages or words between: not read so."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

T = "Measuring the Carbon Intensity of AI in Cloud Instances"
D = "Specifically, we focus on energy consumption of Graphical Processing Units, or GPUs."


@pytest.mark.parametrize("footnote, page", [
    (f'Dodge et al., "{T}" (2022), 4: "{D}"', "4"),
    (f'Dodge et al., “{T}” (2022, p. 4): “{D}”', "4"),
    (f'Jesse Dodge et al., "{T}," in *FAccT* (2022), pp. 4-5: "{D}"', "4-5"),
    (f'Dodge et al., "{T}" (2022): "{D}" (p. 4).', "4"),
])
def test_a_reference_footnote_quoting_its_work_at_its_page(footnote, page):
    note = parse_note(f"Cloud emissions vary.[^3]\n\n[^3]: {footnote}\n")
    [q] = note.quotes
    ref = note.reference_for(q)
    assert (q.quote, q.page, ref.number, ref.title, note.unchecked) == (D, page, "^3", T, []), q


@pytest.mark.parametrize("footnote", [
    f'Dodge et al., "{T}" (2022): "{D}"',                                     # no page
    f'Dodge et al., "{T}" (2022), 4: "{D}" (p. 5)',                           # two pages
    f'Dodge et al., "{T}" (2022), 4; Strubell et al. add: "{D}"',             # another work's words between
])
def test_none_where_the_footnote_gives_no_one_page_or_names_another(footnote):
    """(beside a footnote whose quote is read, so that each fails where none is read)"""
    note = parse_note(f"Cloud emissions vary.[^3] They vary by region.[^4]\n\n[^3]: {footnote}\n"
                      f'[^4]: Dodge et al., "{T}" (2022), 2: "This is our own sentence of many words, not theirs."\n')
    assert [(q.source_text, q.page) for q in note.quotes] == [("[^4]", "2")], note.quotes

"""Held-out round 18 of notes: 'op. cit.' with no author names no work."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

Q = "every word of this sentence is quoted from the paper"
FIRST = '[^1]: Jesse Dodge et al., "Measuring the Carbon Intensity of AI in Cloud Instances" (2022), 2.\n'


@pytest.mark.parametrize("footnote, page", [
    ("Op. cit., 9.", "9"), ("*Op. cit.*, 4.", "4"), ("<i>op. cit.</i>, p. 4.", "4"), ("Loc. cit., 3.", "3"),
])
def test_op_cit_with_no_author_is_not_the_footnote_before(footnote, page) -> None:
    from kb.text.notes import names_no_author

    note = parse_note(f'"{Q}"[^1] "{Q} too"[^2]\n\n{FIRST}[^2]: {footnote}\n')
    ref = note.reference_for(note.quotes[1])
    assert ref is not None and not ref.title and names_no_author(ref.text)
    assert note.quotes[1].page == page


@pytest.mark.parametrize("footnote", ["Dodge, op. cit., 9.", "Ibid., 9.", "Dodge et al., loc. cit., 9."])
def test_op_cit_after_a_name_or_ibid_is_still_that_work(footnote) -> None:
    note = parse_note(f'"{Q}"[^1] "{Q} too"[^2]\n\n{FIRST}[^2]: {footnote}\n')
    ref = note.reference_for(note.quotes[1])
    assert ref.title == "Measuring the Carbon Intensity of AI in Cloud Instances"

"""A footnote's text quoting a work after its citation at its page and a colon is prose quoting it, not a reference
('[^1]: See Dodge et al. (2022). Compare Patterson et al. (2021, p. 6): "..."': its quote was lost, read by no one)."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

QUOTE = "sparse models can have many model parameters while requiring much less computation than dense models."


@pytest.mark.parametrize("footnote, who, page", [
    (f'See Dodge et al. (2022). Compare Patterson et al. (2021, p. 6): "{QUOTE}"', "Patterson et al. 2021.", "6"),
    (f'Patterson et al. (2021, pp. 6-7): "{QUOTE}"', "Patterson et al. 2021.", "6-7"),
])
def test_a_footnote_quoting_after_a_paged_citation_and_a_colon(footnote, who, page):
    note = parse_note(f"Cloud emissions vary by region.[^1]\n\n[^1]: {footnote}\n")
    assert [(q.quote, q.attribution.replace("Compare ", ""), q.page) for q in note.quotes] == [(QUOTE, who, page)]

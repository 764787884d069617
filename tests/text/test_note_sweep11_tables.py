"""What a held-out sweep of notes (Chicago's notes, MLA, Vancouver, Nature, LaTeX, pandoc, Org, tables, HTML) found
unread: a table's cell citing the row's quote by its authors and the year in brackets, as running text writes it. (A
sentence of Dodge et al. 2022, p. 4.)"""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

_Q = "Specifically, we focus on energy consumption of Graphical Processing Units, or GPUs."


@pytest.mark.parametrize("cell, cited", [
    ("Dodge et al. (2022), p. 4", ("Dodge et al. 2022.", "4")),
    ("Dodge et al. (2022: 4)", ("Dodge et al. 2022.", "4")),
    ("Dodge (2022, p. 4)", ("Dodge. 2022.", "4")),
    ("Dodge et al. (2022, p. 4), p. 5", None),          # two pages: which, it does not say
    ("Dodge et al. (2022) and Roe (2019)", None),       # two works
    ("Energy use rose (2022)", None),                   # no names
])
def test_a_cell_of_authors_and_their_year_in_brackets_cites_the_rows_quote(cell: str, cited: tuple | None) -> None:
    note = parse_note(f'# N\n\n| Claim | Source |\n|---|---|\n| "{_Q}" | {cell} |\n')
    assert [(q.attribution, q.page) for q in note.quotes] == ([cited] if cited else [])
    assert len(note.unchecked) == (0 if cited else 1)

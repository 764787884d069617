"""A footnote quoting by its authors' pronoun with no page, or with a sentence of the note's after the quote, quotes
the one work its mark's sentence cites (at no page where it gives none), never a reference entry; of no one work it
is unchecked. (A sentence of Dodge et al. 2022, page 3.)"""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

_Q = "Major technology companies have also been increasingly committed to reducing their emissions"


@pytest.mark.parametrize("lead, page", [
    (f'They write that "{_Q}."', None),
    (f'As the authors put it, "{_Q}." We return to this below.', None),
    (f'In their words: "{_Q}" (p. 3). This matters for cloud users.', "3"),
    (f'They write that "{_Q}" (p. 3) This matters.', "no"),         # no full stop before the words after: as it was
    (f'They write that "{_Q}." Smith and Roe (2020), *Cloud*.', "no"),  # a work cited after it: never the mark's
])
@pytest.mark.parametrize("sentence, cited", [
    ("Dodge et al. (2022) studied cloud emissions.[^1]", "Dodge et al. 2022."),
    ("Cloud emissions were studied.[^1]", None),
])
def test_a_pronoun_footnote_without_a_page_or_with_a_sentence_after_is_a_quote(lead, page, sentence, cited) -> None:
    note = parse_note(f"{sentence}\n\n[^1]: {lead}\n")
    if page == "no":
        assert (note.quotes, note.unchecked) == ([], [])
    elif cited is None:
        assert (note.quotes, note.references, [line for line, _ in note.unchecked]) == ([], [], [3])
    else:
        [q] = note.quotes
        assert (q.quote.rstrip("."), q.page, q.attribution, note.references) == (_Q, page, cited, [])

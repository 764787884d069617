"""A name's particle is a word of its own: the end of the word before the names ("while", "beside", "made") is
none, so the names cite their own work, and a particle written apart still opens the name. (Strubell et al. 2019,
page 1.)"""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

_Q = "Energy use of training is substantial and growing quickly"


@pytest.mark.parametrize("lead, cited", [
    ("We build on Luccioni (2023), while Strubell et al. (2019) argue that", "Strubell et al. 2019."),
    ("We put it beside Strubell et al. (2019), who argue that", "Strubell et al. 2019."),
    ("In the same article Dodge and Strubell (2019) write that", "Dodge and Strubell. 2019."),
])
def test_a_particle_is_a_word_of_its_own(lead: str, cited: str) -> None:
    note = parse_note(f'{lead} "{_Q}" (p. 1).\n\nAs noted by van der Berg (2019), "{_Q}" (p. 2).\n')
    assert [(q.attribution, q.page) for q in note.quotes] == [(cited, "1"), ("van der Berg. 2019.", "2")]


@pytest.mark.parametrize("lead, cited", [
    ("As van der Berg (2019) argues,", "van der Berg. 2019."),
    ("In de Vries et al. (2019) we read that", "de Vries et al. 2019."),
    ("Alongside Strubell et al. (2019), we note that", "Strubell et al. 2019."),
    ("Despite Strubell and Ganesh (2019),", "Strubell and Ganesh. 2019."),
])
def test_the_word_opening_the_sentence_before_a_particle_or_after_a_preposition_is_no_name(lead: str,
                                                                                          cited: str) -> None:
    [q] = parse_note(f'{lead} "{_Q}" (p. 1).\n').quotes
    assert (q.attribution, q.page) == (cited, "1")

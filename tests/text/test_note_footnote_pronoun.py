"""A footnote whose whole text is a quote its authors' pronoun says, with its page, quotes the one work the sentence
its mark ends cites, at that page; a sentence citing none or several, or a page of its own another, leaves it
unchecked, never a reference. (A sentence of Dodge et al. 2022, page 3.)"""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

_Q = "Major technology companies have also been increasingly committed to reducing their emissions"


@pytest.mark.parametrize("sentence, lead, page, cited", [
    ("Dodge et al. (2022) studied cloud emissions.", f'They write that "{_Q}" (p. 3).', "3", "Dodge et al. 2022."),
    ("Roe (2019) came first. Later, cloud emissions were studied (Dodge et al., 2022).",
     f'As the authors put it, "{_Q}," p. 3.', "3", "Dodge et al. 2022."),
    ("Cloud emissions were studied [@dodge2022].", f'In their words: "{_Q}" (3–4).', "3–4", "dodge2022"),
])
def test_a_footnotes_pronoun_quote_is_its_marks_works(sentence: str, lead: str, page: str, cited: str) -> None:
    note = parse_note(f"{sentence}[^1]\n\n[^1]: {lead}\n")
    [q] = note.quotes
    assert (q.quote, q.page, q.attribution or q.citekey, note.references, note.unchecked) == \
        (_Q, page, cited, [], [])


@pytest.mark.parametrize("sentence", [
    "Cloud emissions were studied.[^1]",                                            # no work
    "Dodge et al. (2022) and Strubell et al. (2019) studied emissions.[^1]",         # two works
    "Emissions were studied (Dodge et al., 2022; Strubell et al., 2019).[^1]",
    "Emissions were studied [@dodge2022, p. 5].[^1]",                               # a page of its own, another
    "Emissions were studied [@dodge2022].[^1] Strubell et al. (2019) disagree.[^1]",  # two marks
])
def test_a_footnotes_pronoun_quote_of_no_one_work_is_unchecked(sentence: str) -> None:
    note = parse_note(f'{sentence}\n\n[^1]: They note that "{_Q}" (p. 3).\n')
    assert (note.quotes, note.references, [line for line, _ in note.unchecked]) == ([], [], [3])

"""A quote's attribution after a phrase or naming several works, a footnote quoting a passage where a short form has
its title, MLA's author and page after a quote, and a footnote naming authors the note does not list. (Sentences of
Dodge et al. 2022, page 3.)"""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

_Q = "Major technology companies have also been increasingly committed to reducing their emissions"


@pytest.mark.parametrize("note, cited", [
    (f"> {_Q}\n\n— In Europe, Dodge et al. (2022: 5)\n", "Dodge et al. (2022: 5)"),
    (f"> {_Q}\n>\n> — *In the United States, Dodge et al. (2022: 5)*\n", "Dodge et al. (2022: 5)"),
    (f"> {_Q}\n\n— Recently, Dodge et al. (2022, p. 5)\n", "Dodge et al. (2022, p. 5)"),
    (f'"{_Q}" — In Europe, Dodge et al. (2022: 5)\n', "Dodge et al. (2022: 5)"),
])
def test_an_attribution_after_a_leading_phrase_names_the_work_after_it(note: str, cited: str) -> None:
    assert [(q.attribution, q.page) for q in parse_note(note).quotes] == [(cited, "5")]


@pytest.mark.parametrize("note", [
    f"> {_Q}\n\n— Dodge et al. 2022; Strubell et al. 2019\n",
    f"> {_Q}\n>\n> — Dodge et al. (2022, p. 3); Strubell et al. (2019)\n",
    f'"{_Q}" — Dodge et al. 2022; Strubell et al. 2019\n',
])
def test_an_attribution_naming_two_works_is_told_never_checked_against_one(note: str) -> None:
    parsed = parse_note(note)
    assert parsed.quotes == [] and [p[1].split(" (")[0] for p in parsed.problems] == [
        ("blockquote" if note.startswith(">") else "quote") + " at line 1 is attributed to 2 works"]

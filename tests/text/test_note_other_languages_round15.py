"""Notes written in other languages: Japanese corner brackets are quote marks, and names saying a quote with their
verb in the note's language before a colon ('Strubell et al. betonen: „...“ (2019, S. 5)') cite it as an English
verb of saying does. (A sentence of Strubell et al. 2019, page 5.)"""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

_Q = "Recent advances in available compute come at a high price not attainable to all who desire access."


@pytest.mark.parametrize("body", [
    f"Strubell et al. (2019, p. 5) は「{_Q}」と述べている。",
    f"Strubell et al. (2019, p. 5) は『{_Q}』と書いている。",
    f"Strubell et al. betonen: „{_Q}“ (2019, S. 5).",
    f"Strubell et al. schreiben: »{_Q}« (2019, S. 5).",
    f"Strubell et al. écrivent\u00a0: « {_Q} » (2019, p. 5).",
    f"Strubell et al. subrayan: \"{_Q}\" (2019, p. 5).",
])
def test_a_quote_in_another_languages_note_is_cited(body: str) -> None:
    assert [(q.quote, q.attribution, q.page) for q in parse_note(body).quotes] == [(_Q, "Strubell et al. 2019.", "5")]


@pytest.mark.parametrize("body", [
    f"D'après Strubell et al. (2019), « {_Q} » (p. 5).",
    f"Selon Strubell et al. (2019), « {_Q} » (p. 5).",
    f"Laut Strubell et al. (2019) gilt: „{_Q}“ (S. 5).",
    f"Según Strubell et al. (2019), \"{_Q}\" (p. 5).",
])
def test_names_after_another_languages_according_to_are_the_names(body: str) -> None:
    assert [(q.attribution, q.page) for q in parse_note(body).quotes] == [("Strubell et al. 2019.", "5")]

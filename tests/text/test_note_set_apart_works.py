"""Of two works a sentence cites before its quote, one set apart at the sentence's start ('Unlike Doe (2019), Roe
(2022) say "..."') is not the quote's: the other, the sentence's subject, is; one set apart inside the subject's
clause ('Roe (2022), unlike Doe (2019), says "..."') is never the quote's. (A sentence of Dodge et al. 2022, p. 3.)"""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

_Q = "Major technology companies have also been increasingly committed to reducing their emissions"


@pytest.mark.parametrize("before, cited", [
    ("Unlike Strubell et al. (2019), Dodge et al. (2022) say", "Dodge et al. 2022."),
    ("Costs rose (p. 2). In contrast to Roe (2019), Dodge et al. (2022) write that", "Dodge et al. 2022."),
    ("# Cloud\n\n- Following Roe and Lee (2020), Dodge et al. (2022) note", "Dodge et al. 2022."),
    ("Roe (2020), unlike Dodge et al. (2022), says", "Roe. 2020."),
])
def test_a_work_set_apart_before_a_quote_is_not_its_source(before: str, cited: str | None) -> None:
    note = parse_note(f'{before} "{_Q}" (p. 3).\n')
    assert [(q.attribution, q.page) for q in note.quotes] == ([(cited, "3")] if cited else [])
    assert len(note.unchecked) == (0 if cited else 1)

"""A citation opening the sentence after a quote, its first word a name or a word before the names, is that
sentence's, never the quote's: the quote is the work its own sentence cites, else not checked. (Sentences of
Strubell et al. 2019, page 1, and Dodge et al. 2022, page 3.)"""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

_S = "Energy use of training is substantial and growing quickly"
_D = "Major technology companies have also been increasingly committed to reducing their emissions"


@pytest.mark.parametrize("before, after", [
    ("Strubell et al. (2019) measured training costs.", "Dodge et al. (2022) turned to the cloud:"),
    ("We measured training costs.", "Later, Dodge et al. (2022) turned to the cloud, noting that"),
    ("Training costs grow.", "Dodge and Prewitt (2022) turned to the cloud:"),
])
def test_a_citation_opening_the_next_sentence_is_not_the_quotes(before: str, after: str) -> None:
    note = parse_note(f'{before} "{_S}" (p. 1). {after} "{_D}" (p. 3).\n')
    assert [(q.quote, q.page) for q in note.quotes] == [(_D, "3")]
    assert note.quotes[0].attribution.startswith("Dodge") and [u[1] for u in note.unchecked] == [_S]


@pytest.mark.parametrize("lead", [
    "Both Strubell et al. (2019) and Dodge et al. (2022) discuss it:",
    "Strubell et al. (2019) as well as Dodge et al. (2022) note that",
    "@strubell2019 and @dodge2022 note that",
])
def test_works_named_together_saying_a_quote_are_each_its_work(lead: str) -> None:
    # (each work asked, the first at the page after it, as '"..." (Strubell et al., 2019; Dodge et al., 2022)' is;
    # the next sentence's subject is that sentence's alone)
    note = parse_note(f'{lead} "{_D}" (p. 3). Strubell et al. (2019), by contrast, write that "{_S}" (p. 1).\n')
    named = [(q.quote, q.attribution or q.citekey, [a.attribution or a.citekey for a in q.also]) for q in note.quotes]
    first, other = ("strubell2019", "dodge2022") if lead.startswith("@") else ("Strubell et al. 2019.",
                                                                              "Dodge et al. 2022.")
    assert named == [(_D, first, [other]), (_S, "Strubell et al. 2019.", [])]
    assert note.unchecked == []


@pytest.mark.parametrize("subject", ["[@dodge2022] turned to the cloud", "[3] also measured the cloud",
                                     "[@dodge2022; @roe2020] looked further"])
def test_a_bracketed_citation_opening_the_next_sentence_is_its_subject(subject: str) -> None:
    note = parse_note(f'We measured costs. "{_S}" (p. 1). {subject}.\n\n"{_S}" [@strubell2019, p. 1].\n\n'
                      "[3] J. Dodge et al., \"Measuring the carbon intensity of AI in cloud instances,\" FAccT, 2022.\n")
    assert [(q.quote, q.citekey, q.page) for q in note.quotes] == [(_S, "strubell2019", "1")]
    assert [u[1] for u in note.unchecked] == [_S]

"""Names and a year after a quote are its citation only where the words between tie them to it: a verb of saying
('"...," says Doe (2022)', '"...," Doe et al. (2022) write'), 'according to', 'in the words of', 'as ... put it';
never where the sentence goes on to another work ('"...," but Roe et al. (2019) disagree', 'unlike Roe (2019)',
'"..."; Roe (2019) measured'): then the quote is not checked, never checked in that other work."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

_D = "Data centers have a number of electricity uses that are important, but will not be covered by our tool"


@pytest.mark.parametrize("body", [
    f"“{_D},” says Dodge (2022).", f"“{_D},” write Dodge et al. (2022).", f"“{_D},” Dodge et al. (2022) write.",
    f"“{_D},” according to Dodge et al. (2022).", f"“{_D},” as Dodge et al. (2022) put it.",
    f"“{_D}” is how Dodge et al. (2022) put it.", f"“{_D},” in the words of Dodge et al. (2022).",
    f"“{_D}” (p. 6), as Dodge et al. (2022) note.", f"“{_D},” says @dodge2022.",
])
def test_names_after_a_quote_tied_to_it_cite_it(body: str) -> None:
    note = parse_note(f"# Note\n\n{body}\n")
    assert len(note.quotes) == 1 and not note.unchecked
    q = note.quotes[0]
    assert q.citekey == "dodge2022" or (q.attribution or "").startswith("Dodge")


@pytest.mark.parametrize("body", [
    f"“{_D},” but Strubell et al. (2019) disagree.", f"“{_D},” whereas Strubell et al. (2019) found the opposite.",
    f"“{_D}”; Strubell et al. (2019) measured something else.", f"“{_D},” unlike Strubell et al. (2019).",
    f"“{_D},” building on Strubell et al. (2019).", f"“{_D}.” Strubell et al. (2019) later measured training.",
    f"“{_D},” in contrast to Strubell et al. (2019).", f"“{_D},” but @strubell2019 disagrees.",
])
def test_names_after_a_quote_the_sentence_goes_on_to_are_not_its_citation(body: str) -> None:
    note = parse_note(f"# Note\n\n{body}\n")
    assert note.quotes == [] and len(note.unchecked) == 1


@pytest.mark.parametrize("body", [
    f"“{_D},” a point also made by Dodge et al. (2022).", f"“{_D},” as noted by Dodge et al. (2022).",
    f"“{_D},” as the authors of Dodge et al. (2022) put it.", f"“{_D},” as reported in Dodge et al. (2022).",
])
def test_neutral_words_between_keep_the_tie(body: str) -> None:
    note = parse_note(f"# Note\n\n{body}\n")
    assert [(q.attribution or "").split()[0] for q in note.quotes] == ["Dodge"] and not note.unchecked

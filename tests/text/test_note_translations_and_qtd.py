"""A quote the note marks as its writer's translation is not checked, kb saying why (it was said not found, or
checked as the paper's words); MLA's indirect source naming the work quoted before 'qtd. in' cites the work read
('"..." (Roe, qtd. in Dodge et al. 4)': was a passage citing nothing, now Dodge et al. at p. 4)."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

GERMAN = "Die Forschung ist teuer und schwer zu wiederholen, sagen die Autoren."
QUOTE = "Limiting this style of research to industry labs hurts the NLP research community in many ways."


@pytest.mark.parametrize("text", [
    f'"{GERMAN}" (Strubell et al., 2019, p. 5) [my translation].',
    f'"{GERMAN}" (Strubell et al., 2019, p. 5; trans. mine).',
    f'Strubell et al. (2019) warn that "{GERMAN}" (p. 5, translated by the author).',
    f'„{GERMAN}“ [@strubell2019, p. 5; eigene Übersetzung].',
    f'They warn "{GERMAN}"[^1]\n\n[^1]: Strubell et al., "Energy and Policy Considerations," 5. My translation.',
])
def test_a_translated_quote_is_not_checked_and_kb_says_why(text):
    note = parse_note(f"They compare. \"{QUOTE}\" (Strubell et al., 2019, p. 5). {text}\n")
    assert [q.quote for q in note.quotes] == [QUOTE]
    assert [u[1] for u in note.unchecked] == [GERMAN] and "translation" in note.unchecked_why[GERMAN]


@pytest.mark.parametrize("cite, who", [
    ("(Roe, qtd. in Dodge et al. 4)", "Dodge et al."),
    ("(Roe and Poe, as cited in Dodge et al. 4)", "Dodge et al."),
    ("(Roe et al., quoted in Dodge and Strubell 4)", "Dodge and Strubell."),
])
def test_mla_indirect_source_naming_the_work_quoted(cite, who):
    [q] = parse_note(f'"{QUOTE}" {cite}.\n').quotes
    assert (q.attribution, q.page) == (who, "4"), q


@pytest.mark.parametrize("remark", ["translated by the author", "trans. mine", "author's translation"])
def test_a_citation_closing_with_its_translation_remark_is_read_and_not_checked(remark):
    """(the citation went unread, the quote lost: listed neither checked nor not checked)"""
    short = "Wir berechnen dann den Stromverbrauch in Kilowattstunden"
    note = parse_note(f'"{short}" (Strubell et al., 2019, p. 2, {remark}).\n')
    assert not note.quotes and note.unchecked == [(1, short)] and remark in note.unchecked_why[short]

"""A footnote that is a work's reference, its title in italics ('*Title*', '_Title_'), quoting the work after its page
and a colon (or its page after the quote): its quote is the work's at that page, as with a title in quote marks."""

import pytest

from kb.text.notes import parse_note

QUOTE = "Carbon accounting and reporting is becoming increasingly common in ML."
TITLE = "Measuring the Carbon Intensity of AI in Cloud Instances"


@pytest.mark.parametrize("footnote", [
    f'Dodge et al., *{TITLE}* (2022), 4: "{QUOTE}"',
    f"Dodge et al., _{TITLE}_ (2022), p. 4: “{QUOTE}”",
    f'Dodge et al., *{TITLE}* (2022): "{QUOTE}" (p. 4).',
])
def test_italic_title_then_quote_at_its_page(footnote):
    note = parse_note(f"# Note\n\nSee below.[^3]\n\n[^3]: {footnote}\n")
    assert [(q.quote.rstrip("."), q.source_text, q.page) for q in note.quotes] == [(QUOTE.rstrip("."), "[^3]", "4")]
    [ref] = note.references
    assert note.reference_for(note.quotes[0]) is ref and TITLE in ref.titles

"""Running text's author-date citation of a work by its title, its page and a colon before the quote of it
('Dodge et al. (2022), "Measuring ...," 4: "..."'): the title is a title, the quote the work's at that page."""

import pytest

from kb.text.notes import parse_note

QUOTE = "Carbon accounting and reporting is becoming increasingly common in ML."
TITLE = "Measuring the Carbon Intensity of AI in Cloud Instances"


@pytest.mark.parametrize("lead", [
    f'Dodge et al. (2022), "{TITLE}," 4: "{QUOTE}"',
    f"As Dodge et al. (2022), “{TITLE},” p. 4: “{QUOTE}”",
    f'Dodge et al. 2022, "{TITLE}," 4: "{QUOTE}"',
    f'Dodge, Prewitt, and Strubell (2022). "{TITLE}." 4: "{QUOTE}"',
])
def test_title_then_page_and_colon_cites_the_quote(lead):
    note = parse_note(f"# Note\n\n{lead}\n")
    assert [(q.quote, q.page) for q in note.quotes] == [(QUOTE, "4")]
    assert "2022" in note.quotes[0].attribution and TITLE in note.quotes[0].attribution
    assert note.unchecked == []



@pytest.mark.parametrize("footnote", [
    f'Dodge et al. (2022), "{TITLE}," 4: "{QUOTE}"',
    f"Dodge et al. (2022), “{TITLE},” p. 4: “{QUOTE}”",
])
def test_a_footnote_quoting_its_work_after_chicagos_comma(footnote):
    note = parse_note(f"# Note\n\nSee below.[^1]\n\n[^1]: {footnote}\n")
    assert [(q.quote, q.source_text, q.page) for q in note.quotes] == [(QUOTE, "[^1]", "4")]

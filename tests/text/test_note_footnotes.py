"""A note's footnotes and endnotes as a reader reads them: the page an HTML footnote or an endnote in a
note's form ends on is the quote's page, as a Markdown footnote's is, never a numbered reference's page
range; a footnote that is a remark citing nothing ("My translation.") makes no citation. (Sentences of
Dodge et al. 2022, page 3, cited as Chicago's notes cite them.)"""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

_Q = "Major technology companies have also been increasingly committed to reducing their emissions"
_FULL = 'Jesse Dodge et al., "Measuring the Carbon Intensity of AI in Cloud Instances," *FAccT* (2022)'
_SHORT = 'Dodge et al., "Measuring the Carbon Intensity of AI in Cloud Instances,"'


@pytest.mark.parametrize("note, pages", [
    # pandoc's HTML footnotes, and Word's, each with its link back
    (f'<p>"{_Q}"<sup><a href="#fn1" id="fnref1">1</a></sup> and "{_Q}"<sup><a href="#fn2">2</a></sup></p>\n'
     f'<section class="footnotes"><ol>\n<li id="fn1"><p>{_FULL}, 3. <a href="#fnref1">↩︎</a></p></li>\n'
     f'<li id="fn2"><p>{_SHORT} 9. <a href="#fnref2">↩︎</a></p></li>\n</ol></section>\n', ["3", "9"]),
    (f'<p>"{_Q}"<a href="#_ftn1" name="_ftnref1">[1]</a></p>\n<div id="_ftn1"><p>{_SHORT} 9.</p></div>\n',
     ["9"]),
    # endnotes, a numbered list of notes: the full note's page after its facts, the short form's
    (f'"{_Q}".<sup>1</sup>\n\n"{_Q}".<sup>2</sup>\n\n## Notes\n\n1. {_FULL}, 3.\n2. {_SHORT} 9.\n',
     ["3", "9"]),
    # ... a numbered reference list's page range is no locator
    (f'"{_Q}" [1].\n\n"{_Q}" [2].\n\n1. Dodge J, Prewitt T. Measuring the carbon intensity of AI in cloud '
     f'instances. FAccT. 2022, 1877–94.\n2. {_SHORT} 9.\n', [None, "9"]),
    (f'"{_Q}"¹\n\n1. Dodge, J.; Prewitt, T. Measuring the Carbon Intensity of AI in Cloud Instances. '
     f'J. Am. Chem. Soc. 2022, 142 (3), 45–67.\n', [None]),
])
def test_an_html_footnotes_or_an_endnotes_page_is_the_quotes(note: str, pages: list) -> None:
    assert [q.page for q in parse_note(note).quotes] == pages


def test_a_footnote_that_is_a_remark_is_no_citation() -> None:
    note = parse_note(f'"{_Q}"[^1] and "Wir analysieren vier Modelle."[^2] and "{_Q}"[^3] and "{_Q}"[^5]\n\n'
                      f'<p>"Wir analysieren vier Modelle"<sup><a href="#fn4">4</a></sup></p>\n\n'
                      f"[^1]: {_SHORT} 3.\n[^2]: My translation.\n[^3]: Jane Doe, *Nothing Here* (2020), 4.\n"
                      "[^5]: Dodge et al.\n\n"
                      '<ol><li id="fn4"><p>Translation mine. <a href="#fnref4">↩</a></p></li></ol>\n')
    # (a note naming a work kb does not hold is still a citation, said as no source; so is one naming authors)
    assert [(q.source_text, q.page) for q in note.quotes] == [("[^1]", "3"), ("[^3]", "4"), ("[^5]", None)]
    assert [quote for _line, quote in note.unchecked] == ["Wir analysieren vier Modelle.", "Wir analysieren vier Modelle"]


_BACK = '<a href="#fnref1" class="footnote-back">↩︎</a>'


@pytest.mark.parametrize("note", [
    # a whole HTML document, as pandoc's standalone export writes one: each note a list item's paragraph
    (f'<!DOCTYPE html>\n<html><body>\n<p>"{_Q}"<sup><a href="#fn1" id="fnref1">1</a></sup></p>\n'
     f'<section class="footnotes"><ol>\n<li id="fn1"><p>{_FULL}, 3. {_BACK}</p></li>\n</ol></section>\n</body></html>\n'),
    # an anchor with its note after it on its line, and the link back to the mark
    f'"{_Q}"<sup><a href="#fn1" id="fnref1">1</a></sup>\n\n1. <a id="fn1"></a>{_FULL}, 3. {_BACK}\n',
])
def test_a_notes_link_back_to_its_mark_leaves_it_the_quotes_note(note: str) -> None:
    parsed = parse_note(note)
    assert [(q.source_link, q.page) for q in parsed.quotes] == [("#fn1", "3")]
    assert [r.anchor for r in parsed.references] == ["fn1"]


_LIST = "\n\n## References\n\n- Dodge, J., Prewitt, T., et al. (2022). Measuring the carbon intensity of AI in cloud instances.\n"


@pytest.mark.parametrize("footnote, cited", [
    # a footnote of prose that quotes with its own citation is no reference: its quote is a quote of that work
    (f'As they put it, "{_Q}" (Dodge et al. 2022, p. 3).', ("Dodge et al. 2022.", None, "3")),
    (f'Compare the stronger claim: “{_Q}” [@dodge2022, p. 3].', (None, "dodge2022", "3")),
    (f'The authors concede that "{_Q}," (Dodge et al., p. 3) which matters here.', ("Dodge et al.", None, "3")),
    # ... or its citation before it, in the clause saying it
    (f'Dodge et al. (2022, p. 3) write that "{_Q}".', ("Dodge et al. 2022.", None, "3")),
    (f'@dodge2022 [p. 3] argues that “{_Q}”.', (None, "dodge2022", "3")),
])
def test_a_footnote_of_prose_quoting_with_its_own_citation(footnote: str, cited: tuple) -> None:
    note = parse_note(f"Dodge et al. (2022) measured it.[^1]\n\n[^1]: {footnote}{_LIST}")
    assert [(q.quote, q.attribution, q.citekey, q.page) for q in note.quotes] == [(_Q,) + cited]
    assert [r.number for r in note.references] == ["1"]


@pytest.mark.parametrize("entry", [
    # a title in quote marks on a later line of a reference is its title, never a quote
    '[^1]: Strubell, E., Ganesh, A., and McCallum, A. 2019.\n    "Energy and Policy Considerations for Deep '
    'Learning in NLP." ACL.',
    '[^1]: Jesse Dodge et al.,\n    “Measuring the Carbon Intensity of AI in Cloud Instances,”\n    *FAccT* (2022), 3.',
    '## References\n\n- Strubell, E., Ganesh, A., and McCallum, A. 2019.\n  "Energy and Policy Considerations for Deep '
    'Learning in NLP." ACL.',
])
def test_a_quoted_title_on_a_references_later_line_is_no_quote(entry: str) -> None:
    note = parse_note(f"A claim.[^1]\n\n{entry}\n")
    assert (note.quotes, note.unchecked) == ([], [])
    assert len(note.references) == 1


@pytest.mark.parametrize("footnote", [
    # a footnote citing by key holds no title: a quote in it is a quote of that work, at its page
    f'See [@dodge2022, p. 3]: "{_Q}".',
    f'As argued in [@dodge2022, p. 3], “{_Q}”.',
    f'See @dodge2022, p. 3: "{_Q}".',
])
def test_a_quote_in_a_footnote_citing_a_key_is_a_quote_of_that_work(footnote: str) -> None:
    note = parse_note(f"They measured it.[^1]\n\n[^1]: {footnote}\n")
    assert [(q.quote, q.citekey, q.page) for q in note.quotes] == [(_Q, "dodge2022", "3")]
    assert [r.number for r in note.references] == ["^1"]

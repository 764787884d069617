"""An HTML note's list of references under an HTML heading ('<h2>References</h2>', '<h3 id="refs">Bibliography</h3>')
numbers its '<ol><li>' entries by their position, as under a Markdown heading; the next heading ends it."""

import pytest

from kb.text.notes import parse_note

QUOTE = "Data centers have a number of electricity uses that are important, but will not be covered by our tool."


@pytest.mark.parametrize("heading", ["<h2>References</h2>", '<h3 id="refs">Bibliography:</h3>'])
@pytest.mark.parametrize("mark", ["<sup>2</sup>", " [2]"])
def test_html_heading_numbers_its_list(heading, mark):
    note = parse_note(f"<h1>Notes</h1>\n<p>“{QUOTE}”{mark}</p>\n{heading}\n<ol>\n"
                      "<li>Strubell E, Ganesh A. Energy and policy considerations for deep learning in NLP. ACL. 2019.</li>\n"
                      "<li>Dodge J, Prewitt T. Measuring the carbon intensity of AI in cloud instances. FAccT. 2022.</li>\n"
                      "</ol>\n<h2>Further reading</h2>\n<ol>\n<li>Roe K. A list of other things. Foo. 2020.</li>\n</ol>\n")
    [q] = note.quotes
    assert note.reference_for(q).title.startswith("Measuring the carbon intensity")
    assert not any(r.title.startswith("A list of other") and r.number for r in note.references)


@pytest.mark.parametrize("entries", [
    "<p>1. Strubell E. Energy and policy considerations for deep learning in NLP. 2019.</p>\n"
    "<p>2. Dodge J. Measuring the carbon intensity of AI in cloud instances. 2022.</p>",
    '<p>[1] E. Strubell, "Energy and policy considerations for deep learning in NLP," 2019.</p>\n'
    '<p class="ref">[2] J. Dodge, "Measuring the carbon intensity of AI in cloud instances," 2022.</p>',
])
def test_html_paragraphs_are_entries(entries):
    note = parse_note(f"<p>“{QUOTE}”<sup>2</sup></p>\n<h2>References</h2>\n{entries}\n")
    [q] = note.quotes
    assert note.reference_for(q).title.startswith("Measuring the carbon intensity")

"""Hypothesis highlights as its Obsidian plugin writes them: quotes of the work the export names."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

_A = "Array programming provides a powerful, compact and expressive syntax for accessing data"
_B = "NumPy is the primary array programming library for the Python language"
_A_WRAPPED = _A.replace(", c", ",\nc", 1)     # a highlight over two lines
_HYP = "https://hyp.is/Zz9-x_1/www.nature.com/articles/s41586-020-2649-2"
_URL = "https://www.nature.com/articles/s41586-020-2649-2"

_DEFAULT = f"""---
doc_type: hypothesis-highlights
url: '{_URL}'
---

# Array programming with NumPy
## Metadata
- Author: [nature.com](https://nature.com)
- Title: Array programming with NumPy
- Reference: {_URL}
- Category: #article

## Page Notes
My own notes on what the article says about the library, not its words.

## Highlights
- {_A_WRAPPED} — [Updated on 2022-01-02T10:00:00.000Z]({_HYP})
- Group: #reading-group
    - Tags: #arrays
    - Annotation:
      compare this with how other array libraries describe it
- {_B} — [Updated on 2022-01-02T10:01:00.000Z]({_HYP.replace("Zz9", "Yy8")})
"""


@pytest.mark.parametrize("text, cited", [
    # the plugin's own template: a list of highlights, each with its link, of the page its front matter names
    (_DEFAULT, [(_A, None, _URL), (_B, None, _URL)]),
    # no front matter: the page each highlight's link was made on
    (f"## Highlights\n- {_B} — [Updated on 2022-01-02]({_HYP})\n", [(_B, None, _URL)]),
    # a writer's template of blockquotes and a link line, in a literature note naming its key
    (f"---\ncitekey: harris2020array\n---\n## Highlights\n\n> {_A}\n> [Link]({_HYP})\n\nAnnotation: mine\n\n"
     f"> {_B}\n\n[Updated on 2022-01-02]({_HYP})\n", [(_A, "harris2020array", None), (_B, "harris2020array", None)]),
    (f"> {_B}\n> — [in context]({_HYP})\n", [(_B, None, _URL)]),
])
def test_a_hypothesis_exports_highlights_are_quotes_of_the_work_it_names(text: str, cited: list) -> None:
    note = parse_note(text)
    assert [(q.quote, q.citekey, q.source_link) for q in note.quotes] == cited
    assert note.unchecked == []


def _text_export(url_line: str, comment: str = "The main claim.") -> str:
    """Hypothesis' own plain-text export of a page's annotations, as its client writes it."""
    return (f"4/12/2024, 10:00:00 AM\nArray programming with NumPy\n{url_line}\nGroup: __world__\nTotal users: 1\n"
            f"Users: jdoe\nTotal annotations: 2\nTotal replies: 0\n\nAnnotation 1:\n4/12/2024, 9:00:00 AM\n"
            f'Comment: {comment}\njdoe\nQuote: "{_A}"\nTags: numpy, arrays\nPage: 3\n\n'
            f'Annotation 2:\n4/12/2024, 9:05:00 AM\nComment: \njdoe\nQuote: "{_B.replace(" library", chr(10) + "library")}"\n')


@pytest.mark.parametrize("text", [
    _text_export(_URL),
    _text_export(f"URL: {_URL}"),
    # a comment's own link is not the page the quotes are of
    _text_export(_URL, comment="compare\nhttps://example.org/other-array-library"),
])
def test_hypothesis_plain_text_exports_quotes_are_of_the_page_it_names(text: str) -> None:
    note = parse_note(text)
    assert [(q.quote, q.source_link, q.page) for q in note.quotes] == [(_A, _URL, "3"), (_B, _URL, None)]
    assert note.unchecked == []

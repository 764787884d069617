"""An HTML blockquote signed by a <cite> opening a line or a paragraph after its text ('<blockquote><p>...</p>
<cite>Doe 2020, p. 3</cite></blockquote>', '<p>— <cite>Doe 2020</cite>, p. 3</p>') cites its quote, as a <footer> does."""

import pytest

from kb.text.notes import parse_note

QUOTE = "Second, we do not observe a consistent trend by which carbon emissions have systematically increased."


@pytest.mark.parametrize("html", [
    f"<blockquote>\n<p>{QUOTE}</p>\n<cite>Luccioni et al. 2023, p. 8</cite>\n</blockquote>\n",
    f"<blockquote>\n<p>{QUOTE}</p>\n<p>— <cite>Luccioni et al. 2023</cite>, p. 8</p>\n</blockquote>\n",
    f"<blockquote><p>{QUOTE}</p><cite>Luccioni et al. 2023, p. 8</cite></blockquote>\n",
])
def test_cite_line_signs_the_blockquote(html):
    note = parse_note(html)
    assert [(q.quote, q.attribution, q.page) for q in note.quotes] == [(QUOTE, "Luccioni et al. 2023.", "8")]
    assert note.unchecked == []

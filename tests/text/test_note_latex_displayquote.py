"""csquotes' displayquote environment is a quote, as the quote environment is, its optional citation before it
('\\begin{displayquote}[\\cite[5]{k}][.] ... \\end{displayquote}': was read by nothing, now k at p. 5)."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

R = "Recent advances in available compute come at a high price not attainable to all who desire access."


@pytest.mark.parametrize("begin, end, key, page", [
    ("\\begin{displayquote}[{\\cite[p.~5]{strubell2019}}]\n", "\n\\end{displayquote}", "strubell2019", "5"),
    ("\\begin{displayquote}[\\cite[5]{strubell2019}][.]\n", "\n\\end{displayquote}", "strubell2019", "5"),
    ("  \\begin{displayquote}\n  ", " \\parencite[6]{strubell2019}\n  \\end{displayquote}", "strubell2019", "6"),
])
def test_a_displayquote_and_its_citation(begin, end, key, page):
    note = parse_note(f"Text.\n\n{begin}{R}{end}\n\nMore.\n")
    assert [(q.quote, q.citekey, q.page) for q in note.quotes] == [(R, key, page)], note

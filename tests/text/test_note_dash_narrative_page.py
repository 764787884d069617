"""A dash's narrative citation after a quote, its page after the year's brackets, on the next line or an HTML
blockquote's signature ('— Doe et al. (2022), p. 4'), cites the quote at that page, as on the quote's own line."""

import pytest

from kb.text.notes import parse_note

QUOTE = "Second, we do not observe a consistent trend by which carbon emissions have systematically increased."


@pytest.mark.parametrize("note, page", [
    (f"“{QUOTE}”\n  — Luccioni et al. (2023), p. 8\n", "8"),
    (f"“{QUOTE}”\n— Luccioni et al. (2023), pp. 8–9.\n", "8–9"),
    (f"<blockquote>\n<p>{QUOTE}</p>\n<footer>— Luccioni et al. (2023), p. 8</footer>\n</blockquote>\n", "8"),
])
def test_page_after_the_years_brackets(note, page):
    [q] = parse_note(f"# N\n\n{note}").quotes
    assert (q.quote, q.attribution, q.page) == (QUOTE, "Luccioni et al. 2023.", page)

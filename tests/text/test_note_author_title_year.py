"""MLA's author and short title with a four-digit year after it, no page: '(Doe et al., "Short Title," 2024)' gives
the work's year, never page 2024; a page of fewer digits is a page still."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

Q = "every word of this sentence is quoted from the paper"


@pytest.mark.parametrize("after, attribution, page", [
    ("(Luccioni et al., “Power Hungry Processing,” 2024).", "Luccioni et al. “Power Hungry Processing”. 2024.", None),
    ("(Luccioni et al., *Power Hungry Processing* 2024).", "Luccioni et al. “Power Hungry Processing”. 2024.", None),
    ('(Doe and Roe, "Short Title" 1999)', "Doe and Roe. “Short Title”. 1999.", None),
    ('(Strubell et al., "Energy and Policy," 2019)', "Strubell et al. “Energy and Policy”. 2019.", None),
    ("(Luccioni et al., “Power Hungry Processing,” 24).", "Luccioni et al. “Power Hungry Processing”.", "24"),
    ("(Doe et al., *Short Title* 8)", "Doe et al. “Short Title”.", "8"),
    ("(Doe et al., *Short Title* 3000)", "Doe et al. “Short Title”.", "3000"),
])
def test_a_year_after_a_short_title_is_no_page(after, attribution, page) -> None:
    [q] = parse_note(f"# N\n\nThey write “{Q}” {after}\n").quotes
    assert (q.attribution, q.page) == (attribution, page)

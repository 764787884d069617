"""A blockquote signed 'Ibid.' at a page of its own repeats the work of the blockquote before at that page, and its
attribution says the page checked, never the page of the quote before ('> — Ibid., 6' after '> — Strubell et al.
(2019), p. 5': was shown as 'Strubell et al. (2019), p. 5' while p. 6 was checked)."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

A = "Limiting this style of research to industry labs hurts the NLP research community in many ways."
B = "Recent advances in available compute come at a high price not attainable to all who desire access."


@pytest.mark.parametrize("first, ibid, shown, page", [
    ("> — Strubell et al. (2019), p. 5", "> — Ibid., 6", "Strubell et al. (2019), p. 6", "6"),
    ("> — Strubell et al. (2019, p. 5)", "> -- ibid., p. 7", "Strubell et al. (2019, p. 7)", "7"),
    ("> — Strubell et al. 2019: 5", "> — Ibid., pp. 6–7", "Strubell et al. 2019: 6–7", "6–7"),
])
def test_an_ibid_blocks_attribution_says_the_page_checked(first, ibid, shown, page):
    note = parse_note(f"> {A}\n>\n{first}\n\nA remark of mine.\n\n> {B}\n>\n{ibid}\n")
    [a, b] = note.quotes
    assert (b.quote, b.attribution, b.page) == (B, shown, page.replace(" ", "")), b
    assert a.attribution == first[4:], a

"""Citations by authors' names a note writes as writers do: a footnote quoting by the names alone, an attribution
after a block quote with its page in the year's brackets or with no dash, and a narrative citation after a
phrase its comma sets off. (Sentences of Dodge et al. 2022, page 3.)"""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

_Q = "Major technology companies have also been increasingly committed to reducing their emissions"
_LIST = "\n\n## References\n\n- Dodge, J., Prewitt, T., et al. (2022). Measuring the carbon intensity of AI in cloud instances.\n"


@pytest.mark.parametrize("attribution, page, inside", [
    ("— Dodge et al. (2022: 3)", "3", True),
    ("— *Dodge et al. (2022:3)*", "3", False),
    ("(Dodge et al. 2022: 3)", "3", False),         # (inside the quote, its closing brackets, as before)
    ("(Dodge et al., 2022, p. 3)", "3", False),
    ("Dodge et al. (2022, pp. 3–4)", "3–4", True),
    ("Dodge et al. (2022, pp. 3–4)", "3–4", False),
    ("Dodge et al. (2022), p. 3", "3", False),
    ("Dodge et al. (2022)", None, True),
])
def test_an_attribution_after_a_block_quote_gives_its_page(attribution: str, page: str | None, inside: bool) -> None:
    note = parse_note(f"> {_Q}\n" + (f">\n> {attribution}\n" if inside else f"\n{attribution}\n"))
    assert [(q.quote, q.page) for q in note.quotes] == [(_Q, page)]
    assert "2022" in (q := note.quotes[0]).attribution and q.attribution.lstrip("(*— ").startswith("Dodge")

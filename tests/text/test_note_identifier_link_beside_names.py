"""A link to a work's identifier (arXiv, DOI) right beside the names and year citing it is that work's link, never a
second work named with it; and a link citing a quote before it takes the page in brackets after the quote. (A
sentence of Dodge et al. 2022, page 3.)"""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

_Q = ("Our tool builds upon this work by making carbon tracking on cloud instances possible, enabling a larger portion "
      "of ML model training work to profit from fine-grained carbon estimation.")
_ARXIV = "https://arxiv.org/abs/2206.05229"


@pytest.mark.parametrize("body, link", [
    (f'Dodge et al. (2022) [arXiv:2206.05229]({_ARXIV}) write: "{_Q}" (p. 3)', _ARXIV),
    (f'Dodge et al. (2022) [doi](https://doi.org/10.1145/3531146.3533234) write that "{_Q}" (p. 3)',
     "https://doi.org/10.1145/3531146.3533234"),
    (f'[Dodge et al.]({_ARXIV}) write: "{_Q}" (p. 3)', _ARXIV),
])
def test_an_identifier_link_beside_the_names_cites_the_quote_at_its_page(body: str, link: str) -> None:
    note = parse_note(body)
    assert [(q.source_link, q.page) for q in note.quotes] == [(link, "3")] and note.unchecked == []


@pytest.mark.parametrize("body, named", [
    (f'As [Strubell et al.]({_ARXIV}) put it, "{_Q}"', "Strubell et al."),
    (f'Strubell et al. (2019) [arXiv:2206.05229]({_ARXIV}) write: "{_Q}" (p. 3)', "Strubell et al. 2019"),
    (f'"{_Q}" (Strubell et al., 2019, p. 3, {_ARXIV})', "Strubell et al. 2019"),
    (f'In [Power Hungry Processing]({_ARXIV}), they write: "{_Q}"', None),
])
def test_the_names_written_with_an_identifier_link_are_kept(body: str, named: str | None) -> None:
    assert [q.named for q in parse_note(body).quotes] == [named]

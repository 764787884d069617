"""Held-out round 18 of notes: 'op. cit.' with no author names no work."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

Q = "every word of this sentence is quoted from the paper"
FIRST = '[^1]: Jesse Dodge et al., "Measuring the Carbon Intensity of AI in Cloud Instances" (2022), 2.\n'


@pytest.mark.parametrize("footnote, page", [
    ("Op. cit., 9.", "9"), ("*Op. cit.*, 4.", "4"), ("<i>op. cit.</i>, p. 4.", "4"), ("Loc. cit., 3.", "3"),
])
def test_op_cit_with_no_author_is_not_the_footnote_before(footnote, page) -> None:
    from kb.text.notes import names_no_author

    note = parse_note(f'"{Q}"[^1] "{Q} too"[^2]\n\n{FIRST}[^2]: {footnote}\n')
    ref = note.reference_for(note.quotes[1])
    assert ref is not None and not ref.title and names_no_author(ref.text)
    assert note.quotes[1].page == page


@pytest.mark.parametrize("footnote", ["Dodge, op. cit., 9.", "Ibid., 9.", "Dodge et al., loc. cit., 9."])
def test_op_cit_after_a_name_or_ibid_is_still_that_work(footnote) -> None:
    note = parse_note(f'"{Q}"[^1] "{Q} too"[^2]\n\n{FIRST}[^2]: {footnote}\n')
    ref = note.reference_for(note.quotes[1])
    assert ref.title == "Measuring the Carbon Intensity of AI in Cloud Instances"


@pytest.mark.parametrize("body, link, named, page", [
    (f'"{Q}" Strubell et al. [arxiv.org/abs/1906.02243].', "https://arxiv.org/abs/1906.02243", "Strubell et al.", None),
    (f'As Doe and Roe [doi.org/10.18653/v1/P19-1355] write, "{Q}."', "https://doi.org/10.18653/v1/P19-1355",
     "Doe and Roe", None),
    (f'"{Q}" [www.arxiv.org/abs/2104.10350v2, p. 4].', "https://www.arxiv.org/abs/2104.10350v2", None, "4"),
])
def test_a_bracketed_identifier_link_without_its_scheme_cites_the_quote_with_its_names(body, link, named, page):
    [q] = parse_note(f"# N\n\n{body}\n").quotes
    assert (q.source_link, q.named, q.page) == (link, named, page)


def test_a_bracketed_address_of_another_site_without_its_scheme_is_no_citation():
    note = parse_note(f'# N\n\n"{Q}" [example.org/abs/2104.10350].\n')
    assert not note.quotes

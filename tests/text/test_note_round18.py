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


@pytest.mark.parametrize("cite, key, who", [
    ("(Dodge et al., 2022, p. 5)", None, "Dodge et al. 2022."),
    ("— Dodge et al. (2022), p. 5", None, "Dodge et al. 2022."),
    ("[@dodge2022, p. 5]", "dodge2022", None),
    ("[cite:@dodge2022 p. 5]", "dodge2022", None),
])
@pytest.mark.parametrize("item", ["- A point\n  #+BEGIN_QUOTE\n  {q}\n  #+END_QUOTE\n\n  {c}\n",
                                  "- #+BEGIN_QUOTE\n\t{q}\n\t#+END_QUOTE\n\n\t{c}\n"])
def test_an_org_quote_block_in_a_list_item_is_cited_by_the_item_s_next_paragraph(item, cite, key, who):
    [q] = parse_note("# N\n\n" + item.format(q=Q, c=cite)).quotes
    assert (q.citekey, q.attribution, q.page) == (key, who, "5")


@pytest.mark.parametrize("after", ["- {c}\n", "{c}\n"])
def test_a_citation_of_the_next_item_or_outside_the_list_is_not_the_block_s(after):
    note = parse_note("# N\n\n- A point\n  #+BEGIN_QUOTE\n  " + Q + "\n  #+END_QUOTE\n\n"
                      + after.format(c="(Dodge et al., 2022, p. 5)"))
    assert not note.quotes


def test_a_key_citing_an_org_block_before_the_next_item_is_the_block_s_never_the_next_item_s_quote():
    note = parse_note(f"- GPUs\n  #+BEGIN_QUOTE\n  {Q}\n  #+END_QUOTE\n\n  [@dodge2022, p. 4]\n- Next\n"
                      f"  #+BEGIN_QUOTE\n  {Q} again\n  #+END_QUOTE\n")
    assert [(q.citekey, q.page) for q in note.quotes] == [("dodge2022", "4")]
    assert len(note.unchecked) == 1

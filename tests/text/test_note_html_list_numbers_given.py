"""An HTML note's <ol> of references numbers its entries by their position only where the list says no other
number: '<ol start="3">' counts from 3, '<li value="5">' is 5, and an entry whose id gives a number other than its
position ('<li id="ref-3">' first) is numbered by neither, so a bare '[1]' never cites the list's first entry."""

import pytest

from kb.text.notes import parse_note

QUOTE = "Alas, there will be no way to verify the claims in papers of preliminary training development."
FIRST = "Strubell, E. et al. Energy and policy considerations for deep learning in NLP. In Proc. ACL (2019)."
SECOND = "Patterson, D. et al. Carbon emissions and large neural network training. Preprint (2021)."


def cited(mark: str, ol: str, li1: str, li2: str):
    note = parse_note(f"<p>“{QUOTE}” {mark}</p>\n<h2>References</h2>\n{ol}\n{li1}{FIRST}</li>\n{li2}{SECOND}</li>\n"
                      "</ol>\n")
    [q] = note.quotes
    ref = note.reference_for(q)
    return ref.title if ref is not None else None


@pytest.mark.parametrize("ol, li1, li2", [
    ('<ol start="3">', "<li>", "<li>"),
    ("<ol>", '<li value="3">', "<li>"),
    ("<ol>", '<li id="ref-3">', '<li id="ref-4">'),
    ("<ol>", '<li id="ref-2">', '<li id="ref-1">'),
])
def test_a_number_the_list_gives_is_never_overridden_by_position(ol, li1, li2):
    assert cited("[1]", ol, li1, li2) is None
    assert not (cited("[2]", ol, li1, li2) or "").startswith("Carbon emissions")


@pytest.mark.parametrize("ol, li1, li2", [
    ('<ol start="3">', "<li>", "<li>"),
    ("<ol>", '<li value="3">', "<li>"),
    ('<ol start="3">', '<li id="ref-3">', '<li id="ref-4">'),
])
def test_the_number_the_list_gives_cites_its_entry(ol, li1, li2):
    assert cited("[4]", ol, li1, li2).startswith("Carbon emissions")

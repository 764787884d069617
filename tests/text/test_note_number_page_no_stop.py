"""A numbered citation's page written with no stop after its 'p' ('[3, p4]', '[3 p4]', '[3, pp4-5]') is the page
cited, checked as '[3, p. 4]' is, never a page label 'p4' kb cannot check."""

import pytest

from kb.text.notes import parse_note

QUOTE = "Alas, there will be no way to verify the claims in papers of preliminary training development."


@pytest.mark.parametrize("cite, page", [("[2, p4]", "4"), ("[2 p4]", "4"), ("[2, pp4-5]", "4-5"), ("[2 pp 4]", "4")])
def test_page_with_no_stop(cite, page):
    note = parse_note(f'"{QUOTE}" {cite}\n\n## References\n\n1. Foo, B. Bar baz qux. 2020.\n'
                      "2. Patterson, D. et al. Carbon emissions and large neural network training. 2021.\n")
    assert [(q.source_text, q.page) for q in note.quotes] == [("[2]", page)]


@pytest.mark.parametrize("cite", [
    '[^1]\n\n[^1]: Patterson et al., "Carbon Emissions and Large Neural Network Training," p4.',
    "<sup>2</sup> (p4)\n\n## References\n\n1. Foo, B. Bar baz qux. 2020.\n"
    "2. Patterson, D. et al. Carbon emissions and large neural network training. 2021.",
])
def test_a_notes_page_with_no_stop(cite):
    [q] = parse_note(f'"{QUOTE}" {cite}\n').quotes
    assert q.page == "4"

"""A blockquote ending with the paper's own citation mark ("... gases [17].", "... chatbot [Adi20].") and cited by a
pandoc citation alone after it, as kb export note --format markdown writes it: the citation after it is the block's,
the mark is quoted (it was read as the block's citation: 'the note has no reference [17]')."""

import pytest

from kb.text.notes import parse_note

QUOTE = "industrialized countries produce the majority of the world’s greenhouse gases"


@pytest.mark.parametrize("mark", [" [17].", " [17]", " [Adi20].", " [3, 4]."])
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_the_pandoc_citation_after_the_block_is_its(mark, gap):
    [q] = parse_note(f"# N\n\n> {QUOTE}{mark}{gap}[@luccioni2023, p. 6]\n\nMore text.\n").quotes
    assert q.citekey == "luccioni2023" and q.page == "6", q
    assert q.quote == QUOTE + mark.rstrip(), q


def test_a_mark_ending_the_block_still_cites_it_with_no_pandoc_citation_after():
    note = f"# N\n\n> {QUOTE} [1].\n\nThey say so.\n\n## References\n\n1. Luccioni, A. et al. Power hungry (2023).\n"
    [q] = parse_note(note).quotes
    assert q.source_text == "[1]" and q.quote == QUOTE, q


def test_a_pandoc_citation_in_a_sentence_after_the_block_is_not_its():
    [q] = parse_note(f"# N\n\n> {QUOTE} [1].\n\nAs [@roe2020, p. 2] says.\n").quotes
    assert q.citekey != "roe2020" and q.quote == QUOTE, q

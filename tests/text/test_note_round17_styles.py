"""Held-out round 17 of notes: a Chicago short form whose title is in single quote marks, British style."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note
from kb.text.refs import PaperIndex, PaperInfo

Q = "every word of this sentence is quoted from the paper"
PAPERS = [
    PaperInfo("strubell2019", title="Energy and Policy Considerations for Deep Learning in NLP", year=2019,
              first_author="Strubell"),
    PaperInfo("dodge2022", title="Measuring the Carbon Intensity of AI in Cloud Instances", year=2022,
              first_author="Dodge"),
]


@pytest.mark.parametrize("short, cited", [
    ("Strubell, Ganesh, and McCallum, 'Energy and Policy,' 3.", "strubell2019"),
    ("Strubell, Ganesh, and McCallum, ‘Energy and Policy,’ 3.", "strubell2019"),
    ("Dodge et al., 'Measuring the Carbon Intensity', 3.", "dodge2022"),
    ("Dodge, ‘Measuring,’ 3.", "dodge2022"),
    ("Strubell, Ganesh, and McCallum, 'Green Computing,' 3.", None),      # no title of hers: no work
    ("Doe, 'Energy and Policy,' 3.", None),                                # another author's
])
def test_a_short_form_titled_in_single_quote_marks_names_its_work(short, cited) -> None:
    note = parse_note(f"They write “{Q}.”[^1]\n\n[^1]: {short}\n")
    ref = note.reference_for(note.quotes[0])
    ex = PaperIndex(PAPERS).explain(ref.entry, titles=ref.titles, loose=True)
    assert (ex.resolution.citekey if ex.resolution else None) == cited
    assert note.quotes[0].page == "3"


@pytest.mark.parametrize("text, quote", [
    # British style's straight single quote marks, an apostrophe inside ("Intel's") or a plural's ("students'")
    (f"The authors' view: '{Q} of Intel's RAPL.' (Dodge et al., 2022, p. 3).", f"{Q} of Intel's RAPL."),
    (f"Doe et al.'s team writes '{Q}, not the students' fault' (Doe 2022: 3).", f"{Q}, not the students' fault"),
    (f"It's said, in the '90s, that '{Q}' [@doe2022, p. 3].", Q),
])
def test_a_quote_in_straight_single_quote_marks_is_read_and_checked_at_its_page(text, quote) -> None:
    note = parse_note(text)
    assert [(q.quote, q.page) for q in note.quotes] == [(quote, "3")]


def test_a_harvard_title_in_straight_single_quote_marks_after_its_year_is_no_quote() -> None:
    note = parse_note(f"> {Q}.\n— Strubell, E. et al. (2019) 'Energy and policy considerations for deep learning "
                      "in NLP', p. 3.\n")
    assert [q.quote for q in note.quotes] == [f"{Q}."]


@pytest.mark.parametrize("cite, page", [
    ("[@dodge2022, pp. 4, 6]", "4,6"),
    ("[@dodge2022, pp. 4 and 9]", "4,9"),
    ("\\autocite[pp.~3-4, 7]{dodge2022}", "3-4,7"),
    ("[@dodge2022, pp. 4-5]", "4-5"),
    ("[3, pp. 4, 6]", "4,6"),
    ("[3, pp. 4 and 9]", "4,9"),
    ("(3, pp. 4, 6)", "4,6"),
    ("[3, p. 4]", "4"),
    ("(Dodge et al., 2022, pp. 4, 6)", "4,6"),
    ("(Dodge 2022: 4-5, 9)", "4-5,9"),
    # a range's double hyphen, as LaTeX and pandoc's Markdown type an en dash
    ("\\autocite[pp.~3--4]{dodge2022}", "3--4"),
    ("[@dodge2022, pp. 3--4]", "3--4"),
    ("[3, pp. 3--4]", "3--4"),
    ("(Dodge et al., 2022, pp. 3--4)", "3--4"),
])
def test_a_locator_of_several_pages_gives_each(cite, page) -> None:
    note = parse_note(f'"{Q}" {cite}.\n\n## References\n\n[3] J. Dodge, "Measuring the carbon intensity," 2022.\n')
    assert [q.page for q in note.quotes] == [page]


def test_a_quote_on_one_of_several_pages_cited_is_at_its_page(kb_root) -> None:
    from kb.ops.quotes import check_page
    from kb.ops.session import open_kb

    kb = open_kb(kb_root)
    try:
        assert check_page(kb, "dodge2022", "4,6", 6, 6) is None
        assert check_page(kb, "dodge2022", "3-4,7", 4, 4) is None
        assert check_page(kb, "dodge2022", "3--4", 4, 4) is None
        assert check_page(kb, "dodge2022", "4,6", 9, 9) == "the note cites pp. 4, 6, but the quote is on page 9"
    finally:
        kb.close()


@pytest.mark.parametrize("ibid", ["*Ibid.*, 4.", "_Ibid._, p. 4.", "<i>ibid.</i>, 4."])
def test_an_ibid_in_italics_is_the_work_before_at_its_page(ibid) -> None:
    note = parse_note(f'"{Q}"[^1] "{Q} too"[^2]\n\n[^1]: Jesse Dodge et al., "Measuring the Carbon Intensity of AI in '
                      f'Cloud Instances" (2022), 2.\n[^2]: {ibid}\n')
    refs = [note.reference_for(q) for q in note.quotes]
    assert [(r.title if r else None, q.page) for r, q in zip(refs, note.quotes)] == [
        ("Measuring the Carbon Intensity of AI in Cloud Instances", "2"),
        ("Measuring the Carbon Intensity of AI in Cloud Instances", "4")]


@pytest.mark.parametrize("footnote", ["Ibid., 3--4.", 'Dodge, "Measuring," 3--4.'])
def test_a_footnotes_page_range_with_a_double_hyphen_is_the_range(footnote) -> None:
    note = parse_note(f'"{Q}"[^1] "{Q} too"[^2]\n\n[^1]: Jesse Dodge et al., "Measuring the Carbon Intensity of AI in '
                      f'Cloud Instances" (2022), 2.\n[^2]: {footnote}\n')
    assert [q.page for q in note.quotes] == ["2", "3--4"]

"""A page a writer sets after a note's mark, an MLA page "and the following", and a footnote's page
for a sentence of the note's prose (its figures checked by `kb audit --note`). (Sentences of Dodge
et al. 2022, page 3.)"""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note, sentence_citations

_Q = "Major technology companies have also been increasingly committed to reducing their emissions"
_LIST = "\n\n1. Dodge, J. (2022). Measuring the carbon intensity of AI in cloud instances. FAccT.\n"
_CITED = ("\n\n## Works Cited\n\nDodge, Jesse, et al. \"Measuring the Carbon Intensity of AI in Cloud Instances.\" "
          "FAccT, 2022.\n")


@pytest.mark.parametrize("mark, page", [
    ("¹ (p. 3)", "3"), ("^1^ (p. 3)", "3"), ("<sup>1</sup> (pp. 3–4)", "3–4"), (" [1] (p. 3)", "3"),
    (".¹ (p. 3)", "3"),
])
def test_a_page_after_a_notes_mark_is_the_quotes(mark: str, page: str) -> None:
    assert [(q.source_text, q.page) for q in parse_note(f"“{_Q}”{mark}.{_LIST}").quotes] == [("[1]", page)]


@pytest.mark.parametrize("cite, page", [
    ("(Dodge et al. 3 f.)", "3f"), ("(Dodge et al. 3ff.)", "3ff"), ("(Dodge et al. 3 ff)", "3ff"),
    ('(Dodge et al., "Measuring the Carbon" 3 f.)', "3f"),
])
def test_an_mla_page_and_the_following_is_checked(cite: str, page: str) -> None:
    note = parse_note(f"“{_Q}” {cite}.{_CITED}")
    assert [q.page for q in note.quotes] == [page] and not note.unchecked


@pytest.mark.parametrize("note, page", [
    ("Training used 25 kWh.[^1]\n\n[^1]: Dodge et al., *Carbon Intensity*, 3.\n", "3"),
    ("Training used 25 kWh.[^1]\n\n[^1]: Jesse Dodge et al., *Carbon Intensity* (FAccT, 2022), 4.\n", "4"),
])
def test_a_sentences_footnote_gives_its_page(note: str, page: str) -> None:
    sentences = sentence_citations(note, parse_note(note))
    assert [cited.page for _a, _b, cited in sentences[0][2]] == [page]


_REF = ("\n\n## References\n\nDodge, J., Prewitt, T., & Smith, A. (2022). Measuring the carbon intensity of AI in "
        "cloud instances. FAccT.\n")
_A, _B = "Major technology companies have also been", "increasingly committed to reducing their emissions"


@pytest.mark.parametrize("sentence, pages", [
    (f"“{_A},” Dodge et al. (2022) write, “{_B}” (p. 3).", ["3", "3"]),
    (f"“{_A},” write Dodge et al. (2022), “{_B}” (pp. 3–4).", ["3–4", "3–4"]),
    (f"“{_A}”, Dodge et al. (2022) argue, “{_B}”.", [None, None]),
])
def test_a_quote_split_by_the_writers_words_checks_each_half(sentence: str, pages: list) -> None:
    note = parse_note(sentence + _REF)
    assert [(q.quote, q.attribution, q.page) for q in note.quotes] \
        == [(_A, "Dodge et al. 2022.", pages[0]), (_B, "Dodge et al. 2022.", pages[1])] and not note.unchecked



@pytest.mark.parametrize("row, page", [
    ("| “{q}” | Dodge et al. 2022 | p. 4 |", "4"),
    ("| “{q}” | Dodge et al., 2022, p. 5 | |", "5"),
    ("| Dodge et al. 2022 | “{q}” | 6 |", "6"),
])
def test_a_tables_cell_of_author_and_year_cites_its_rows_quote(row: str, page: str) -> None:
    note = parse_note("| Quote | Source | Page |\n|---|---|---|\n" + row.format(q=_Q) + "\n" + _REF)
    assert [(q.attribution, q.page) for q in note.quotes] == [("Dodge et al. 2022.", page)] and not note.unchecked


@pytest.mark.parametrize("first_note", ["1. Roe, *Energy Use*, 3.", "1. Jim Roe, *Energy Use in Training* (Y, 2020), 3.",
                                        "**Notes**\n1. Roe, *Energy Use*, 3."])
def test_a_mark_never_cites_a_bibliography_entry_by_its_position_beside_a_list_of_notes(first_note: str) -> None:
    notes = first_note if first_note.startswith("**") else "## Notes\n\n" + first_note
    note = parse_note(f"“{_Q}”.¹\n\n{notes}\n\n## Bibliography\n\nDoe, Jane. *Carbon Things*. X, 2019.\n\n"
                      "Roe, Jim. *Energy Use in Training*. Y, 2020.\n")
    # (the list's first note, short or full, is read: the mark cites Roe's work, at its page, never Doe's by position)
    assert [(note.reference_for(q).entry.first_author, q.page) for q in note.quotes] == [("roe", "3")]

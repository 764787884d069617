"""A footnote or endnote naming the work a quote was read in and the work it quotes cites the work read, at its page:
'[^2]: Doe 2019, quoted in Roe 2021, p. 8.', '[^3]: Roe 2021, 8, citing Doe 2019.' (its entry read the first names
and the last year, a work of neither). A quotation set off as a paragraph of its own after a lead-in ending in a
colon that cites its work is that work's (was not checked), and an Org quote block under an Org heading ('* Notes')
takes the citation on the line after it (was not checked)."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

QUOTE = "Another confusion is the misperception that the search is conducted once per model training."


def _footnote(body: str):
    note = parse_note(f'They write "{QUOTE}"[^1]\n\n[^1]: {body}\n')
    [q] = note.quotes
    ref = note.reference_for(q)
    return ref.entry.first_author if ref and ref.entry else None, ref.entry.year if ref and ref.entry else None, q.page


@pytest.mark.parametrize("body, page", [
    ("Doe, Poe, and Moe 2019, quoted in Roe et al. 2021, p. 8.", "8"),
    ("Doe et al. 2019, p. 3, cited in Roe et al. 2021, p. 8.", "8"),
    ("Doe et al. 2019 (quoted in Roe et al. 2021, p. 8).", "8"),
    ("Roe et al. 2021, 8, citing Doe et al. 2019.", "8"),
    ("Roe et al. 2021, 8; quoting Doe et al. 2019, 3.", "8"),
])
def test_a_secondary_footnote_cites_the_work_read_at_its_page(body, page):
    assert _footnote(body) == ("roe", 2021, page)


def test_words_inside_a_title_are_no_secondary_citation():
    # (a title in quote marks holding "quoted in" is the footnote's own work's)
    note = parse_note(f'They write "{QUOTE}"[^1]\n\n[^1]: Doe, "What Is Quoted in Roe\'s Survey," 4.\n')
    ref = note.reference_for(note.quotes[0])
    assert ref.entry.first_author == "doe" and note.quotes[0].page == "4"


def test_a_primary_footnote_is_as_before():
    assert _footnote("Doe et al. 2019, p. 3.") == ("doe", 2019, "3")


LIST = "\n\nReferences\n\nDoe, J. et al. (2022) Measuring things. Venue.\n"


@pytest.mark.parametrize("indent", ["", "    "])
def test_a_quotation_set_off_after_a_lead_in_is_its_work(indent):
    note = parse_note(f'Notes\n\nDoe et al. (2022, p. 9) on one run:\n\n{indent}"{QUOTE}"\n{LIST}')
    [q] = note.quotes
    assert (q.attribution, q.page, note.unchecked) == ("Doe et al. 2022.", "9", [])


@pytest.mark.parametrize("text", [
    # (no colon ending the lead-in; words after the quotation: a paragraph of prose, not a set-off quotation)
    'Notes\n\nDoe et al. (2022, p. 9) measured one run.\n\n"{q}"\n',
    'Notes\n\nDoe et al. (2022, p. 9) on one run:\n\n"{q}" Others disagree.\n',
])
def test_a_quotation_not_set_off_after_a_lead_in_is_not_checked(text):
    note = parse_note(text.format(q=QUOTE) + LIST)
    assert note.quotes == [] and [u for _, u in note.unchecked] == [QUOTE]


ORG_LIST = '\n\n* References\n1. E. Roe, "Energy and policy," 2019.\n2. J. Doe, "Measuring things," 2024.\n'


@pytest.mark.parametrize("after, page", [("-- [2, p. 2]", "2"), ("[2, p. 5]", "5")])
def test_an_org_block_under_an_org_heading_takes_the_citation_after_it(after, page):
    note = parse_note(f"* Notes\n#+begin_quote\n{QUOTE}\n#+end_quote\n{after}{ORG_LIST}")
    [q] = note.quotes
    assert (q.source_text, q.page) == ("[2]", page)


def test_running_text_under_an_org_heading_takes_its_citation_on_the_next_line():
    note = parse_note(f'* Notes\nThey say "{QUOTE}"\n(Doe et al. 2024, p. 2).\n\n* Other\n- "{QUOTE}"\n- [2]\n'
                      + ORG_LIST)
    first, *rest = note.quotes
    assert (first.attribution, first.page) == ("Doe et al. 2024.", "2")
    assert all(q.source_text != "[2]" for q in rest)    # (the next list item's number is no citation of the quote)

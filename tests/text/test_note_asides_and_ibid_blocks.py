"""A work set apart in an aside by its names alone (MLA) or by its key (pandoc) is not the quote's, the subject's is
('Dodge et al., following Roe, write "..." (2)' was Roe's quote at p. 2; '@dodge2022 write, following @strubell2019,
that "..." [p. 2]' was not checked, ', that' read as a place); a blockquote signed '— Ibid.' repeats the work of the
blockquote just before it (was a passage citing nothing)."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

QUOTE = '"the tool calculates operational carbon emissions by using location-based and time-specific marginal ' \
        'emissions data per energy unit."'


@pytest.mark.parametrize("before, after, who, key, page", [
    ("Dodge et al., following Roe, write", "(2)", "Dodge et al.", None, "2"),
    ("Dodge et al., unlike Strubell et al., write that", "(2)", "Dodge et al.", None, "2"),
    ("Dodge et al. write, following Strubell et al., that", "(2)", "Dodge et al.", None, "2"),
    ("Dodge et al., as in Roe and Poe, note that", "(2022, p. 2)", "Dodge et al. 2022.", None, "2"),
    ("@dodge2022 write, following @strubell2019, that", "[p. 2]", None, "dodge2022", "2"),
    ("@dodge2022, unlike @roe2020, write", "[p. 2]", None, "dodge2022", "2"),
    ("@dodge2022 write, as in @roe2020, that", "(p. 2)", None, "dodge2022", "2"),
])
def test_the_subject_not_the_work_set_apart_says_the_quote(before, after, who, key, page):
    [q] = parse_note(f"{before} {QUOTE} {after}.\n").quotes
    assert (q.attribution, q.citekey, q.page) == (who, key, page), q


A = "Limiting this style of research to industry labs hurts the NLP research community in many ways."
B = "Recent advances in available compute come at a high price not attainable to all who desire access."


@pytest.mark.parametrize("first, ibid, key, page", [
    ("> — Strubell et al. (2019), p. 5", "> — Ibid.", None, "5"),
    ("> — Strubell et al. (2019), p. 5", "> — Ibid., 6", None, "6"),
    ("> -- Strubell et al. 2019, p. 5", "> -- ibid., p. 6", None, "6"),
    ("> — @strubell2019, p. 5", "> — Ibid.", "strubell2019", "5"),
])
def test_a_blockquote_signed_ibid_repeats_the_work_before_it(first, ibid, key, page):
    note = parse_note(f"> {A}\n>\n{first}\n\nA remark of mine.\n\n> {B}\n>\n{ibid}\n")
    [a, b] = note.quotes
    shown = a.attribution.replace(a.page, page) if a.attribution else None     # (the page checked)
    assert (b.quote, b.citekey, b.attribution, b.page) == (B, key, shown, page), b


@pytest.mark.parametrize("between", ["Dodge et al. (2022) disagree.", "See [@dodge2022].", 'They say "it costs."'])
def test_ibid_after_another_citation_is_none_of_them(between):
    """(the first 'Ibid.' repeats Strubell's work; the second, after a sentence citing or quoting, none)"""
    note = parse_note(f"> {A}\n>\n> — Strubell et al. (2019), p. 5\n\n> {B}\n>\n> — Ibid.\n\n{between}\n\n"
                      f"> {B[:-1]} today.\n>\n> — Ibid.\n")
    assert [q.quote for q in note.quotes if q.kind == "blockquote"] == [A, B], note.quotes
    assert any(u[1] == B[:-1] + " today." for u in note.unchecked), note.unchecked

"""A citation after a quote that sets a work beside it ('see also', 'cf.', 'compare', 'but see', 'vgl.') is not
the quote's source where the words before the quote name one: it was checked against that work ('Dodge et al. (2022) write "..." (see also Strubell et al.,
2019, fig. 3)' was Strubell's quote, at no page, and not found there)."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

QUOTE = '"global data center energy use represented close to 1% of global energy usage"'


@pytest.mark.parametrize("after", [
    "(see also Strubell et al., 2019, fig. 3)",
    "(cf. Strubell et al., 2019, p. 3)",
    "(Cf. Strubell et al. 2019)",
    "(compare Strubell et al., 2019)",
    "(but see Strubell et al., 2019)",
    "(vgl. Strubell et al. 2019, S. 3)",
    "[see also @strubell2019energy]",
])
def test_a_work_set_beside_the_quote_leaves_it_the_work_named_before_it(after):
    note = parse_note(f"Dodge et al. (2022) write {QUOTE} {after}.\n")
    [q] = note.quotes
    assert (q.attribution, q.citekey, q.page, q.place) == ("Dodge et al. 2022.", None, None, None), q


@pytest.mark.parametrize("after, page", [("(see also Strubell et al., 2019)", None), ("(cf. Strubell et al., 2019, p. 3)", "3")])
def test_a_quote_whose_only_citation_sets_a_work_beside_it_is_checked_in_that_work(after, page):
    """Where no words before it name a source, the work named is the one to look in: found there, it is there;
    not found, kb says so (never 'ok' in a work the note did not name)."""
    [q] = parse_note(f"As the survey has it, {QUOTE} {after}.\n").quotes
    assert (q.attribution, q.page) == ("Strubell et al. 2019.", page), q


@pytest.mark.parametrize("text, who, page", [
    (f"{QUOTE} (see Dodge et al., 2022, p. 2).", "Dodge et al. 2022.", "2"),         # 'see' alone names the source
    (f"Dodge et al. (2022) write {QUOTE} (p. 2).", "Dodge et al. 2022.", "2"),
    (f"{QUOTE} (Dodge et al., 2022, p. 2; see also Strubell et al., 2019).", "Dodge et al. 2022.", "2"),
])
def test_a_citation_naming_the_source_still_does(text, who, page):
    [q] = parse_note(text + "\n").quotes
    assert (q.attribution, q.page) == (who, page), q


@pytest.mark.parametrize("before, who, key", [
    ("Dodge et al. (2022) write that ", "Dodge et al. 2022.", None),
    ("@dodge2022 writes that ", None, "dodge2022"),
])
@pytest.mark.parametrize("after, page", [
    ("(p. 2; cf. Strubell et al., 2019)", "2"),
    ("(p. 2, see also Strubell et al., 2019)", "2"),
    ("(pp. 2-3; But see Strubell et al. 2019)", "2-3"),
    ("(S. 2; vgl. Strubell et al. 2019)", "2"),
])
def test_a_page_before_a_work_set_beside_the_quote_is_the_quotes_page(before, who, key, after, page):
    """The page opening the brackets is the quote's, in the work named before it: it was lost (checked at no page)."""
    [q] = parse_note(f"{before}{QUOTE} {after}.\n").quotes
    assert (q.attribution, q.citekey, q.page) == (who, key, page), q



@pytest.mark.parametrize("after, who, page", [
    ("(2022, p. 2; cf. Strubell et al., 2019)", "Dodge et al. 2022.", "2"),
    ("(2022: 2, see also Strubell et al., 2019)", "Dodge et al. 2022.", "2"),
    ("(2; vgl. Strubell et al. 3)", "Dodge et al.", "2"),
])
def test_a_year_and_page_after_named_authors_before_a_work_set_beside_them_are_the_quotes(after, who, page):
    """Names before the quote, their year or page after it, a compared work next in the brackets: was no quote."""
    [q] = parse_note(f"Dodge et al. write that {QUOTE} {after}.\n").quotes
    assert (q.attribution, q.page) == (who, page), q

"""Hand edits of a quote's accents: a letter written with another mark than the page prints is another word (or a
typo), refused and named; a mark either side lacks (an extractor's loss, a quote typed without accents) and the same
mark in another Unicode form (NFD of NFC) are read alike."""

from __future__ import annotations

import unicodedata

import pytest

from kb.text.match import closest_passage, find_quote
from kb.text.normalise import Document

PAGE = ("We thank Noémie Elhadad of Zürich, José Peña and Chloë Brontë for the café survey; "
        "the résumé was set in Kraków à la carte, and Ångström wrote the preface.")


def _edited(old: str, new: str) -> str:
    assert old in PAGE
    return PAGE.replace(old, new, 1)


SWAPPED = [
    ("Noémie", "Noèmie"),       # acute edited to grave
    ("Noémie", "Noêmie"),
    ("Noémie", "Noëmie"),
    ("Zürich", "Zúrich"),
    ("José", "Josè"),
    ("Peña", "Peňa"),
    ("Chloë", "Chloé"),
    ("Brontë", "Brontè"),
    ("café", "cafè"),
    ("résumé", "rèsumé"),
    ("Kraków", "Krakòw"),
    ("à", "á"),                 # a word of its own: "à" of French, typed "á"
    ("Ångström", "Ångstrôm"),
]


@pytest.mark.parametrize(("printed", "typed"), SWAPPED)
@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_a_letter_typed_with_another_mark_than_the_page_prints_is_refused_and_named(
        printed: str, typed: str, form: str) -> None:
    doc = Document([PAGE])
    quote = unicodedata.normalize(form, _edited(printed, typed))
    assert find_quote(doc, quote) is None
    near = closest_passage(doc, quote)
    assert near is not None
    assert [(unicodedata.normalize("NFC", q), s) for q, s in near.differences] == [(typed, printed)]


READ_ALIKE = [
    ("Noémie", "Noemie"),       # the quote typed without its accent
    ("Zürich", "Zurich"),
    ("Ångström", "Angstrom"),
    ("Peña", "Pena"),
    ("Noémie", "NOÉMIE"),       # a heading's capitals
    ("café", "Café"),
]


@pytest.mark.parametrize(("printed", "typed"), READ_ALIKE)
@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_a_mark_the_quote_lacks_or_the_same_mark_in_another_form_verifies(printed: str, typed: str, form: str) -> None:
    assert find_quote(Document([PAGE]), unicodedata.normalize(form, _edited(printed, typed))) is not None


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_the_page_as_printed_verifies_in_either_normal_form_on_a_page_of_either(form: str) -> None:
    for page in (PAGE, unicodedata.normalize("NFD", PAGE)):
        assert find_quote(Document([page]), unicodedata.normalize(form, PAGE)) is not None


@pytest.mark.parametrize(("printed", "typed"), [("Noemie", "Noémie"), ("Zurich", "Zürich"), ("Pena", "Peña")])
def test_a_mark_the_page_lacks_is_an_extractors_loss_and_verifies(printed: str, typed: str) -> None:
    page = PAGE.replace(typed, printed)
    assert find_quote(Document([page]), page.replace(printed, typed)) is not None


@pytest.mark.parametrize(("printed", "typed"), SWAPPED[:7])
def test_a_swapped_mark_is_refused_where_a_soft_hyphen_or_a_line_break_parts_a_word_beside_it(
        printed: str, typed: str) -> None:
    """A page that parts a word by a soft hyphen ("El\\u00adhadad") or at a line's end read its words apart from
    the quote's, and a swapped mark ("Noèmie" of "Noémie") was verified."""
    for page in (PAGE.replace("Elhadad", "El\u00adhadad").replace("survey", "sur\u00advey"),
                 PAGE.replace("Elhadad", "El-\nhadad").replace("preface", "pref-\nace")):
        doc = Document([page])
        assert find_quote(doc, _edited(printed, typed)) is None
        assert find_quote(doc, PAGE) is not None


@pytest.mark.parametrize(("printed", "typed", "said"), [
    ("Noémie", "Noèmie", True), ("Zürich", "Zúrich", True), ("Noémie", "Noemie", False), ("Zürich", "Zurich", False),
    ("the café", "the cafe", False), ("Peña", "Peňa", True)])
def test_contradicted_says_the_stored_text_prints_another_word_so_no_second_extraction_verifies_it(
        printed: str, typed: str, said: bool) -> None:
    """kb verify tried the second extraction where the first refused a quote: pypdf's "No´emie" (the accent
    lost) verified "Noèmie" of a page PDFium prints "Noémie"."""
    from kb.text.match import contradicted
    assert contradicted(Document([PAGE]), _edited(printed, typed)) is said
    second = Document([PAGE.replace(printed, unicodedata.normalize("NFKD", printed).encode("ascii", "ignore").decode())])
    assert find_quote(second, _edited(printed, typed)) is not None     # the second alone would verify it

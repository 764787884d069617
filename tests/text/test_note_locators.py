"""A note's citation keeps the place in the work a writer gives after it, however it is written."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

_Q = "“Training one model emitted as much carbon as five cars in their lifetimes.”"


@pytest.mark.parametrize("tail, page", [
    # a pandoc narrative citation after the quote, with its place after it, as writers put it
    ("— @doe2019, p. 3", "3"),
    ("– @doe2019, pp. 3–4.", "3–4"),
    ("-- @doe2019 p.\u00a03", "3"),
    ("— @doe2019, S. 12", "12"),
    ("— @doe2019: 7", "7"),
    ("— @doe2019, pp 7-8", "7-8"),
    ("— @doe2019, P. 7", "7"),
    ("— @doe2019 [p. 3]", "3"),
    ("@doe2019 [pp. 3-4]", "3-4"),
    ("(@doe2019, p. 3).", "3"),
    ("(@doe2019 S. 5)", "5"),
    ("(@doe2019: 9)", "9"),
])
def test_a_narrative_citations_page_after_the_quote_is_kept(tail: str, page: str | None) -> None:
    assert [(q.citekey, q.page) for q in parse_note(f"{_Q} {tail}").quotes] == [("doe2019", page)]


@pytest.mark.parametrize("cite, page", [
    # German's page, "S.", in a bracketed citation of each kind
    ("[@doe2019, S. 3]", "3"),
    ("[see @doe2019, S. 3–4]", "3–4"),
    ("\\cite[S.~12]{doe2019}", "12"),
    ("[[@doe2019|Doe, S. 5]]", "5"),
    ("[Doe19, S. 7]", "7"),
])
def test_a_bracketed_citations_german_page(cite: str, page: str) -> None:
    assert [q.page for q in parse_note(f"{_Q} {cite}").quotes] == [page]


@pytest.mark.parametrize("text, page", [
    (f"As @doe2019 [p. 3] puts it, {_Q}", "3"),
    (f"As @doe2019 (p. 3) puts it, {_Q}", "3"),
    (f"> {_Q[1:-1]} (@doe2019, p. 3)", "3"),
    (f"> {_Q[1:-1]}\n>\n> — @doe2019, S. 3", "3"),
])
def test_a_narrative_citations_page_before_the_quote_or_in_a_blockquote(text: str, page: str) -> None:
    assert [(q.citekey, q.page) for q in parse_note(text).quotes] == [("doe2019", page)]



_B = "We quantify the approximate financial and environmental costs of training neural networks"
_B_TWO_LINES = _B.replace(" environmental", "\n  > environmental")


@pytest.mark.parametrize("text", [
    # a blockquote's citation on the next line or paragraph, its page after it
    f"> {_B}\n[[@doe2019]] p. 2",
    f"> {_B}\n\n[@doe2019], S. 2",
    f"> {_B} [[@doe2019]] p. 2",
    # Logseq's and Obsidian's blockquote in a list item, cited by a child block or the block's properties
    f"- > {_B}\n  - [[@doe2019]] p. 2",
    f"- > {_B}\n  source:: [[@doe2019]]\n  page:: 2",
    f"* > {_B_TWO_LINES}\n  [@doe2019, p. 2]",
])
def test_a_blockquotes_citation_keeps_its_page_after_it(text: str) -> None:
    assert [(q.quote, q.citekey, q.page) for q in parse_note(text).quotes] == [(_B, "doe2019", "2")]


@pytest.mark.parametrize("footnote, page", [
    # a footnote that is pandoc's narrative citation, its locator after it
    ("@doe2019 [p. 3].", "3"),
    ("@doe2019 [pp. 4–5]", "4–5"),
])
def test_a_footnotes_narrative_citation_and_its_page(footnote: str, page: str) -> None:
    note = parse_note(f"They write {_Q}[^1]\n\n[^1]: {footnote}\n")
    assert [(q.citekey, q.page) for q in note.quotes] == [("doe2019", page)]


@pytest.mark.parametrize("cited", [
    "  [@doe2019, p. 2]",
    "  source:: [[@doe2019]]\n  page:: 2",
])
def test_logseqs_quote_block_in_a_list_item_and_its_citation(cited: str) -> None:
    note = parse_note(f"- #+BEGIN_QUOTE\n  {_B}\n  #+END_QUOTE\n{cited}\n- next block\n")
    assert [(q.quote, q.citekey, q.page) for q in note.quotes] == [(_B, "doe2019", "2")]


def test_an_inline_notes_narrative_citation_and_its_page() -> None:
    assert [(q.citekey, q.page) for q in parse_note(f"They write {_Q}^[@doe2019 [p. 3].]").quotes] == [("doe2019", "3")]


@pytest.mark.parametrize("cite, page", [
    # a page written after a Sphinx or MyST role, and a pandoc or biblatex locator written "at"
    (":cite:p:`doe2019`, p. 3", "3"),
    ("{cite:t}`doe2019`, pp. 4-5", "4-5"),
    ("[@doe2019, at 7]", "7"),
    ("[see @doe2019 at 8–9]", "8–9"),
    ("\\cite[at~6]{doe2019}", "6"),
    # a figure's page after it: that page, never the figure's number
    ("[@doe2019, fig. 3, at 5]", "5"),
])
def test_a_locators_page_after_a_role_or_written_at(cite: str, page: str) -> None:
    assert [(q.citekey, q.page) for q in parse_note(f"{_Q} {cite}").quotes] == [("doe2019", page)]


@pytest.mark.parametrize("cite, place", [
    # a figure, a section or a table is no page: the quote's place, said, never checked as its number's page
    ("[@doe2019, fig. 3]", "fig. 3"),
    ("[see @doe2019, § 2; @roe2020]", "§ 2"),
    ("\\cite[Table~4]{doe2019}", "Table 4"),
    (":cite:p:`doe2019{sec. 5}`", "sec. 5"),
])
def test_a_place_that_is_no_page_is_said_not_checked(cite: str, place: str) -> None:
    assert [(q.citekey, q.page, q.place) for q in parse_note(f"{_Q} {cite}.").quotes] == [("doe2019", None, place)]

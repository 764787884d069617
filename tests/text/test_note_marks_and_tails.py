"""What a writer sets around a citation does not cut it off or lose its page: a note's mark after the stop that
follows the quote, tags ending the line, the page after a link citation, "f."/"ff." after a page, and an
author-year attribution with its page after it."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

_Q = "“Training one model emitted as much carbon as five cars in their lifetimes”"
_B = "> Training one model emitted as much carbon as five cars in their lifetimes.\n"
_FN = '\n\n[^1]: Emma Strubell et al., "Energy and Policy Considerations for Deep Learning in NLP," *ACL* (2019), 3.\n'
_REFS = "\n\n## References\n\nDoe, J. (2019). Energy and policy considerations. *ACL*.\n"


@pytest.mark.parametrize("text", [
    f"He wrote {_Q[:-1]}.”.[^1]{_FN}",
    f"He asked {_Q[:-1]}?”.[^1]{_FN}",
    f"He wrote {_Q[:-1]}.”.^1^{_FN.replace('[^1]:', '1.')}",
])
def test_a_notes_mark_after_the_stop_after_the_quote_cites_it(text: str) -> None:
    assert [(q.source_text.strip("[^]"), q.page) for q in parse_note(text).quotes] == [("1", "3")]


@pytest.mark.parametrize("text, page", [
    (f"{_B}> — @doe2019, p. 3 #energy", "3"),
    (f"{_B}>\n> — @doe2019 #energy #nlp", None),
    (f"{_Q[:-1]}.” @doe2019 [p. 3] #energy/ai #nlp", "3"),
])
def test_tags_ending_the_line_leave_its_citation(text: str, page: str | None) -> None:
    assert [(q.citekey, q.page) for q in parse_note(text).quotes] == [("doe2019", page)]


@pytest.mark.parametrize("cite, page", [
    ("([Doe, 2019](zotero://select/items/1_ABCD1234), p. 2)", "2"),
    ("([Doe 2019](zotero://select/items/1_ABCD1234), S. 2–3)", "2–3"),
])
def test_the_page_after_a_link_citation_is_its_page(cite: str, page: str) -> None:
    assert [(q.attribution, q.page) for q in parse_note(f"{_Q} {cite}{_REFS}").quotes] == [("Doe. 2019.", page)]


@pytest.mark.parametrize("cite, page", [
    ("[@doe2019, S. 3 f.]", "3f"),
    ("[@doe2019, pp. 3 ff.]", "3ff"),
    ("— @doe2019, S. 3f.", "3f"),
    ("[1, S. 3f.]\n\n## References\n\n[1] J. Doe, “Energy and policy,” in Proc. ACL, 2019.\n", "3f"),
    ("[^1]\n\n[^1]: Doe 2019, S. 3ff.", "3ff"),
])
def test_a_page_and_the_next_ones_is_that_page_on(cite: str, page: str) -> None:
    assert [q.page for q in parse_note(f"{_Q} {cite}").quotes] == [page]


@pytest.mark.parametrize("attribution, page", [
    ("Doe (2019), p. 3", "3"),
    ("Doe 2019: 3", "3"),
    ("Doe and Roe 2019: 3-4", "3-4"),
    # Chicago author-date's page after a comma, a year or "n.d." before it
    ("Doe 2019, 3", "3"),
    ("Doe n.d., 3", "3"),
])
def test_an_author_year_attribution_with_its_page_after_it(attribution: str, page: str) -> None:
    quotes = parse_note(f"{_B}> — {attribution}{_REFS}").quotes
    assert [(q.attribution, q.page) for q in quotes] == [(attribution, page)]

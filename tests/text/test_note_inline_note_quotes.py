"""A quote inside pandoc's inline note ('^[As @doe2019 writes, "..."]') is the note's own, checked against the one
work the inline note cites by key; an inline note naming no key (a reference's title in quote marks) or two keys
(which one says it, its sentence may not tell) holds no quote kb checks."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

_Q = "firms are committed to this"


@pytest.mark.parametrize("text, key, page", [
    (f"Costs rose.^[As @doe2019 writes, “{_Q}” (p. 4).]\n", "doe2019", "4"),
    (f"Costs rose.^[@doe2019 writes that “{_Q}”.]\n", "doe2019", None),
    (f"Costs rose.^[“{_Q},” as @doe2019 puts it.]\n", "doe2019", None),
    (f"Costs rose.^[“{_Q}” [@doe2019, p. 7].]\n", "doe2019", "7"),
    (f"Costs rose.^[See @doe2019: “{_Q}”.]\n", "doe2019", None),
    # a quote in the running text, the inline note after it its citation, as before
    (f"Costs rose: “{_Q}”^[@doe2019, p. 5.]\n", "doe2019", "5"),
])
def test_a_quote_in_an_inline_note_is_its_one_works(text: str, key: str, page: str | None) -> None:
    assert [(q.quote, q.citekey, q.page) for q in parse_note(text).quotes] == [(_Q, key, page)]


@pytest.mark.parametrize("inner, keys", [
    (f"Unlike @roe2020, @doe2019 writes that “{_Q}”.", [("doe2019", [])]),
    (f"@roe2020 and @doe2019 write that “{_Q}”.", [("roe2020", ["doe2019"])]),
])
def test_an_inline_note_of_two_works_is_read_as_a_sentence_of_its_own(inner: str, keys: list) -> None:
    # (the works its own words say it of, as the same sentence in running text)
    got = [(q.citekey, [a.citekey for a in q.also]) for q in parse_note(f"Costs rose.^[{inner}]\n").quotes]
    assert got == keys
    assert got == [(q.citekey, [a.citekey for a in q.also]) for q in parse_note(f"Costs rose.\n\n{inner}\n").quotes]


@pytest.mark.parametrize("text", [
    "Costs rose.^[Doe, “Firms and Costs of Committed Firms,” 2019, 4.]\n",
    "Costs rose.^[Mail x@y.org, “firms are committed to this”.]\n",
])
def test_an_inline_note_of_no_key_or_two_holds_no_quote_checked(text: str) -> None:
    assert [q.citekey for q in parse_note(text).quotes] == []

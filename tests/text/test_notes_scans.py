"""How parse_note looks for the marks it reads in a long note: each scan finds what a plain scan finds, and a note of
10 MB that holds none of a construct is not copied character by character (parse_note of a 10 MB quote attribute took
over a second, most of it in scans for a pair of characters and a list of ten million strings joined again).
Counted, not timed."""

from __future__ import annotations

import random
import re

import pytest

from kb.text import notes


def _plain_all(text: str, needle: str) -> list[int]:
    out, pos = [], text.find(needle)
    while pos >= 0:
        out.append(pos)
        pos = text.find(needle, pos + 1)
    return out


@pytest.mark.parametrize("text,needle", [
    ("", "\n\n"), ("\n\n\n", "\n\n"), ("a\n\nb\n\n", "\n\n"), ("[^1] and [^2]", "[^"), ("[[[^", "[^"),
    ("<a href><a ", "<a "), ("<" * 200 + "<a ", "<a "), ("](#x)](#y)", "](#"), ("x" * 100, "xx"),
    ("abababab", "aba"), ("[" * 65 + "[^" + "[" * 70 + "[^", "[^"), ("é\u2019é’é", "é’"), ("\x00\x00\x00", "\x00\x00"),
    ("#quote(#quote(", "#quote("), ("a", "ab"), ("ab", "ab"),
])
def test_every_place_of_a_needle_is_found_overlapping_ones_too(text, needle) -> None:
    assert notes._all(text, needle) == _plain_all(text, needle)
    assert notes._has(text, needle) == (needle in text)


def test_the_scans_agree_with_a_plain_scan_on_random_text() -> None:
    """Past 64 places of its first character that start no needle, the needle itself is scanned for: both ways give
    the same places (texts where the first character is rare and where it is everywhere)."""
    rng = random.Random(52)
    for _ in range(500):
        alphabet = rng.choice(["ab", "a\n", "[^]", "<a b", "xyz\n"])
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400)))
        needle = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4)))
        assert notes._all(text, needle) == _plain_all(text, needle), (text, needle)
        assert notes._has(text, needle) == (needle in text), (text, needle)


@pytest.mark.parametrize("text", [
    '<note-quote quote="' + "word " * 2000 + '" sourceLink="#a"></note-quote>\n',
    "<p>" + "text " * 2000 + "</p>", "\\section{A}\n" + "text " * 2000, "#+title: x\n" + "text " * 2000,
])
def test_a_note_holding_no_quote_construct_is_not_copied_character_by_character(text) -> None:
    """(the note itself given back, never a string joined from its characters)"""
    assert notes._constructs_as_marks(text) is text


@pytest.mark.parametrize("text", [
    'As <q>we trained 12 models</q> [@a] said.', '<blockquote cite="https://x.org/a">We trained 12 models.</blockquote>',
    '\\enquote{We trained 12 models} \\cite{a}', '\\begin{quote}\nWe trained 12 models.\n\\end{quote}\n',
    '#+begin_quote\nWe trained 12 models.\n#+end_quote\n', '#quote(attribution: [@a])[We trained 12 models]',
])
def test_a_note_holding_a_quote_construct_still_has_it_read_as_quote_marks(text) -> None:
    got = notes._constructs_as_marks(text)
    assert len(got) == len(text) and got != text and "“" in got and "”" in got, got


#: the marks a note's number may be glued after a quote with: every one of them read, at the start, middle and end
@pytest.mark.parametrize("text,marks", [
    ('"emissions."12 more', [12]), ('"emissions".12 x', [12]), ("“emissions”12", [11]), ("‘emissions.’3", [12]),
    ('x "a"1 and “b”2 and "c",3', [5, 14, 24]), ('"1990" was', []), ("¹ first", [0]), ("a¹²", [1]), ("a²¹ b³", [1, 5]),
    ("⁰¹ x", []),
])
def test_marks_glued_after_a_quote_and_superscripts_are_where_they_were(text, marks) -> None:
    got = notes._cite_tokens(text)
    plain = sorted({m.end() - 1 for m in re.finditer(r"[\"”’][.,;:]?\d", text)
                    if notes._PLAIN_MARK_AT.match(text, m.end() - 1)}
                   | {m.start() for m in re.finditer(r"(?<![⁰¹²³⁴⁵⁶⁷⁸⁹])[¹²³⁴⁵⁶⁷⁸⁹]", text)})
    assert plain == marks
    assert [p for p in got if p in plain] == plain

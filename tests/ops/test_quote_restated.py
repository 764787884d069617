"""A quote given again in other quote marks, case, spacing or line breaks (the same passage, the same words) is
the quote stored: kb says so and keeps its text; a quote differing in a word, a number or a mark is another."""

from __future__ import annotations

import pytest

from kb.text.normalise import wording

BIB = "@article{turing1950computing, title = {Computing Machinery and Intelligence}, author = {Turing, A. M.}, " \
      "year = {1950}}\n"
PAGE = ("1 The Imitation Game\nI propose to consider the question, “Can machines think?” This should begin\n"
        "with definitions of the meaning of the terms “machine” and “think.” The new form of the problem can be "
        "described in terms of a game which we call the ‘imitation game’. It is played with three people, a man "
        "(A), a woman (B), and an interrogator (C) who may be of either sex; the ﬁrst of 1950 and 1,950 pages.\n")
STORED = "I propose to consider the question, 'Can machines think?'"


@pytest.mark.parametrize("a, b", [
    (STORED, 'I propose to consider the question, "Can machines think?"'),
    (STORED, "I propose to consider the question, “Can machines think?”"),
    (STORED, "I propose  to consider\n the question, 'Can machines think?'"),
    (STORED, "i propose to consider the question, 'can machines think?'"),
    ("the first of them", "the ﬁrst of them"),
    ("a game—the imitation game", "a game — the imitation game"),
    ("the ‘imitation game’", "the ``imitation game''"),
    ("a résumé", "a resume"),
    ("wait…", "wait..."),
])
def test_texts_of_one_wording(a, b):
    assert wording(a) == wording(b)


@pytest.mark.parametrize("a, b", [
    (STORED, "I propose to consider the question, 'Can machines not think?'"),
    (STORED, "I propose to consider the question 'Can machines think?'"),       # a comma left out
    (STORED, "I propose to consider the question, 'Can machines think'"),
    ("therapist", "the rapist"),
    ("well-known", "well known"),
    ("1,950 pages", "1950 pages"),
    ("1950 pages", "1951 pages"),
    ("don't", "dont"),
    ("-5 degrees", "5 degrees"),
    ("a man (A)", "a man A"),
])
def test_texts_of_other_wordings(a, b):
    assert wording(a) != wording(b)


@pytest.fixture
def turing(kb_root, tmp_path):
    from kb.ops.papers import load_text
    from kb.ops.session import open_kb

    (kb_root / "references.bib").write_text(BIB, "utf-8")
    (tmp_path / "t.txt").write_text(PAGE, "utf-8")
    kb = open_kb(kb_root)
    load_text(kb, "turing1950computing", tmp_path / "t.txt", extractor="text")
    return kb


@pytest.mark.parametrize("again", [
    'I propose to consider the question, "Can machines think?"',
    "I propose to consider the question, “Can machines think?”",
    "I propose to consider\nthe question,   'Can machines think?'",
    "I PROPOSE to consider the question, 'can machines think?'",
])
def test_the_same_passage_written_otherwise_is_the_stored_quote(turing, again):
    from kb.ops.quotes import add_quote, list_quotes

    first = add_quote(turing, "turing1950computing", STORED, topics=["ai"])
    second = add_quote(turing, "turing1950computing", again, topics=["turing"])
    assert second["id"] == first["id"] and second["restated"] == again
    assert second["text"] == STORED and second["merged"] == ["added topic turing"]
    stored = list_quotes(turing, paper="turing1950computing")
    assert [(q["id"], q["text"], q["topics"]) for q in stored] == [(first["id"], STORED, ["ai", "turing"])]


@pytest.mark.parametrize("other", [
    "I propose to consider the question",                               # a part of it: other spans
    "I propose to consider the question 'Can machines think?'",        # a comma left out
    "the first of 1950",
])
def test_another_wording_or_passage_is_another_quote(turing, other):
    from kb.ops.quotes import add_quote, list_quotes

    first = add_quote(turing, "turing1950computing", STORED)
    second = add_quote(turing, "turing1950computing", other)
    assert second["id"] != first["id"] and "restated" not in second and second["text"] == other
    assert len(list_quotes(turing, paper="turing1950computing")) == 2


def test_an_unverified_quote_is_never_taken_for_a_verified_one(turing):
    from kb.ops.quotes import add_quote

    add_quote(turing, "turing1950computing", STORED)
    forced = add_quote(turing, "turing1950computing", "I propose to consider the question, 'Can robots think?'",
                       force=True)
    assert forced["status"] == "unverified" and "restated" not in forced


def test_a_given_id_is_kept_for_the_same_passage(turing):
    from kb.ops.quotes import add_quote

    add_quote(turing, "turing1950computing", STORED)
    named = add_quote(turing, "turing1950computing", STORED.replace("'", '"'), quote_id="can-machines")
    assert named["id"] == "can-machines" and "restated" not in named


def test_kb_quote_add_says_it_is_stored_already_and_as_what(turing):
    from kbrun import run_kb

    assert run_kb("quote", "add", "turing1950computing", STORED).code == 0
    r = run_kb("quote", "add", "turing1950computing", STORED.replace("'", "\u201c", 1).replace("'", "\u201d"))
    assert r.code == 0
    assert r.err == ("kb: the quote is stored already as i-propose-consider-question-can, the same passage written "
                     f"{STORED!r}: its text kept; unchanged\n"), r.err

"""A single word in straight single quote marks closes at its own mark, a plural's too: "its 'z' is four zero
bytes" ran on, read as a plural's apostrophe, to a later mark, a paragraph of prose said as a quote not checked."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note


@pytest.mark.parametrize("text", [
    "ASCII85 expands four times: its 'z' is four zero bytes, and the filter decodes it whole before the reader "
    "goes on with the pages the authors' own tools wrote for the users'.\n",
    "Set the 'limits' table in kb.toml, then run the command again over every file the users gave to the authors'.\n",
    "The word 'bytes' is plural here, and the rest of this sentence is prose that no writer quoted from the "
    "papers' authors'.\n",
])
def test_a_single_word_quoted_ends_at_its_mark(text):
    note = parse_note(text)
    assert note.quotes == [] and note.unchecked == []

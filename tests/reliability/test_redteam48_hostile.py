"""Red-team round 48: hostile input of kinds the earlier rounds did not hold.

A line of thousands of quote marks in a note is read once per line, not once per quote on
it (a line of a million '"' took minutes); BibTeX text that continues an entry's fields
after its closing brace is refused, never dropped.
"""

from __future__ import annotations

from collections import Counter

import pytest

from kb.text import notes


@pytest.mark.parametrize("lead", ["", "1. ", "| ", "[^1]: "])
def test_a_line_of_many_quotes_is_read_once_per_line(monkeypatch, lead: str) -> None:
    reads: Counter = Counter()
    for name in ("_line_text", "_cell_cite", "_passage_line"):
        real = getattr(notes, name)

        def counted(*args, real=real, name=name):
            reads[name] += 1
            return real(*args)
        monkeypatch.setattr(notes, name, counted)
    text = "x\n\n" + lead + '"' * 2_000 + "\n"
    notes.parse_note(text)
    assert max(reads.values(), default=0) <= 20, reads

"""A number in words kb reads only in part is no candidate: a scale word with no "a" or "one" before it ("several
hundred pages", "ﬁve hundred words" whose ligature kb reads as no number: never 100), and the last number of a range or
a choice in words ("one to two hours", "one or two GPUs": never 2)."""

from __future__ import annotations

import pytest

from kb.quantities.numbers import extract_candidates


@pytest.mark.parametrize("part, whole", [
    ("We read several hundred pages.", "We read a hundred pages."),
    ("narrations of over ﬁve hundred words", "narrations of over two hundred words"),
    ("Annotation takes one to two hours for a student.", "Annotation takes two hours for a student."),
    ("We trained it on one or two GPUs.", "We trained it on two GPUs."),
])
def test_a_number_word_read_in_part_is_none(part, whole):
    assert ([c.value for c in extract_candidates([part])], len(extract_candidates([whole]))) == ([], 1)

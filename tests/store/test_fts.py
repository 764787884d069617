"""The text the full-text indexes hold (kb.store.fts.search_text): folded character by
character as `_SEARCH` says, whatever way search_text takes to get there."""

from __future__ import annotations

import random

import pytest

from kb.store.fts import _SEARCH, _joins, search_text

# ASCII whole (controls, '^', '`', '~' and DEL fold to nothing or another character),
# what PDFs print (soft hyphens, ligatures, dashes, quotes, math letters), accents in
# both their forms, other scripts, a lone surrogate, and pairs where one character
# folds to another that folds again ("Ø" -> "ø" -> "o", "Ŀ" -> "l·").
POOL = ([chr(c) for c in range(128)]
        + list("\u00ad\ufb01\ufb02\ufb03–—‘’“”•§→×µμÆæÐðØøÞþĿŀ·ŁłŒœ")
        + ["𝐶", "𝑂", "𝟐", "ｅ", "é", "e\u0301", "\u0301", "王", "小", "ß", "ẞ", "İ", "ǅ", "\ud800", "\U0001F600"]
        + ["-\n", "-\n  ", "\u00ad\n", "\u2010\r\n"] + list("abcdefghij ") * 8)


def _one_by_one(s: str) -> str:
    return "".join(s[a:b].translate(_SEARCH) for a, b in _joins(s))


def test_every_character_folds_as_its_table_says():
    rng = random.Random(20261203)
    texts = ["".join(rng.choice(POOL) for _ in range(rng.randrange(0, 120))) for _ in range(600)]
    texts += ["Øø", "øØ", "Ŀ·", "·Ŀ", "µμ", "eﬃ-\ncient ØØø", "".join(POOL), "plain ascii text-\nbroken"]
    for text in texts:
        assert search_text(text) == _one_by_one(text), repr(text)


@pytest.mark.parametrize("text, folded", [
    ("Efﬁ-\ncient CO2", "efficient co2"),
    ("Øø", "øo"),           # each folded once: "Ø" is "ø", not "o"
    ("Ŀ·", "l··"),
    ("a\tb\x00c^d`e", "a bcd'e"),
    ("王小明", "王小明"),
])
def test_folded_text(text, folded):
    assert search_text(text) == folded


def test_the_pairs_that_fold_twice_are_real():
    # The tests above hold the case where one character's folded form holds another
    # character that folds again: it exists in the table, so the test can fail.
    assert _SEARCH[ord("Ø")] == "ø" and _SEARCH[ord("ø")] == "o"
    assert search_text(None) is None

"""Text as printed for a person: soft hyphens and zero-width characters left out."""

from __future__ import annotations

import pytest

from kb.text.display import readable
from kb.text.normalise import normalise


@pytest.mark.parametrize("stored, shown", [
    ("a critical ingre\u00addient for", "a critical ingredient for"),
    ("language mod\u00ad\nels like BERT", "language models like BERT"),
    ("sys\u00ad tems", "systems"),
    ("zero\u200bwidth\ufeff", "zerowidth"),
    ("well-known multi-\npurpose", "well-known multi-\npurpose"),     # a printed hyphen stays
    ("no soft hyphen here\n", "no soft hyphen here\n"),
])
def test_readable_joins_a_word_broken_by_a_soft_hyphen(stored, shown):
    assert readable(stored) == shown
    assert normalise(readable(stored)) == normalise(stored)      # matching reads both the same

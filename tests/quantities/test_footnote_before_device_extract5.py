"""A footnote's mark printed after a sentence's full stop, before the next sentence opening with a device's name
("... 5.2X faster. 7 TPU v2 also uses less power"), counts no device; a count of devices opening a sentence or
inside one still does."""

from __future__ import annotations

import pytest

from kb.quantities.numbers import extract_candidates


def _found(page: str) -> list[tuple[str, str]]:
    return [(c.number, c.unit) for c in extract_candidates([page])]


@pytest.mark.parametrize("page, mark", [
    ("Evolved Transformer (Medium) runs 5.2X faster. 7    TPU   v2   also   uses   less   power.", "7"),
    ("Its power is shown (see Figure 2). 12 TPU v4 doubles the memory of v3.", "12"),
])
def test_footnote_mark_before_device_name(page, mark):
    assert mark not in [n for n, _ in _found(page)]


@pytest.mark.parametrize("page, figure", [
    ("It was trained fast. 8 TPU v3 chips were used.", ("8", "TPU")),
    ("This ran faster. 4 TPU v3 were used for it.", ("4", "TPU")),
    ("We trained it on 7 TPU v2 for a day.", ("7", "TPU")),
    ("It is fast. 7 TPUs ran it.", ("7", "TPU")),
    ("We used 64 TPU v3 chips.", ("64", "TPU")),
])
def test_device_count_kept(page, figure):
    assert figure in _found(page)

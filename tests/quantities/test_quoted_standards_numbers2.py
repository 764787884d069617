"""A standard's name and the parts of its number ("ISO/IEC 30134-2", "ISO 14064-1:2018", "IEEE 754") hold no figure
of a claim, as a table's or a section's number does not."""

from __future__ import annotations

import pytest
from judging import judged


@pytest.mark.parametrize("value, quote, ok", [
    ("30134", "ISO/IEC 30134-2 defines PUE; ours is 1.12.", False),
    ("2", "ISO/IEC 30134-2 defines PUE; ours is 1.12.", False),
    ("1.12", "ISO/IEC 30134-2 defines PUE; ours is 1.12.", True),
    ("2018", "ISO 14064-1:2018 certified sites cut emissions by 12%.", False),
    ("12%", "ISO 14064-1:2018 certified sites cut emissions by 12%.", True),
    ("754", "IEEE 754 doubles use 64 bits.", False),
    ("2616", "RFC 2616 allows 8 KB headers.", False),
])
def test_a_standards_number_is_no_figure(value, quote, ok):
    judged(value, quote, ok)

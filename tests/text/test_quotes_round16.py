"""Quotes as writers copy them, round 16: each row a page text written here, with quotes that must
verify and quotes that must be refused."""

from __future__ import annotations

import pytest
from judging import quotes_judged

# A footnote marker after the full stop of a sentence ending in a number with an exponent ("5e-5.4 Following",
# "1e−3.2 The"), its footnote on the page: no decimal point follows an exponent, so a quote leaving the marker out
# verifies; a number without an exponent ("1.5.3 Then") keeps its digits, and a changed exponent or a marker glued
# into the number ("5e-54.") is refused. (pages, rights, wrongs)
AFTER_EXPONENTS = [
    (["The models are trained for 6 epochs with a learning rate of 5e-5.4 Following previous work [35], we use "
      "beam search with 5 beams. The gap was p < 1e−3.2 The rate was 1.5.3 Then it fell.\n"
      "2The test is two-sided.\n3A version.\n4We tried 1e-4 too."],
     ["with a learning rate of 5e-5. Following previous work [35], we use beam search with 5 beams.",
      "with a learning rate of 5e-5.", "The gap was p < 1e-3. The rate was"],
     ["with a learning rate of 5e-4. Following previous work", "with a learning rate of 5e-54. Following previous work",
      "The gap was p < 1e-2. The rate was", "The rate was 1.5. Then it fell."]),
]


@pytest.mark.parametrize("pages,rights,wrongs", AFTER_EXPONENTS, ids=lambda v: "")
def test_a_footnote_marker_after_a_numbers_exponent_may_be_left_out(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)

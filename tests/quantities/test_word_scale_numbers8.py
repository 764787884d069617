"""A number in words that "hundred", "dozen", "thousand" or "million" multiplies is the product, never its first word:
"two hundred pages per case" is 200 pages per case (was 2); one kb cannot read whole ("two hundred fifty papers") is
no candidate."""

from __future__ import annotations

import pytest

from kb.quantities.numbers import extract_candidates


@pytest.mark.parametrize("text, figures", [
    ("Source documents often exceed two hundred pages per case.", [200.0]),
    ("The cluster held two thousand GPUs in all.", [2000.0]),
    ("We sampled three million tokens from it.", [3000000.0]),
    ("We read two hundred fifty papers.", []),
])
def test_a_scale_word_multiplies_its_number_word(text, figures):
    assert [c.value for c in extract_candidates([text])] == figures

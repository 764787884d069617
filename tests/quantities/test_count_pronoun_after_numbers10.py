"""A pronoun after a number opens a clause and names nothing the number counts: a count claim whose noun the quote
prints nowhere is refused ("5–7 papers" of "selected 5–7 they thought were relevant": was verified), while one whose
noun the sentence counts still verifies ("5 papers" of "we read the papers and selected 5 they liked")."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import value_in_quote


@pytest.mark.parametrize("value, quote, named", [
    ("5–7 papers", "each annotator selected 5–7 they thought were relevant",
     "we read the papers and each selected 5–7 they thought were relevant"),
    ("3 GPUs", "of the nodes we kept 3 we could reach", "of the GPUs we kept 3 we could reach"),
])
def test_a_pronoun_after_a_number_names_no_count(value, quote, named):
    assert [value_in_quote(value, quote).ok, value_in_quote(value, named).ok] == [False, True]

"""A number that is the subject of a verb is no count of the verb's word: "Here 17 says which of the operations" counts no
'says', "Then two works the machine" no works; the same word as a noun ("two works were cited", "in 3 runs the model")
still counts, on the page and in a quote."""

from __future__ import annotations

import pytest

from kb.quantities.numbers import extract_candidates
from kb.quantities.quoted import value_in_quote


def _counted(text: str, figure: str) -> bool:
    return any(c.number == figure for c in extract_candidates([text]))


@pytest.mark.parametrize("verb, noun, figure", [
    ("It is coded as 6809430217. Here 17 says which of the operations is to be performed.",
     "Of these, 17 papers were read.", "17"),
    ("Then two works the machine through it.", "Later, two works were cited.", "2"),
    ("When 12 plays the role of a key, we stop.", "When 12 plays were staged, we stopped.", "12"),
])
def test_a_verb_after_its_subject_counts_nothing(verb, noun, figure):
    assert (_counted(verb, figure), _counted(noun, figure)) == (False, True)


@pytest.mark.parametrize("value, verb, noun", [
    ("17 items", "Here 17 says which of the operations is to be performed", "we read 17 items of it"),
    ("3 runs", "Then 3 runs the job on the cluster", "in 3 runs the model diverged"),
    ("5 uses", "and 5 uses it as input", "we found 5 uses of it"),
])
def test_a_quote_of_a_verbs_subject_holds_no_count(value, verb, noun):
    assert (value_in_quote(value, verb).ok, value_in_quote(value, noun).ok) == (False, True)

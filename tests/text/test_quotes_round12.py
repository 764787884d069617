"""Quotes as writers copy them, round 12: each row a page text written here, with quotes that must
verify and quotes that must be refused."""

from __future__ import annotations

import pytest

from kb.text.match import find_quote
from kb.text.normalise import Document


def _judged(pages: list[str], rights: list[str], wrongs: list[str]) -> None:
    doc = Document(pages)
    for right in rights:
        assert find_quote(doc, right) is not None, right
    for wrong in wrongs:
        assert find_quote(doc, wrong) is None, wrong


# A plural's bare verb after a relative clause holding a negation, before an adjective or a noun: the
# sentence's own verb where the paper shows the word as a verb elsewhere ("indicates the", "may
# explain"), whatever the word; a word the paper never shows so, or one before another verb, stays
# in the clause. (pages, rights, wrongs)
BARE_VERB = [
    (["Intervals that do not contain zero indicate significant correlation with the ratings. A positive "
      "coefficient indicates the strategy is useful. Runs that did not converge explain large variance; "
      "this may explain the gap. Models that do not reuse work show poor results; methods can work well and "
      "each shows the gain."],
     ["Intervals that … indicate significant correlation with the ratings.", "indicate significant correlation",
      "Intervals that do not contain zero indicate significant correlation"],
     ["Intervals that contain zero indicate significant correlation", "Intervals that … indicate correlation",
      "zero indicate significant correlation", "work show poor results", "Models that … work show poor results",
      "Intervals that … indicate insignificant correlation"]),
]
# The same sentence in a paper that never shows "indicate" as a verb.
NOT_SHOWN = (["Intervals that do not contain zero indicate significant correlation with the ratings."],
             ["Intervals that do not contain zero indicate significant correlation"],
             ["indicate significant correlation", "Intervals that … indicate significant correlation"])


@pytest.mark.parametrize("pages,rights,wrongs", BARE_VERB, ids=lambda v: "")
def test_a_bare_verb_the_paper_shows_as_one_after_a_negated_relative_clause(pages, rights, wrongs) -> None:
    _judged(pages, rights, wrongs)
    _judged(*NOT_SHOWN)

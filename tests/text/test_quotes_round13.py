"""Quotes as writers copy them, round 13: each row a page text written here, with quotes that must
verify and quotes that must be refused."""

from __future__ import annotations

import pytest
from judging import quotes_judged

# A negation an extractor glued to the word before it, or split at a kerned font's kerns beside its
# apostrophe: what an insertion or an ellipsis leaves out holds it, so "[we] want" of "we do not want" is
# refused however the page prints the "not". (pages, rights, wrongs)
_KERNED = ("In this w a y w e can sa y that the v ector is an eigen v ector of the matrix and it ma y b e computed b y "
           "rep eatedly applying A to an y v ector. In fact/, %s the dominan t eigen v ector of A /. ")
HIDDEN = [
    ([_KERNED % "w edonot w an t"], ["the dominant eigenvector of A."],
     ["In fact, [we] want the dominant eigenvector", "In fact, [they] … want the dominant eigenvector"]),
    ([_KERNED % "w en ev er w an t"], ["the dominant eigenvector of A."],
     ["In fact, [we] want the dominant eigenvector", "In fact, [we] … want the dominant eigenvector"]),
    ([_KERNED % "w e don 't w an t"], ["the dominant eigenvector of A."],
     ["In fact, [we] want the dominant eigenvector", "In fact, [they] want the dominant eigenvector"]),
    ([_KERNED % "w e /#28not/#29 w an t"], ["the dominant eigenvector of A."],
     ["In fact, [we] … want the dominant eigenvector"]),
    (["In fact, wedonot want the dominant eigenvector, and we isnot sure a knot holds."],
     ["the dominant eigenvector, and", "sure a … holds"],
     ["In fact, [we] want the dominant eigenvector", "In fact, [we] … want the dominant eigenvector", "In fact, we … want the dominant eigenvector",
      "and we … sure a knot holds", "we … sure a knot holds"]),
]


@pytest.mark.parametrize("pages,rights,wrongs", HIDDEN, ids=lambda v: "")
def test_a_negation_glued_or_split_at_kerns_is_no_words_left_out(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)


# The paper's own labels, a small letter in brackets before a capitalised word or a number ("to [j]Judge
# Susan J. Dlott"), left out by a quote that changes a letter's case of its own or none: the words found
# where the paper prints them after the label. A word or a number changed, or another label, is refused.
LABELS = [
    (["The EEOC sought relief. The case was assigned to [j]Judge Susan J. Dlott. On [m]June 15, 2005, the "
      "court found that the [a]Equal Employment Opportunity Commission was right."],
     ["[T]he case was assigned to Judge Susan J. Dlott.", "The case was assigned to Judge Susan J. Dlott.",
      "[O]n June 15, 2005, the court found", "the [a]Equal Employment Opportunity Commission was right"],
     ["[T]he case was assigned to Judge Susan J. Spiegel.", "[T]he case was assigned to [k]Judge Susan J. Dlott.",
      "[O]n June 15, 2006, the court found", "[T]he case was not assigned to Judge Susan J. Dlott.",
      "[T]he case was assigned to [J]udge Susan J. Dlott."]),
]


@pytest.mark.parametrize("pages,rights,wrongs", LABELS, ids=lambda v: "")
def test_the_papers_own_labels_left_out(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)


# A plural's bare verb right after a negated relative clause's one verb ("runs that did not converge | explain"):
# the sentence's own where the paper shows the word as a verb and never as a noun, and the negated verb with no
# object (never before an article); with no object of its own (the sentence ends, or "why", "how") only where the
# paper prints the negated verb ending a clause. A word that may be the negated verb's object ("reuse | work") stays
# in the clause. (pages, rights, wrongs)
NO_OBJECT = [
    (["Runs that did not converge explain why the gap is large; this may explain the gap. Runs that do not "
      "converge explain large variance. Some do not converge. Runs that did not converge explain."],
     ["Runs that … explain why the gap is large", "Runs that … explain large variance.", "Runs that … explain."],
     ["Runs that converge explain why the gap is large", "Runs that … explain why the gap is small",
      "Runs that … converge explain.", "converge explain large variance."]),
]


# A word the paper shows as a noun, or after a verb it shows with an object.
OBJECT = (["Models that do not reuse work. Methods can work well. We reuse the code; our work "
           "may help. Models that do not reuse work show gains; they can show it."],
          [], ["Models that … work.", "Models that … work show gains"])


@pytest.mark.parametrize("pages,rights,wrongs", NO_OBJECT, ids=lambda v: "")
def test_a_bare_verb_after_a_negated_verb_with_no_object(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)
    quotes_judged(*OBJECT)

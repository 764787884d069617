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


# Two counts of different things joined by "and" are a list, not a range: an ellipsis may leave out the first
# ("with … 5 folds" of "with 3 seeds and 5 folds"). Counts of units ("1 hour and 30 minutes", "3 kg and 5 g"), of
# one thing ("3 GPUs and 5 GPUs"), a bound without its noun ("20 and 40%") and "between" keep the range, and a
# quote leaving out its first bound is refused. (pages, rights, wrongs)
COUNT_LISTS = [
    (["We trained each model with 3 seeds and 5 folds on every task. It used 4 GPUs and 2 CPUs per node. The job "
      "took 1 hour and 30 minutes in all. The cost was 3 GPUs and 5 GPUs in turn. We picked between 3 seeds and "
      "5 folds. It weighs 3 kg and 5 g here. Accuracy rose between 20 and 40% over it."],
     ["We trained each model with … 5 folds on every task", "It used […] 2 CPUs per node",
      "We trained each model with 3 seeds and … 5 folds"],
     ["The job took … 30 minutes in all", "The cost was … 5 GPUs in turn", "We picked between … 5 folds",
      "It weighs … 5 g here", "Accuracy rose between … 40% over it", "We trained each model with … 6 folds"]),
]


@pytest.mark.parametrize("pages,rights,wrongs", COUNT_LISTS, ids=lambda v: "")
def test_an_ellipsis_may_leave_out_the_first_of_two_counts_of_different_things(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)

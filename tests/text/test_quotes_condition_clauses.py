"""A quote that starts at a second clause of a condition, or at what a condition opening its sentence says follows from
it, states as fact what the paper says only under that condition: refused, as a quote starting right after the
condition's words is ("Suppose that the data are noisy and the labels are wrong" holds no "the labels are wrong")."""

from __future__ import annotations

import pytest

from kb.text.match import Document, closest_passage, find_quote

PAGE = ("An introduction comes first. Suppose that the data are noisy and the labels are wrong. If the model is large, "
        "training takes weeks. We note that if the batch is small and the rate is high, the loss diverges. Unless the "
        "grid is clean, emissions stay high. Assuming that the data are clean, the gain holds. "
        "Assuming the cluster is idle or the jobs are short, power falls to 40 W. "
        "When the GPU is idle, power drops to 50 W. In 2019, training took 9 days. If we look at the averages, we can "
        "observe that overall, the emissions have grown. Data and code are open, and results hold. We found that the "
        "gain is small and the cost is high. The authors provided the code and the data are public.")


@pytest.mark.parametrize("quote", [
    "the labels are wrong",                 # the second clause of a supposition
    "training takes weeks",                 # what a condition opening its sentence says follows
    "the loss diverges",                    # ... a condition opening a "that" clause
    "the rate is high",                     # the second clause of a condition inside a "that" clause
    "emissions stay high",                  # after "Unless ..., "
    "the jobs are short",                   # "or" joins a second clause of an assumption
    "power falls to 40 W",
    "the gain holds",                       # "Assuming that ..., the gain holds": under that assumption only
    "[T]raining takes weeks",
])
def test_a_clause_said_only_under_a_condition_is_refused_quoted_alone(quote):
    assert find_quote(Document([PAGE]), quote) is None


@pytest.mark.parametrize("quote", [
    "Suppose that the data are noisy and the labels are wrong.",     # quoted with its condition
    "If the model is large, training takes weeks.",
    "if the batch is small and the rate is high, the loss diverges",
    "Unless the grid is clean, emissions stay high.",
    "power drops to 50 W",                  # "When ...": a time, no condition
    "training took 9 days",                 # "In 2019, ...": no condition
    "the emissions have grown",             # "If we look at ...": a reader's view, no condition on what it observes
    "results hold",                         # "and" after no condition
    "the cost is high",                     # "We found that ... and ...": a finding
    "the data are public",                  # "provided" as a verb
])
def test_a_clause_no_condition_holds_or_quoted_with_its_condition_verifies(quote):
    assert find_quote(Document([PAGE]), quote) is not None


@pytest.mark.parametrize("quote, condition", [
    ("the labels are wrong", "Suppose that the data are noisy and"),
    ("training takes weeks", "If the model is large,"),
    ("the loss diverges", "if the batch is small and the rate is high,"),
    ("emissions stay high", "Unless the grid is clean,"),
    ("the gain holds", "Assuming that the data are clean,"),
    ("the data are noisy and the labels are wrong", "Suppose that"),
    ("the model is large, training takes weeks", "If"),
    ("the cluster is idle or the jobs are short", "Assuming"),
])
def test_the_reason_names_the_condition_the_quote_leaves_out(quote, condition):
    doc = Document([PAGE])
    assert find_quote(doc, quote) is None
    why = closest_passage(doc, quote).describe()
    assert f'only under a condition, "{condition} ..."' in why, why

"""A condition is one whatever the page's line breaks: a quote starting at what a condition opening its sentence says
follows, or at a second clause of one, is refused where the condition wraps a printed line as where it does not; a
sentence opening with "Provided" or "In case" is such a condition; a quote keeping the consequent's "then" says it
follows from something. Factual openers ("When", "Since", "Because", "Given that", "Even if", "In the case of", a
reader's "If we look at") and a paragraph's break keep their quotes verifying."""

from __future__ import annotations

import pytest

from kb.text.match import Document, find_quote

PAGE = ("Some problems come first. Suppose Mother wants Tommy to call at the cobbler's every morning on his way\n"
        "to school to see if her shoes are done, she can ask him afresh every morning. If the grid is\n"
        "clean and the jobs are\nshort, emissions fall to 40 g per run. We note that if the batch\nis small, the loss "
        "diverges quickly. Provided it is made clear which are proved facts and which are\nconjectures, no harm can "
        "result. In case the server is down, the job restarts on another node. Each encounter has a\nbinary label of "
        "whether the patient acquired sepsis during the stay. We test whether\nthe embeddings are predictive of the "
        "class. When trained on\nnews text, the model reaches 91 F1 on the test set. Since the grid is\nclean, "
        "emissions are low in Quebec. Because the cluster was idle, power stayed at 50 W overall. Given\nthat these "
        "can evolve over time, we report the 2021 figures. Even if a reader does\nrecognize a citation, they likely "
        "will not recall its context. In the case of BERT, the\nmodel uses 110M parameters. If we look at the\n"
        "averages, the emissions have grown every year. Whether the model is large or small, training\ntakes at least "
        "two days. If the grid is clean and the jobs\nare short, then the cost is low for all. The model is large, as\n"
        "we saw, and training takes weeks here.\n\nIf the method\n\nworks, results "
        "follow from the appendix.")


@pytest.mark.parametrize("quote", [
    "she can ask him afresh every morning",     # "Suppose ..., " across a printed line
    "the jobs are short",                       # a second clause of a condition across a line
    "emissions fall to 40 g per run",           # the consequent of a condition wrapped twice
    "the loss diverges quickly",                # "that if the batch\nis small, "
    "no harm can result",                       # "Provided ..., "
    "the job restarts on another node",         # "In case ..., "
    "the cost is low for all",                  # "..., then " left out
])
def test_a_clause_said_under_a_wrapped_condition_or_asked_is_refused(quote):
    assert find_quote(Document([PAGE]), quote) is None


@pytest.mark.parametrize("quote", [
    "Suppose Mother wants Tommy to call at the cobbler's every morning on his way to school to see if her shoes are "
    "done, she can ask him afresh every morning.",
    "Provided it is made clear which are proved facts and which are conjectures, no harm can result.",
    "the model reaches 91 F1 on the test set",  # "When trained on X, ": a time, no condition
    "emissions are low in Quebec",              # "Since ..., "
    "power stayed at 50 W overall",             # "Because ..., "
    "we report the 2021 figures",               # "Given that ..., "
    "they likely will not recall its context",  # "Even if ..., ": holds anyway
    "model uses 110M parameters",               # "In the case of BERT, the\nmodel"
    "the emissions have grown every year",      # a reader's "If we look at ..." across a line
    "training takes at least two days",         # "Whether ... or ..., ": holds either way
    "training takes weeks here",                # "as we saw" is no condition
    "results follow from the appendix",         # no condition across a paragraph's break
    "then the cost is low for all",             # the consequent's own "then" quoted
])
def test_a_clause_no_condition_holds_verifies_across_lines(quote):
    assert find_quote(Document([PAGE]), quote) is not None

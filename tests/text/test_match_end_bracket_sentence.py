"""A bracket ending a quote: after a pronoun or a demonstrative it adds a referent only where the paper prints no
word after it, else it stands for the paper's next words ("this [dataset]" of "this dataset", never "this
[summaries]"); a quote's full stop after it says the paper's sentence ends after what it stands for. A quote's final
"?" and the paper's are the same or it is another sentence; "!" for "." is the same sentence."""
import pytest

from kb.text.match import find_quote
from kb.text.normalise import Document

PAGE = ("Volunteers read the comments and moderate them monthly. We release the summaries with this dataset. "
        "In this paper we study clusters. The model is large and we trained it. We kept those models small. "
        "Can a model be trained in 1 day? The results are surprising! The authors used that corpus for training. "
        "We found it. They remove it entirely, and we keep them, as before. Is the gain real? "
        "Suppose a paper cluster contains both surveys and reviews. In practice a paper cluster holds many works.")
DOC = Document([PAGE])


@pytest.mark.parametrize("quote", [
    "moderate them [comments].",                  # the paper's "monthly"
    "moderate them [comments]",
    "and moderate them [the comments].",
    "with this [summaries].",                     # the paper's "dataset"
    "with this [corpus]",
    "In this [work]",                             # the paper's "paper"
    "The authors used that [data].",
    "They remove it [the comments]",              # the paper's "entirely"
    "and moderate [the comments].",               # "them monthly": the sentence goes on after "them"
    "the summaries with [the data].",
    "Can a model be trained in 1 [day].",         # a question made a statement
    "Can a model be trained in 1 [day]!",
    "The results are [surprising]?",              # a statement made a question
    "trained in 1 day.",
    "trained in 1 day!",
    "Can a model be trained in 1 day.",
    "Is the gain real.",
    "The results are surprising?",
    "We found it?",
    "moderate them monthly?",
])
def test_an_end_bracket_or_mark_saying_otherwise_is_refused(quote):
    assert find_quote(DOC, quote) is None


@pytest.mark.parametrize("quote", [
    "with this [dataset].",                       # the same noun
    "with this [dataset]",
    "with [the dataset].",
    "We kept those [models] small.",
    "used that [corpus] for training",
    "We found it [the model].",                   # the paper's sentence ends after "it"
    "and we trained it [the model].",
    "and we trained [it].",
    "and we keep them [the models]",              # a comma follows "them": no word stands there
    "They remove it [i.e., the corpus]",          # a gloss marked as the writer's
    "Can a model be trained in 1 [day]?",
    "trained in 1 day?",
    "Is the gain real?",
    "The results are surprising.",                # "." for "!"
    "The results are surprising!",
    "The results are [surprising]!",
    "with this [dataset]!",                       # "!" for "."
    "We found it!",
    "moderate them monthly!",
    "Can a model be trained in 1 day",
    "[A] paper cluster holds many works",         # the writer's capital for the paper's "a"
    "[I]n practice a paper cluster",
])
def test_an_end_bracket_or_mark_saying_the_same_verifies(quote):
    assert find_quote(DOC, quote) is not None


@pytest.mark.parametrize("quote", [
    "[A] paper cluster contains both surveys and reviews.",   # the paper supposes it: a condition cut off
    "a paper cluster contains both surveys and reviews.",
])
def test_a_supposition_cut_off_is_refused_with_or_without_a_capital(quote):
    assert find_quote(DOC, quote) is None

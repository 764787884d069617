"""A quote never drops the words that make the paper's clause a supposition, a condition or a hypothetical."""

from __future__ import annotations

import pytest

from kb.text.match import find_quote
from kb.text.normalise import Document


@pytest.mark.parametrize("page, quote", [
    ("Suppose that the data are noisy. Then the loss grows.", "[T]he data are noisy"),
    ("Suppose that the data are noisy. Then the loss grows.", "the data are noisy"),
    ("Assuming that the data are clean, the gain holds.", "[T]he data are clean, the gain holds"),
    ("Assume a model is trained on news. It then fails.", "a model is trained on news"),
    ("Assume that a model is trained on news. It then fails.", "[A] model is trained on news"),
    ("Imagine the cluster holds two drafts of one paper.", "[T]he cluster holds two drafts"),
    ("Imagine that the cluster holds two drafts of one paper.", "the cluster holds two drafts"),
    ("Suppose, for example, a paper cluster contains both drafts.", "[A] paper cluster contains both drafts"),
    ("Suppose, for instance, that a paper cluster contains both drafts.", "a paper cluster contains both drafts"),
    ("Assuming, for simplicity, that the grid is clean, emissions fall.", "the grid is clean"),
    ("Imagine, then, a world where data are free.", "a world where data are free"),
    ("Supposing, say, the seed is fixed, runs are identical.", "the seed is fixed"),
    ("Consider the case that the server is down for a day.", "the server is down for a day"),
    ("Consider the case where the server is down for a day.", "the server is down for a day"),
    ("Consider the hypothetical scenario in which the server is down for a day.", "the server is down for a day"),
    ("In a world where data are free, models grow.", "data are free, models grow"),
    ("If we assume the energy is split evenly, training dominates.", "the energy is split evenly"),
    ("If we assume that the energy is split evenly, training dominates.", "[T]he energy is split evenly"),
    ("Note that we assume pausing the job is immediate.", "pausing the job is immediate"),
    ("Let us say the budget is ten GPUs.", "the budget is ten GPUs"),
    ("Let’s say the budget is ten GPUs.", "the budget is ten GPUs"),
    ("Say the budget is ten GPUs.", "[T]he budget is ten GPUs"),
    ("Were the model to be retrained daily, emissions would triple.", "the model to be retrained daily"),
    ("Had we trained longer, the loss would fall.", "we trained longer"),
    ("In the event that the model fails, we fall back to rules.", "the model fails"),
    ("On the assumption that the grid is clean, emissions fall.", "the grid is clean"),
    ("Under the assumption that the grid is clean, emissions fall.", "[T]he grid is clean"),
    ("Provided that the seed is fixed, runs are identical.", "the seed is fixed, runs are identical"),
    ("It converges provided the step is small.", "the step is small"),
    ("Hypothetically, the gain would vanish.", "the gain would vanish"),
    ("If   we   assume   all   \nfour   of   the   models   ran   in   one   datacenter.", "all four of the models ran"),
])
def test_a_supposition_left_out_is_refused(page, quote) -> None:
    assert find_quote(Document([page]), quote) is None


@pytest.mark.parametrize("page, quote", [
    ("We assume the data are public and licensed.", "We assume the data are public"),
    ("In practice, the data are noisy and sparse.", "[T]he data are noisy"),
    ("The method works, assuming the data are clean.", "assuming the data are clean"),
    ("Suppose that the data are noisy. Then the loss grows.", "Suppose that the data are noisy"),
    ("Suppose that the data are noisy. Then the loss grows.", "Then the loss grows"),
    ("Imagine the cluster holds two drafts of one paper.", "Imagine the cluster holds two drafts"),
    ("Given that the data are public, we release the code.", "[T]he data are public"),   # presupposed: so
    ("Given that the data are public, we release the code.", "we release the code"),
    ("We provided the code to reviewers on request.", "the code to reviewers"),            # a verb
    ("The code was provided to reviewers on request.", "to reviewers on request"),
    ("In the event of a failure, we fall back to rules.", "we fall back to rules"),
    ("Assume nothing. The data are noisy.", "The data are noisy"),
    ("Consider the following example: the grid is clean.", "the grid is clean"),
    ("Consider Table 2, which reports the results.", "Table 2, which reports the results"),
    ("We had trained for a day.", "trained for a day"),
    ("As they say, the budget is ten GPUs.", "the budget is ten GPUs"),
    ("The runs were the same.", "the same"),
    ("The loss, if anything, grows; the data are noisy.", "the data are noisy"),
])
def test_a_quote_outside_a_supposition_verifies(page, quote) -> None:
    assert find_quote(Document([page]), quote) is not None

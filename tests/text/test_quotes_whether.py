"""A quote starting right after "whether" states as fact what the paper only asks ("the model is biased" of "We test
whether the model is biased"): refused, with a reason naming it; quoted with its "whether" ("[W]hether the model is
biased") it verifies, as does a sentence that asks nothing."""

from __future__ import annotations

import pytest

from kb.text.match import Document, closest_passage, find_quote

PAGE = ("We test whether the model is biased on these inputs. It is unclear whether pruning helps at scale. The next "
        "question is whether such green datacenters are available to all. It matters little whether it takes 2 weeks "
        "on 10 GPUs. We ask whether or not emissions fall when jobs move. Users decide whether the cache is kept. "
        "Whether the gain holds for larger models remains open. We measured the model is biased toward short inputs. "
        "Pruning helps at scale in our runs.")


@pytest.mark.parametrize("quote", [
    "the model is biased on these inputs",
    "pruning helps at scale.",
    "such green datacenters are available to all",
    "it takes 2 weeks on 10 GPUs",
    "emissions fall when jobs move",            # after "whether or not"
    "the cache is kept",
    "the gain holds for larger models",          # a "Whether" opening its sentence
    "[T]he cache is kept",
])
def test_what_a_paper_asks_quoted_without_its_whether_is_refused(quote):
    doc = Document([PAGE])
    assert find_quote(doc, quote) is None
    near = closest_passage(doc, quote)
    assert near is not None and "asks it" in near.describe() and "whether" in near.describe().lower()


@pytest.mark.parametrize("quote", [
    "[W]hether the model is biased on these inputs",
    "whether pruning helps at scale",
    "whether or not emissions fall when jobs move",
    "Whether the gain holds for larger models remains open.",
    "the model is biased toward short inputs",   # stated, no "whether" before it
    "Pruning helps at scale in our runs.",
    "We test whether the model is biased",
])
def test_a_question_quoted_with_its_whether_or_a_statement_verifies(quote):
    assert find_quote(Document([PAGE]), quote) is not None

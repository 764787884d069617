"""A bracket standing for words of the paper says nothing the paper does not: a referring word that says
something of its own ("same", "former", "in", "from") or a verb stands only for itself, or is stood for only by
itself ("[same]" for "different", "[is]" for "seems", "[has]" for "lacks", "[to]" for "from" were verified)."""

import pytest

from kb.text.match import find_quote
from kb.text.normalise import Document

PAGE = ("We trained the model on different data. The method seems effective for long documents. "
        "The corpus has no duplicates and lacks labels for most papers. Results moved from the baseline to the new "
        "model. Both systems use the same tokenizer. It is shown in the table above. "
        "The authors found that it works well in practice. The encoder was pretrained on the same corpus as BERT.")
DOC = Document([PAGE])


@pytest.mark.parametrize("quote", [
    "We trained the model on [same] data.",
    "Both systems use the [different] tokenizer.",
    "The method [is] effective for long documents.",
    "The corpus has no duplicates and [has] labels for most papers.",
    "Results moved [to] the baseline to the new model.",
    "Results moved from the baseline [from] the new model.",
    "The authors found that it works well [outside] practice.",
    "The authors found that it works well [at] practice.",
    "The encoder was pretrained on the [other] corpus as BERT.",
    "The encoder was pretrained on the same corpus [unlike] BERT.",
    "The encoder [lacks] pretrained on the same corpus as BERT.",
    "The method [has] effective for long documents.",
])
def test_a_bracket_saying_what_the_paper_does_not_is_refused(quote):
    assert find_quote(DOC, quote) is None


@pytest.mark.parametrize("quote", [
    "We trained [it] on different data.",
    "Both systems use the [same] tokenizer.",
    "It [was] shown in the table above.",
    "[The method] is shown in the table above.",
    "The authors found that [the model] works well in practice.",
    "[The encoder] was pretrained on the same corpus as BERT.",
    "The encoder [is] pretrained on the same corpus as BERT.",
    "The method seems effective for long documents.",
])
def test_a_bracket_standing_for_what_the_paper_says_is_verified(quote):
    assert find_quote(DOC, quote) is not None

"""An ellipsis that skips a sentence's end may join two sentences only where the words kept before it end one, or
the words kept after it open one (but its first word or two where each only links it to the one before: "After",
"However,"): the start of one sentence
read with another's end as one says what neither says ("Questions pertaining to the Allen Institute for ... past and
ongoing efforts ... should be directed to info@clearinghouse.net", of the question to the other institute)."""

from __future__ import annotations

import pytest

from kb.text.match import find_quote
from kb.text.normalise import Document

PAGE = ("Questions pertaining to the Allen Institute for AI's involvement in curating or maintaining this dataset "
        "should be directed to dougd@allenai.org. Questions pertaining to the CRLC's involvement in curating or "
        "maintaining this dataset and/or the CRLC's past and ongoing efforts to produce and disseminate these summaries "
        "should be directed to info@clearinghouse.net.\nThe baseline model is slow on long inputs. In both domains, the "
        "statistical approach gives the highest precision and the lowest yield. If the input is short, the baseline "
        "model is fast. After reading the title, Sarah has many "
        "questions. It achieves 91.2% accuracy on the test set. However, our model converges in 3 days.")


@pytest.mark.parametrize("quote", [
    # the words before the ellipsis end their sentence
    "should be directed to dougd@allenai.org. ... the CRLC's past and ongoing efforts to produce and disseminate these",
    "The baseline model is slow on long inputs ... the lowest yield.",
    "The baseline model is slow on long inputs. ... gives the highest precision",
    # the words after it open their sentence
    "Questions pertaining to the Allen Institute for ... In both domains, the statistical approach gives",
    "The baseline model is ... After reading the title, Sarah has many questions.",
    "The baseline model is ... It achieves 91.2% accuracy",
    # a later sentence's first word or two left out
    "The baseline model is ... reading the title, Sarah has many questions.",
    "The baseline model is ... our model converges in 3 days.",
    "The baseline model is slow ... However, our model converges",
    # an opening phrase its comma sets off
    "Questions pertaining to the Allen Institute for ... the statistical approach gives the highest precision",
    "The baseline model is slow ... the statistical approach gives the highest precision",
    "The baseline model is slow on ... Sarah has many questions.",
    # inside one sentence, as before
    "Questions pertaining to the Allen Institute for ... should be directed to dougd@allenai.org.",
    "In both domains, the ... approach gives the highest precision",
])
def test_an_ellipsis_ending_or_opening_a_sentence_joins_them(quote):
    assert find_quote(Document([PAGE]), quote) is not None


@pytest.mark.parametrize("quote", [
    "Questions pertaining to the Allen Institute for ... past and ongoing efforts to produce and disseminate these "
    "summaries should be directed to info@clearinghouse.net.",
    "Questions pertaining to the Allen Institute for AI's ... maintaining this dataset and/or the CRLC's past efforts",
    "Questions pertaining to the Allen Institute for ... the highest precision and the lowest yield.",
    "The baseline model is ... the highest precision and the lowest yield.",
    "The baseline model ... gives the highest precision",
    "The baseline ... 91.2% accuracy on the test set.",
    "The baseline model is ... achieves 91.2% accuracy on the test set.",     # "It", a subject of its own
    "Questions pertaining to the Allen Institute for ... the baseline model is fast.",    # a condition left out
    "The baseline model is slow on ... model converges in 3 days.",
    "The baseline model [...] statistical approach gives the highest precision",
    "the CRLC's involvement in curating or maintaining this dataset and/or the CRLC's past and ongoing efforts to "
    "produce and disseminate … the lowest yield.",
])
def test_the_start_of_one_sentence_fused_to_the_end_of_another_is_refused(quote):
    assert find_quote(Document([PAGE]), quote) is None

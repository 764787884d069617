"""A page's number or a draft's line numbers that a quote types with a space for the page's line break are no figures
of the quote ("4977 items" of "4977 S2ORC consists of 81.1M papers" for the page's "4977\\nS2ORC": was verified, now
refused; "81.1M papers" still verified)."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import value_in_quote

_LINES = "".join(f"{n}\n{w} first set\n" for n, w in zip(range(40, 46), ["papers", "models", "runs", "tables",
                                                                          "nodes", "jobs"])) + "we used 8 GPUs"


@pytest.mark.parametrize("passage, numbering, figure", [
    ("4977\nS2ORC consists of 81.1M papers", "4977 items", "81.1M papers"),
    ("2274 \nco-viewed papers ranked higher, on 12 GPUs", "2274 papers", "12 GPUs"),
    (_LINES, "42 runs", "8 GPUs"),
])
def test_a_page_or_line_number_typed_with_a_space_is_no_figure(passage, numbering, figure):
    quote = " ".join(passage.split())
    assert [value_in_quote(numbering, quote, passage=passage).ok,
            value_in_quote(figure, quote, passage=passage).ok] == [False, True]

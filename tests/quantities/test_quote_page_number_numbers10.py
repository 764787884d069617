"""A page's number a quote copies alone on its first line, or a draft's line numbers it copies, are no figures of the
quote, as they are none of the page ("4977 items" of "4977\\nS2ORC consists of 81.1M papers": was verified, now
refused; "81.1M papers" still verified)."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import value_in_quote

_LINES = "".join(f"{n}\n{w} first set\n" for n, w in zip(range(40, 46), ["papers", "models", "runs", "tables",
                                                                          "nodes", "jobs"]))


@pytest.mark.parametrize("quote, numbering, figure", [
    ("4977\nS2ORC consists of 81.1M papers", "4977 items", "81.1M papers"),
    ("2274 \nco-viewed papers ranked higher, on 12 GPUs", "2274 papers", "12 GPUs"),
    (f"{_LINES}we used 8 GPUs", "42 runs", "8 GPUs"),
])
def test_a_page_or_line_number_is_no_figure_of_a_quote(quote, numbering, figure):
    assert [value_in_quote(numbering, quote).ok, value_in_quote(figure, quote).ok] == [False, True]

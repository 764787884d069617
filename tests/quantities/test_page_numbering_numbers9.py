"""A page's number alone on its first line, and a run of line numbers a review draft prints at lines' starts or ends,
are no figures: "4977" of "4977\\nS2ORC consists of ..." counts nothing, while a figure beside them stays."""

from __future__ import annotations

import pytest

from kb.quantities.numbers import extract_candidates

_WORDS = ["papers from the", "authors of the", "models that we", "citations to the", "tables with the", "runs of it"]
_STARTS = "".join(f"{n:03d}\n{w} first set on 4 GPUs\n" for n, w in zip(range(40, 46), _WORDS))
_ENDS = "".join(f"{w} first set 1{n:02d}\n" for n, w in zip(range(20, 26), _WORDS[::-1]))


@pytest.mark.parametrize("page, kept", [
    ("4977\nS2ORC consists of 81.1M papers", ["81.1M"]),
    ("2274\nco-viewed papers ranked higher, on 12 GPUs", ["12"]),
    (_STARTS, ["4"] * 6),
    (f"we used 6 nodes of 8 GPUs {_ENDS}", ["6", "8"]),
])
def test_page_and_line_numbers_are_no_figures(page, kept):
    assert [c.number for c in extract_candidates([page])] == kept

"""kb.ops.quotes: what a refused quote suggests."""

from __future__ import annotations

import pytest

from kb.ops.quotes import describe_miss


@pytest.mark.parametrize("held, others, suggestion", [
    ("v3", [], "kb add arxiv:2311.16863v1, then kb quote add --version v1"),      # an earlier one
    ("v1", [], "kb add arxiv:2311.16863 (the newest arXiv has), then kb quote add --version vN"),
    ("", [], "kb add arxiv:2311.16863 (the newest arXiv has)"),
    ("v1", ["v1", "v3"], "another version kb holds (v3): kb quote add --version v3"),
])
def test_a_refused_quote_suggests_a_version_kb_does_not_hold_already(held, others, suggestion):
    paper = {"citekey": "luccioni2023power", "arxiv_id": "2311.16863"}
    text = describe_miss(paper, held, None, others)
    assert suggestion in text, text
    assert f"arxiv:2311.16863{held}," not in text or not held       # never the version it holds

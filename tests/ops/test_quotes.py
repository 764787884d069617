"""kb.ops.quotes: what a refused quote suggests."""

from __future__ import annotations

import pytest

from kb.ops.quotes import describe_miss, slug_id


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


@pytest.mark.parametrize("text, words, empty, made", [
    # a number written with a decimal mark or an exponent is no word of an id, as a whole number is none:
    # its pieces read as other numbers ("6e13" of 4.6e13, "6m" of $4.6M)
    ("4.6e13 FLOPs ", 4, "claim", "flops"), ("3.14E+23 FLOPS ", 4, "claim", "flops"), ("0.012 kWh ", 4, "claim", "kwh"),
    ("$4.6M ", 4, "claim", "claim"), ("1e-3 ", 4, "claim", "claim"), ("0.5 ", 4, "claim", "claim"),
    # a number and its scale read whole stay, as before
    ("175B parameters ", 4, "claim", "175b-parameters"),
    ("GPT-3 used 175B parameters and 1,287 MWh", 5, "quote", "gpt-used-175b-parameters-mwh"),
])
def test_an_id_made_of_words_keeps_no_piece_of_a_number(text, words, empty, made):
    assert slug_id(text, set(), words=words, empty=empty) == made

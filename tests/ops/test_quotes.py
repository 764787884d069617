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
    refusal = describe_miss(paper, held, None, others)
    text = "\n".join([str(refusal), *refusal.details])
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


V3_TEXT = "Charging the average smartphone requires 0.022 kWh of energy, about 9% of a charge.\fA second page."
V1_TEXT = "Charging the average smartphone requires 0.012 kWh of energy, about 16% of a charge.\fA second page."
TWO_VERSIONS_BIB = "@misc{luccioni2023power, title = {Power Hungry Processing}, author = {Luccioni, Sasha}, year = {2023}}\n"


def test_a_quote_of_another_held_versions_wording_is_refused_and_that_version_named(kb_root, tmp_path):
    """v1's figures ("0.012 kWh") quoted as v3's, whose text says "0.022 kWh": kb quote add refuses it and says v1
    holds it; a quote stored verified in v3 and edited by hand to v1's wording stands not found, kb verify naming v1."""
    from kbrun import run_kb

    (kb_root / "references.bib").write_text(TWO_VERSIONS_BIB, "utf-8")
    for version, text in (("v3", V3_TEXT), ("v1", V1_TEXT)):
        (tmp_path / f"{version}.txt").write_text(text, "utf-8")
        assert run_kb("text", "load", "luccioni2023power", tmp_path / f"{version}.txt", "--version", version).code == 0
    v1_wording = "the average smartphone requires 0.012 kWh of energy"
    r = run_kb("quote", "add", "luccioni2023power", v1_wording, "--version", "v3")
    assert r.code == 2 and "it is in luccioni2023power v1, page 1: kb quote add --version v1" in r.err, r.err
    assert run_kb("quote", "add", "luccioni2023power", v1_wording.replace("0.012", "0.022"), "--version", "v3",
                  "--id", "q").code == 0
    claims = kb_root / "claims" / "luccioni2023power.toml"
    claims.write_text(claims.read_text("utf-8").replace("0.022", "0.012"), "utf-8")
    r = run_kb("verify")
    assert r.code == 1 and "not-found" in r.out and "it is in v1, page 1" in r.out, r.out

"""What a new user meets in a first hour: kb verify names a claim's rate as stored ("0.002 kWh per 1k
inferences", never "0.002 kWh"); a citekey typed wrong is offered the closest keys first."""

from __future__ import annotations

import pytest
from kbrun import run_kb

PAGES = ["Power of Inference", "Text classification uses 0.002 kWh per 1,000 inferences on average.",
         "The grid emits 28 grams of CO2eq per kWh in that region."]


@pytest.fixture
def paper(kb_root, tmp_path):
    (kb_root / "references.bib").write_text("@article{doe2024power,\n  title = {Power of Inference},\n"
                                            "  author = {Doe, Jane},\n  year = {2024}\n}\n")
    text = tmp_path / "pages.txt"
    text.write_text("\f".join(PAGES))
    assert run_kb("text", "load", "doe2024power", text).code == 0
    return "doe2024power"


@pytest.mark.parametrize("value, per, quote, shown", [
    ("0.002 kWh", "1k inferences", "uses 0.002 kWh per 1,000 inferences", "0.002 kWh per 1k inferences, page 2"),
    ("28 g CO2eq", "kWh", "emits 28 grams of CO2eq per kWh", "28 g CO2eq per kWh, page 3"),
])
def test_verify_names_a_claims_rate(paper, value, per, quote, shown):
    args = ["claim", "add", paper, value, "-q", quote, "--id", "c", "--per", per]
    assert run_kb(*args).code == 0
    r = run_kb("verify")
    assert r.code == 0 and f"claim {paper}.c    {shown}\n" in r.out, r.out
    [v] = [v for v in run_kb("verify", "--json").json if v["kind"] == "claim"]
    assert v["message"] == shown


@pytest.mark.parametrize("typed, first", [("luccioni2024powr", "luccioni2024power"),
                                          ("lucioni2024power", "luccioni2024power")])
def test_a_mistyped_citekey_is_offered_the_closest_key_first(kb_root, typed, first):
    (kb_root / "references.bib").write_text("".join(
        f"@article{{{key},\n  title = {{Paper {key}}},\n  author = {{Luccioni, Sasha}},\n  year = {{2023}}\n}}\n\n"
        for key in ("luccioni2023co2ml", "luccioni2023estimating", "luccioni2024power")))
    r = run_kb("show", typed)
    assert r.code == 2 and r.err.count("\n") == 1, r.err
    assert f"(did you mean {first}" in r.err, r.err

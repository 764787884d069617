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


def test_a_quote_held_only_in_the_text_of_no_version_is_said_so_with_what_to_write(paper, tmp_path, kb_root):
    """A text loaded without --version beside a later v2: a quote or claim found only in the first was said to be
    'in , page 2: correct its version in claims/x.toml to ' and `kb quote add --version  ...`, an empty version."""
    quote = "Text classification uses 0.002 kWh per 1,000 inferences on average."
    assert run_kb("quote", "add", paper, quote, "--id", "q").code == 0
    assert run_kb("claim", "add", paper, "0.002 kWh", "--per", "1,000 inferences", "-q", quote, "--id", "c").code == 0
    v2 = tmp_path / "v2.txt"
    v2.write_text("Power of Inference\fA page of the second version, which says other things.")
    assert run_kb("text", "load", paper, v2, "--version", "v2").code == 0
    r = run_kb("verify")
    assert r.code == 1
    missed = [line for line in r.out.splitlines() if line.startswith("not-found")]
    assert len(missed) == 2, r.out
    for line in missed:
        assert line.endswith(f'it is in the text of no version, page 2: write version = "" in claims/{paper}.toml')
    r = run_kb("quote", "add", paper, quote, "--id", "q2")
    assert r.code == 2 and "--version  " not in r.err and f"{paper}'s text of no version" in r.err, r.err
    toml = kb_root / "claims" / f"{paper}.toml"      # as said: the claims file names that text
    toml.write_text(toml.read_text().replace("page = 2\n", 'page = 2\nversion = ""\n'))
    assert run_kb("verify").code == 0

"""A small knowledge base of one paper with two pages of text, which the red-team tests
(test_redteam.py, test_redteam3.py, test_redteam5.py, test_redteam6.py) break in their many
ways; the one-line refusal those tests expect of kb; and the fake arXiv holding one paper
whose answers they bend."""

from __future__ import annotations

import json
from pathlib import Path

from kbcache import from_template
from kbrun import run_kb

BIB = """@misc{alpha2020energy,
  title = {Energy Use of Alpha Models in Practice},
  author = {Alpha, Ada and Beta, Bob},
  year = {2020},
  eprint = {2001.00001},
  archiveprefix = {arXiv},
}
"""
PAGES = ["Alpha models. We trained 12 models on 64 GPUs for 3 days, which used 1,287 MWh of energy.",
         "The data centre had a PUE of 1.1 and emitted 552 tCO2e in total."]


def make_alpha(root: Path, tmp_path: Path) -> Path:
    """references.bib with the one paper, and its text loaded as v1."""
    (root / "references.bib").write_text(BIB)
    pages = tmp_path / "alpha.json"
    pages.write_text(json.dumps(PAGES))
    assert run_kb("text", "load", "alpha2020energy", pages, "--version", "v1").code == 0
    return root


def alpha_with_claim(root: Path, tmp_path: Path) -> Path:
    """The alpha knowledge base with one claim ("energy", 1,287 MWh) on page 1: built once
    per test process and copied (tests/kbcache.py)."""
    def build():
        make_alpha(root, tmp_path)
        r = run_kb("claim", "add", "alpha2020energy", "1,287 MWh", "--quote", "which used 1,287 MWh of energy",
                   "--id", "energy")
        assert r.code == 0, r.err
    return from_template("alpha-claim", root, build)


def one_error(r, *words: str) -> None:
    """kb refused (exit 2) in one line of its own, naming each of `words`: no traceback."""
    assert r.code == 2, r.out + r.err
    assert r.err.startswith("kb: error:") and r.err.count("\n") == 1, r.err
    assert "Traceback" not in r.err and "internal error" not in r.err
    for w in words:
        assert w in r.err, r.err


def one_paper_arxiv(server):
    """The fake arXiv (tests/fakearxiv.py) on `server`, holding 2311.16863v3: one page of text."""
    from fakearxiv import FakeArxiv
    from pdfgen import make_pdf

    fake = FakeArxiv(server)
    fake.add("2311.16863", {3: make_pdf(["Power Hungry Processing", "We used 12 kWh."])},
             "Power Hungry Processing", ["Alexandra Sasha Luccioni"])
    return fake

"""A small knowledge base of one paper with two pages of text, which the red-team tests
(test_redteam.py, test_redteam3.py) break in their many ways."""

from __future__ import annotations

import json
from pathlib import Path

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

"""Access to ../shared/corpus: real public data that is never copied here.

Tests that read it call `corpus_path(...)`, which skips the test, saying why,
when the folder is absent (for instance on a clean machine without it).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

CORPUS = Path(os.environ.get("KB_TEST_CORPUS",
                             Path(__file__).resolve().parents[1].parent / "shared" / "corpus"))


def corpus_path(*parts: str) -> Path:
    path = CORPUS.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"real-data corpus not available: {path} is absent "
                    "(set KB_TEST_CORPUS to the shared/corpus folder)")
    return path


def wattbot_pages(name: str) -> list[str]:
    """Page texts (pypdf output) of one of the five papers of the note.

    name is one of strubell2019, patterson2021, dodge2022, luccioni2023, luccioni2024.
    """
    data = json.loads(corpus_path("wattbot", "pypdf-text", f"{name}.json").read_text("utf-8"))
    pages = []
    for section in data["sections"]:
        texts = [p["text"] for p in section["paragraphs"]
                 if (p.get("metadata") or {}).get("attachment_type") != "image"]
        pages.append("\n".join(texts))
    return pages


#: The references.bib entry of Power Hungry Processing (luccioni2024 in the WattBot text).
PHP_BIB = """@misc{luccioni2023power,
  title = {Power Hungry Processing: Watts Driving the Cost of {AI} Deployment?},
  author = {Luccioni, Alexandra Sasha and Jernite, Yacine and Strubell, Emma},
  year = {2023},
  eprint = {2311.16863},
  archiveprefix = {arXiv},
  version = {3},
  url = {https://arxiv.org/abs/2311.16863},
}
"""

#: A sentence of Power Hungry Processing v3, and the sentence of its image-generation figure.
PHP_QUOTE = "Generative tasks are more energy- and carbon-intensive compared to discriminative tasks."
PHP_IMAGE_QUOTE = ("the least efficient image generation model uses as much energy as 522 smartphone charges "
                   "(11.49 kWh)")
#: A second paper, metadata only.
STRUBELL_STUB = ("@article{strubell2019energy,\n  title = {Energy and Policy Considerations},\n"
                 "  author = {Strubell, Emma},\n  year = {2019},\n}\n")


def php_with_a_quote(root: Path, tmp_path: Path) -> None:
    """The knowledge base at `root` holds Power Hungry Processing (its real v3 text loaded,
    PHP_QUOTE stored as quote 'generative') and STRUBELL_STUB."""
    from kbrun import run_kb

    (root / "references.bib").write_text(PHP_BIB + "\n" + STRUBELL_STUB)
    source = tmp_path / "php-v3.json"
    source.write_text(json.dumps(wattbot_pages("luccioni2024")))
    assert run_kb("text", "load", "luccioni2023power", source, "--version", "v3").code == 0
    assert run_kb("quote", "add", "luccioni2023power", PHP_QUOTE, "--id", "generative").code == 0

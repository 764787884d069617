"""The held-out real sentences of benchmarks/data/quotes-labels-heldout.json of the corpus'
small PDFs and of the PageRank paper (an old TeX font pypdf splits at its kerns), checked by
each extractor as the benchmark checks them all: each sentence, copied as a writer copies it,
verifies on its page; each wrong twin (a digit, a negation, a word changed) is refused."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest
from realpdf import extracted

from kb.sources.pdf import pdfium_available
from kb.text.match import find_quote
from kb.text.normalise import Document

HELDOUT = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "quotes-labels-heldout.json"
PDFS = ("scibert-1903.10676-single-table-page.pdf", "arxiv-2305.03393v1-page-9.pdf",
        "arxiv-2103.15348v2-first-2-pages.pdf", "pagerank-citation-ranking-1999.pdf")
CASES = [c for c in json.loads(HELDOUT.read_text("utf-8"))["cases"] if c["pdf"] in PDFS]
EXTRACTORS = ["pypdf", pytest.param("pdfium", marks=pytest.mark.skipif(not pdfium_available(),
                                                                      reason="pypdfium2 is not installed"))]


@lru_cache(maxsize=None)
def _doc(pdf: str, extractor: str) -> Document:
    return Document(extracted(pdf, extractor).pages)


def test_the_set_holds_sentences_of_each_pdf() -> None:
    assert {c["pdf"] for c in CASES} == set(PDFS) and len(CASES) >= 15


@pytest.mark.corpus
@pytest.mark.parametrize("extractor", EXTRACTORS)
@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['pdf'][:12]}-p{c['page']}-{c['quote'][:24]}")
def test_a_held_out_sentence_verifies_on_its_page_and_its_wrong_twins_do_not(case, extractor) -> None:
    doc = _doc(case["pdf"], extractor)
    m = find_quote(doc, case["quote"])
    assert m is not None and m.page == case["page"], case["quote"]
    for wrong in case["wrong"]:
        assert find_quote(doc, wrong) is None, wrong

"""Crafted cross-reference data: an object stream that lists itself, an object naming the stream it sits in,
references naming each other, an xref stream whose /Prev is itself. kb adds the sound ones' text, refuses the
others in one line (exit 2) with the truth files and the index as they were, and says no pypdf internals."""

from __future__ import annotations

import pytest
from kbrun import run_kb
from pdfgen import make_crafted_objstm_pdf

from kb.sources.pdf import pdfium_available

EXTRACTORS = ["pdfium", "pypdf"] if pdfium_available() else ["pypdf"]


def _truth(root) -> tuple:
    return ((root / "references.bib").read_bytes(), sorted(p.name for p in (root / "claims").iterdir()),
            run_kb("ls", "--json").out)


@pytest.mark.parametrize("extractor", EXTRACTORS)
@pytest.mark.parametrize("kind", ["plain", "self", "prev"])
def test_a_sound_or_readable_xref_stream_gives_its_text(kb_root, tmp_path, kind, extractor):
    if kind == "self" and not pdfium_available():
        pytest.skip("pypdf refuses an object stream listing itself; PDFium reads its text")
    pdf = tmp_path / f"{kind}.pdf"
    pdf.write_bytes(make_crafted_objstm_pdf(kind))
    r = run_kb("add", pdf, "--offline", "--extractor", extractor)
    assert r.code == 0, r.err
    assert "Traceback" not in r.err and "AttributeError" not in r.err
    key = run_kb("ls", "--json").json[-1]["citekey"]
    assert run_kb("quote", "add", key, "Hello world of the page text here", "--page", "1").code == 0


@pytest.mark.parametrize("extractor", EXTRACTORS)
def test_references_naming_each_other_are_refused_in_words(kb_root, tmp_path, extractor):
    pdf = tmp_path / "chain.pdf"
    pdf.write_bytes(make_crafted_objstm_pdf("chain"))
    before = _truth(kb_root)
    r = run_kb("add", pdf, "--offline", "--extractor", extractor)
    assert r.code == 2 and r.out == ""
    assert len(r.err.strip().splitlines()) == 1 and "Traceback" not in r.err
    assert "nothing but a reference to another object" in r.err and "AttributeError" not in r.err
    assert _truth(kb_root) == before

"""Round 57 (hostile13): a PDF one reader finds corrupt and the other reads as pages without text is said to be
broken, never "probably scanned images"; a PDF both read as pages without text, or one reader refuses for another
reason, is said to be scanned as before."""

from __future__ import annotations

import pytest
from pdfgen import make_crafted_objstm_pdf, make_pdf

from kb.sources.pdf import extract_plan, pdfium_available

needs_pdfium = pytest.mark.skipif(not pdfium_available(), reason="pypdfium2 is not installed")
SCANNED = "probably scanned images"
BROKEN = "its structure is broken (as said next), so whether its pages are scanned images kb cannot tell"


@needs_pdfium
@pytest.mark.parametrize("plan", ["pdfium", "pypdf", "both"])
def test_a_page_tree_naming_its_own_object_stream_is_said_broken_not_scanned(plan):
    got = extract_plan(make_crafted_objstm_pdf("inner"), plan, source="x.pdf")
    assert got.status == "image-only"
    assert SCANNED not in got.message and BROKEN in got.message, got.message
    assert "pypdf could not read it (x.pdf is corrupt: its page tree cannot be read" in got.message
    assert "'2 0 obj 7 0 R endobj'" not in got.message      # an example, never said as if this file's


def _broken(monkeypatch, broken: str, why: str) -> None:
    import pypdf
    import pypdfium2

    def fails(*args, **kwargs):
        if broken == "pdfium":
            raise pypdfium2.PdfiumError("Failed to load document (PDFium: Data format error).", err_code=3)
        raise pypdf.errors.PdfReadError(why)
    monkeypatch.setattr(pypdfium2 if broken == "pdfium" else pypdf, "PdfDocument" if broken == "pdfium"
                        else "PdfReader", fails)


@needs_pdfium
@pytest.mark.parametrize("broken, why", [
    ("pdfium", ""),
    ("pypdf", "Invalid Elementary Object starting with b'x'"),
    ("pypdf", "Circular object-stream reference detected: 5 -> 5"),
    ("pypdf", "Stream has ended unexpectedly"),
    ("pypdf", "trailer can not be read"),
])
@pytest.mark.parametrize("pages", [1, 3])
def test_no_text_to_one_reader_and_corrupt_to_the_other_is_said_broken(monkeypatch, broken, why, pages):
    _broken(monkeypatch, broken, why)
    got = extract_plan(make_pdf([""] * pages), "pdfium", source="x.pdf")
    assert got.status == "image-only"
    assert got.message.startswith(f"x.pdf has no text layer ({pages} page(s), 0 letters): {BROKEN}"), got.message
    assert SCANNED not in got.message
    assert f"; {broken} could not read it (x.pdf is corrupt" in got.message


@pytest.mark.parametrize("plan", ["pdfium", "pypdf"])
@pytest.mark.parametrize("pages", [1, 2])
def test_no_text_to_every_reader_is_still_said_scanned(plan, pages):
    if plan == "pdfium" and not pdfium_available():
        pytest.skip("pypdfium2 is not installed")
    got = extract_plan(make_pdf([""] * pages), plan, source="x.pdf")
    assert got.status == "image-only" and SCANNED in got.message and BROKEN not in got.message, got.message


@needs_pdfium
def test_a_reader_refusing_for_no_corruption_leaves_the_scan_said(monkeypatch):
    """pypdf finding no pages is no broken structure: the other reader's blank pages are said as before."""
    import kb.sources.pdf as pdf

    real = pdf.extract

    def extract(data, limits=None, source="the PDF", progress=None, extractor=None):
        if extractor == "pypdf":
            raise pdf.PDFError(f"{source} has no pages")
        return real(data, limits, source, progress, extractor=extractor)
    monkeypatch.setattr(pdf, "extract", extract)
    got = extract_plan(make_pdf(["", ""]), "pdfium", source="x.pdf")
    assert got.status == "image-only" and SCANNED in got.message and BROKEN not in got.message, got.message
    assert "pypdf could not read it (x.pdf has no pages)" in got.message


# -- a binary file given as a note ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, line, column", [
    ("\0", 1, 1),
    ("ab\0cd", 1, 3),
    ("# Notes\n\nTraining used 12 kWh [@a].\n\0\0\0", 4, 1),
    ("%PDF-1.5\n%\xe2\xe3\n1 0 obj\n<< /Length 3 >>\nstream\n\0\x01\x02\nendstream", 6, 1),
    ("PK\x03\x04\x14\0\x06\0", 1, 6),
    ("> “a quote” [@a, p. 3]\n> more\0 of it", 2, 7),
    ("\r\n\r\nx\0", 3, 2),
])
def test_a_note_holding_a_nul_is_refused_naming_where(text, line, column):
    from kb.errors import UsageError
    from kb.ops.quotes import read_note

    with pytest.raises(UsageError) as got:
        read_note(text, "n.md", "kb audit --note")
    assert got.value.message.startswith(f"n.md:{line}: the note holds a NUL character (column {column})")
    assert "nothing checked" in got.value.message


@pytest.mark.parametrize("text", ["", "# Notes\n\nTraining used 12 kWh [@a].\n", "no NUL: \\0 and \\x00 written out"])
def test_a_note_without_a_nul_is_read(text):
    from kb.ops.quotes import read_note

    assert read_note(text, "n.md", "kb audit --note") is not None


@pytest.mark.parametrize("command", ["audit", "verify"])
@pytest.mark.parametrize("stdin", [False, True])
def test_kb_refuses_a_binary_note_in_one_line_exit_2(kb_root, tmp_path, monkeypatch, command, stdin):
    import io
    import sys

    from kbrun import run_kb

    note = tmp_path / "note.docx"
    note.write_bytes(b"PK\x03\x04\x14\x00\x06\x00word/document.xml")
    if stdin:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(note.read_bytes()), encoding="utf-8"))
    r = run_kb(command, "--note", "-" if stdin else note)
    assert r.code == 2 and "Traceback" not in r.err and len(r.err.strip().splitlines()) == 1, r.err
    assert "the note holds a NUL character (column 6)" in r.err

"""`kb add --extractor pdfium|pypdf|both` and `kb text extract`: a quote verifies if it
is found in either extraction of its page, and kb says which; a PDF one extractor
cannot read is read by the other, with a note; `kb rebuild` makes the same texts."""

from __future__ import annotations

import json
import sqlite3

import pytest
from corpus import corpus_path
from kbrun import run_kb
from pdfgen import make_pdf

from kb.sources.pdf import pdfium_available

pytestmark = pytest.mark.skipif(not pdfium_available(), reason="pypdfium2 is not installed")

# pypdf reads this 1999 report's title as "The P ageRank Citation Ranking/: Bringing Order
# to the W eb"; PDFium reads the words whole.
# A reference pypdf's text of this old TeX font misses: it prints "/7th A CM" and the en
# dashes as "/#7B"
PAGERANK_REF = "In Proceedings of the 7th ACM Conference on Hypertext, pages 180–193, New York, 16–20 March 1996."
GOOD = make_pdf(["Energy use of training is measured in kilowatt hours per model run here.",
                 "A second page says the same thing again, in other words, for the count."],
                title="Energy use of training runs", compress=False)


def _key() -> str:
    return run_kb("ls", "--json").json[-1]["citekey"]


def _second_pages(kb_root) -> list[tuple]:
    with sqlite3.connect(kb_root / ".kb" / "kb.sqlite") as conn:
        return conn.execute("select v.citekey, s.page, s.extractor from second_pages s "
                            "join versions v on v.id = s.version_id order by 1, 2").fetchall()


@pytest.mark.slow
@pytest.mark.corpus
def test_a_quote_found_only_in_the_second_extraction_verifies_and_says_so(kb_root):
    pdf = corpus_path("pdf", "pagerank-citation-ranking-1999.pdf")
    assert run_kb("add", pdf, "--offline", "--extractor", "pypdf").code == 0
    key = _key()
    r = run_kb("quote", "add", key, PAGERANK_REF)
    assert r.code == 2 and "not found" in r.err            # pypdf's text alone: refused
    r = run_kb("text", "extract", key, "--extractor", "pdfium")
    assert r.code == 0, r.err
    assert "17 pages by pypdf " in r.out and "and again by pypdfium2 " in r.out
    r = run_kb("quote", "add", key, PAGERANK_REF, "--id", "pr")
    assert r.code == 0, r.err
    assert "found in the second extraction (pypdfium2 " in r.out and "not in pypdf " in r.out
    stored = run_kb("quote", "ls", "--json").json[0]
    assert stored["extractor"].startswith("pypdfium2 ")    # its offsets point into that text
    # a claim of its quote stands as kb claim add found it, in kb claims and kb verify alike
    r = run_kb("claim", "add", key, "1996", "--quote", PAGERANK_REF, "--id", "year")
    assert r.code == 0, r.err
    assert [c["status"] for c in run_kb("claims", "--json").json] == ["verified"]
    r = run_kb("verify")
    assert r.code == 0 and "(in the second extraction, pypdfium2 " in r.out, r.out
    # A note quoting it, as kb exports it or as a person writes it, verifies the same way.
    note = kb_root / "note.md"
    r = run_kb("export", "note", "-o", note)
    assert r.code == 0, r.err
    note.write_text(note.read_text() + f'\n> "{PAGERANK_REF}" [@{key}, p. 16]\n')
    r = run_kb("verify", "--note", note)
    assert r.code == 0, r.out + r.err
    assert r.out.count("(in the second extraction, pypdfium2 ") == 2, r.out
    # The first text is kept: every offset recorded before points into it still.
    info = run_kb("show", key, "--json").json
    assert info["versions"][0]["extractor"].startswith("pypdf ")
    before = _second_pages(kb_root)
    assert len(before) == 17
    assert run_kb("rebuild").code == 0                     # the manifest's plan makes both again
    assert _second_pages(kb_root) == before
    assert run_kb("verify").code == 0


def test_add_with_both_keeps_both_and_quotes_verify_in_either(kb_root, tmp_path):
    path = tmp_path / "energy.pdf"
    path.write_bytes(GOOD)
    r = run_kb("add", path, "--offline", "--extractor", "both", "--json")
    assert r.code == 0, r.err
    key = r.json[0]["citekey"]
    info = run_kb("show", key, "--json").json
    assert info["versions"][0]["extractor"].startswith("pypdfium2 ")
    assert [p[2].split()[0] for p in _second_pages(kb_root)] == ["pypdf", "pypdf"]
    # kb show names both extractions a version holds, in its text and its JSON
    assert info["versions"][0]["second_extractor"].startswith("pypdf ")
    line = next(ln for ln in run_kb("show", key).out.splitlines() if ln.strip().startswith("version"))
    assert "pypdfium2 " in line and ", and pypdf " in line and "(second extraction)" in line, line
    r = run_kb("quote", "add", key, "measured in kilowatt hours per model run")
    assert r.code == 0 and "second extraction" not in r.out, r.out     # found in the first text
    assert "found in the first extraction (pypdfium2 " in r.out and "kb holds pypdf " in r.out, r.out   # said so
    manifest = next((kb_root / ".kb" / "cache" / "sources").glob("*.json"))
    assert json.loads(manifest.read_text())["extractor"] == "pdfium+pypdf"
    # Added again without --extractor: the same plan, nothing changes.
    r = run_kb("add", path, "--offline", "--json")
    assert r.code == 0 and r.json[0]["action"] == "unchanged", r.out


def test_a_pdf_one_extractor_cannot_read_is_read_by_the_other_with_a_note(kb_root, tmp_path):
    path = tmp_path / "broken-xref.pdf"
    path.write_bytes(GOOD[:GOOD.rfind(b"xref")] + b"garbage\n")   # pypdf gives up; PDFium rebuilds it
    r = run_kb("add", path, "--offline", "--extractor", "pypdf", "--json")
    assert r.code == 0, r.err
    assert "broken-xref.pdf: pypdf could not read it (" in r.err and "its text is pdfium's" in r.err
    key = r.json[0]["citekey"]
    assert r.json[0]["pages"] == 2
    assert run_kb("quote", "add", key, "Energy use of training").code == 0
    assert run_kb("rebuild").code == 0 and run_kb("verify").code == 0
    # Asked for both: the one that can read it, and a note that the other could not.
    r = run_kb("text", "extract", key, "--extractor", "both", "--json")
    assert r.code == 0, r.err
    assert r.json["second"] is None and "no second extraction by pypdf (" in r.err


def test_bad_extractor_names_and_papers_without_a_pdf_are_one_line(kb_root, tmp_path):
    path = tmp_path / "energy.pdf"
    path.write_bytes(GOOD)
    r = run_kb("add", path, "--offline", "--extractor", "mupdf")
    assert r.code == 2 and r.err == "kb: error: --extractor 'mupdf': choose one of pdfium, pypdf, both; did you mean pypdf?\n" and "Traceback" not in r.err
    assert run_kb("ls", "--json").json == []                 # refused before any work
    key = run_kb("add", path, "--offline", "--json").json[0]["citekey"]
    r = run_kb("text", "extract", key, "--extractor", "pdfium+pdfium")
    assert r.code == 2 and r.err.startswith("kb: error: --extractor 'pdfium+pdfium': choose one of pdfium, pypdf, both")
    r = run_kb("text", "extract", "nosuchpaper")
    assert r.code == 2 and r.err.startswith("kb: error: ") and "nosuchpaper" in r.err
    (tmp_path / "pages.json").write_text(json.dumps(["Text typed in by hand, page one."]))
    assert run_kb("text", "load", key, tmp_path / "pages.json", "--version", "v2").code == 0
    r = run_kb("text", "extract", key, "--version", "v2")
    assert r.code == 2 and "kb holds no PDF of" in r.err


def test_text_extract_run_again_says_unchanged_and_writes_nothing(kb_root, tmp_path):
    # the same texts extracted again: the first run's line with "unchanged" first, the manifest and the
    # index left as they were; another plan, or a first one after it, is extracted and said as before
    path = tmp_path / "energy.pdf"
    path.write_bytes(GOOD)
    key = run_kb("add", path, "--offline", "--extractor", "pdfium", "--json").json[0]["citekey"]
    manifest = next((kb_root / ".kb" / "cache" / "sources").glob("*.json"))
    for plan, second in [("pypdf", "and again by pypdf "), ("pdfium", "(no second extraction)"),
                         ("both", "and again by pypdf ")]:
        first = run_kb("text", "extract", key, "--extractor", plan)
        assert first.code == 0 and first.out.startswith(f"{key}: 2 pages by pypdfium2 ") and second in first.out
        held = (manifest.read_bytes(), manifest.stat().st_mtime_ns, _second_pages(kb_root))
        again = run_kb("text", "extract", key, "--extractor", plan)
        assert again.code == 0 and again.out == "unchanged " + first.out and again.err == first.err
        assert (manifest.read_bytes(), manifest.stat().st_mtime_ns, _second_pages(kb_root)) == held
        j = run_kb("text", "extract", key, "--extractor", plan, "--json")
        assert j.code == 0 and "unchanged" not in j.json and j.json["pages"] == 2

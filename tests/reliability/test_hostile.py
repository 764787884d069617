"""Hostile input: nothing let in.

A check expression cannot run code or read files; Atom XML with entity
expansion or external entities is refused; no citekey, quote id or output
name writes outside the knowledge base; PDFs that decompress to gigabytes or
hold 100,000 pages are stopped by limits the user can raise, and the paper is
kept with its metadata; a note with a 10 MB attribute does not hang the parser.
Every refusal names what was wrong, exits 2 (1 for a failed check), prints no
traceback, and leaves the files as they were. How long each refusal takes is
reported by benchmarks/hostile.py, never asserted here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from budgets import budget
from fakearxiv import FakeArxiv
from kbproc import paper_pages, quote_of
from kbrun import run_kb
from pdfgen import make_bomb_pdf, make_many_pages_pdf, make_pdf

KB_DIR = Path(__file__).resolve().parents[2] / "kb"


def one_line_error(r, code: int = 2) -> str:
    assert r.code == code, (r.code, r.out, r.err)
    assert "Traceback" not in r.err + r.out and "internal error" not in r.err, r.err
    assert r.err.startswith("kb: error: ") and r.err.count("\n") == 1, r.err
    return r.err


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (except kb's own index, lock and caches: pint's parsed units
    are written by whichever command of the process first needs them), with its bytes."""
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not re.search(r"kb\.sqlite|/lock$|/\.kb/cache/(?:http|pint)/", str(path)):
            out[str(path.relative_to(folder))] = path.read_bytes()
    return out


# -- check expressions ---------------------------------------------------------------------

HOSTILE_CHECKS = """
[[check]]
id = "run-code"
stated = "0"
expr = "__import__('os').system('touch PWNED')"

[[check]]
id = "read-file"
stated = "0"
expr = "open('/etc/passwd').read()"

[[check]]
id = "dunder"
stated = "1"
expr = "a.__class__.__mro__"

[[check]]
id = "lambda"
stated = "1"
expr = "(lambda: 1)()"

[[check]]
id = "subscript"
stated = "1"
expr = "globals()['x']"

[[check]]
id = "nan-name"
stated = "1 kWh"
expr = "nan * 1 kWh"
"""


def test_check_expression_cannot_run_code_or_read_files(kb_root, monkeypatch):
    monkeypatch.chdir(kb_root)
    (kb_root / "claims" / "checks.toml").write_text(HOSTILE_CHECKS)
    r = run_kb("check", "--json")
    assert r.code == 1 and "Traceback" not in r.err and "internal error" not in r.err, r.err
    results = {c["id"]: c for c in r.json}
    assert set(results) == {"run-code", "read-file", "dunder", "lambda", "subscript", "nan-name"}
    assert all(c["verdict"] == "error" for c in results.values()), results
    assert results["run-code"]["file"] == "claims/checks.toml:2"
    assert results["read-file"]["file"] == "claims/checks.toml:7"
    assert "strings are not allowed" in results["run-code"]["message"]
    assert "strings are not allowed" in results["read-file"]["message"]
    # A dotted name is only ever looked up among the claims: never an attribute.
    assert "names 'a.__class__.__mro__', which is no claim kb holds" in results["dunder"]["message"]
    assert "(lambda" not in r.out or "cannot parse expression" in results["lambda"]["message"]
    assert "root:" not in r.out
    assert not (kb_root / "PWNED").exists() and not Path("PWNED").exists()
    r = run_kb("check")
    assert r.code == 1 and "claims/checks.toml:" not in r.err
    assert re.search(r"run-code .*cannot parse expression: strings are not allowed at position 12", r.out), r.out


# -- XML from the network --------------------------------------------------------------------

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE feed [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
]>
<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2401.00001v1</id>
<title>&lol9;</title></entry></feed>
"""
XXE = b"""<?xml version="1.0"?>
<!DOCTYPE feed [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2401.00001v1</id>
<title>&xxe;</title></entry></feed>
"""
PARAMETER_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE feed [ <!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote; ]>
<feed xmlns="http://www.w3.org/2005/Atom"></feed>
"""


@pytest.mark.parametrize("body", [BILLION_LAUGHS, XXE, PARAMETER_ENTITY], ids=["billion-laughs", "xxe", "dtd"])
def test_atom_with_entities_is_refused(kb_root, server, body):
    fake = FakeArxiv(server)
    fake.add("2401.00001", {1: make_pdf(paper_pages(1))}, "A Paper", ["A Author"])
    fake.feed("2401.00001", 200, body)
    before = tree(kb_root)
    err = one_line_error(run_kb("add", "2401.00001"))
    assert "the arXiv answer contains a DTD or entity declarations; refused" in err
    assert "root:" not in err
    assert fake.pdf_requests() == 0
    assert tree(kb_root) == before
    assert run_kb("ls", "--json").json == []


def test_kb_parses_xml_only_through_defusedxml():
    """Atom is the only XML kb reads (GROBID TEI is read by benchmarks/refs.py, from
    the corpus, through defusedxml too); no module may reach the standard library's
    XML parsers, which expand entities, except through defusedxml."""
    risky = re.compile(r"^\s*(from|import)\s+(xml\.(etree|dom|sax)|lxml)\b", re.MULTILINE)
    offenders = [p.name for p in KB_DIR.glob("*.py") if risky.search(p.read_text("utf-8"))]
    assert offenders == []
    bench = KB_DIR.parent / "benchmarks" / "refs.py"
    if bench.exists():
        assert not risky.search(bench.read_text("utf-8"))


# -- names that could leave the knowledge base ----------------------------------------------------

EVIL_BIB = """@misc{../../evil,
  title = {A Key That Is a Path},
  author = {Mallory, Eve},
  year = {2024},
}

@misc{/tmp/kb-evil-absolute,
  title = {A Key That Is an Absolute Path},
  author = {Mallory, Eve},
  year = {2024},
}
"""


@pytest.fixture
def evil(kb_root, tmp_path):
    """A references.bib written by hand with keys that are paths, their text loaded."""
    (kb_root / "references.bib").write_text(EVIL_BIB)
    pages = tmp_path / "pages.json"
    pages.write_text(json.dumps(paper_pages(3)))
    for key in ("../../evil", "/tmp/kb-evil-absolute"):
        r = run_kb("text", "load", key, pages)
        assert r.code == 0, r.err
    return kb_root


@pytest.mark.parametrize("key", ["../../evil", "/tmp/kb-evil-absolute"])
def test_quote_and_claim_on_a_path_like_citekey_stay_inside_claims(evil, tmp_path, key):
    """Any key BibTeX accepts is kept; its claims file name is escaped, never a path."""
    outside = tree(tmp_path)
    bib = (evil / "references.bib").read_bytes()
    quote = quote_of(3, 1, 2)
    assert run_kb("quote", "add", key, quote).code == 0
    assert run_kb("claim", "add", key, "3.12 kWh", "--per", "1000 queries", "--quote", quote).code == 0
    assert {k: v for k, v in tree(tmp_path).items() if not k.startswith("kb/claims/")} == \
        {k: v for k, v in outside.items() if not k.startswith("kb/claims/")}
    assert (evil / "references.bib").read_bytes() == bib
    assert not Path("/tmp/kb-evil-absolute.toml").exists()
    assert not (tmp_path / "evil.toml").exists() and not (evil.parent / "evil.toml").exists()
    names = [p.name for p in (evil / "claims").iterdir()]
    assert len(names) == 1 and names[0].startswith("%2") and "/" not in names[0]
    assert run_kb("doctor").code == 0


def test_unknown_path_like_citekeys_and_ids_are_refused(kb_root, tmp_path):
    (kb_root / "references.bib").write_text(
        "@misc{real2024paper, title = {Real Paper}, author = {Real, R.}, year = {2024}}\n")
    pages = tmp_path / "pages.json"
    pages.write_text(json.dumps(paper_pages(4)))
    assert run_kb("text", "load", "real2024paper", pages).code == 0
    outside = tree(tmp_path)
    err = one_line_error(run_kb("quote", "add", "../../etc/x", "some words"))
    assert "no paper '../../etc/x'" in err
    err = one_line_error(run_kb("text", "load", "../x", pages))
    assert "no paper '../x'" in err
    err = one_line_error(run_kb("quote", "add", "real2024paper", quote_of(4, 0, 1), "--id", "../../x"))
    assert "quote id '../../x' must be letters, digits" in err
    err = one_line_error(run_kb("claim", "add", "real2024paper", "4.01 kWh", "--id", "/etc/x"))
    assert "claim id '/etc/x' must be letters, digits" in err
    for bad in ("arxiv:../../etc/passwd", "arxiv:2401.00001/../../x", "doi:../../x"):
        err = one_line_error(run_kb("add", bad))
        assert "not an arXiv id" in err or "not a DOI" in err
    assert tree(tmp_path) == outside


def test_import_keeps_path_like_keys_and_escapes_the_claims_file(kb_root, tmp_path):
    src = tmp_path / "in.bib"
    src.write_text(EVIL_BIB)
    r = run_kb("import", src, "--json")
    assert r.code == 0, r.err
    assert r.json["added"][0] == "../../evil"                 # a key BibTeX accepts is the user's: kept
    key = r.json["added"][0]
    pages = tmp_path / "pages.json"
    pages.write_text(json.dumps(paper_pages(5)))
    assert run_kb("text", "load", key, pages).code == 0
    assert run_kb("quote", "add", key, quote_of(5, 0, 4)).code == 0
    assert (kb_root / "claims" / "%2E.%2F..%2Fevil.toml").exists()     # escaped, inside claims/
    assert [p.name for p in (kb_root / "claims").iterdir()] == ["%2E.%2F..%2Fevil.toml"]


def test_semantic_scholar_cache_stays_inside(evil, server, tmp_path):
    server.routes["*"] = lambda seen: __import__("httpserver").Reply(200, b'{"data": []}',
                                                                   {"Content-Type": "application/json"})
    (evil / "references.bib").write_text(EVIL_BIB.replace("year = {2024},", "year = {2024},\n  eprint = {2401.00001},"))
    outside = tree(tmp_path)
    r = run_kb("cite", "fetch", "../../evil")
    # The key names one escaped file inside the cache (the same escape as claims files), never a path.
    assert r.code == 0, r.err
    cached = evil / ".kb" / "cache" / "s2" / "%2E.%2F..%2Fevil.json"
    assert set(tree(tmp_path)) - set(outside) == {str(cached.relative_to(tmp_path))}
    assert {k: v for k, v in tree(tmp_path).items() if k in outside} == outside


def test_outputs_never_go_into_the_index_or_over_truth_files(kb_root, monkeypatch):
    if run_kb("export", "--help").code != 0:
        pytest.skip("kb export is not there yet")
    monkeypatch.chdir(kb_root)
    (kb_root / "references.bib").write_text(
        "@misc{real2024paper, title = {Real Paper}, author = {Real, R.}, year = {2024}}\n")
    before = tree(kb_root)
    for target in (".kb/x.md", ".kb/kb.sqlite", "./.kb/../.kb/tmp/y", "references.bib", "kb.toml",
                   "claims/x.toml", str(kb_root / ".kb" / "abs.md")):
        for cmd in (["export", "note", "-o", target], ["export", "bib", "-o", target],
                    ["export", "csl-json", "-o", target]):
            err = one_line_error(run_kb(*cmd))
            assert f"-o {target}: refusing" in err, err
    err = one_line_error(run_kb("graph", "export", "-o", ".kb/graph.graphml"))
    assert "will not write into" in err
    assert tree(kb_root) == before


# -- PDFs over the limits ---------------------------------------------------------------------

def _versions(key: str) -> list[dict]:
    return run_kb("show", key, "--json").json["versions"]


@pytest.mark.slow
def test_decompression_bomb_is_stopped_and_the_paper_kept(kb_root, tmp_path):
    path = tmp_path / "bomb.pdf"
    path.write_bytes(make_bomb_pdf())          # 200 MB of content from 200 KB
    r = run_kb("add", path, "--offline", "--json")
    assert r.code == 0 and "Traceback" not in r.err, r.err
    key = r.json[0]["citekey"]
    assert f"{path}, page 1: Limit reached while decompressing" in r.err
    assert "raise KB_MAX_STREAM_MB if the file is trustworthy" in r.err and "kept with metadata only" in r.err
    [v] = _versions(key)
    assert v["text_status"] == "over-limit" and v["page_count"] is None
    assert key in (kb_root / "references.bib").read_text()
    assert run_kb("doctor").code == 0


@pytest.mark.parametrize("layers", [2, 3])
def test_a_bomb_in_layers_of_flate_is_stopped(kb_root, tmp_path, monkeypatch, layers):
    """Each layer of Flate shrinks a bomb again (30 MB in a few hundred bytes): a stream
    small enough is skipped only if no declared number of layers can take it past the limit
    (here 5 MB: one layer of Deflate could not take these bytes past it, two can)."""
    monkeypatch.setenv("KB_MAX_STREAM_MB", "5")
    path = tmp_path / "layered.pdf"
    lines = ["A text layer after the bomb, so that no extractor falls back for want of one.",
             "Reading it would take the whole stream: thirty megabytes of spaces first."]
    path.write_bytes(make_bomb_pdf(30, lines, layers=layers))
    assert path.stat().st_size * 1032 < 5 * 1024 * 1024
    r = run_kb("add", path, "--offline", "--json")
    assert r.code == 0 and "Traceback" not in r.err, r.err
    assert "Limit reached while decompressing" in r.err and "kept with metadata only" in r.err
    assert _versions(r.json[0]["citekey"])[0]["text_status"] == "over-limit"


def test_stream_limit_can_be_raised_in_kb_toml(kb_root, tmp_path, monkeypatch):
    lines = ["Decompressed text is limited so that a small file cannot fill the memory.",
             "This page holds twelve megabytes of spaces before these two lines."]
    path = tmp_path / "big-stream.pdf"
    path.write_bytes(make_bomb_pdf(12, lines))
    monkeypatch.setenv("KB_MAX_STREAM_MB", "5")
    r = run_kb("add", path, "--offline", "--json")
    assert r.code == 0, r.err
    key = r.json[0]["citekey"]
    assert "Limit reached while decompressing" in r.err and "kept with metadata only" in r.err
    assert _versions(key)[0]["text_status"] == "over-limit"
    monkeypatch.delenv("KB_MAX_STREAM_MB")
    toml = kb_root / "kb.toml"
    toml.write_text(toml.read_text().replace("max_stream_mb = 75", "max_stream_mb = 5"))
    assert run_kb("add", path, "--offline").code == 0
    assert _versions(key)[0]["text_status"] == "over-limit"
    toml.write_text(toml.read_text().replace("max_stream_mb = 5", "max_stream_mb = 20"))
    r = run_kb("add", path, "--offline", "--json")
    assert r.code == 0 and r.json[0]["citekey"] == key, r.err
    [v] = _versions(key)
    assert v["text_status"] == "ok" and v["page_count"] == 1
    assert run_kb("quote", "add", key, lines[0]).code == 0


def test_hundred_thousand_pages_are_refused(kb_root, tmp_path, monkeypatch):
    from kb.sources import pdf

    path = tmp_path / "many.pdf"
    path.write_bytes(make_many_pages_pdf(100_000))
    if pdf.pdfium_available():
        # PDFium finds the page past the limit itself: pypdf, which reads the cross-reference
        # table of all 100,000 pages first (seconds), is not asked
        def no_pypdf(*args):
            raise AssertionError("pypdf was asked to read the page tree")
        monkeypatch.setattr(pdf, "_extract_pypdf", no_pypdf)
    r = run_kb("add", path, "--offline", "--json")
    assert r.code == 0, r.err
    said = "has 100,000 pages, over the limit of 2,000" if pdf.pdfium_available() else "has more than 2,000 pages"
    assert said in r.err and "raise KB_MAX_PAGES (or max_pages in kb.toml [limits])" in r.err
    assert _versions(r.json[0]["citekey"])[0]["text_status"] == "over-limit"


def test_a_page_count_larger_than_the_pages_is_read_as_the_pages_there(kb_root, tmp_path):
    """A page tree whose /Count says 100,000 over three pages is no file over the limit."""
    path = tmp_path / "lying.pdf"
    path.write_bytes(make_many_pages_pdf(3).replace(b"/Count 3", b"/Count 100000"))
    r = run_kb("add", path, "--offline", "--json")
    assert r.code == 0 and "limit" not in r.err, r.err
    [v] = _versions(r.json[0]["citekey"])
    assert v["text_status"] != "over-limit"


def test_a_500_page_pdf_is_within_the_default_limits(kb_root, tmp_path):
    """pypdf's page-tree limit counts dictionary entries, not pages: it once made
    kb refuse anything over ~400 pages as 'more than 2,000 pages'."""
    path = tmp_path / "book.pdf"
    path.write_bytes(make_pdf([f"Chapter {i}: energy measured for the long report, page {i}." for i in range(500)],
                              title="A Long Report on the Energy of Models"))
    r = run_kb("add", path, "--offline", "--json")
    assert r.code == 0 and "limit" not in r.err, r.err
    [v] = _versions(r.json[0]["citekey"])
    assert v["text_status"] == "ok" and v["page_count"] == 500


def test_page_limit_can_be_raised(kb_root, tmp_path, monkeypatch):
    path = tmp_path / "thirty.pdf"
    path.write_bytes(make_pdf(paper_pages(6, pages=30, lines=3), title="Thirty Pages of Energy Figures"))
    monkeypatch.setenv("KB_MAX_PAGES", "10")
    r = run_kb("add", path, "--offline", "--json")
    assert r.code == 0, r.err
    key = r.json[0]["citekey"]
    assert f"{path} has 30 pages, over the limit of 10" in r.err
    assert _versions(key)[0]["text_status"] == "over-limit"
    monkeypatch.setenv("KB_MAX_PAGES", "50")
    assert run_kb("add", path, "--offline").code == 0
    [v] = _versions(key)
    assert v["text_status"] == "ok" and v["page_count"] == 30


def test_bad_limit_value_is_named(kb_root, tmp_path, monkeypatch):
    path = tmp_path / "p.pdf"
    path.write_bytes(make_pdf(paper_pages(7, pages=1)))
    monkeypatch.setenv("KB_MAX_PAGES", "lots")
    err = one_line_error(run_kb("add", path, "--offline"))
    assert "limit max_pages = 'lots' is not a whole number (set in KB_MAX_PAGES)" in err
    assert (kb_root / "references.bib").read_text() == ""


# -- notes ---------------------------------------------------------------------------------------

def test_note_with_a_megabytes_long_attribute_does_not_hang(kb_root, tmp_path):
    from kb.text.notes import parse_note

    huge = "x" * (budget(2, 10) * 1024 * 1024)         # 10 MB under KB_TEST_LONG=1
    for text in (f'<note-quote quote="{huge}" sourceLink="#a"></note-quote>\n',
                 f'<note-quote quote="{huge}\n',                      # never closed
                 f'<note-quote data-x="{huge}" quote="short" sourceLink="#a"></note-quote>\n',
                 "> " + huge + "\n[@key, p. 3]\n"):
        note = parse_note(text, "huge.md")
        assert note.quotes or note.problems
    path = tmp_path / "huge.md"
    path.write_text(f'<note-quote quote="{huge}\n')
    r = run_kb("verify", "--note", path)
    assert r.code == 1 and "Traceback" not in r.err
    assert f"{path}:1: problem:" in r.out

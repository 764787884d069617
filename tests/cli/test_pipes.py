"""`-` on the command line: stdin for every input (kb import -, kb verify --note -,
kb text load KEY -), stdout for every -o (kb export ..., kb graph export); empty
stdin is one clear error. (Where -o may write is tested in tests/ops/test_export.py.)"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from kbrun import run_kb

BIB = """@article{doe2020energy,
  title = {Energy of Everything},
  author = {Doe, Jane and de la Vallée Poussin, Charles},
  journal = {Journal of Made-up Learning},
  year = {2020},
  month = jun,
}
"""


def feed(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


@pytest.fixture
def root(tmp_path) -> Path:
    root = tmp_path / "kb"
    assert run_kb("init", root).code == 0
    return root


def test_import_dash_reads_stdin(root, monkeypatch):
    feed(monkeypatch, BIB.encode())
    r = run_kb("--kb", root, "import", "-")
    assert r.code == 0, r.err
    assert "1 added" in r.out
    assert "doe2020energy" in (root / "references.bib").read_text()
    assert not (root / "-").exists()


@pytest.mark.parametrize("data", [b"", b"   \n\n"])
def test_empty_stdin_is_one_clear_error(root, monkeypatch, data):
    for args in (["import", "-"], ["verify", "--note", "-"], ["audit", "--note", "-"], ["add", "--offline", "-"],
                 ["text", "load", "doe2020energy", "-"]):
        (root / "references.bib").write_text(BIB)
        feed(monkeypatch, data)
        r = run_kb("--kb", root, *args)
        assert r.code == 2, (args, r.out, r.err)
        assert r.err.startswith("kb: error: - means") and "stdin was empty" in r.err
        assert "Traceback" not in r.err and r.err.count("\n") == 1


def test_text_load_and_verify_note_read_stdin(root, monkeypatch):
    (root / "references.bib").write_text(BIB)
    pages = ["The energy of everything is 42 kWh per run.", "Second page."]
    feed(monkeypatch, json.dumps(pages).encode())
    r = run_kb("--kb", root, "text", "load", "doe2020energy", "-", "--extractor", "test")
    assert r.code == 0, r.err
    assert "loaded 2 pages" in r.out
    note = ('<note-quote\n    quote="The energy of everything is 42 kWh per run."\n'
            '    sourceLink="#doe2020energy"\n    sourceText="[1]">\n</note-quote>\n\n'
            '---\nReferences: \n\n<span\n  id="doe2020energy">\n  [1] [Energy of Everything] - Jane Doe. 2020.\n'
            '</span><br/>\n')
    feed(monkeypatch, note.encode())
    r = run_kb("--kb", root, "verify", "--note", "-")
    assert r.code == 0, r.out + r.err
    assert "1 quote: 1 ok" in r.out


def test_dash_output_is_stdout_for_every_export(root, tmp_path, monkeypatch):
    (root / "references.bib").write_text(BIB)
    monkeypatch.chdir(tmp_path)
    r = run_kb("--kb", root, "export", "bib", "-o", "-")
    assert r.code == 0 and r.out.startswith("@article{doe2020energy,")
    r = run_kb("--kb", root, "export", "csl-json", "-o", "-")
    assert r.code == 0 and r.json[0]["issued"] == {"date-parts": [[2020, 6]]}
    assert r.json[0]["author"][1] == {"family": "Vallée Poussin", "non-dropping-particle": "de la",
                                      "given": "Charles"}
    for fmt in ("graphml", "gexf", "dot", "json"):
        r = run_kb("--kb", root, "graph", "export", "-f", fmt, "-o", "-")
        assert r.code == 0 and "Energy of Everything" in r.out, fmt
        assert not r.out.startswith("wrote")
    assert not (tmp_path / "-").exists() and not (root / "exports").exists()


def test_add_dash_reads_a_pdf_from_stdin(root, monkeypatch):
    from pdfgen import make_pdf

    feed(monkeypatch, make_pdf(["Measured Energy of Piped Models", "They used 7 kWh per run."],
                               title="Measured Energy of Piped Models"))
    r = run_kb("--kb", root, "add", "--offline", "--extractor", "both", "-")
    assert r.code == 0, r.err
    key = r.out.split()[1]
    assert run_kb("--kb", root, "quote", "add", key, "They used 7 kWh per run").code == 0
    assert not (root / "-").exists()
    feed(monkeypatch, b"<html>a login page</html>")
    r = run_kb("--kb", root, "add", "--offline", "-")
    assert r.code == 2 and r.err.count("\n") == 1 and "<stdin> is an HTML page" in r.err, r.err


@pytest.mark.parametrize("args", [["-", "-"], ["-", "other.pdf"], ["arxiv:2311.16863", "-", "-"]])
def test_stdin_is_one_pdf(root, monkeypatch, args):
    feed(monkeypatch, b"%PDF-1.4\n")
    r = run_kb("--kb", root, "add", "--offline", *args)
    assert r.code == 2 and r.err.count("\n") == 1 and "a PDF on stdin" in r.err, r.err


def test_audit_note_dash_reads_stdin(root, monkeypatch):
    (root / "references.bib").write_text(BIB)
    feed(monkeypatch, json.dumps(["The energy of everything is 42 kWh per run."]).encode())
    assert run_kb("--kb", root, "text", "load", "doe2020energy", "-").code == 0
    feed(monkeypatch, b'The energy of everything was 42 kWh per run [@doe2020energy].\n')
    r = run_kb("--kb", root, "audit", "--note", "-")
    assert r.code == 0, r.out + r.err
    assert r.out.startswith("<stdin> line 1") and "confirmed" in r.out

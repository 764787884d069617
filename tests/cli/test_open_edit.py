"""kb open (the newest version's PDF; --print), kb edit ($EDITOR, validated before it is
written back), and kb --version."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest
from kbrun import run_kb
from pdfgen import make_pdf

BIB = """@article{strubell2019energy,
  title = {Energy and Policy Considerations for Deep Learning in {NLP}},
  author = {Strubell, Emma and Ganesh, Ananya and McCallum, Andrew},
  year = {2019},
}

@misc{other2020,
  title = {Another Paper},
  author = {Other, A.},
  year = {2020},
}
"""


@pytest.fixture
def lib(kb_root):
    (kb_root / "references.bib").write_text(BIB)
    return kb_root


def script(folder: Path, name: str, body: str) -> Path:
    """An executable Python script standing in for an editor or a PDF viewer."""
    path = folder / name
    path.write_text(f"#!{sys.executable}\nimport sys\n{body}\n")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return path


def test_version():
    from kb.version import VERSION

    r = run_kb("--version")
    assert r.code == 0 and r.out == f"kb {VERSION}\n"


def test_open_prints_and_opens_the_pdf(kb_root, tmp_path, monkeypatch):
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(make_pdf(["Measuring the energy of models", "The energy of training is large."],
                             title="Measuring the Energy of Models", author="Jane Doe"))
    r = run_kb("add", "--offline", pdf, "--json")
    assert r.code == 0, r.err
    key = r.json[0]["citekey"]
    r = run_kb("open", key, "--print")
    assert r.code == 0, r.err
    path = Path(r.out.strip())
    assert path.read_bytes() == pdf.read_bytes() and path.is_relative_to(kb_root / ".kb" / "cache")
    assert run_kb("show", key, "--json").json["pdf"] == str(path)
    assert f"  pdf       {path}\n" in run_kb("show", key).out
    # the system opener is the first xdg-open on PATH
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    seen = tmp_path / "opened.txt"
    script(bin_dir, "xdg-open", f"open({str(seen)!r}, 'w').write(sys.argv[1])")
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.delenv("KB_OPENER", raising=False)
    r = run_kb("open", key)
    assert r.code == 0, r.err
    for _ in range(200):
        if seen.exists() and seen.read_text():
            break
        import time
        time.sleep(0.05)
    assert seen.read_text() == str(path)


def test_open_without_a_pdf_says_so(lib):
    r = run_kb("open", "strubell2019energy")
    assert r.code == 2 and r.err.count("\n") == 1 and "strubell2019energy has no PDF" in r.err
    r = run_kb("open", "nosuch", "--print")
    assert r.code == 2 and "no paper 'nosuch'" in r.err


def editor(tmp_path: Path, monkeypatch, body: str) -> None:
    """$EDITOR set to a script that edits the file it is given with `body` (text = the file's text)."""
    path = script(tmp_path, "ed.py", "p = sys.argv[1]\ntext = open(p).read()\n" + body
                  + "\nopen(p, 'w').write(text)")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", str(path))


def test_edit_writes_a_valid_edit(lib, tmp_path, monkeypatch):
    editor(tmp_path, monkeypatch, "text = text.replace('{2019}', '{2020}')")
    r = run_kb("edit", "strubell2019energy")
    assert r.code == 0, r.err
    assert r.out == "strubell2019energy: entry written\n"
    assert (lib / "references.bib").read_text() == BIB.replace("{2019}", "{2020}", 1)
    assert run_kb("show", "strubell2019energy", "--json").json["year"] == 2020


def test_edit_with_no_change(lib, tmp_path, monkeypatch):
    editor(tmp_path, monkeypatch, "")
    r = run_kb("edit", "strubell2019energy")
    assert r.code == 0 and r.out == "strubell2019energy: no changes\n"


def test_edit_to_a_free_key_renames(lib, tmp_path, monkeypatch):
    editor(tmp_path, monkeypatch, "text = text.replace('strubell2019energy', 'strubell2019')")
    r = run_kb("edit", "strubell2019energy")
    assert r.code == 0, r.err
    assert "renamed to strubell2019" in r.out
    bib = (lib / "references.bib").read_text()
    assert "@article{strubell2019," in bib and "ids = {strubell2019energy}" in bib
    assert run_kb("show", "strubell2019energy", "--json").json["citekey"] == "strubell2019"


@pytest.mark.parametrize("body, message", [
    ("text = text.replace('year = {2019},', 'year = {2019,')", "not valid BibTeX"),
    ("text = text + '\\n@misc{x, title={y}}\\n'", "it must hold exactly one"),
    ("text = ''", "it must hold exactly one"),
    ("text = text.replace('strubell2019energy', 'other2020')", "'other2020' is already a citekey"),
    ("text = text.replace('strubell2019energy', 'has space')", "not valid BibTeX"),
    ("text = text.replace('{2019}', 'undefinedmacro')", "@string 'undefinedmacro'"),
    ("sys.exit(3)", "the editor exited with status 3"),
    # an alias that is another paper's key: a note citing it would find two papers
    ("text = text.replace('year = {2019},', 'year = {2019},\\n  ids = {other2020},')",
     "ids names 'other2020', the key of another paper (other2020)"),
    ("text = text.replace('year = {2019},', 'year = {2019},\\n  ids = {x, Other2020},')",
     "ids names 'Other2020', the key of another paper"),
])
def test_bad_edits_write_nothing(lib, tmp_path, monkeypatch, body, message):
    editor(tmp_path, monkeypatch, body)
    r = run_kb("edit", "strubell2019energy")
    assert r.code == 2, (r.out, r.err)
    assert r.err.startswith("kb: error: ") and r.err.count("\n") == 1 and message in r.err, r.err
    assert (lib / "references.bib").read_text() == BIB


def test_edit_unknown_key_and_missing_editor(lib, monkeypatch):
    r = run_kb("edit", "nosuch")
    assert r.code == 2 and "no paper 'nosuch'" in r.err
    monkeypatch.setenv("EDITOR", "/nonexistent/editor")
    monkeypatch.delenv("VISUAL", raising=False)
    r = run_kb("edit", "strubell2019energy")
    assert r.code == 2 and "cannot run the editor" in r.err
    assert (lib / "references.bib").read_text() == BIB


def test_an_edit_taking_another_papers_alias_writes_nothing(lib, tmp_path, monkeypatch):
    bib = BIB.replace("  title = {Another Paper},", "  title = {Another Paper},\n  ids = {old2020},")
    (lib / "references.bib").write_text(bib)
    editor(tmp_path, monkeypatch, "text = text.replace('year = {2019},', 'year = {2019},\\n  ids = {old2020},')")
    r = run_kb("edit", "strubell2019energy")
    assert r.code == 2 and "ids names 'old2020', already another key of other2020" in r.err, r.err
    assert (lib / "references.bib").read_text() == bib

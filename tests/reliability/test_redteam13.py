"""Round thirteen: hostile and unusual input at every boundary: an -o naming a person's own
file, selectors naming nothing, a file name taken for provenance, a page tree holding itself,
keys older kb wrote escaped, ...; each taken and said, or refused in one line with the right
exit code, nothing lost.
"""

from __future__ import annotations

import pytest
from kbrun import run_kb

ENTRY = "@article{p2020,\n  title = {P},\n  author = {Doe, J},\n  year = {2020},\n}\n"


def quoted(kb_root):
    """A knowledge base of one paper and one quote (unverified: kb holds no text of it)."""
    (kb_root / "references.bib").write_text(ENTRY)
    (kb_root / "claims" / "p2020.toml").write_text('[[quote]]\nid = "q"\ntext = "Some words"\nstatus = "unverified"\n')


# -- -o over a file kb did not write ------------------------------------------------------------------------------

@pytest.mark.parametrize("args", [("export", "note"), ("export", "bib"), ("export", "csl-json"),
                                  ("graph", "export", "-f", "json")])
def test_an_output_over_a_persons_own_file_is_refused_unless_forced(kb_root, args):
    """`kb export note -o notes.md` replaced a person's notes.md without a word."""
    quoted(kb_root)
    mine = kb_root / "mine.txt"
    mine.write_text("my own notes\n")
    r = run_kb(*args, "-o", mine)
    assert r.code == 2 and "exists, and kb did not write it; nothing written" in r.err and "--force" in r.err
    assert r.err.count("\n") == 1 and mine.read_text() == "my own notes\n", r.err
    assert run_kb(*args, "-o", mine, "--force").code == 0 and mine.read_text() != "my own notes\n"
    assert run_kb(*args, "-o", mine).code == 0                  # kb's own, unchanged since: replaced
    with open(mine, "a") as fh:                                 # a person's edit of kb's export: kept
        fh.write("edited\n")
    r = run_kb(*args, "-o", mine)
    assert r.code == 2 and "the file was changed after kb wrote it" in r.err and mine.read_text().endswith("edited\n")


def test_the_bib_beside_a_markdown_export_is_refused_before_anything_is_written(kb_root):
    quoted(kb_root)
    (kb_root / "refs.bib").write_text("@misc{kept, title = {Mine}}\n")
    r = run_kb("export", "note", "-f", "markdown", "-o", kb_root / "refs.md")
    assert r.code == 2 and "refs.bib: the file exists, and kb did not write it" in r.err, r.err
    assert not (kb_root / "refs.md").exists() and "kept" in (kb_root / "refs.bib").read_text()
    empty = kb_root / "empty.md"                                # an empty file holds nothing to lose
    empty.write_text("")
    assert run_kb("export", "note", "-o", empty).code == 0

"""Round thirteen: hostile and unusual input at every boundary: an -o naming a person's own
file, selectors naming nothing, a file name taken for provenance, a page tree holding itself,
keys older kb wrote escaped, ...; each taken and said, or refused in one line with the right
exit code, nothing lost.
"""

from __future__ import annotations

import pytest
from kbrun import run_kb

from kb.ops.session import open_kb
from kb.sources.citekey import field_key, key_list
from kb.store.queries import resolve_alias

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


# -- keys older kb wrote escaped in fields of keys ----------------------------------------------------------------

def test_keys_older_kb_wrote_escaped_are_read_as_the_keys():
    assert key_list(r" lee\&kim2021 , a\%b,, x\#y, plain ") == ["lee&kim2021", "a%b", "x#y", "plain"]
    assert field_key(r" lee\&kim2021 ") == "lee&kim2021" and field_key(None) == "" and field_key("a_b") == "a_b"


def test_an_alias_and_a_crossref_older_kb_wrote_escaped_name_their_paper(kb_root):
    """kb rename once kept 'lee&kim2021' as 'lee\\&kim2021' in ids (and a crossref so): that
    alias named no paper; and kb doctor said every entry with a crossref differed from the
    index, with kb rebuild, which changed nothing, as the fix."""
    (kb_root / "references.bib").write_text(
        "@article{lk2021,\n  title = {P},\n  author = {Lee, A},\n  year = {2021},\n  ids = {lee\\&kim2021},\n}\n\n"
        "@inproceedings{child2021,\n  title = {C},\n  author = {Roe, B},\n  crossref = {lee\\&kim2021},\n}\n")
    assert resolve_alias(open_kb().conn, "lee&kim2021") == "lk2021"
    assert run_kb("show", "lee&kim2021").out.startswith("lk2021: P")
    assert run_kb("doctor").code == 0
    assert run_kb("rename", "lk2021", "lk").code == 0
    text = (kb_root / "references.bib").read_text()
    assert "ids = {lee&kim2021, lk2021}" in text and "crossref = {lk}" in text, text

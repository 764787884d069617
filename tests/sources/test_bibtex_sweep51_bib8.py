"""Real BibTeX in and out (sweep 51): a person's references.bib exported as stored keeps its '%' lines,
@comment blocks and order (the comments between entries were dropped)."""

from __future__ import annotations

import pytest

from kb.ops.export import bib_export, cited_citekeys
from kb.ops.session import open_kb
from kb.sources.bibtex import BibFile

A = "@article{a,\n  author = {Ames, Ann},\n  title = {Alpha},\n  journal = {J},\n  year = {2020},\n}\n"
B = "@book{b,\n  author = {Bell, Bo},\n  title = {Beta},\n  publisher = {P},\n  year = {2021},\n}\n"


def _whole(root):
    base = open_kb(root)
    return bib_export(base, cited_citekeys(base), as_stored=True, whole=True)


@pytest.mark.parametrize("text", [
    "% my library, by hand\n\n" + A + "\n" + B,                                  # a header apart from the entries
    A + "\n% on b: read twice\n" + B,                                             # a comment right above an entry
    A + "\n% between, apart\n%  its second line\n\n" + B,                          # apart from both
    A + "\n" + B + "\n% the end of the file\n",                                   # trailing
    "@comment{jabref-meta: databaseType:bibtex;}\n\n" + A + "\n" + B,             # JabRef's @comment block
    "@preamble{\"\\newcommand{\\noop}[1]{}\"}\n% after the preamble\n" + A + "\n" + B,
    (A + "\n% crlf comment\n" + B).replace("\n", "\r\n"),                          # Windows line ends
    A + "% hugging the entry above\n\n" + B,
    "%%% a banner %%%\n%%%%%%%%%%%%%%%%\n" + A + "\n\n\n% spaced\n\n\n" + B,
])
def test_the_whole_file_exported_as_stored_is_the_persons_file_byte_for_byte(kb_root, text):
    (kb_root / "references.bib").write_bytes(text.encode())
    assert _whole(kb_root).text == text


def test_kbs_own_lines_are_left_out_of_the_file_exported_as_stored(kb_root):
    text = "% mine\n" + A + "\n" + B + "\n% kb-owned: b\n% after kb's line\n"
    (kb_root / "references.bib").write_text(text)
    out = _whole(kb_root).text
    assert "kb-owned" not in out
    assert out == "% mine\n" + A + "\n" + B + "\n% after kb's line\n"


@pytest.mark.parametrize("text, key, comment", [
    (A + "\n% on b\n" + B, "b", "% on b\n"),
    (A + "\n% on b\n%   and more\n" + B, "b", "% on b\n%   and more\n"),
    (A + "\n% apart from b\n\n" + B, "b", ""),                  # a blank line between: not b's
    ("% on a\n" + A + "\n" + B, "a", "% on a\n"),
    (A + "\n% kb-owned: b\n" + B, "b", ""),                     # kb's own line is no comment of the person's
    (A + "\n  % indented, on b\n" + B, "b", "  % indented, on b\n"),
    (A.replace("}\n", "} % after a's end\n")[:-1] + "\n" + B, "b", ""),   # after a's closing brace, on its line
])
def test_the_comment_lines_right_above_an_entry_go_with_it(text, key, comment):
    assert BibFile(text, "x.bib").comments_above(key) == comment


def test_one_entry_exported_as_stored_takes_its_comment_never_anothers(kb_root):
    (kb_root / "references.bib").write_text("% on a\n" + A + "\n% on b\n" + B)
    base = open_kb(kb_root)
    assert bib_export(base, ["b"], as_stored=True).text == "% on b\n" + B
    assert bib_export(base, ["a"], as_stored=True).text == "% on a\n" + A
    assert "% on" not in bib_export(base, ["a", "b"]).text      # shaped for biber: no comments

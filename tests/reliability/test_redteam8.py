"""Round eight: what users bring, at the boundary: paths holding what a terminal does not
show as itself, empty paths, fields typed a thousand times too long, a file-size limit
under SQLite, hand edits between kb commands: each taken as it should be, or refused in
one line with the right exit code, nothing lost.
"""

from __future__ import annotations

import io
import json
import os

import pytest
from alphakb import alpha_with_claim
from kbrun import run_kb


@pytest.fixture
def alpha(kb_root, tmp_path):
    return alpha_with_claim(kb_root, tmp_path)


# -- a path is printed as one line, exact; JSON carries it as it is ----------------------------------

@pytest.mark.parametrize("name, escaped", [
    ("a\nb", r"a\nb"),
    ("e\x1b[31mred", r"e\x1b[31mred"),
    ("soft\xadhy\u202ephen", r"soft\xadhy\u202ephen"),      # a soft hyphen, a right-to-left override
    (os.fsdecode(b"latin\xe9"), r"latin\xe9"),                # a byte that is not UTF-8
    ("Müller café", None),                                    # letters and spaces: as they are
])
def test_init_and_where_print_a_path_as_one_exact_line_and_json_the_path_itself(tmp_path, name, escaped):
    """`kb init $'a\\nb'` printed the path raw (two lines for a script reading one), ESC and a
    soft hyphen were dropped from it, and a name holding a byte that is not UTF-8 was "internal
    error: UnicodeEncodeError" on a UTF-8 terminal."""
    from kb.cli.app import main

    def printed(tail=""):
        return f"{tmp_path}/{name}{tail}" if escaped is None else f"'{tmp_path}/{escaped}{tail}'"

    folder = tmp_path / name
    r = run_kb("init", folder)
    assert r.code == 0 and r.out == f"initialised {printed()}\n", r.out + r.err
    for args in (["where"], ["where", "--json"]):
        out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")     # as on a UTF-8 terminal
        err = io.StringIO()
        assert main(["--kb", str(folder), *args], stdout=out, stderr=err) == 0, err.getvalue()
        out.flush()
        text = out.buffer.getvalue().decode()
        if "--json" in args:
            assert json.loads(text)["root"] == str(folder)
        else:
            assert text == f"root      {printed()}\ndatabase  {printed('/.kb/kb.sqlite')}\n"


def test_a_notes_path_holding_a_newline_is_printed_quoted(alpha, tmp_path):
    note = tmp_path / "n\nx.md"
    note.write_text('> "emitted 552 tCO2e in total" [@alpha2020energy, p. 2]\n')
    r = run_kb("verify", "--note", note)
    assert r.code == 0 and r.out.startswith(repr(str(note)) + ":1: ok"), r.out + r.err
    r = run_kb("rename", "alpha2020energy", "alpha2021energy", "--note", note)
    assert r.code == 0 and f"  note          {repr(str(note))}: 1 citation(s)\n" in r.out, r.out + r.err


# -- an empty path is named as empty -----------------------------------------------------------------

@pytest.mark.parametrize("args, name", [
    (("init", ""), "FOLDER"), (("import", ""), "FILE"), (("text", "load", "alpha2020energy", ""), "FILE"),
    (("verify", "--note", ""), "--note"), (("audit", "--note", ""), "--note"), (("--kb", "", "ls"), "--kb"),
    (("rename", "alpha2020energy", "alpha2021energy", "--note", "n.md", "--note", ""), "--note"),
])
def test_an_empty_path_is_refused_as_empty_not_read_as_this_folder(alpha, monkeypatch, args, name):
    """`kb verify --note ''` said "the note . is a folder"; `kb init ''` (an unset $DIR) made
    the current folder a knowledge base; `kb --kb '' ls` listed the one found from here."""
    monkeypatch.chdir(alpha)
    (alpha / "n.md").write_text("As [@alpha2020energy] says.\n")
    before = (alpha / "references.bib").read_bytes()
    r = run_kb(*args)
    assert r.code == 2 and r.err.count("\n") == 1, r.err
    assert r.err.startswith(f"kb: error: {name} '' is an empty path, which names no file or folder"), r.err
    assert (alpha / "references.bib").read_bytes() == before
    assert (alpha / "n.md").read_text() == "As [@alpha2020energy] says.\n"

"""Round seven: the truth files as editors save them (UTF-16, a byte kb cannot read) through
`kb rebuild`, kb.toml's settings of the wrong type, notes whose quotes sit beside narrative
citations, and the command line contract with hostile arguments and files: each taken as it
should be, or refused in one line with the right exit code, nothing lost.
"""

from __future__ import annotations

import sqlite3

import pytest
from alphakb import alpha_with_claim
from kbrun import run_kb


@pytest.fixture
def alpha(kb_root, tmp_path):
    return alpha_with_claim(kb_root, tmp_path)


def _indexed(root, table: str) -> int:
    conn = sqlite3.connect(root / ".kb" / "kb.sqlite")
    try:
        return conn.execute(f"select count(*) from {table}").fetchone()[0]
    finally:
        conn.close()


# -- a claims file as an editor saved it ---------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])      # -be: no byte-order mark
def test_a_claims_file_saved_as_utf16_is_read_and_written_back_as_it_was_saved(alpha, encoding):
    """It was refused ("is UTF-16, not UTF-8") by every command, and kb rebuild indexed the
    knowledge base without its quotes and claims."""
    path = alpha / "claims" / "alpha2020energy.toml"
    path.write_bytes(path.read_text().encode(encoding))
    head = path.read_bytes()[:4]
    assert [c["id"] for c in run_kb("claims", "--json").json] == ["energy"]
    r = run_kb("quote", "add", "alpha2020energy", "emitted 552 tCO2e in total")
    assert r.code == 0, r.err
    data = path.read_bytes()
    assert data[:4] == head
    text = data.decode(encoding)
    assert 'id = "energy"' in text and "emitted 552 tCO2e" in text
    r = run_kb("rebuild")
    assert r.code == 0 and "1 claim" in r.out and "1 quote" in r.out, r.out + r.err
    assert run_kb("verify").code == 0


def test_a_kb_toml_and_a_renamed_claims_file_keep_their_utf16(alpha):
    (alpha / "kb.toml").write_bytes((alpha / "kb.toml").read_text().encode("utf-16"))
    old = alpha / "claims" / "alpha2020energy.toml"
    old.write_bytes(old.read_text().encode("utf-16"))
    r = run_kb("rename", "alpha2020energy", "alpha2021energy")
    assert r.code == 0 and r.err == "", r.err
    new = alpha / "claims" / "alpha2021energy.toml"
    assert not old.exists() and new.read_bytes()[:2] == b"\xff\xfe"
    assert "Quotes and claims from alpha2021energy" in new.read_bytes().decode("utf-16")
    assert [c["citekey"] for c in run_kb("claims", "--json").json] == ["alpha2021energy"]


BREAKS = {
    "latin-1": lambda b: b.replace(b"1,287 MWh of energy", b"1,287 MWh of \xe9nergy"),
    "conflict": lambda b: b + b"<<<<<<< ours\nx = 1\n=======\nx = 2\n>>>>>>> theirs\n",
}


@pytest.mark.parametrize("how", [*BREAKS, "link"])
def test_a_rebuild_keeps_what_a_claims_file_it_cannot_read_held(alpha, tmp_path, how):
    """kb rebuild named the file and left it intact, but the new index lacked its quotes and
    claims, which every other command keeps until the file is corrected."""
    path = alpha / "claims" / "alpha2020energy.toml"
    saved = path.read_bytes()
    if how == "link":
        path.unlink()
        path.symlink_to(tmp_path / "moved.toml")
    else:
        path.write_bytes(BREAKS[how](saved))
    r = run_kb("rebuild")
    assert r.code == 1 and "Traceback" not in r.err, r.err
    assert "claims/alpha2020energy.toml" in r.err and "what the old index held from it is kept: 1 claim" in r.err
    assert _indexed(alpha, "claims") == 1
    r = run_kb("doctor")
    assert r.code == 1 and "claims/alpha2020energy.toml" in r.out + r.err
    path.unlink()
    path.write_bytes(saved)
    assert [c["id"] for c in run_kb("claims", "--json").json] == ["energy"]
    assert run_kb("verify").code == 0


# -- kb.toml's settings, each of its type ----------------------------------------------------------

@pytest.mark.parametrize("key, value, said", [
    ("max_pages", '"2000"', 'limit max_pages = "2000" is text, not a whole number: write it without quotes, '
                            "max_pages = 2000"),
    ("max_stream_mb", '"75.5"', 'limit max_stream_mb = "75.5" is text, not a number: write it without quotes, '
                                "max_stream_mb = 75.5"),
    ("max_pages", "1979-05-27", "limit max_pages = 1979-05-27 is a date or time, not a whole number"),
    ("max_extract_seconds", "{ s = 1 }", 'limit max_extract_seconds = {"s": 1} is a table, not a number'),
])
def test_a_kb_toml_setting_of_the_wrong_type_names_the_key_the_value_and_what_it_should_be(alpha, tmp_path, key,
                                                                                           value, said):
    """`max_pages = "2000"` was taken as the number 2000: kb.toml's other readers (and kb's own
    default, written unquoted) take it for text."""
    import re

    from pdfgen import make_pdf

    toml = alpha / "kb.toml"
    toml.write_text(re.sub(rf"^{key} = .*$", f"{key} = {value}", toml.read_text(), flags=re.M))
    pdf = tmp_path / "p.pdf"
    pdf.write_bytes(make_pdf(["A page about energy, long enough to be text and not an image."]))
    r = run_kb("add", "--offline", pdf)
    assert r.code == 2 and r.err.count("\n") == 1 and said in r.err, r.err
    r = run_kb("doctor")
    assert r.code == 1 and re.search(r"problem: kb\.toml:\d+: ", r.out) and said in r.out, r.out
    toml.write_text(re.sub(rf"^{key} = .*$", f"{key} = 2000", toml.read_text(), flags=re.M))
    assert len(run_kb("ls", "--json").json) == 1


# -- a PDF one extractor cannot read and the other finds no text in -------------------------------

@pytest.mark.parametrize("broken", ["pdfium", "pypdf"])
def test_why_one_extractor_could_not_read_a_pdf_the_other_finds_no_text_in_is_said(monkeypatch, broken):
    """PDFium failed to load the file, pypdf read it and found no text layer: kb said only that
    it had no text layer (probably scanned), never why PDFium could not read it."""
    import pypdf
    import pypdfium2
    from pdfgen import make_pdf

    from kb.sources.pdf import extract_plan

    def fails(*args, **kwargs):
        if broken == "pdfium":
            raise pypdfium2.PdfiumError("Failed to load document (PDFium: Data format error).", err_code=3)
        raise pypdf.errors.PdfReadError("Invalid Elementary Object starting with b'x'")
    monkeypatch.setattr(pypdfium2 if broken == "pdfium" else pypdf, "PdfDocument" if broken == "pdfium"
                        else "PdfReader", fails)
    got = extract_plan(make_pdf(["", ""]), "pdfium", source="x.pdf")
    assert got.status == "image-only"
    assert got.message.startswith("x.pdf has no text layer (2 page(s), 0 letters)"), got.message
    assert f"; {broken} could not read it (x.pdf is corrupt" in got.message, got.message


# -- an index made by an older kb ------------------------------------------------------------------

def test_an_index_made_before_kb_recorded_undefined_macros_flags_them_on_its_next_command(kb_root):
    """The flag of an @string macro references.bib never defines came from what kb recorded
    when it last read the file: an index made by a kb that recorded nothing of the kind
    showed no flag until references.bib was edited or kb rebuild ran."""
    (kb_root / "references.bib").write_text("@article{x2020,\n  title = nosuchmacro # { and more},\n"
                                            "  author = {X, Y},\n  year = 2020\n}\n")
    assert "nosuchmacro" in run_kb("ls").err
    conn = sqlite3.connect(kb_root / ".kb" / "kb.sqlite")
    with conn:
        conn.execute("delete from meta where key in ('bib_undefined', 'bib_reading')")
    conn.close()
    for _ in range(2):
        r = run_kb("ls")
        assert r.code == 0 and "entry x2020, field title uses @string 'nosuchmacro'" in r.err, r.err


# -- the command line contract: output to a pipe read no more ---------------------------------------

@pytest.mark.parametrize("args, code", [(("ls", "--json"), 141), (("export", "bib", "-o", "-"), 141), (("verify",), 1)])
def test_output_to_a_pipe_closed_by_its_reader_ends_quietly_with_the_commands_own_code(alpha, args, code):
    """`kb verify | head -c1`: kb exited 120 after Python's "Exception ignored ... BrokenPipeError"
    (or 1, or 0 from a verification that had not ended): the command now runs to its end with
    its output going nowhere, says nothing of the pipe, and exits as it would have where that is
    a failure, else 141 as a command SIGPIPE ended does: its output was lost, never a success."""
    import io
    import os

    from kb.cli.app import main

    path = alpha / "claims" / "alpha2020energy.toml"
    if "verify" in args:        # a claim whose value was edited by hand fails verification
        path.write_text(path.read_text().replace('value = "1,287 MWh"', 'value = "1,278 MWh"'))
    read, write = os.pipe()
    os.close(read)
    stream = io.TextIOWrapper(io.FileIO(write, "w"), encoding="utf-8", write_through=True)
    err = io.StringIO()
    try:
        assert main(list(args), stdout=stream, stderr=err) == code
    finally:
        stream.close()
    assert err.getvalue() == ""


# -- KB_HOME and --kb naming what is no knowledge base's folder ------------------------------------

@pytest.mark.parametrize("where, said", [
    ("references.bib", "KB_HOME points to {root}/references.bib, a file, not a knowledge base's folder "
                       "(give the folder holding kb.toml)"),
    ("kb.toml", "KB_HOME points to {root}/kb.toml, the kb.toml of a knowledge base, not a knowledge base's "
                "folder (give the folder holding kb.toml: KB_HOME={root})"),
    ("/dev/null", "KB_HOME points to /dev/null, a device, not a knowledge base's folder"),
    ("new\nline", "KB_HOME points to '{root}/new\\nline', which is not a knowledge base (no kb.toml) "
                  "(run: kb init '{root}/new\\nline')"),
])
def test_kb_home_naming_a_file_is_said_for_what_it_is_in_one_line(kb_root, monkeypatch, where, said):
    """KB_HOME=references.bib said "which is not a knowledge base kb can read (kb.toml is Not a
    directory) (restore .../references.bib/kb.toml)"; a path holding a newline was two lines."""
    monkeypatch.setenv("KB_HOME", str(kb_root / where))
    r = run_kb("ls")
    assert r.code == 2 and r.err.count("\n") == 1 and r.err.startswith(f"kb: error: {said.format(root=kb_root)}"), r.err


# -- a truth file its owner made read-only --------------------------------------------------------

@pytest.mark.parametrize("file, args", [
    ("references.bib", ("tag", "alpha2020energy", "+energy")),
    ("claims/alpha2020energy.toml", ("quote", "add", "alpha2020energy", "emitted 552 tCO2e in total")),
    ("claims/checks.toml", ("rename", "alpha2020energy", "alpha2021energy")),     # written third, refused first
    ("note.md", ("rename", "alpha2020energy", "alpha2021energy", "--note", "note.md")),
])
def test_a_truth_file_made_read_only_is_refused_in_one_line_and_nothing_is_written(alpha, monkeypatch, file, args):
    """chmod a-w references.bib, then kb tag: kb replaced the file through its folder (an atomic
    write needs no permission on the file itself), its mode kept, as if the person had not asked."""
    import os

    (alpha / "claims" / "checks.toml").write_text('[[check]]\nid = "c"\nstated = "1,287 MWh"\n'
                                                  'expr = "alpha2020energy.energy"\n')
    (alpha / "note.md").write_text("As [@alpha2020energy] says.\n")
    assert run_kb("check").code == 0
    monkeypatch.chdir(alpha)
    before = {p: p.read_bytes() for p in [alpha / "references.bib", *sorted((alpha / "claims").iterdir()),
                                          alpha / "note.md"]}
    os.chmod(alpha / file, 0o444)
    r = run_kb(*args)
    assert r.code == 2 and r.err.count("\n") == 1, r.err
    named = file if file == "note.md" else alpha / file         # as given on the command line
    assert r.err.startswith(f"kb: error: cannot write {named}: it is read-only") and "chmod u+w" in r.err
    assert {p: p.read_bytes() for p in before if p.exists()} == before
    assert [q["id"] for q in run_kb("quote", "ls", "--json").json] == []
    assert [p["citekey"] for p in run_kb("ls", "--json").json] == ["alpha2020energy"]


@pytest.mark.parametrize("args", [("import", "a\0b.bib"), ("export", "bib", "-o", "a\0b"), ("--kb", "a\0b", "ls"),
                                  ("quote", "add", "alpha2020energy", "emitted\0 552 tCO2e in total"),
                                  ("claim", "add", "alpha2020energy", "552 tCO2e", "--quote", "emitted 552 tCO2e",
                                   "-t", "a\0b")])
def test_an_argument_holding_a_nul_is_refused_in_one_line_before_anything(alpha, args):
    """A program calling kb (no shell can pass one) got "internal error: ValueError: embedded
    null byte" for a path, and a quote or a topic holding it was stored."""
    before = (alpha / "claims" / "alpha2020energy.toml").read_bytes()
    r = run_kb(*args)
    assert r.code == 2 and r.err.count("\n") == 1 and "holds a NUL character" in r.err, r.err
    assert (alpha / "claims" / "alpha2020energy.toml").read_bytes() == before


def test_a_file_size_limit_is_one_clear_line_and_the_files_are_as_they_were(alpha, monkeypatch):
    """Under `ulimit -f` a write fails with EFBIG (Python ignores SIGXFSZ): it was "internal
    error: OSError: [Errno 27] File too large"."""
    import errno
    import os

    import kb.atomic

    before = (alpha / "claims" / "alpha2020energy.toml").read_bytes()

    def too_large(fd):
        raise OSError(errno.EFBIG, os.strerror(errno.EFBIG))
    with monkeypatch.context() as patched:      # undoes the fsync only: KB_HOME still names this knowledge base
        patched.setattr(kb.atomic.os, "fsync", too_large)
        r = run_kb("quote", "add", "alpha2020energy", "emitted 552 tCO2e in total")
    assert r.code == 2 and r.err.count("\n") == 1 and r.err.startswith("kb: error: cannot write"), r.err
    assert "a file-size limit, ulimit -f" in r.err and "ulimit -f unlimited" in r.err
    assert (alpha / "claims" / "alpha2020energy.toml").read_bytes() == before
    assert not list((alpha / ".kb" / "tmp").glob("*.tmp"))
    assert run_kb("doctor").code == 0


# -- kb rename --note: standard input, and a note that is not UTF-8 ---------------------------------

def test_rename_reads_a_note_on_stdin_and_writes_it_renamed_to_stdout(alpha, monkeypatch):
    """`kb rename OLD NEW --note -` said "cannot read the note -: No such file or directory"."""
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"As [@alpha2020energy] says, p. 2.\n")))
    r = run_kb("rename", "alpha2020energy", "alpha2021energy", "--note", "-")
    assert r.code == 0 and r.out == "As [@alpha2021energy] says, p. 2.\n", r.out + r.err
    assert r.err == "kb: renamed alpha2020energy -> alpha2021energy; the note on stdin: 1 citation, written to " \
                    "stdout\n"
    assert [p["citekey"] for p in run_kb("ls", "--json").json] == ["alpha2021energy"]


def test_rename_with_a_note_that_is_not_utf8_is_one_line_and_renames_nothing(alpha):
    """It was "internal error: UnicodeDecodeError" (kb verify --note said "the note is not UTF-8")."""
    (alpha / "note.md").write_bytes(b"As [@alpha2020energy] says.\nIt costs 5 \xa3.\n")
    r = run_kb("rename", "alpha2020energy", "alpha2021energy", "--note", alpha / "note.md")
    assert r.code == 2 and r.err == f"kb: error: {alpha / 'note.md'}:2: the note is not UTF-8 " \
                                    "(byte 0xa3 at column 12); nothing renamed (save it as UTF-8)\n", r.err
    assert [p["citekey"] for p in run_kb("ls", "--json").json] == ["alpha2020energy"]


# -- paths no file can have, and paths holding a newline --------------------------------------------

@pytest.mark.parametrize("args, said", [
    (("export", "bib", "-o", "x" * 300), ": file name too long; nothing written"),
    (("export", "bib", "-o", "references.bib/out.bib"), "-o references.bib/out.bib: not a directory; nothing written"),
    (("graph", "export", "-o", "x" * 300), ": file name too long; nothing written"),
    (("--kb", "x" * 300, "ls"), ": file name too long (give the folder holding kb.toml)"),
    (("--kb", "references.bib/x", "ls"), "--kb points to references.bib/x: not a directory"),
])
def test_a_path_no_file_can_have_is_one_line_not_an_internal_error(alpha, monkeypatch, args, said):
    """-o with a name over 255 bytes was "internal error: OSError: [Errno 36] File name too long";
    --kb with one said "kb.toml is File name too long (restore .../kb.toml)"."""
    monkeypatch.chdir(alpha)
    r = run_kb(*args)
    assert r.code == 2 and r.err.count("\n") == 1 and r.err.startswith("kb: error: ") and said in r.err, r.err


def test_an_export_to_a_name_holding_a_newline_is_said_in_one_line(alpha, monkeypatch):
    monkeypatch.chdir(alpha)
    r = run_kb("export", "bib", "-o", "out\nx.bib")
    assert r.code == 0 and r.err == "kb: wrote " + repr(str(alpha / "out\nx.bib")) + ": 1 entry\n", r.err
    assert (alpha / "out\nx.bib").read_text().startswith("@misc{alpha2020energy,")


@pytest.mark.parametrize("args", [("show",), ("quote", "rm"), ("claim", "rm"), ("check", "--explain")])
def test_a_huge_name_of_nothing_is_said_shortly(alpha, args):
    """`kb show` of a 5,000-character key printed all of it back in its one line."""
    r = run_kb(*args, "x" * 5000)
    assert r.code == 2 and r.err.count("\n") == 1 and "... (5,000 characters)" in r.err and len(r.err) < 300, r.err

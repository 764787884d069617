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

from kb.errors import UsageError


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
    assert r.code == 0 and f"  note          {repr(str(note))}: 1 citation\n" in r.out, r.out + r.err


def test_a_pdf_added_from_a_path_holding_a_newline_shows_where_it_came_from_in_one_line(kb_root, tmp_path):
    from pdfgen import make_pdf

    pdf = tmp_path / "we\nird\x1b.pdf"
    pdf.write_bytes(make_pdf(["A page about the energy of models, long enough to be text."]))
    assert run_kb("add", "--offline", pdf).code == 0
    key = run_kb("ls", "--json").json[0]["citekey"]
    assert f"      from   {repr(str(pdf))}\n" in run_kb("show", key).out
    assert run_kb("show", key, "--json").json["versions"][0]["source_url"] == str(pdf)


@pytest.mark.parametrize("args, content", [(("import", "{f}"), "@misc{{a,\n title = {{x}}, title = {{y}}}}\n"),
                                           (("text", "load", "alpha2020energy", "{f}"), "{{not json")])
def test_a_malformed_file_whose_name_holds_a_newline_is_named_in_one_line(alpha, tmp_path, args, content):
    """`kb import $'bad\\nname.bib'` of a malformed file said "bad", a newline, "name.bib:2: ...":
    two lines, the second not kb's."""
    path = tmp_path / "bad\nname.in"
    path.write_text(content.format())
    r = run_kb(*[a.format(f=path) for a in args])
    assert r.code == 2 and r.err.count("\n") == 1 and r.err.startswith(f"kb: error: {repr(str(path))}:"), r.err


# -- an empty path is named as empty -----------------------------------------------------------------

@pytest.mark.parametrize("args, name", [
    (("init", ""), "FOLDER"), (("import", ""), "FILE"), (("import", "n.md", ""), "FILE"),
    (("text", "load", "alpha2020energy", ""), "FILE"),
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


# -- what a person types: a limit for each field kb writes ---------------------------------------------

BIG = "x" * 10_000


@pytest.mark.parametrize("args, said", [
    (("tag", "alpha2020energy", "+" + BIG), "a tag 'xxx"),
    (("quote", "add", "alpha2020energy", "emitted 552 tCO2e in total", "-t", BIG), "a topic 'xxx"),
    (("quote", "add", "alpha2020energy", "emitted 552 tCO2e in total", "--note", BIG), "a remark 'xxx"),
    (("quote", "add", "alpha2020energy", "emitted 552 tCO2e in total", "--id", BIG), "an id 'xxx"),
    (("claim", "add", "alpha2020energy", "552 tCO2e", "--quote", "emitted 552 tCO2e", "--id", BIG), "an id 'xxx"),
    (("claim", "add", "alpha2020energy", "3 days", "--quote", "for 3 days", "--per", BIG), "--per 'xxx"),
    (("claim", "add", "alpha2020energy", "552 tCO2e", "--quote", "emitted 552 tCO2e", "-t", "ok", "-t", BIG),
     "a topic 'xxx"),
    (("text", "load", "alpha2020energy", "pages.json", "--version", "v2", "--extractor", BIG), "an extractor's name"),
])
def test_a_field_typed_far_too_long_is_refused_in_one_short_line_naming_the_limit(alpha, monkeypatch, args, said):
    """A 10,000-character tag, topic, --per or remark was stored: one line of references.bib
    or claims/*.toml 10,000 characters long, and printed whole by every listing; an --id that
    long was refused with all of it in the message."""
    monkeypatch.chdir(alpha)
    (alpha / "pages.json").write_text('["A page of text."]')
    files = [alpha / "references.bib", *sorted((alpha / "claims").iterdir())]
    before = {p: p.read_bytes() for p in files}
    r = run_kb(*args)
    assert r.code == 2 and r.err.count("\n") == 1 and len(r.err) < 400, r.err
    assert r.err.startswith(f"kb: error: {said}") and "(10,000 characters) is over kb's limit of " in r.err, r.err
    assert {p: p.read_bytes() for p in files} == before


def test_fields_written_long_by_hand_are_read_and_kept(alpha):
    """The limits are kb's when it writes: what a person wrote in a truth file is read whatever
    its length (an id of 150 characters was refused as the file's error on every command)."""
    path = alpha / "claims" / "alpha2020energy.toml"
    long_id, topic, note = "e" * 150, "t" * 5_000, "n" * 9_000
    path.write_text(path.read_text().replace('id = "energy"', f'id = "{long_id}"\ntopics = ["{topic}"]\n'
                                                               f'note = "{note}"', 1))
    bib = alpha / "references.bib"
    bib.write_text(bib.read_text().replace("year = {2020},", "year = {2020},\n  keywords = {" + "k" * 10_000 + "},"))
    claims = run_kb("claims", "--json")
    assert claims.code == 0 and [c["id"] for c in claims.json] == [long_id], claims.err
    assert run_kb("verify").code == 0
    r = run_kb("tag", "alpha2020energy", "+short")
    assert r.code == 0 and r.out == f"alpha2020energy: {'k' * 10_000}, short\n", r.err
    assert run_kb("quote", "add", "alpha2020energy", "emitted 552 tCO2e in total").code == 0
    text = path.read_text()
    assert f'id = "{long_id}"' in text and topic in text and note in text
    assert run_kb("doctor").code == 0


# -- a file-size limit is not a full disk -------------------------------------------------------------

@pytest.mark.parametrize("limit, free, said", [
    (4_096_000, 10 ** 11, "a file-size limit stops it growing (ulimit -f: 4,000 KB a file, with 95,367 MB free "
                          "on the disk)"),
    (None, 0, "the disk is full (or failing)"),
    (4_096_000, 1024, "the disk is full, or a file-size limit stops it growing (ulimit -f: 4,000 KB a file"),
])
@pytest.mark.parametrize("error", ["database or disk is full", "disk I/O error"])
def test_sqlite_stopped_by_a_file_size_limit_says_so_not_a_full_disk(alpha, monkeypatch, limit, free, said, error):
    """Under `ulimit -f` SQLite's write fails with EFBIG, which it reports as "database or disk
    is full" (or, writing its WAL, "disk I/O error"): kb said the disk was full, with 70 GB free."""
    import resource
    import sqlite3

    import kb.atomic
    import kb.store.index

    def full(*args, **kwargs):
        raise sqlite3.OperationalError(error)

    class Stat:
        f_bavail, f_frsize = free, 1

    monkeypatch.setattr(kb.store.index.Indexer, "reindex_bib", full)
    monkeypatch.setattr(resource, "getrlimit", lambda what: (resource.RLIM_INFINITY if limit is None else limit,) * 2)
    monkeypatch.setattr(kb.atomic.os, "statvfs", lambda path: Stat)
    r = run_kb("tag", "alpha2020energy", "+energy")
    assert r.code == 2 and r.err.count("\n") == 1, r.err
    assert r.err.startswith(f"kb: error: cannot write the index .kb/kb.sqlite: {said}"), r.err
    assert ("ulimit -f unlimited" in r.err) == (limit is not None)


# -- references.bib as people keep it ------------------------------------------------------------------

def test_a_references_bib_with_a_long_abstract_pasted_by_hand_is_read_and_kept_byte_for_byte(kb_root, tmp_path):
    """An abstract of over a million characters written in references.bib (a whole paper pasted
    into it) stopped every command ("field 'abstract' expands to more than 1,000,000 characters"),
    a limit meant for @string definitions doubling each other. With a BOM, CRLF, @preamble and
    JabRef's @comment blocks around it, kb import and kb tag keep every byte they do not own."""
    bib = kb_root / "references.bib"
    text = ("\ufeff% Encoding: UTF-8\r\n\r\n@preamble{\"\\newcommand{\\noop}[1]{}\"}\r\n\r\n"
            "@comment{jabref-meta: databaseType:biblatex;}\r\n\r\n@string{acl = {Association for Computational "
            "Linguistics}}\r\n\r\n@inproceedings{strubell2019,\r\n  title = {Energy and Policy Considerations},\r\n"
            "  author = {Strubell, Emma},\r\n  booktitle = acl,\r\n  year = {2019},\r\n  abstract = {"
            + "word " * 250_000 + "},\r\n}\r\n\r\n@comment{jabref-meta: grouping:\r\n0 AllEntriesGroup:;\r\n}\r\n")
    bib.write_bytes(text.encode())
    assert [p["citekey"] for p in run_kb("ls", "--json").json] == ["strubell2019"]
    (tmp_path / "in.bib").write_text("@article{doe2020,\n  title = {A Study},\n  author = {Doe, Jane},\n"
                                     "  year = {2020},\n}\n")
    r = run_kb("import", tmp_path / "in.bib")
    assert r.code == 0, r.err
    meta = text.index("@comment{jabref-meta: grouping")          # JabRef's meta block stays last
    assert bib.read_bytes().startswith(text[:meta].encode()) and bib.read_bytes().endswith(text[meta:].encode())
    assert b"\r\n@article{doe2020,\r\n" in bib.read_bytes()
    before = bib.read_bytes()
    assert run_kb("tag", "strubell2019", "+energy").code == 0
    after = bib.read_bytes()
    assert after.replace(b"  keywords = {energy},\r\n", b"", 1) == before, after[200:400]
    assert run_kb("doctor", "--quick").code == 0


# -- hand edits between kb commands: a claims file under a key the paper had before ----------------------

@pytest.mark.parametrize("both", [False, True])
def test_a_claims_file_brought_back_under_a_papers_old_key_is_named_and_followed(alpha, both):
    """After `kb rename OLD NEW`, a merge or a checkout brings back claims/OLD.toml: kb said "OLD is
    not in references.bib; fix: restore the entry" (a second entry for the same paper), and
    `kb rename OLD NEW` refused ("NEW is already called NEW"), leaving no way but a hand move."""
    old = alpha / "claims" / "alpha2020energy.toml"
    saved = old.read_bytes()
    assert run_kb("rename", "alpha2020energy", "alpha2021energy").code == 0
    new = alpha / "claims" / "alpha2021energy.toml"
    if not both:
        new.unlink()
    old.write_bytes(saved)
    r = run_kb("verify")
    assert r.code == 1 and ("alpha2020energy is not in references.bib as a key: it is an old key of alpha2021energy, "
                            "kept in its ids field") in r.out, r.out
    r = run_kb("doctor")
    if both:        # kb rename refuses to write over claims/alpha2021energy.toml: the files are merged by hand
        assert r.code == 1 and ("its work is under alpha2021energy now, whose own claims/alpha2021energy.toml is "
                                "there too; fix: move what claims/alpha2020energy.toml holds into "
                                "claims/alpha2021energy.toml") in r.out, r.out
    else:
        assert r.code == 1 and "fix: kb rename alpha2020energy alpha2021energy moves claims/alpha2020energy.toml" \
            in r.out
    assert "restore the entry" not in r.out, r.out
    r = run_kb("rename", "alpha2020energy", "alpha2021energy")
    if both:
        assert r.code == 2 and r.err.count("\n") == 1 and "claims/alpha2021energy.toml exists already" in r.err, r.err
        assert old.read_bytes() == saved
        return
    assert r.code == 0 and "claims file   claims/alpha2021energy.toml" in r.out, r.out + r.err
    assert not old.exists() and "1,287 MWh" in new.read_text()
    assert run_kb("verify").code == 0 and run_kb("doctor").code == 0


# -- a note and page text saved as UTF-16 by an editor ---------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_a_note_and_page_text_saved_as_utf16_are_read_and_a_renamed_note_written_back_so(alpha, tmp_path, encoding):
    """Claims files saved as UTF-16 were read (round seven); a note or page text saved so by the
    same editor was "the note is not UTF-8" for kb verify --note, kb audit --note, kb rename --note
    and kb text load."""
    note = tmp_path / "note.md"
    note.write_bytes('> "emitted 552 tCO2e in total" [@alpha2020energy, p. 2]\n'.encode(encoding))
    head = note.read_bytes()[:4]
    r = run_kb("verify", "--note", note)
    assert r.code == 0 and ":1: ok " in r.out, r.out + r.err
    r = run_kb("audit", "--note", note)
    assert r.code == 0 and "confirmed" in r.out, r.out + r.err
    pages = tmp_path / "pages.txt"
    pages.write_bytes("Page one of version two.\fPage two, 552 tCO2e.\n".encode(encoding))
    r = run_kb("text", "load", "alpha2020energy", pages, "--version", "v2")
    assert r.code == 0 and r.out == "loaded 2 pages into alpha2020energy v2\n", r.out + r.err
    r = run_kb("rename", "alpha2020energy", "alpha2021energy", "--note", note)
    assert r.code == 0, r.err
    assert note.read_bytes()[:4] == head
    assert note.read_bytes().decode(encoding).lstrip("\ufeff") == \
        '> "emitted 552 tCO2e in total" [@alpha2021energy, p. 2]\n'


# -- a huge value given to a filter is named shortly ----------------------------------------------------

WORDS = " ".join(f"word{i}" for i in range(9_000))         # 79,889 characters: a file's text in a variable


@pytest.mark.parametrize("args", [
    ("export", "note", "--text", WORDS, "-o", "-"), ("export", "note", "--topic", WORDS, "-o", "-"),
    ("ls", "--year", WORDS), ("claims", "--min", WORDS), ("claims", "--unit", WORDS),
    ("text", "show", "alpha2020energy", "--page", WORDS), ("rename", "alpha2020energy", WORDS),
    ("audit", "--accept", WORDS), ("ls", "--sort", WORDS), ("graph", "export", "--format", WORDS),
])
def test_a_huge_value_given_to_an_option_is_named_shortly_in_its_one_line(alpha, args):
    """`kb export note --text "$(cat file)"` printed all 80,000 characters back in its error."""
    r = run_kb(*args)
    assert r.code == 2 and r.err.count("\n") == 1 and "... (79,889 characters)" in r.err and len(r.err) < 400, r.err


def test_any_error_line_is_kept_to_two_thousand_characters_with_its_start_and_its_hint(alpha, monkeypatch):
    import kb.cli.papers

    def refused(*args, **kwargs):       # an error whose message holds a huge value whole
        raise UsageError(f"unknown word {WORDS!r}", hint="a hint")

    monkeypatch.setattr(kb.cli.papers, "filter_papers", refused)
    r = run_kb("ls")
    assert r.code == 2 and r.err.count("\n") == 1 and len(r.err) < 2_100, len(r.err)
    assert r.err.startswith("kb: error: unknown word 'word0 word1") and " characters left out) ..." in r.err
    assert r.err.endswith(" (a hint)\n")


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs Linux's /proc, a folder where no folder can be made")
@pytest.mark.parametrize("folder", ["/proc/kb-nowhere", "/proc"])
def test_init_where_no_folder_or_file_can_be_made_is_one_line(folder):
    """`kb init /proc/x` was "internal error: FileNotFoundError"."""
    r = run_kb("init", folder)
    assert r.code == 2 and r.err.count("\n") == 1, r.err
    assert r.err.startswith(f"kb: error: cannot make a knowledge base in {folder}: no such file or directory"), r.err

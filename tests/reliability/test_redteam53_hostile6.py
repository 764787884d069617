"""Red-team round 53, hostile input (sixth pass of this sweep): every command given what a person should never give.

A citekey of 60,000 characters (a variable holding a file, a paste gone wrong) reached SQLite's LIKE as a pattern
through the alias lookup every command naming a paper makes, and SQLite refuses a pattern over 50,000 bytes:
`kb show`, `kb rm`, `kb refs`, `kb audit`, `kb claims -p`, ... ended in "internal error: LIKE or GLOB pattern too
complex". Such a key is now looked for without the pattern: "no paper ...", exit 2, and an alias that long in a
hand-written `ids` field is still found."""

from __future__ import annotations

import pytest
from kbrun import run_kb

_LONG = "x" * 60_000

_ENTRY = "@article{p2020,\n  title = {P},\n  author = {Doe, J},\n  year = {2020},\n}\n"


@pytest.mark.parametrize("key", [_LONG, "k_" * 30_000, "%" * 60_000, "é" * 30_000, "ids" + _LONG, "a" * 25_001 + "%"])
@pytest.mark.parametrize("args", [("show", "{}"), ("refs", "{}"), ("audit", "{}"), ("rm", "{}"), ("open", "{}"),
                                  ("tag", "{}", "+t"), ("claims", "-p", "{}"), ("quote", "ls", "-p", "{}"),
                                  ("export", "note", "-p", "{}"), ("export", "bib", "--cite", "{}"),
                                  ("graph", "path", "{}", "p2020"), ("rename", "{}", "q2020")])
def test_a_citekey_longer_than_sqlites_like_pattern_is_no_paper(kb_root, key, args):
    (kb_root / "references.bib").write_text(_ENTRY)
    r = run_kb(*[key if a == "{}" else a for a in args])
    assert r.code == 2 and r.err.startswith("kb: error: no paper ") and r.err.count("\n") == 1, r.err[:300]
    assert "internal error" not in r.err and (kb_root / "references.bib").read_text() == _ENTRY


@pytest.mark.parametrize("length", [10_000, 10_001, 60_000])
def test_an_alias_longer_than_sqlites_like_pattern_still_names_its_paper(kb_root, length):
    alias = "old" + "k" * length
    (kb_root / "references.bib").write_text(_ENTRY.replace("year = {2020},", f"year = {{2020}},\n  ids = {{{alias}}},"))
    r = run_kb("show", alias, "--json")
    assert r.code == 0 and r.json["citekey"] == "p2020", r.err[:300]
    assert run_kb("show", alias[:-1] + "j").code == 2            # one character off: no paper


# -- GraphML and GEXF of a key or title XML cannot hold -------------------------------------------------------------

def _two(key: str, title: str) -> str:
    return (f"@article{{{key},\n  title = {{{title}}},\n  author = {{Doe, J}},\n  year = {{2020}},\n}}\n\n"
            f"@article{{b2021,\n  title = {{B}},\n  author = {{Roe, R}},\n  year = {{2021}},\n  crossref = {{{key}}},\n}}\n")


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
@pytest.mark.parametrize("key, title", [
    ("a2020", "Plain \ufffe title"), ("a2020", "Title \uffff end"), ("a2020", "Bell \x07 and escape \x1b[31m"),
    ("a2020", "Vertical\x0btab"), ("ke\x01y", "T"), ("ke\uffffy", "T"), ("ke\ufffey", "T\ufffe"),
    ("a2020", "Kept: \ud7ff \ue000 \ufffd \U0001F600 & <b> \"q\""), ("a\x7f2020", "DEL is XML")])
def test_graphml_and_gexf_are_xml_whatever_a_key_or_title_holds(kb_root, fmt, key, title):
    import xml.etree.ElementTree as ET

    (kb_root / "references.bib").write_text(_two(key, title))
    r = run_kb("graph", "export", "-f", fmt, "-o", "-")
    assert r.code == 0, r.err
    root = ET.fromstring(r.out)                                         # (an error here: no XML)
    ids = {n.get("id") for n in root.iter() if n.tag.endswith("}node")}
    written = "".join(c if c >= " " and c not in "\ufffe\uffff" else f"\\u{ord(c):04x}" for c in key)
    assert ids == {written, "b2021"}, ids
    said = " ".join([*(e.text or "" for e in root.iter()), *(v for e in root.iter() for v in e.attrib.values())])
    kept = [c for c in title if c >= " " and c not in "\ufffe\uffff" or c == "\x0b"]
    assert all(c in said for c in kept if c != "\x0b") and "tab" in said or "tab" not in title, said


def test_a_key_that_written_for_xml_is_another_keys_is_refused(kb_root):
    (kb_root / "references.bib").write_text(_two("ke\x01y", "T") + _two("ke\\u0001y", "U").split("\n\n")[0] + "\n")
    r = run_kb("graph", "export", "-f", "graphml", "-o", "-")
    last = r.err.splitlines()[-1]                    # (after the line saying what references.bib's key holds)
    assert r.code == 2 and last.startswith("kb: error: ") and "another paper's key" in last and r.out == "", r.err
    assert run_kb("graph", "export", "-f", "json", "-o", "-").code == 0


# -- a truth file that is no file: written to, or read beside a sync service's copy -----------------------------------

_CLAIMS = '[[quote]]\nid = "q"\ntext = "Some words"\nstatus = "unverified"\n'


def _no_file(path, kind):
    import os

    path.unlink()
    if kind == "a link to /dev/zero":
        path.symlink_to("/dev/zero")
    elif kind == "a FIFO":
        os.mkfifo(path)
    elif kind == "a folder":
        path.mkdir()
    else:                                                   # a link to itself
        path.symlink_to(path)


_KINDS = ["a link to /dev/zero", "a FIFO", "a folder", "a link in a loop"]


@pytest.mark.parametrize("kind", _KINDS)
@pytest.mark.parametrize("args", [("claim", "add", "p2020", "7 tasks", "-q", "seven tasks", "--force", "--id", "c"),
                                  ("quote", "add", "p2020", "more words", "--force", "--id", "q2"),
                                  ("quote", "rm", "q"), ("claim", "rm", "p2020.c"), ("rename", "p2020", "p2021")])
def test_a_write_to_a_claims_file_that_is_no_file_is_refused_in_one_line(kb_root, kind, args):
    """`kb claim add` hung reading a claims file linked to /dev/zero or made a FIFO, and ended in an
    internal error where it was a folder or a link in a loop."""
    (kb_root / "references.bib").write_text(_ENTRY)
    path = kb_root / "claims" / "p2020.toml"
    path.write_text(_CLAIMS)
    assert run_kb("ls").code == 0                           # (indexed while it was a file)
    _no_file(path, kind)
    r = run_kb(*args)
    last = r.err.splitlines()[-1]
    assert r.code == 2 and last.startswith("kb: error: ") and "internal error" not in r.err, r.err
    assert (path.is_symlink() or path.is_dir() or path.is_fifo()) and (kb_root / "references.bib").read_text() == _ENTRY


@pytest.mark.parametrize("kind", _KINDS)
@pytest.mark.parametrize("name, copy", [("claims/p2020.toml", "claims/p2020 (Ada's conflicted copy 2024-01-02).toml"),
                                        ("claims/p2020.toml", "claims/p2020.sync-conflict-20240102-030405-ABCDEFG.toml"),
                                        ("references.bib", "references (Ada's conflicted copy 2024-01-02).bib")])
def test_doctor_beside_a_sync_copy_of_a_truth_file_that_is_no_file_says_it(kb_root, kind, name, copy):
    """kb doctor compared a sync service's copy with the file it copies, read whole whatever it was:
    a claims file or references.bib linked to /dev/zero or made a FIFO, kb doctor never finished."""
    (kb_root / "references.bib").write_text(_ENTRY)
    (kb_root / "claims" / "p2020.toml").write_text(_CLAIMS)
    (kb_root / copy).write_bytes((kb_root / name).read_bytes() + b"\n")
    assert run_kb("ls").code == 0                           # (indexed while it was a file)
    _no_file(kb_root / name, kind)
    r = run_kb("doctor")
    assert r.code == 1 and "problem: " + name + ": cannot read" in r.out and "internal error" not in r.err, r.out


@pytest.mark.parametrize("args", [("tag", "p2020", "+t"), ("rename", "p2020", "p2021"), ("rm", "p2020"),
                                  ("edit", "p2020")])
def test_a_write_to_references_bib_linked_in_a_loop_is_refused_in_one_line(kb_root, monkeypatch, args):
    """references.bib a link to itself: every write ended in 'internal error: RuntimeError: Symlink loop'."""
    from kb.atomic import write_bytes
    from kb.errors import WriteError

    monkeypatch.setenv("EDITOR", "true")
    (kb_root / "references.bib").write_text(_ENTRY)
    assert run_kb("ls").code == 0
    bib = kb_root / "references.bib"
    bib.unlink()
    bib.symlink_to(bib)
    r = run_kb(*args)
    assert r.code == 2 and r.err.startswith("kb: error: ") and "internal error" not in r.err, r.err
    assert bib.is_symlink() and str(bib.readlink()) == str(bib)
    with pytest.raises(WriteError, match="a link in a loop"):
        write_bytes(bib, b"x")


@pytest.mark.parametrize("target", ["loop", "a missing folder"])
def test_a_lock_file_that_cannot_be_opened_is_one_line(kb_root, target):
    """.kb/lock a link in a loop or into a missing folder: every writer ended in an internal error."""
    (kb_root / "references.bib").write_text(_ENTRY)
    lock = kb_root / ".kb" / "lock"
    lock.unlink(missing_ok=True)
    lock.symlink_to(lock if target == "loop" else kb_root / "nowhere" / "lock")
    r = run_kb("tag", "p2020", "+t")
    assert r.code == 2 and r.err.startswith("kb: error: cannot take the lock ") and r.err.count("\n") == 1, r.err
    lock.unlink()
    assert run_kb("tag", "p2020", "+t").code == 0


@pytest.mark.parametrize("where", ["/proc/self", "/proc/self/fdinfo"])
@pytest.mark.parametrize("args", [("claim", "add", "p2020", "7 tasks", "-q", "seven tasks", "--force", "--id", "c"),
                                  ("quote", "add", "p2020", "more words", "--force", "--id", "q2")])
def test_a_write_into_a_claims_folder_where_no_file_can_be_made_is_one_line(kb_root, where, args):
    """claims/ a link to /proc/self: kb's temporary file could not be made (ENOENT), an internal error."""
    import os

    if not os.path.isdir(where):
        pytest.skip(f"no {where} here")
    (kb_root / "references.bib").write_text(_ENTRY)
    (kb_root / "claims").rmdir()
    (kb_root / "claims").symlink_to(where)
    r = run_kb(*args)
    last = r.err.splitlines()[-1]
    assert r.code == 2 and last.startswith("kb: error: cannot write ") and "internal error" not in r.err, r.err
    assert "check the folder" in last

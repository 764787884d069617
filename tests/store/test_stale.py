"""kb.store.stale: which truth files changed since they were indexed, by their identity
alone, compared as two lists in order of path."""

from __future__ import annotations

import os

from kbrun import run_kb

from kb.store import stale
from kb.store.paths import Layout
from kb.store.sqlite import connect

BIB = "@misc{p1, title = {One}, author = {Doe, Jane}, year = {2020}}\n"
QUOTE = '[[quote]]\nid = "{id}"\ntext = "We trained twelve models."\nstatus = "unverified"\n'
# Names whose order differs between code points and a careless byte or case order.
NAMES = ["p1.toml", "Zeta.toml", "zeta2.toml", "é.toml", "%C3%A9x.toml", "ß.toml", "日本.toml", "a b.toml"]


def indexed(root):
    (root / "references.bib").write_text(BIB)
    for i, name in enumerate(NAMES):
        (root / "claims" / name).write_text(QUOTE.format(id=f"q{i}"))
    assert run_kb("--kb", root, "ls").code == 0
    return Layout(root)


def test_nothing_changed_is_nothing_stale_whatever_the_names(kb_root):
    layout = indexed(kb_root)
    conn = connect(layout.db)
    assert stale.stale_files(conn, layout) == []
    assert [rel for rel, *_ in stale.scan(layout)] == sorted(["references.bib"] + [f"claims/{n}" for n in NAMES])


def test_an_edit_in_place_an_added_a_removed_and_a_touched_file_are_each_found(kb_root):
    layout = indexed(kb_root)
    conn = connect(layout.db)
    claims = kb_root / "claims"
    edited = claims / "é.toml"
    st = edited.stat()
    with open(edited, "r+b") as fh:          # same size, same inode: only the times differ
        data = fh.read()
        fh.seek(0)
        fh.write(data.replace(b"twelve", b"eleven"))
    os.utime(edited, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    (claims / "new.toml").write_text(QUOTE.format(id="qn"))
    (claims / "日本.toml").unlink()
    os.utime(kb_root / "references.bib")
    assert sorted(stale.stale_files(conn, layout)) == sorted(
        ["claims/é.toml", "claims/new.toml", "claims/日本.toml", "references.bib"])
    assert run_kb("--kb", kb_root, "ls").code == 0      # indexed again: in step
    assert stale.stale_files(conn, layout) == []
    assert conn.execute("select text from quotes where id = 'q3'").fetchone()[0] == "We trained eleven models."
